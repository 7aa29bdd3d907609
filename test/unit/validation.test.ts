import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers, missingRatings } from '../../src/core/answers.js';
import { ideaApplies, isApplicable, loadQuestionnaire, resolveProfile } from '../../src/core/questionnaire.js';
import { decodeText } from '../../src/core/text.js';
import { parseYaml } from '../../src/core/yaml.js';
import { InputError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { formatProblems } from '../../src/render/problems.js';
import { readFixture } from '../helpers.js';

const csq = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const solo = readFixture('solo.yaml');

/** The formatted messages a load produces (it must fail). */
function messages(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return formatProblems(error.problems, en).split('\n');
    throw error;
  }
  throw new Error('expected the load to fail');
}
const answerErrors = (text: string) => messages(() => loadAnswers(text, 'a.yaml', csq));

describe('the bundled questionnaire', () => {
  it('has the contract ids, 7 sections and 25 statements, and an idea for every statement that fits the business', () => {
    expect(csq.sections.map((s) => [s.id, s.statements.map((st) => st.id)])).toEqual([
      ['leadership', ['whatever-it-takes', 'right-first-time', 'owner-example', 'success-measure']],
      ['alignment', ['partnership', 'honest-promises', 'know-benefits', 'customer-led-design']],
      ['errors', ['review-complaints', 'ask-feedback', 'eliminate-errors']],
      ['information', ['know-expectations', 'frequent-contact', 'shared-knowledge']],
      ['outreach', ['easy-to-deal', 'resolve-complaints', 'delight']],
      ['staff', ['respected', 'product-knowledge', 'tools-skills', 'encouraged-to-solve', 'own-satisfaction']],
      ['improvement', ['constant-improvement', 'learn-from-others', 'fix-quickly']],
    ]);
    expect(csq.sections.find((s) => s.id === 'staff')!.when).toBe('staff');
    expect(csq.sections.filter((s) => s.when !== undefined)).toHaveLength(1);
    // Whichever statement is weakest, with staff or alone, there is an idea for it.
    const unserved: string[] = [];
    for (const staff of [true, false])
      for (const s of csq.sections.filter((s) => isApplicable(s, { staff })))
        for (const st of s.statements)
          if (!s.ideas.some((idea) => ideaApplies(idea, { staff }) && idea.statements?.includes(st.id))) unserved.push(`${s.id}.${st.id} (staff: ${staff})`);
    expect(unserved).toEqual([]);
    expect(csq.scale).toEqual({ min: 1, max: 5, labels: { 1: 'Never', 2: 'Almost never', 3: 'Sometimes', 4: 'Usually', 5: 'Always' } });
    expect(csq.profile).toEqual([{ id: 'staff', question: 'Do you have employees?', default: true }]);
  });
});

describe('questionnaire validation', () => {
  const base = `id: q\nversion: 1\nlang: en\ntitle: T\nscale: { min: 1, max: 3, labels: { 1: a, 2: b, 3: c } }\n`;
  const q = (rest: string) => messages(() => loadQuestionnaire(base + rest, 'q.yaml'));

  it('rejects duplicate ids, a `when` naming nothing, empty sections and unknown keys', () => {
    expect(
      q(`profile: [{ id: staff, question: Staff? }]
sections:
  - { id: a, title: A, statements: [{ id: x, text: X }, { id: x, text: Y }] }
  - { id: a, title: B, when: shop, statements: [{ id: y, text: Y }] }
  - { id: c, title: C, statements: [] }
  - { id: d, title: D, colour: red, statements: [{ id: z, text: Z }] }
`),
    ).toEqual([
      'q.yaml:10:36 sections[2].statements: at least one statement',
      'q.yaml:11:24 sections[3].colour: unknown key "colour" (expected one of: id, title, summary, importance, when, cues, statements, ideas)',
    ]);
    expect(
      q(`profile: [{ id: staff, question: Staff? }]
sections:
  - { id: a, title: A, statements: [{ id: x, text: X }, { id: x, text: Y }] }
  - { id: a, title: B, when: shop, statements: [{ id: y, text: Y }] }
`),
    ).toEqual([
      'q.yaml:8:63 sections[0].statements[1].id: duplicate statement id "x" in section a',
      'q.yaml:9:11 sections[1].id: duplicate section id "a"',
      'q.yaml:9:30 sections[1].when: "shop" names no profile question (known: staff)',
    ]);
  });

  it('rejects a scale without a label for every value', () => {
    const text = `id: q\nversion: 1\nlang: en\ntitle: T\nscale: { min: 1, max: 4, labels: { 1: a, 2: b, 9: z } }\nsections: [{ id: a, title: A, statements: [{ id: x, text: X }] }]\n`;
    expect(messages(() => loadQuestionnaire(text, 'q.yaml'))).toEqual([
      'q.yaml:5:34 scale.labels: no label for 3 (every point of the scale needs a label)',
      'q.yaml:5:34 scale.labels: no label for 4 (every point of the scale needs a label)',
      'q.yaml:5:48 scale.labels.9: label "9" is not a point of the scale 1–4',
    ]);
  });
});

describe('answers validation', () => {
  it('accepts the fixtures', () => {
    expect(loadAnswers(solo, 'solo.yaml', csq).organization).toBe('Solo Bookkeeping');
    expect(loadAnswers(readFixture('full.yaml'), 'full.yaml', csq).policies).toHaveLength(3);
  });

  it('names file, line, column, field and what was expected for a bad rating', () => {
    expect(answerErrors(solo.replace('delight: 4', 'delight: 6'))).toEqual(['a.yaml:9:64 ratings.outreach.delight: 6 is outside the scale 1–5']);
    expect(answerErrors(solo.replace('delight: 4', 'delight: 0'))).toEqual(['a.yaml:9:64 ratings.outreach.delight: 0 is outside the scale 1–5']);
    expect(answerErrors(solo.replace('delight: 4', 'delight: 3.5'))).toEqual([
      'a.yaml:9:64 ratings.outreach.delight: expected a rating, a whole number from 1 to 5, found 3.5',
    ]);
    expect(answerErrors(solo.replace('delight: 4', 'delight: "3"'))).toEqual([
      'a.yaml:9:64 ratings.outreach.delight: expected a rating, a whole number from 1 to 5, found "3" (remove the quotes)',
    ]);
    expect(answerErrors(solo.replace('delight: 4', 'delight: three'))).toEqual([
      'a.yaml:9:64 ratings.outreach.delight: expected a rating, a whole number from 1 to 5, found "three"',
    ]);
  });

  it('reports unknown and missing ids with a suggestion', () => {
    expect(answerErrors(solo.replace('delight: 4', 'delite: 4'))).toEqual([
      'a.yaml:9:13 ratings.outreach: missing rating for delight',
      'a.yaml:9:55 ratings.outreach.delite: unknown statement "delite" in section outreach (expected one of: easy-to-deal, resolve-complaints, delight)',
    ]);
    expect(answerErrors(solo.replace('outreach:', 'outrech:'))).toEqual([
      'a.yaml:4:1 ratings: missing section outreach (3 ratings) (run `csq init` to see every id)',
      'a.yaml:9:3 ratings.outrech: unknown section "outrech" (did you mean "outreach"?)',
    ]);
  });

  it('rejects ratings for a section that does not apply', () => {
    const text = solo.replace('ratings:\n', 'ratings:\n  staff: { respected: 4 }\n');
    expect(answerErrors(text)).toEqual([
      'a.yaml:5:3 ratings.staff: section staff does not apply because profile.staff is false, but it has ratings (remove them, or set profile.staff: true)',
    ]);
  });

  it('requires the staff section when the profile has staff (the default)', () => {
    expect(answerErrors(solo.replace('  staff: false\n', ''))).toEqual([
      'a.yaml:2:1 profile: expected a mapping, found nothing (null)',
      'a.yaml:3:1 ratings: missing section staff (5 ratings) (run `csq init` to see every id)',
    ]);
    expect(answerErrors(solo.replace('profile:\n  staff: false\n', ''))).toEqual([
      'a.yaml:2:1 ratings: missing section staff (5 ratings) (run `csq init` to see every id)',
    ]);
  });

  it('checks improve: known, applicable, unique, one to three', () => {
    expect(answerErrors(`${solo}improve: [errors, errors, staff, outreach]\n`)).toEqual([
      'a.yaml:11:10 improve: expected at most 3 items, found 4',
      'a.yaml:11:19 improve[1]: "errors" is listed twice',
      'a.yaml:11:27 improve[2]: section staff does not apply (profile.staff is false)',
    ]);
    expect(answerErrors(`${solo}improve: [staff, bogus]\n`)).toEqual([
      'a.yaml:11:11 improve[0]: section staff does not apply (profile.staff is false)',
      'a.yaml:11:18 improve[1]: expected one of "leadership", "alignment", "errors", "information", "outreach", "staff", "improvement", found "bogus"',
    ]);
    expect(answerErrors(`${solo}improve: []\n`)).toEqual(['a.yaml:11:10 improve: expected at least 1 item']);
  });

  it('reports wrong types with hints', () => {
    expect(answerErrors(`${solo}vision: 42\npolicies:\n  - { name: x, friendly: yes, necessary: true }\ndate: 23/11/2026\n`)).toEqual([
      'a.yaml:11:9 vision: expected text, found 42 (put it in quotes)',
      'a.yaml:13:26 policies[0].friendly: expected true or false, found "yes" (write true or false; YAML 1.2 reads yes/no/on/off as text)',
      'a.yaml:14:7 date: expected a date like 2026-11-23, found "23/11/2026"',
    ]);
  });

  it('refuses answers for another questionnaire before anything else', () => {
    expect(answerErrors(`questionnaire: other\nratings: 5\n`)).toEqual([
      'a.yaml:1:16 questionnaire: these answers are for questionnaire "other", not "csq" (pass the matching one with --questionnaire)',
    ]);
  });
});

describe('ids named like Object.prototype properties', () => {
  const hostile = loadQuestionnaire(readFixture('hostile', 'questionnaire.yaml'), 'questionnaire.yaml');
  it('resolve a profile default and find unrated statements (what the walk asks next)', () => {
    expect(resolveProfile(hostile, {})).toEqual({ constructor: true });
    expect(resolveProfile(hostile, { constructor: false })).toEqual({ constructor: false });
    expect(missingRatings(hostile, { ratings: { service: { delight: 5 } } })).toEqual([
      { section: 'constructor', statement: 'first' },
      { section: 'constructor', statement: 'second' },
      { section: 'service', statement: 'constructor' },
      { section: 'staff', statement: 'respected' },
    ]);
  });
  it('parse mappings without a prototype, keeping a __proto__ key as data', () => {
    const data = parseYaml('a: { b: 1 }\n__proto__: { x: 1 }\n', 'y.yaml').data as Record<string, unknown>;
    expect('constructor' in data).toBe(false);
    expect('constructor' in (data.a as object)).toBe(false);
    expect(Object.keys(data)).toEqual(['a', '__proto__']);
    expect(({} as { x?: number }).x).toBeUndefined();
  });
});

describe('YAML and encoding traps', () => {
  const yamlErrors = (text: string) => messages(() => parseYaml(text, 'y.yaml'));
  it('names duplicates, aliases, tags, several documents, YAML 1.1, empty files and odd roots', () => {
    expect(yamlErrors('a: 1\nb: 2\na: 3\n')).toEqual(['y.yaml:3:1 duplicate key "a" (first at line 1) (keep one of them)']);
    expect(yamlErrors('a: &x [1]\nb: *x\n')).toEqual([
      'y.yaml:1:4 anchors (&x) are not allowed (write the value out in full)',
      'y.yaml:2:4 aliases (*x) are not allowed (write the value out in full)',
    ]);
    expect(yamlErrors('a: !!js/function x\n')).toEqual(['y.yaml:1:4 tags (!!js/function) are not allowed (remove the tag; csq files hold plain values)']);
    expect(yamlErrors('a: 1\n---\nb: 2\n')).toEqual(['y.yaml:2:1 the file holds more than one YAML document (keep one document: remove the `---` line)']);
    expect(yamlErrors('%YAML 1.1\n---\na: yes\n')).toEqual(['y.yaml:1:1 YAML 1.1 is not supported (remove the %YAML directive; csq reads YAML 1.2)']);
    expect(yamlErrors('# nothing\n')).toEqual(['y.yaml:1:1 the file is empty (run `csq init` for a template)']);
    expect(yamlErrors('- a\n- b\n')).toEqual(['y.yaml:1:1 expected a mapping of keys to values at the top level, found a list']);
    expect(yamlErrors('\ta: 1\n')).toEqual(['y.yaml:1:1 a tab is used for indentation (indent with spaces)']);
  });
  it('keeps YAML 1.2 meanings: yes is text, keys stay strings, and 010 is neither eight nor ten', () => {
    expect(parseYaml('a: yes\n1: x\n', 'y.yaml').data).toEqual({ a: 'yes', '1': 'x' });
    expect(yamlErrors('b: 010\n')).toEqual(['y.yaml:1:4 010 has a leading zero (write 10)']);
  });
  it('decodes strict UTF-8 and names other encodings', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'b.yaml')).toBe('a');
    expect(messages(() => decodeText(new Uint8Array([0x61, 0x0a, 0x62, 0xff]), 'b.yaml'))).toEqual([
      'b.yaml:2:2 byte 0xff is not valid UTF-8 (save the file as UTF-8)',
    ]);
    expect(messages(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'b.yaml'))).toEqual(['b.yaml:1:1 the file is UTF-16 (save it as UTF-8)']);
  });
});
