/** `csq init [FILE]`: a commented answers template to fill in. */
import { answersTemplate } from '../core/answers-template.js';
import { resolveProfile } from '../core/questionnaire.js';
import { loadContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { resolveLang } from '../i18n/index.js';
import { STDIO, writeFileAtomic } from '../io/files.js';
import { writeStderr, writeStdout } from '../io/stdio.js';

export interface InitOptions {
  staff: boolean;
  lang?: string;
  questionnaire?: string;
  schema: string;
  force?: boolean;
}

export async function init(file: string | undefined, options: InitOptions): Promise<number> {
  const lang = resolveLang(options.lang, undefined);
  const context = loadContext({ lang, questionnaireFile: options.questionnaire });
  const profile = resolveProfile(context.questionnaire, { staff: options.staff });
  const text = answersTemplate(context.questionnaire, context.messages, { profile, schemaUrl: options.schema, lang });
  if (file === undefined || file === STDIO) {
    writeStdout(text);
  } else {
    writeFileAtomic(file, text, { force: options.force === true });
    writeStderr(`Wrote ${file}: fill in the ratings, then run csq report ${file} -o plan.md\n`);
  }
  return ExitCode.ok;
}
