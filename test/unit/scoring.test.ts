import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { lowestSections, percentOf, scoreAnswers, triagePolicy, wholePercentOf } from '../../src/core/scoring.js';
import { readFixture } from '../helpers.js';
import { readFileSync } from 'node:fs';

const csq = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');

describe('percentOf', () => {
  it('rounds to one decimal, halves up, without float error', () => {
    expect(percentOf(16, 20)).toBe(80);
    expect(percentOf(7, 15)).toBe(46.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(57, 80)).toBe(71.3); // 71.25 → 71.3 (halves up; naive Math.round(71.25*10)/10 gives 71.3 too)
    // Cases where floating point is a hair below the half (a team of four, and of twenty, on a four-statement section):
    expect(percentOf(23, 80)).toBe(28.8); // 28.75: Math.round(23 / 80 * 100 * 10) / 10 and (23 / 80 * 100).toFixed(1) give 28.7
    expect(percentOf(41, 80)).toBe(51.3); // 51.25: the same
    expect(percentOf(201, 400)).toBe(50.3); // 50.25: Math.round(201 / 400 * 1000) / 10 gives 50.2
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25
    expect(percentOf(0, 15)).toBe(0);
    expect(percentOf(15, 15)).toBe(100);
  });
  it('whole percents round from the exact value', () => {
    expect(wholePercentOf(83, 125)).toBe(66); // 66.4
    expect(wholePercentOf(1, 8)).toBe(13); // 12.5 → 13
    expect(wholePercentOf(7, 15)).toBe(47);
    // Not from the one-decimal percent: 63.47 shows as 63.5, and rounding that again gives 64 (a team of three).
    expect(wholePercentOf(238, 375)).toBe(63);
    expect(percentOf(238, 375)).toBe(63.5);
    expect(wholePercentOf(5, 11)).toBe(45); // 45.45 → 45.5 → 46 if rounded twice
    // Halves up in integer arithmetic: 57.5 is 57.49999999999999 in floating point (Math.round(23 / 40 * 100) gives 57).
    expect(wholePercentOf(23, 40)).toBe(58);
    expect(wholePercentOf(57, 200)).toBe(29); // 28.5
    expect(wholePercentOf(0, 0)).toBe(0);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('scoreAnswers', () => {
  it('scores the example business exactly', () => {
    const answers = loadAnswers(readFixture('full.yaml'), 'full.yaml', csq);
    const result = scoreAnswers(csq, answers);
    expect(result.overall).toEqual({ score: 83, max: 125, percent: 66.4 });
    expect(result.sections.map((s) => [s.id, s.score, s.max, s.percent])).toEqual([
      ['leadership', 16, 20, 80],
      ['alignment', 14, 20, 70],
      ['errors', 7, 15, 46.7],
      ['information', 10, 15, 66.7],
      ['outreach', 11, 15, 73.3],
      ['staff', 15, 25, 60],
      ['improvement', 10, 15, 66.7],
    ]);
    // information and improvement tie at 10/15: questionnaire order decides.
    expect(result.improve).toEqual(['errors', 'staff', 'information']);
    expect(result.improveChosen).toBe(false);
  });

  it('leaves a non-applicable section out of every total', () => {
    const result = scoreAnswers(csq, loadAnswers(readFixture('solo.yaml'), 'solo.yaml', csq));
    const staff = result.sections.find((s) => s.id === 'staff')!;
    expect(staff).toEqual({ id: 'staff', title: 'Skilled and empowered staff', applicable: false, score: null, max: null, percent: null, ratings: {} });
    expect(result.overall).toEqual({ score: 72, max: 100, percent: 72 });
    expect(result.improve).toEqual(['errors', 'improvement', 'alignment']);
    expect(result.education).toBeNull();
  });

  it('takes improve from the answers when given', () => {
    const text = `${readFixture('solo.yaml')}improve: [outreach]\n`;
    const result = scoreAnswers(csq, loadAnswers(text, 'solo.yaml', csq));
    expect(result.improve).toEqual(['outreach']);
    expect(result.improveChosen).toBe(true);
  });

  it('orders ratings as the questionnaire does, whatever the file order', () => {
    const text = readFixture('solo.yaml').replace(
      'leadership: { whatever-it-takes: 5, right-first-time: 5, owner-example: 5, success-measure: 5 }',
      'leadership: { success-measure: 5, owner-example: 5, right-first-time: 5, whatever-it-takes: 5 }',
    );
    const result = scoreAnswers(csq, loadAnswers(text, 'solo.yaml', csq));
    expect(Object.keys(result.sections[0]!.ratings)).toEqual(['whatever-it-takes', 'right-first-time', 'owner-example', 'success-measure']);
  });
});

describe('scoreAnswers, the written answers', () => {
  it('trims every text, gives null for an empty or blank one, and drops blank list items', () => {
    const text = `${readFixture('solo.yaml').replace('organization: Solo Bookkeeping', "organization: '  Solo  '")}respondent: '   '
date: 2026-11-23
requirements: { internal: [' a ', '  ', b], topRequests: null }
vision: ' See far '
visionNotes: { tenYears: '', fiveThings: [' one ', ''], customerShoes: null, picture: ' p ' }
policies: [{ name: ' Refunds ', friendly: false, necessary: true, note: '  ' }, { name: Cash, friendly: true, necessary: false, note: ' ok ' }]
communication: { greet: ' Hello ', listen: '' }
actions: [{ area: errors, action: ' Fix it ', owner: ' Ann ', due: 2027-01-31, measure: '', target: ' 0 errors ' }, { action: Kickoff }]
review: 2027-06-01
business: { buys: weekly }
`;
    const result = scoreAnswers(csq, loadAnswers(text, 'solo.yaml', csq));
    expect(result).toMatchObject({ organization: 'Solo', respondent: null, date: '2026-11-23', vision: 'See far', review: '2027-06-01', customers: null });
    expect(result.requirements).toEqual({ internal: ['a', 'b'], employees: [], topRequests: [] });
    expect(result.visionNotes).toEqual({ tenYears: null, fiveThings: ['one'], customerShoes: null, picture: 'p' });
    expect(result.policies).toEqual([
      { name: 'Refunds', friendly: false, necessary: true, note: null, action: 'make-friendlier' },
      { name: 'Cash', friendly: true, necessary: false, note: 'ok', action: 'add-more' },
    ]);
    expect(result.communication).toEqual({ greet: 'Hello', value: null, ask: null, listen: null, help: null, invite: null });
    expect(result.actions).toEqual([
      { area: 'errors', action: 'Fix it', owner: 'Ann', due: '2027-01-31', measure: null, target: '0 errors' },
      { area: null, action: 'Kickoff', owner: null, due: null, measure: null, target: null },
    ]);
    expect(result.business).toEqual({ buys: 'weekly', customersPerMonth: null });
    // No staff: no staff education.
    expect(result.education).toBeNull();
  });

  it('leaves what is not answered null or empty', () => {
    const result = scoreAnswers(csq, loadAnswers(readFixture('solo.yaml').replace('organization: Solo Bookkeeping\n', ''), 'solo.yaml', csq));
    expect(result).toMatchObject({ organization: null, respondent: null, date: null, vision: null, actions: null, review: null, business: null, policies: [] });
    expect(result.requirements).toEqual({ internal: [], employees: [], topRequests: [] });
    expect(scoreAnswers(csq, loadAnswers(`${readFixture('solo.yaml')}business: { customersPerMonth: 400 }\n`, 'solo.yaml', csq)).business).toEqual({ buys: null, customersPerMonth: 400 });
  });

  it('keeps staff education for a business with staff, and for a questionnaire that does not ask about staff', () => {
    expect(scoreAnswers(csq, loadAnswers(readFixture('full.yaml'), 'full.yaml', csq)).education).toEqual({
      kickoff: '2026-12-01',
      owner: 'Jane Doe',
      training: 'Monthly 30-minute session on the four problem-solving steps, planned by a team of volunteers.',
    });
    // Its one profile question is not the staff question.
    const noStaffQuestion = loadQuestionnaire(
      'id: t\nversion: 1\nlang: en\ntitle: T\nscale: { min: 1, max: 2, labels: { 1: No, 2: Yes } }\nprofile:\n  - { id: shop, question: Do you have a shop? }\nsections:\n  - { id: a, title: A, statements: [{ id: x, text: X }] }\n',
      't.yaml',
    );
    const result = scoreAnswers(noStaffQuestion, loadAnswers("ratings: { a: { x: 2 } }\neducation: { owner: ' Bo ', training: '' }\n", 'a.yaml', noStaffQuestion), 'pt');
    expect(result.education).toEqual({ kickoff: null, owner: 'Bo', training: null });
    expect(result.lang).toBe('pt');
    expect(result.schemaVersion).toBe(1);
  });
});

describe('a custom questionnaire with another scale and a `when`', () => {
  const custom = loadQuestionnaire(
    `id: mini
version: 2
lang: en
title: Mini check
scale: { min: 0, max: 10, labels: { 0: never, 1: '1', 2: '2', 3: '3', 4: '4', 5: '5', 6: '6', 7: '7', 8: '8', 9: '9', 10: always } }
profile:
  - { id: shop, question: Do you have a shop?, default: false }
sections:
  - { id: a, title: A, statements: [{ id: x, text: X }, { id: y, text: Y }] }
  - { id: b, title: B, when: shop, statements: [{ id: z, text: Z }] }
  - { id: c, title: C, statements: [{ id: w, text: W }] }
`,
    'mini.yaml',
  );

  it('uses the scale max for the divisor and skips b by default', () => {
    const result = scoreAnswers(custom, loadAnswers('ratings: { a: { x: 0, y: 7 }, c: { w: 10 } }', 'a.yaml', custom));
    expect(result.sections.map((s) => [s.id, s.score, s.max, s.percent])).toEqual([
      ['a', 7, 20, 35],
      ['b', null, null, null],
      ['c', 10, 10, 100],
    ]);
    expect(result.overall).toEqual({ score: 17, max: 30, percent: 56.7 });
    expect(result.improve).toEqual(['a', 'c']); // fewer than three apply
    expect(result.questionnaire).toEqual({ id: 'mini', version: 2, lang: 'en' });
  });

  it('scores b when the profile says so', () => {
    const result = scoreAnswers(custom, loadAnswers('profile: { shop: true }\nratings: { a: { x: 5, y: 5 }, b: { z: 2 }, c: { w: 10 } }', 'a.yaml', custom));
    expect(result.sections[1]).toMatchObject({ id: 'b', applicable: true, score: 2, max: 10, percent: 20 });
    expect(result.improve).toEqual(['b', 'a', 'c']);
  });
});

describe('lowestSections and triage', () => {
  it('breaks ties by order and compares exact fractions', () => {
    const s = (id: string, score: number, max: number) => ({ id, title: id, applicable: true, score, max, percent: percentOf(score, max), ratings: {} });
    // 2/3 (66.67) is above 13/20 (65) though both round near each other
    expect(lowestSections([s('a', 2, 3), s('b', 13, 20), s('c', 4, 6), s('d', 1, 1)])).toEqual(['b', 'a', 'c']);
  });
  it('ranks only applicable sections with something to score, as many as asked', () => {
    const s = (id: string, score: number | null, max: number | null, applicable = true) => ({ id, applicable, score, max });
    const sections = [s('a', 3, 4), s('none', null, null, false), s('empty', 0, 0), s('b', 1, 4), s('c', 4, 4), s('d', 2, 4)];
    expect(lowestSections(sections)).toEqual(['b', 'd', 'a']);
    expect(lowestSections(sections, 1)).toEqual(['b']);
    expect(lowestSections(sections, 9)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('follows the method for each quadrant', () => {
    expect(triagePolicy({ friendly: false, necessary: false })).toBe('drop');
    expect(triagePolicy({ friendly: false, necessary: true })).toBe('make-friendlier');
    expect(triagePolicy({ friendly: true, necessary: true })).toBe('keep-and-strengthen');
    expect(triagePolicy({ friendly: true, necessary: false })).toBe('add-more');
  });
});
