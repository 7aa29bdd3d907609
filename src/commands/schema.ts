/** `csq schema questionnaire|answers|result`: JSON Schemas generated from the zod schemas. */
import * as z from 'zod';
import { answersSchema } from '../core/answers.js';
import { questionnaireSchema } from '../core/questionnaire.js';
import { resultSchema } from '../core/result.js';
import { loadContext } from '../context.js';
import { CsqError, ExitCode } from '../errors.js';
import { resolveLang } from '../i18n/index.js';
import { writeStdout } from '../io/stdio.js';

export const SCHEMA_KINDS = ['questionnaire', 'answers', 'result'] as const;

export function jsonSchema(kind: string, options: { lang?: string; questionnaire?: string } = {}): object {
  const schema =
    kind === 'questionnaire'
      ? questionnaireSchema()
      : kind === 'result'
        ? resultSchema()
        : kind === 'answers'
          ? // Generated from the questionnaire in use, so editors complete its ids.
            answersSchema(loadContext({ lang: resolveLang(options.lang, undefined), questionnaireFile: options.questionnaire }).questionnaire)
          : undefined;
  if (!schema) throw new CsqError(`unknown schema "${kind}" (choose ${SCHEMA_KINDS.join(', ')})`);
  // Draft-07: the dialect editors' YAML language servers understand fully.
  return { title: `csq ${kind}`, ...z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) };
}

export async function schema(kind: string, options: { lang?: string; questionnaire?: string }): Promise<number> {
  writeStdout(`${JSON.stringify(jsonSchema(kind, options), null, 2)}\n`);
  return ExitCode.ok;
}
