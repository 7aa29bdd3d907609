/**
 * The JSON Schemas `csq schema` prints, in this process (the end-to-end test runs the built
 * CLI): what an editor checks and offers against what csq itself accepts.
 */
import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswers } from '../../src/core/answers.js';
import { ALLOWED_TEXT_PATTERN } from '../../src/core/characters.js';
import { jsonSchemaOf } from '../../src/core/json-schema.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { pt } from '../../src/i18n/pt.js';
import { fixture, readFixture } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword('enumDescriptions').addKeyword('markdownEnumDescriptions');
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
// Built inside each test, never while the file is collected (see ARCHITECTURE.md, "Testing").
const answersSchemaOf = () => jsonSchemaOf('answers', q, en) as Json;
const full = readFixture('full.yaml');
const solo = readFixture('solo.yaml');

describe('the answers JSON Schema', () => {
  it('has a title and says which questionnaire it is for, in the catalogue’s words', () => {
    const answersSchema = answersSchemaOf();
    expect(answersSchema.title).toBe('csq answers');
    expect(answersSchema.description).toBe('Answers to the Customer service quotient questionnaire (csq).');
    expect(answersSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('offers each rating’s values with their labels, and says the scale', () => {
    const answersSchema = answersSchemaOf();
    const rating = answersSchema.properties.ratings.properties.errors.properties['ask-feedback'];
    expect(rating).toMatchObject({
      type: 'integer',
      enum: [1, 2, 3, 4, 5],
      enumDescriptions: ['1 Never', '2 Almost never', '3 Sometimes', '4 Usually', '5 Always'],
      markdownEnumDescriptions: ['**1** Never', '**2** Almost never', '**3** Sometimes', '**4** Usually', '**5** Always'],
      description: 'We constantly ask our customers for feedback. A rating from 1 (Never) to 5 (Always).',
    });
    const portuguese = jsonSchemaOf('answers', loadQuestionnaire(readFileSync('questionnaires/csq.pt.yaml', 'utf8'), 'csq.pt.yaml'), pt) as Json;
    expect(portuguese.properties.ratings.properties.errors.properties['ask-feedback'].enumDescriptions[0]).toBe('1 Nunca');
  });

  it('describes each field, and gives text the character rule unless it has a pattern of its own', () => {
    const answersSchema = answersSchemaOf();
    const { organization, date, vision, improve, questionnaire } = answersSchema.properties;
    expect(organization.description).toBe(en.answers.docs.organization);
    expect(vision.description).toBe(en.answers.docs.vision);
    expect(organization.pattern).toBe(ALLOWED_TEXT_PATTERN);
    expect(JSON.stringify(answersSchema.properties.respondent)).toContain(JSON.stringify(ALLOWED_TEXT_PATTERN));
    expect(new RegExp(organization.pattern).test('Acme\u0007')).toBe(false);
    expect(new RegExp(organization.pattern).test('Acme & Söhne')).toBe(true);
    expect(date.pattern).toMatch(/^\^\(\?:/); // the date's own
    expect(answersSchema.properties.lang.pattern).toBe('^[a-z]{2,3}(-[A-Z]{2})?$'); // the language code's own
    expect(questionnaire).toMatchObject({ const: 'csq', description: en.answers.docs.questionnaire });
    expect(answersSchema.properties.profile.properties.staff.description).toBe('Do you have employees?');
    expect(improve.uniqueItems).toBe(true);
  });

  it('validates good answers and rejects bad ones, like csq itself', () => {
    const answersSchema = answersSchemaOf();
    const validate = ajv.compile(answersSchema);
    for (const text of [full, solo]) {
      expect(validate(parse(text))).toBe(true);
      expect(() => scoreAnswers(q, loadAnswers(text, 'a.yaml', q))).not.toThrow();
    }
    expect(validate(parse(full.replace('delight: 3', 'delight: 6')))).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '/ratings/outreach/delight', keyword: 'maximum' }));
    expect(validate(parse(full.replace('delight: 3', 'delight: 0')))).toBe(false);
    expect(validate(parse(full.replace('outreach:', 'outrech:')))).toBe(false);
    expect(validate(parse(full.replace('delight: 3', 'delight: 3.5')))).toBe(false);
    expect(validate(parse(`${full}colour: red\n`))).toBe(false);
    expect(validate({ ...parse(full), improve: ['errors'] })).toBe(true);
    expect(validate({ ...parse(full), improve: ['errors', 'errors'] })).toBe(false);
  });

  it('requires every section and statement that applies to the profile, the default when not answered', () => {
    const answersSchema = answersSchemaOf();
    const validate = ajv.compile(answersSchema);
    const data = parse(full);
    const without = (section: string, statement?: string) => {
      const copy = structuredClone(data);
      if (statement) delete copy.ratings[section][statement];
      else delete copy.ratings[section];
      return copy;
    };
    expect(validate(without('errors'))).toBe(false);
    expect(validate(without('errors', 'ask-feedback'))).toBe(false);
    // With staff (and by default), the staff section is required; without, it must be empty and is no area to improve.
    expect(validate(without('staff'))).toBe(false);
    expect(validate({ ...without('staff'), profile: {} })).toBe(false);
    expect(validate({ ...without('staff'), profile: { staff: false } })).toBe(true);
    expect(validate({ ...without('staff'), profile: { staff: false }, ratings: { ...data.ratings, staff: { 'product-knowledge': 3 } } })).toBe(false);
    expect(validate({ ...without('staff'), profile: { staff: false }, ratings: { ...data.ratings, staff: {} } })).toBe(true);
    expect(validate({ ...without('staff'), profile: { staff: false }, improve: ['staff'] })).toBe(false);
    expect(validate({ ...data, profile: { staff: true }, improve: ['staff'] })).toBe(true);
    expect(validate({ ...without('staff', 'tools-skills'), profile: { staff: true } })).toBe(false);
  });

  it('is as strict as csq on the bad answers that an editor can see (the rest is YAML below the data)', () => {
    const answersSchema = answersSchemaOf();
    const validate = ajv.compile(answersSchema);
    const yamlLevel = /custom-tag|local-tag|duplicate|latin1|rating-hex|1-1-directive|several-documents|tag-|exponent|leading-point|leading-zero|plus-sign|trailing-point|whole-with-point|c1-raw-in-comment|lone-surrogate/;
    const bad = readdirSync(fixture('bad')).filter((f) => f.startsWith('answers-'));
    const accepted = bad.filter((name) => {
      let data: unknown;
      try {
        data = parse(readFileSync(fixture('bad', name), 'utf8'), { uniqueKeys: false, logLevel: 'silent' });
      } catch {
        return false;
      }
      return validate(data);
    });
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.filter((name) => !yamlLevel.test(name))).toEqual([]);
    expect(bad.filter((name) => !yamlLevel.test(name)).length).toBeGreaterThan(30);
  });
});

describe('the questionnaire and Result JSON Schemas', () => {
  it('have their titles, are draft-07, and validate the bundled questionnaires and a Result', () => {
    const questionnaireSchema = jsonSchemaOf('questionnaire', q, en) as Json;
    const resultSchema = jsonSchemaOf('result', q, en) as Json;
    expect([questionnaireSchema.title, resultSchema.title]).toEqual(['csq questionnaire', 'csq result']);
    for (const schema of [questionnaireSchema, resultSchema]) expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const questionnaire = ajv.compile(questionnaireSchema);
    for (const file of ['questionnaires/csq.en.yaml', 'questionnaires/csq.pt.yaml']) expect(questionnaire(parse(readFileSync(file, 'utf8'))), file).toBe(true);
    expect(questionnaire({ id: 'x', version: 1 })).toBe(false);
    const result = ajv.compile(resultSchema);
    expect(result(JSON.parse(JSON.stringify(scoreAnswers(q, loadAnswers(full, 'full.yaml', q)))))).toBe(true);
    expect(result({ schemaVersion: 2 })).toBe(false);
  });
});

describe('the answers JSON Schema of a questionnaire of its own', () => {
  // A 0–3 scale; `online` is off unless answered, `staff` on,
  // and `pets` decides no section.
  const small = [
    'id: small',
    'version: 1',
    'lang: en',
    'title: Small',
    'scale: { min: 0, max: 3, labels: { 0: None, 1: Few, 2: Most, 3: All } }',
    'profile:',
    '  - { id: online, question: Do you sell online?, default: false }',
    '  - { id: staff, question: Do you have employees? }',
    '  - { id: pets, question: Do you have pets? }',
    'sections:',
    '  - { id: core, title: Core, statements: [{ id: a, text: A }, { id: b, text: B }] }',
    '  - { id: web, title: Web, when: online, statements: [{ id: w, text: W }] }',
    '  - { id: team, title: Team, when: staff, statements: [{ id: t, text: T }] }',
    '',
  ].join('\n');
  const schemaOf = () => jsonSchemaOf('answers', loadQuestionnaire(small, 'small.yaml'), en) as Json;

  it('offers every value of the scale from its minimum to its maximum, each with its label', () => {
    const rating = schemaOf().properties.ratings.properties.core.properties.a;
    expect(rating.enum).toEqual([0, 1, 2, 3]);
    expect(rating.enumDescriptions).toEqual(['0 None', '1 Few', '2 Most', '3 All']);
    expect(rating.markdownEnumDescriptions).toEqual(['**0** None', '**1** Few', '**2** Most', '**3** All']);
    expect(rating.description).toBe('A A rating from 0 (None) to 3 (All).');
  });

  it('says which questionnaire it is for', () => {
    const schema = schemaOf();
    expect(schema.title).toBe('csq answers');
    expect(schema.description).toBe('Answers to the Small questionnaire (small).');
  });

  it('writes one rule for the sections always rated and one per profile question that decides a section, its default where unanswered', () => {
    const applies = (id: string, statements: string[]) => ({
      type: 'object',
      properties: { ratings: { type: 'object', properties: { [id]: { type: 'object', properties: Object.fromEntries(statements.map((s) => [s, {}])), required: statements } }, required: [id] } },
      required: ['ratings'],
    });
    const doesNotApply = (id: string) => ({
      type: 'object',
      properties: { ratings: { type: 'object', properties: { [id]: { type: 'object', maxProperties: 0 } } }, improve: { type: 'array', items: { not: { enum: [id] } } } },
    });
    const answered = (question: string, value: boolean) => ({
      type: 'object',
      properties: { profile: { type: 'object', properties: { [question]: { const: value } }, required: [question] } },
      required: ['profile'],
    });
    expect(schemaOf().allOf).toEqual([
      applies('core', ['a', 'b']),
      // Off by default: answered yes it applies, otherwise (no, or not answered) it does not.
      { if: answered('online', true), then: applies('web', ['w']), else: doesNotApply('web') },
      // On by default: answered no it does not apply, otherwise it does. `pets` has no rule.
      { if: answered('staff', false), then: doesNotApply('team'), else: applies('team', ['t']) },
    ]);
  });

  it('checks the sections against the profile as csq does', () => {
    const validate = ajv.compile(schemaOf());
    const core = { a: 1, b: 2 };
    expect(validate({ ratings: { core, team: { t: 3 } } })).toBe(true);
    expect(validate({ ratings: { core: { a: 1 }, team: { t: 3 } } })).toBe(false);
    expect(validate({ ratings: { team: { t: 3 } } })).toBe(false);
    // staff by default: team is required; online not by default: web must stay empty and is no area to improve.
    expect(validate({ ratings: { core } })).toBe(false);
    expect(validate({ ratings: { core, team: { t: 3 }, web: { w: 1 } } })).toBe(false);
    expect(validate({ ratings: { core, team: { t: 3 } }, improve: ['web'] })).toBe(false);
    expect(validate({ profile: { online: true }, ratings: { core, team: { t: 3 } } })).toBe(false);
    expect(validate({ profile: { online: true }, ratings: { core, team: { t: 3 }, web: { w: 1 } }, improve: ['web'] })).toBe(true);
    expect(validate({ profile: { staff: false }, ratings: { core } })).toBe(true);
    expect(validate({ profile: { staff: false }, ratings: { core, team: { t: 3 } } })).toBe(false);
  });
});
