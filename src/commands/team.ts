/** `csq team FILE…`: several respondents of one organization → one Result and one plan. */
import * as path from 'node:path';
import { MAX_LIST_ITEMS, MAX_RESPONDENTS } from '../core/limits.js';
import { own } from '../core/questionnaire.js';
import { combineResults, policyDisagreements } from '../core/team.js';
import type { Result } from '../core/result.js';
import { CsqError, ExitCode } from '../errors.js';
import { STDIO, writeFileAtomic } from '../io/files.js';
import { colorEnabled, renderSummary } from '../render/terminal.js';
import { renderJson, renderMarkdown, scoreFile, type InputOptions } from './load.js';
import { writeStderr, writeStdout } from '../io/stdio.js';

export interface TeamOptions extends InputOptions {
  output?: string;
  format: string;
  force?: boolean;
  quiet?: boolean;
  /** The respondent whose vision, communication and education the plan uses (default: the first file). */
  visionFrom?: string;
}

export async function team(files: string[], options: TeamOptions): Promise<number> {
  if (files.length < 2) throw new CsqError('csq team combines two or more answers files');
  if (files.length > MAX_RESPONDENTS) throw new CsqError(`csq team combines at most ${MAX_RESPONDENTS} answers files, got ${files.length}`);
  if (options.format !== 'markdown' && options.format !== 'json') throw new CsqError(`--format must be markdown or json, not "${options.format}"`);
  const lead = options.visionFrom === undefined ? 0 : respondentIndex(files, options.visionFrom);
  const output = options.output ?? STDIO;
  const scored = files.map((file) => scoreFile(file, options));
  const first = scored[0]!;
  for (const other of scored.slice(1)) {
    if (other.result.questionnaire.id !== first.result.questionnaire.id) throw new CsqError(`${other.file} answers questionnaire ${other.result.questionnaire.id}, not ${first.result.questionnaire.id}`);
    for (const [id, value] of Object.entries(first.result.profile)) {
      const theirs = own(other.result.profile, id); // a saved Result may lack it
      if (theirs !== value) throw new CsqError(`${other.file} says profile.${id} is ${theirs ?? 'not set'}, but ${first.file} says ${value}: respondents of one organization must agree`);
    }
    if (other.result.organization !== first.result.organization) {
      writeStderr(`note: ${other.file} names organization "${other.result.organization ?? ''}", ${first.file} "${first.result.organization ?? ''}"; the plan uses the first\n`);
    }
  }
  const results = scored.map((s) => s.result);
  const result = combineResults(results, { lead });
  // Whatever csq writes it reads back: a team's merged lists are bounded as one respondent's are.
  const { internal, employees, topRequests } = result.requirements;
  for (const [name, list] of [['policies', result.policies], ['internal findings', internal], ['employee notes', employees], ['top requests', topRequests]] as const) {
    if (list.length > MAX_LIST_ITEMS) throw new CsqError(`the respondents' ${name} are ${list.length} in all (each once), more than the ${MAX_LIST_ITEMS} one plan holds; shorten some of their lists`);
  }
  for (const note of mergeNotes(results, scored.map((s) => s.file), lead, result)) writeStderr(`note: ${note}\n`);
  const content = options.format === 'json' ? renderJson(result) : await renderMarkdown({ result, context: first.context });
  if (output === STDIO) writeStdout(content);
  else writeFileAtomic(output, content, { force: options.force === true });
  if (!options.quiet) {
    if (output !== STDIO) writeStderr(renderSummary(result, first.context.messages, colorEnabled(process.stderr)));
    for (const s of result.team!.sections.filter((x) => x.disagree)) {
      const title = result.sections.find((r) => r.id === s.id)!.title;
      writeStderr(`respondents disagree on ${title}: ${s.min}% to ${s.max}%\n`);
    }
  }
  return ExitCode.ok;
}

/** `--vision-from FILE` names one of the files given, as typed or as the same path. */
function respondentIndex(files: readonly string[], wanted: string): number {
  const exact = files.indexOf(wanted);
  if (exact >= 0) return exact;
  if (wanted !== STDIO) {
    const resolved = path.resolve(wanted);
    const same = files.findIndex((f) => f !== STDIO && path.resolve(f) === resolved);
    if (same >= 0) return same;
  }
  throw new CsqError(`--vision-from ${wanted} is not one of the answers files given (${files.join(', ')})`);
}

/** Whose answers the plan uses where only one respondent's can be used, and where respondents judged differently. */
function mergeNotes(results: readonly Result[], names: readonly string[], lead: number, combined: Result): string[] {
  const parts = combined.education ? 'vision, communication and staff education are' : 'vision and communication are';
  const notes = [`the plan's ${parts} ${names[lead]}'s${lead === 0 ? "; --vision-from FILE uses another respondent's" : ''}`];
  if (results[lead]!.vision === null) {
    const others = names.filter((_, i) => i !== lead && results[i]!.vision !== null);
    if (others.length > 0) notes.push(`${names[lead]} has no vision; ${others.join(', ')} ${others.length === 1 ? 'has' : 'have'} one (--vision-from ${others[0]})`);
  }
  const policies = results.reduce((n, r) => n + r.policies.length, 0);
  const count = `${combined.policies.length} ${combined.policies.length === 1 ? 'policy' : 'policies'}`;
  notes.push(`policies and customer requirements are every respondent's, merged: ${count} from ${policies} named`);
  const judge = (j: { friendly: boolean; necessary: boolean }) => `${j.friendly ? 'friendly' : 'unfriendly'}, ${j.necessary ? 'necessary' : 'unnecessary'}`;
  for (const { name, judgments } of policyDisagreements(results)) {
    const views = judgments.map((j) => `${names[j.respondent]}: ${judge(j)}`).join('; ');
    notes.push(`respondents judge the policy ${JSON.stringify(name)} differently (${views}); the plan follows ${names[judgments[0]!.respondent]}`);
  }
  return notes;
}
