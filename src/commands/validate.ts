/** `csq validate FILE…`: answers, questionnaires, saved Results and survey tallies (customers.json), each with located errors. */
import { validateAnswers } from '../core/answers.js';
import { isCustomersData } from '../core/customers.js';
import { validateCustomers } from '../core/gap.js';
import { isApplicable, resolveProfile, validateQuestionnaire } from '../core/questionnaire.js';
import { validateResult } from '../core/result-check.js';
import { compareQuestionnaireIds } from '../core/translation.js';
import { CsqError, ExitCode, fail, InputError } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { DEFAULT_LANG, resolveLang, uiMessages } from '../i18n/index.js';
import { writeStderr, writeStdout } from '../io/stdio.js';
import { bundledQuestionnaire, loadContext } from '../pipeline/context.js';
import { isResultData, readSource } from '../pipeline/inputs.js';
import { formatProblems, problemJson } from '../render/problems.js';

export interface ValidateOptions {
  lang?: string;
  questionnaire?: string;
  format?: string;
  quiet?: boolean;
}

interface Checked {
  kind: 'answers' | 'questionnaire' | 'result' | 'customers';
  /** What it was, in words: `answers for csq, 25 ratings`. */
  summary: string;
}

export async function validate(files: string[], options: ValidateOptions): Promise<number> {
  if (files.length === 0) fail('validate-no-files');
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') fail('format-text-json', { format });
  const m = uiMessages();
  const report: { file: string; valid: boolean; kind: Checked['kind'] | null; summary: string | null; problems: ReturnType<typeof problemJson>[] }[] = [];
  for (const file of files) {
    try {
      const checked = checkFile(file, options, m);
      report.push({ file, valid: true, kind: checked.kind, summary: checked.summary, problems: [] });
      if (format === 'text' && !options.quiet) writeStdout(`${fill(m.output.validOk, { file, what: checked.summary })}\n`);
    } catch (error) {
      if (!(error instanceof CsqError)) throw error;
      report.push({ file, valid: false, kind: null, summary: null, problems: error.problems.map((p) => problemJson(p, m)) });
      if (format === 'text') writeStderr(`${formatProblems(error.problems, m)}\n`);
    }
  }
  const valid = report.filter((r) => r.valid).length;
  if (format === 'json') writeStdout(`${JSON.stringify({ valid, count: files.length, files: report }, null, 2)}\n`);
  else if (files.length > 1 && !options.quiet) writeStderr(`${fill(m.output.validCount, { valid, count: files.length })}\n`);
  return valid < files.length ? ExitCode.invalid : ExitCode.ok;
}

/** Checks one file; returns what it was, or throws its problems. */
function checkFile(file: string, options: ValidateOptions, m: Messages): Checked {
  const source = readSource(file);
  const data = source.data as Record<string, unknown>;
  const lang = () => resolveLang(options.lang, typeof data.lang === 'string' ? data.lang : undefined);
  // Before a Result: customers.json has a schemaVersion too.
  if (isCustomersData(data)) {
    const customers = validateCustomers(source, loadContext({ lang: lang(), questionnaireFile: options.questionnaire }).questionnaire);
    return { kind: 'customers', summary: fill(m.output.validCustomers, { id: customers.questionnaire, responses: customers.responses }) };
  }
  if (isResultData(data)) {
    // The same checks as `report` and `compare` make before they draw it.
    const result = validateResult(source, loadContext({ lang: lang(), questionnaireFile: options.questionnaire }).questionnaire);
    return { kind: 'result', summary: fill(m.output.validResult, { percent: result.overall.percent }) };
  }
  // A questionnaire is the other kind with sections.
  if ('sections' in data) {
    const q = validateQuestionnaire(source);
    // A translation of a bundled questionnaire must keep its ids exactly.
    if (q.id === 'csq') {
      const problems = compareQuestionnaireIds(bundledQuestionnaire(DEFAULT_LANG), q, source);
      if (problems.length > 0) throw new InputError(problems);
    }
    const statements = q.sections.reduce((n, s) => n + s.statements.length, 0);
    return { kind: 'questionnaire', summary: fill(m.output.validQuestionnaire, { id: q.id, sections: q.sections.length, statements }) };
  }
  const q = loadContext({ lang: lang(), questionnaireFile: options.questionnaire }).questionnaire;
  const answers = validateAnswers(source, q);
  const profile = resolveProfile(q, answers.profile);
  const rated = q.sections.filter((s) => isApplicable(s, profile)).reduce((n, s) => n + s.statements.length, 0);
  return { kind: 'answers', summary: fill(m.output.validAnswers, { id: q.id, count: rated }) };
}
