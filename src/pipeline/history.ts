/**
 * `csq report --history DIR`: the earlier assessments of one business, read from a folder of
 * answers files and saved Results, each checked as any input is, and put in date order.
 */
import * as path from 'node:path';
import { isCustomersData } from '../core/customers.js';
import { MAX_HISTORY } from '../core/history.js';
import type { Result } from '../core/result.js';
import { fail } from '../errors.js';
import { listFolder, recordInputs } from '../io/files.js';
import { readSource, scoreSource, type InputOptions, type Scored } from './inputs.js';

const ASSESSMENT = /\.(ya?ml|json)$/i;

/** The assessments in `dir` before `current`, oldest first. A survey's tally there is left alone: it is no assessment. */
export function readHistory(dir: string, current: Scored, options: InputOptions): Result[] {
  const here = path.resolve(current.file);
  const files = listFolder(dir)
    .filter((name) => ASSESSMENT.test(name))
    .map((name) => path.join(dir, name))
    .filter((file) => path.resolve(file) !== here);
  recordInputs(files);
  const earlier: { file: string; result: Result }[] = [];
  for (const file of files) {
    const source = readSource(file);
    if (isCustomersData(source.data)) continue;
    const { result } = scoreSource(source, { ...options, lang: current.result.lang });
    if (result.questionnaire.id !== current.result.questionnaire.id) {
      fail('compare-different-questionnaires', { before: file, after: current.file, a: result.questionnaire.id, b: current.result.questionnaire.id });
    }
    if (result.date === null) fail('history-undated', { file });
    if (current.result.date !== null && result.date > current.result.date) fail('history-later', { file, date: result.date, current: current.file, currentDate: current.result.date });
    earlier.push({ file, result });
  }
  if (earlier.length === 0) fail('history-empty', { dir });
  if (earlier.length >= MAX_HISTORY) fail('history-too-many', { dir, count: earlier.length, max: MAX_HISTORY - 1 });
  // ISO dates sort as text; one day's assessments keep the folder's (name) order.
  return earlier.sort((a, b) => (a.result.date! < b.result.date! ? -1 : a.result.date! > b.result.date! ? 1 : 0)).map((e) => e.result);
}
