/**
 * What an autosave writes: a new file in the declaration's key order, whatever order the
 * answers were given in; a file someone else wrote edited in place, its comments, quoting and
 * layout kept, new keys where the declaration puts them, one line per section and per policy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { answersSchema, type Answers } from '../../src/core/answers.js';
import { stringifyAnswers, updateAnswersDocument } from '../../src/core/answers-yaml.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const schema = answersSchema(q);
const update = (text: string, answers: object) => updateAnswersDocument(parseDocument(text), answers as Answers, schema);

describe('stringifyAnswers', () => {
  it('writes every mapping in the declaration’s order, whatever order the answers came in', () => {
    const answers = {
      vision: 'Spotless.',
      policies: [{ necessary: true, name: 'No cash', friendly: false }],
      organization: 'Acme',
      ratings: { errors: { 'ask-feedback': 3, 'review-complaints': 4 }, leadership: { 'right-first-time': 2 } },
      actions: [{ due: '2027-01-15', action: 'Log complaints', area: 'errors', owner: undefined }],
      requirements: { topRequests: ['Speed', 'Price'], internal: ['Returns'] },
      improve: ['errors'],
    } as unknown as Answers;
    expect(stringifyAnswers(answers, ' csq answers', schema)).toBe(
      [
        '# csq answers',
        '',
        'organization: Acme',
        'ratings:',
        '  leadership:',
        '    right-first-time: 2',
        '  errors:',
        '    review-complaints: 4',
        '    ask-feedback: 3',
        'improve:',
        '  - errors',
        'actions:',
        '  - area: errors',
        '    action: Log complaints',
        '    due: 2027-01-15',
        'requirements:',
        '  internal:',
        '    - Returns',
        '  topRequests:',
        '    - Speed',
        '    - Price',
        'vision: Spotless.',
        'policies:',
        '  - name: No cash',
        '    friendly: false',
        '    necessary: true',
        '',
      ].join('\n'),
    );
  });

  it('puts keys the declaration does not know after the ones it does', () => {
    const answers = { extra: 1, vision: 'V', organization: 'A' } as unknown as Answers;
    expect(stringifyAnswers(answers, ' h', schema)).toBe('# h\n\norganization: A\nvision: V\nextra: 1\n');
  });

  it('writes null as null and leaves out what is not there', () => {
    const answers = { organization: 'Acme', respondent: undefined, ratings: {}, actions: null, vision: null } as unknown as Answers;
    expect(stringifyAnswers(answers, ' h', schema)).toBe('# h\n\norganization: Acme\nratings: {}\nactions: null\nvision: null\n');
  });
});

describe('updateAnswersDocument', () => {
  const handWritten = [
    '# yaml-language-server: $schema=./csq-answers.schema.json',
    "organization: 'Acme'   # the business",
    'vision: ""   # short',
    'ratings:',
    '  errors: { ask-feedback: 3 }',
    'policies:',
    '  - { name: No cash, friendly: true, necessary: true }  # first',
    'communication:',
    '  greet: Hello',
    '',
  ].join('\n');

  it('keeps comments and quoting, changes only what differs, and puts new keys where the declaration orders them', () => {
    const answers = {
      organization: 'Acme',
      respondent: 'Jo',
      vision: 'Clean',
      ratings: { leadership: { 'right-first-time': 2 }, errors: { 'ask-feedback': 3, 'review-complaints': 1 } },
      policies: [
        { name: 'No cash', friendly: true, necessary: true },
        { name: 'No refunds', friendly: false, necessary: false },
      ],
    };
    expect(update(handWritten, answers)).toBe(
      [
        '# yaml-language-server: $schema=./csq-answers.schema.json',
        "organization: 'Acme' # the business",
        'respondent: Jo',
        'vision: Clean # short',
        'ratings:',
        '  leadership: { right-first-time: 2 }',
        '  errors: { review-complaints: 1, ask-feedback: 3 }',
        'policies:',
        '  - { name: No cash, friendly: true, necessary: true } # first',
        '  - { name: No refunds, friendly: false, necessary: false }',
        '',
      ].join('\n'),
    );
  });

  it('grows a list in its own style, and writes a list that changed anew', () => {
    // csq init's `actions: []` stays on its line: the new items join it there.
    const text = 'actions: [] # what you will do\n';
    expect(update(text, { actions: [{ action: 'Call back', area: 'errors' }] })).toBe('actions: [ { area: errors, action: Call back } ] # what you will do\n');
    expect(update('policies:\n  - { name: A, friendly: true, necessary: true }\n  - { name: B, friendly: true, necessary: true }\n', { policies: [{ name: 'B', friendly: true, necessary: true }] })).toBe(
      'policies:\n  - { name: B, friendly: true, necessary: true }\n',
    );
  });

  it('adds keys before, between and after the ones there, as the declaration orders them', () => {
    expect(update('vision: V\n', { organization: 'Acme', vision: 'V', requirements: { internal: ['Returns'] } })).toBe('organization: Acme\nrequirements:\n  internal:\n    - Returns\nvision: V\n');
    expect(update('vision: V\n', { vision: 'V', communication: { greet: 'Hi' } })).toBe('vision: V\ncommunication:\n  greet: Hi\n');
  });

  it('replaces a mapping by a value of another kind, and a value by a mapping', () => {
    expect(update('communication: null\n', { communication: { greet: 'Hi' } })).toBe('communication:\n  greet: Hi\n');
    expect(update('communication:\n  greet: Hi\n', { communication: null })).toBe('communication: null\n');
  });

  it('writes null for a list asked and left empty, and a long text on one line', () => {
    expect(update('vision: V\n', { vision: 'V', actions: null, policies: null })).toBe('actions: null\nvision: V\npolicies: null\n');
    const long = `${'Every customer leaves happier than they came, '.repeat(4).trim()}`;
    expect(update('vision: V\n', { vision: long })).toBe(`vision: ${long}\n`);
    expect(stringifyAnswers({ vision: long } as Answers, ' h', schema)).toBe(`# h\n\nvision: ${long}\n`);
  });

  it('starts a mapping in a file that holds none (empty, or a list)', () => {
    expect(update('', { organization: 'A', ratings: {} })).toBe('organization: A\nratings: {}\n');
    expect(update('- a\n', { organization: 'A', ratings: {} })).toBe('organization: A\nratings: {}\n');
  });
});

describe('a customers: block', () => {
  it('is saved again whole, with the fields csq does not read, when the walk saves the answers', async () => {
    const { loadAnswers } = await import('../../src/core/answers.js');
    const { parse } = await import('yaml');
    const block = [
      'customers:',
      '  schemaVersion: 1',
      '  questionnaire: csq',
      '  files: [responses.csv]',
      '  responses: 12',
      '  skipped: 1',
      '  anecdotal: false',
      '  areas:',
      '    - { id: outreach, answers: 12, score: 70, spread: 9.5, importance: { answers: 12, mean: 4.5, weight: 1 }, competitor: { answers: 0, score: null }, note: kept }',
      '  statements: { delight: { answers: 12, mean: 3.5, competitorMean: null } }',
      '  nps: { answers: 12, promoters: 6, passives: 3, detractors: 3, score: 25, margin: 40.1 }',
      '  requests: [{ text: parking, count: 4 }]',
      '',
    ].join('\n');
    const text = `${readFileSync('test/fixtures/full.yaml', 'utf8').trimEnd()}\n${block}`;
    const answers = loadAnswers(text, 'answers.yaml', q);
    expect(answers.customers?.areas[0]).toMatchObject({ id: 'outreach', note: 'kept' });
    const saved = update(text, { ...answers, ratings: { ...answers.ratings, errors: { ...answers.ratings.errors, 'ask-feedback': 5 } } });
    expect(parse(saved).ratings.errors['ask-feedback']).toBe(5);
    expect(parse(saved).customers).toEqual(parse(block).customers);
  });
});
