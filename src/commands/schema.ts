/** `csq schema questionnaire|answers|result`: JSON Schemas generated from the zod schemas. */
import { jsonSchemaOf, SCHEMA_KINDS, type SchemaKind } from '../core/json-schema.js';
import { loadContext } from '../pipeline/context.js';
import { ExitCode, fail } from '../errors.js';
import { resolveLang } from '../i18n/index.js';
import { writeStdout } from '../io/stdio.js';

export interface SchemaOptions {
  lang?: string;
  questionnaire?: string;
}

/** Answers: generated from the questionnaire in use, so editors complete its ids. */
export function jsonSchema(kind: SchemaKind, options: SchemaOptions = {}): object {
  const context = loadContext({ lang: resolveLang(options.lang, undefined), questionnaireFile: options.questionnaire });
  return jsonSchemaOf(kind, context.questionnaire, context.messages);
}

export async function schema(kind: SchemaKind, options: SchemaOptions): Promise<number> {
  if (!SCHEMA_KINDS.includes(kind)) fail('unknown-schema', { kind });
  writeStdout(`${JSON.stringify(jsonSchema(kind, options), null, 2)}\n`);
  return ExitCode.ok;
}
