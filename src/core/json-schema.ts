/**
 * JSON Schemas (draft-07, what editors' YAML language servers understand fully) generated
 * from the zod schemas csq validates with. The answers schema is made as strict as
 * `csq validate` wherever JSON Schema can say it: ids, types, scale, lengths, and which
 * sections must be rated for the profile. Pure.
 */
import * as z from 'zod/mini';
import { fill, type Messages } from '../i18n/en.js';
import { answersSchema, metaOf } from './answers.js';
import { ALLOWED_TEXT_PATTERN } from './characters.js';
import type { Questionnaire } from './questionnaire.js';
import { questionnaireSchema } from './questionnaire.js';
import { resultSchema } from './result.js';

export const SCHEMA_KINDS = ['questionnaire', 'answers', 'result'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

type JsonObject = Record<string, unknown>;



export function jsonSchemaOf(kind: SchemaKind, q: Questionnaire, messages: Messages): JsonObject {
  if (kind === 'questionnaire') return { title: 'csq questionnaire', ...z.toJSONSchema(questionnaireSchema(), { io: 'input', target: 'draft-7' }) };
  if (kind === 'result') return { title: 'csq result', ...z.toJSONSchema(resultSchema(), { io: 'input', target: 'draft-7' }) };
  return answersJsonSchema(q, messages);
}

/** `schema`: the answers declaration (another one only in tests). */
export function answersJsonSchema(q: Questionnaire, messages: Messages, schema: z.ZodMiniType = answersSchema(q)): JsonObject {
  const docs = messages.answers.docs as Record<string, string>;
  const { min, max, labels } = q.scale;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const labelOf = (v: number) => labels[String(v)] ?? String(v);
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-7',
    override: ({ zodSchema, jsonSchema }) => {
      const info = metaOf(zodSchema as unknown as z.ZodMiniType);
      // Text: no control characters, as csq reads it (a pattern of its own wins: dates, codes).
      const type = jsonSchema.type;
      if ((type === 'string' || (Array.isArray(type) && type.includes('string'))) && !jsonSchema.pattern && !('const' in jsonSchema)) jsonSchema.pattern = ALLOWED_TEXT_PATTERN;
      const description = info.doc ? docs[info.doc] : info.text;
      if (description && !jsonSchema.description) jsonSchema.description = description;
      // A rating: its values with their labels, for completion.
      if (jsonSchema.type === 'integer' && jsonSchema.minimum === min && jsonSchema.maximum === max) {
        jsonSchema.enum = values;
        (jsonSchema as JsonObject).enumDescriptions = values.map((v) => `${v} ${labelOf(v)}`);
        (jsonSchema as JsonObject).markdownEnumDescriptions = values.map((v) => `**${v}** ${labelOf(v)}`);
        if (description) jsonSchema.description = `${description} ${fill(messages.answers.schema.rating, { min, max, minLabel: labelOf(min), maxLabel: labelOf(max) })}`;
      }
    },
  }) as JsonObject;
  const properties = json.properties as Record<string, JsonObject>;
  // Each area once.
  if (properties.improve) properties.improve.uniqueItems = true;
  return {
    title: 'csq answers',
    description: fill(messages.answers.schema.title, { title: q.title, id: q.id }),
    ...json,
    allOf: profileRules(q),
  };
}

/**
 * What a complete answers file must rate, depending on its profile answers: the sections
 * that apply, each with every statement; a section that does not apply has no ratings and
 * is not an area to improve. A profile answer left out takes its default.
 */
function profileRules(q: Questionnaire): JsonObject[] {
  const ratingsOf = (ids: string[]) =>
    Object.fromEntries(
      q.sections
        .filter((s) => ids.includes(s.id))
        .map((s) => [s.id, { type: 'object', properties: Object.fromEntries(s.statements.map((st) => [st.id, {}])), required: s.statements.map((st) => st.id) }]),
    );
  const always = q.sections.filter((s) => s.when === undefined).map((s) => s.id);
  const object = (properties: JsonObject, extra: JsonObject = {}) => ({ type: 'object', properties, ...extra });
  const rules: JsonObject[] = [object({ ratings: object(ratingsOf(always), { required: always }) }, { required: ['ratings'] })];
  for (const question of q.profile) {
    const dependent = q.sections.filter((s) => s.when === question.id).map((s) => s.id);
    if (dependent.length === 0) continue;
    const answered = (value: boolean) => object({ profile: object({ [question.id]: { const: value } }, { required: [question.id] }) }, { required: ['profile'] });
    const required = (ids: string[]) => ({ required: ids });
    const applies = object({ ratings: object(ratingsOf(dependent), required(dependent)) }, required(['ratings']));
    const doesNotApply = object({
      ratings: object(Object.fromEntries(dependent.map((id) => [id, { type: 'object', maxProperties: 0 }]))),
      improve: { type: 'array', items: { not: { enum: dependent } } },
    });
    // The default applies when the question is not answered.
    rules.push({ if: answered(!question.default), then: question.default ? doesNotApply : applies, else: question.default ? applies : doesNotApply });
  }
  return rules;
}
