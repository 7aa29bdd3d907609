/** `csq init [FILE]`: a commented answers template to fill in, and the JSON Schema its editor reads. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answersTemplate } from '../core/answers-template.js';
import { jsonSchemaOf } from '../core/json-schema.js';
import { resolveProfile } from '../core/questionnaire.js';
import { ExitCode } from '../errors.js';
import { fill } from '../i18n/format.js';
import { resolveLang, uiMessages } from '../i18n/index.js';
import { STDIO, writeFileAtomic } from '../io/files.js';
import { writeStderr, writeStdout } from '../io/stdio.js';
import { loadContext } from '../pipeline/context.js';

export interface InitOptions {
  staff: boolean;
  lang?: string;
  questionnaire?: string;
  /** Where editors find the JSON Schema; default: a schema file written beside the template. */
  schema?: string;
  force?: boolean;
  quiet?: boolean;
}

/** The schema file `csq init` writes beside the answers, which its first line points to. */
export const SCHEMA_FILE = 'csq-answers.schema.json';

export async function init(file: string | undefined, options: InitOptions): Promise<number> {
  const lang = resolveLang(options.lang, undefined);
  const context = loadContext({ lang, questionnaireFile: options.questionnaire });
  const profile = resolveProfile(context.questionnaire, { staff: options.staff });
  const toStdout = file === undefined || file === STDIO;
  const text = answersTemplate(context.questionnaire, context.messages, { profile, schemaUrl: options.schema ?? `./${SCHEMA_FILE}`, lang });
  const ui = uiMessages();
  if (toStdout) {
    writeStdout(text);
    return ExitCode.ok;
  }
  writeFileAtomic(file, text, { force: options.force === true });
  if (options.schema === undefined) {
    // So that the template's first line resolves: the schema of the questionnaire in use, beside it.
    const schemaFile = path.join(path.dirname(file), SCHEMA_FILE);
    const schema = `${JSON.stringify(jsonSchemaOf('answers', context.questionnaire, context.messages), null, 2)}\n`;
    const existing = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : undefined;
    if (existing === undefined || (existing !== schema && options.force)) writeFileAtomic(schemaFile, schema, { force: existing !== undefined });
    else if (existing !== schema && !options.quiet) writeStderr(`${fill(ui.output.schemaKept, { file: schemaFile })}\n`);
  }
  if (!options.quiet) writeStderr(`${fill(ui.output.initWrote, { file })}\n`);
  return ExitCode.ok;
}
