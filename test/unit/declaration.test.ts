/**
 * The answers format is declared once (src/core/answers.ts): a field added to the declaration
 * appears in autosave, in `csq init` and in the JSON Schema with no other edit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { answersSchema, fieldMeta, type Answers } from '../../src/core/answers.js';
import { answersTemplate } from '../../src/core/answers-template.js';
import { stringifyAnswers } from '../../src/core/answers-yaml.js';
import { answersJsonSchema } from '../../src/core/json-schema.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { en } from '../../src/i18n/en.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');

/** A scratch copy of the declaration with one new field, `budget`, placed after `vision`. */
function withBudget() {
  const shape = answersSchema(q).shape;
  const budget = z.optional(z.nullable(z.string()));
  fieldMeta.add(budget, { text: 'What you can spend on service this year.' });
  const entries = Object.entries(shape).flatMap(([key, value]) => (key === 'vision' ? [[key, value], ['budget', budget]] : [[key, value]]));
  return z.strictObject(Object.fromEntries(entries));
}

describe('the answers declaration', () => {
  const scratch = withBudget();
  const answers = { organization: 'Acme', ratings: {}, vision: 'Spotless.', budget: '2,000 a year', policies: null } as Answers & { budget: string };

  it('orders autosave by it', () => {
    const text = stringifyAnswers(answers, ' t', scratch as never);
    expect(text).toBe('# t\n\norganization: Acme\nratings: {}\nvision: Spotless.\nbudget: 2,000 a year\npolicies: null\n');
  });

  it('writes csq init from it, with the field’s explanation', () => {
    const template = answersTemplate(q, en, { profile: { staff: true }, schemaUrl: './s.json', lang: 'en' }, scratch);
    expect(template).toMatch(/\nvision: "" +# short: a few words everyone remembers\nbudget: "" +# What you can spend on service this year\.\npolicies: \[\]/);
  });

  it('generates the JSON Schema from it', () => {
    const json = answersJsonSchema(q, en, scratch) as { properties: Record<string, { description?: string; type?: unknown }> };
    expect(Object.keys(json.properties).slice(Object.keys(json.properties).indexOf('vision'), Object.keys(json.properties).indexOf('vision') + 2)).toEqual(['vision', 'budget']);
    expect(json.properties.budget!.description).toBe('What you can spend on service this year.');
    expect(JSON.stringify(json.properties.budget)).toContain('"type":"null"');
  });

  it('is the one csq uses: without the new field, neither init nor the schema mentions it', () => {
    expect(answersTemplate(q, en, { profile: { staff: true }, schemaUrl: './s.json', lang: 'en' })).not.toContain('budget');
    expect(Object.keys((answersJsonSchema(q, en) as { properties: object }).properties)).not.toContain('budget');
  });
});
