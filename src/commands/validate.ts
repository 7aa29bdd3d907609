/** `csq validate FILE…`: answers, questionnaires and saved Results, each with located errors. */
import { validateAnswers } from '../core/answers.js';
import { isApplicable, resolveProfile, validateQuestionnaire } from '../core/questionnaire.js';
import { validateResult } from '../core/result-check.js';
import { compareQuestionnaireIds } from '../core/translation.js';
import { bundledQuestionnaire, loadContext } from '../context.js';
import { CsqError, ExitCode, InputError } from '../errors.js';
import { DEFAULT_LANG, resolveLang } from '../i18n/index.js';
import { readSource, isResultData } from './load.js';
import { writeStderr, writeStdout } from '../io/stdio.js';

export interface ValidateOptions {
  lang?: string;
  questionnaire?: string;
}

export async function validate(files: string[], options: ValidateOptions): Promise<number> {
  if (files.length === 0) throw new CsqError('give one or more files to check');
  let failed = 0;
  for (const file of files) {
    try {
      writeStdout(`${file}: ok (${checkFile(file, options)})\n`);
    } catch (error) {
      if (!(error instanceof CsqError)) throw error;
      failed++;
      writeStderr(`${error instanceof InputError ? error.message : `csq: ${error.message}`}\n`);
    }
  }
  if (files.length > 1) writeStderr(`${files.length - failed} of ${files.length} valid\n`);
  return failed > 0 ? ExitCode.invalid : ExitCode.ok;
}

/** Checks one file; returns what it was, or throws its problems. */
function checkFile(file: string, options: ValidateOptions): string {
  const source = readSource(file);
  const data = source.data as Record<string, unknown>;
  const lang = () => resolveLang(options.lang, typeof data.lang === 'string' ? data.lang : undefined);
  if (isResultData(data)) {
    // The same checks as `report` and `compare` make before they draw it.
    const result = validateResult(source, loadContext({ lang: lang(), questionnaireFile: options.questionnaire }).questionnaire);
    return `Result, overall ${result.overall.percent}%`;
  }
  // A questionnaire is the other kind with sections.
  if ('sections' in data) {
    const q = validateQuestionnaire(source);
    // A translation of a bundled questionnaire must keep its ids exactly.
    if (q.id === 'csq') {
      const problems = compareQuestionnaireIds(bundledQuestionnaire(DEFAULT_LANG), q, source);
      if (problems.length > 0) throw new InputError(problems);
    }
    return `questionnaire ${q.id}, ${q.sections.length} sections, ${q.sections.reduce((n, s) => n + s.statements.length, 0)} statements`;
  }
  const q = loadContext({ lang: lang(), questionnaireFile: options.questionnaire }).questionnaire;
  const answers = validateAnswers(source, q);
  const profile = resolveProfile(q, answers.profile);
  const rated = q.sections.filter((s) => isApplicable(s, profile)).reduce((n, s) => n + s.statements.length, 0);
  return `answers for ${q.id}, ${rated} ratings`;
}
