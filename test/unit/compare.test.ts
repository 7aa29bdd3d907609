/** Comparisons from exact scores, and the warnings beside them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { compareResults, comparisonWarnings, dropsBeyond, type CompareNote } from '../../src/core/compare.js';
import { en } from '../../src/i18n/en.js';
import { filled } from '../../src/render/problems.js';

/** What compare prints of its notes, in English. */
const said = (notes: CompareNote[]) => notes.map(({ key, values }) => filled(en.compare[key], values, en).replace(/^warning: /, ''));
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import type { Result } from '../../src/core/result.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { readFixture } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const score = (text: string) => scoreAnswers(q, loadAnswers(text, 'x.yaml', q));
const full = readFixture('full.yaml');
const ERRORS = 'errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 2 }';
/** full.yaml (errors 7 of 15, 46.7%) with its errors rated to another sum. */
const withErrors = (a: number, b: number, c: number) => {
  expect(full).toContain(ERRORS);
  return score(full.replace(ERRORS, `errors: { review-complaints: ${a}, ask-feedback: ${b}, eliminate-errors: ${c} }`));
};

describe('compareResults works changes out from exact scores', () => {
  it('46.7% → 73.3% (7/15 → 11/15) is +26.7, not the +26.6 of the rounded percents', () => {
    const errors = compareResults(score(full), withErrors(4, 4, 3), 'Overall').sections.find((s) => s.id === 'errors')!;
    expect(errors).toEqual({ id: 'errors', title: 'Error reduction', before: 46.7, after: 73.3, change: 26.7 });
  });

  it('rounds a drop away from zero the same way: 73.3% → 46.7% is −26.7', () => {
    const errors = compareResults(withErrors(4, 4, 3), score(full), 'Overall').sections.find((s) => s.id === 'errors')!;
    expect(errors.change).toBe(-26.7);
  });

  it('1/3 → 2/3 is +33.3 and a tiny change rounds to 0, not −0', () => {
    const c = compareResults(withErrors(1, 2, 2), withErrors(4, 4, 2), 'Overall').sections.find((s) => s.id === 'errors')!;
    expect(c.change).toBe(33.3);
    const same = compareResults(score(full), score(full), 'Overall');
    expect(Object.is(same.overall.change, 0)).toBe(true);
  });
});

describe('dropsBeyond compares exactly', () => {
  const before = withErrors(4, 4, 3); // 73.33…%
  const after = score(full); // 46.66…%, a drop of 26.67 points
  const comparison = compareResults(before, after, 'Overall');

  it('a drop of 26.67 is beyond 26.6 (the rounded percents say 26.6)', () => {
    const drops = dropsBeyond(before, after, comparison, 26.6);
    expect(drops.map((d) => [d.change.id, d.points])).toEqual([['errors', 26.7]]);
    // An exact drop equal to the limit is not beyond it: 6/15 → 3/15 is exactly 20 points.
    const [b, a] = [withErrors(4, 1, 1), withErrors(1, 1, 1)];
    const twenty = dropsBeyond(b, a, compareResults(b, a, 'O'), 20);
    expect(twenty).toEqual([]);
    expect(dropsBeyond(b, a, compareResults(b, a, 'O'), 19.99).map((d) => [d.change.id, d.points])).toEqual([['errors', 20]]);
    // A section that applies on one side only never drops.
    const solo = score(readFixture('solo.yaml'));
    const c = compareResults(score(full), solo, 'Overall');
    expect(c.sections.find((s) => s.id === 'staff')!.change).toBeNull();
    expect(dropsBeyond(score(full), solo, c, 0).map((d) => d.change.id)).not.toContain('staff');
  });

  it('and within 26.7 and 26.67, beyond 26.666', () => {
    expect(dropsBeyond(before, after, comparison, 26.7)).toEqual([]);
    expect(dropsBeyond(before, after, comparison, 26.67)).toEqual([]);
    expect(dropsBeyond(before, after, comparison, 26.666).map((d) => d.points)).toEqual([26.7]);
  });

  it('shows as many decimals as it takes to be beyond the limit: 13.33 beyond 13.3', () => {
    // 5/15 → 3/15: 13.33… points, which one decimal would show as 13.3, "more than 13.3".
    const [b, a] = [withErrors(2, 2, 1), withErrors(1, 1, 1)];
    const c = compareResults(b, a, 'O');
    expect(c.sections.find((s) => s.id === 'errors')!.change).toBe(-13.3);
    expect(dropsBeyond(b, a, c, 13.3).map((d) => [d.change.id, d.points])).toEqual([['errors', 13.33]]);
    expect(dropsBeyond(b, a, c, 13.34).map((d) => d.change.id)).toEqual([]);
  });
});

describe('comparisonWarnings', () => {
  const dated = (organization: string | null, date: string | null): Result => ({ ...score(full), organization, date });
  const names = { before: 'a.yaml', after: 'b.yaml' };

  it('says when the two sides are different organizations', () => {
    expect(said(comparisonWarnings(dated('Acme Cleaning', null), dated('Other Co', null), names))).toEqual([
      'a.yaml is for "Acme Cleaning" and b.yaml for "Other Co": these may be two different organizations',
    ]);
  });

  it('but not for a difference of case or spacing, or when one side is unnamed', () => {
    expect(said(comparisonWarnings(dated('Acme Cleaning', null), dated('  acme   CLEANING ', null), names))).toEqual([]);
    expect(said(comparisonWarnings(dated(null, null), dated('Acme', null), names))).toEqual([]);
  });

  it('says when the dates are in reverse order', () => {
    expect(said(comparisonWarnings(dated('Acme', '2027-01-01'), dated('Acme', '2026-12-31'), names))).toEqual([
      'b.yaml is dated 2026-12-31, before a.yaml (2027-01-01): give the earlier one first',
    ]);
    expect(said(comparisonWarnings(dated('Acme', '2026-01-01'), dated('Acme', '2026-01-01'), names))).toEqual([]);
  });

  it('quotes a name so that it cannot start a line or hide characters', () => {
    const [warning] = said(comparisonWarnings(dated('Acme\nOverall CSQ 100%', null), dated('B\u202eoC', null), names));
    expect(warning).toBe('a.yaml is for "Acme\\nOverall CSQ 100%" and b.yaml for "B\\u202eoC": these may be two different organizations');
  });
});

describe('the actions due by the later assessment', () => {
  const example = readFileSync('examples/acme-cleaning.yaml', 'utf8');
  const later = (date: string, drop = '') =>
    score(example.replace('date: 2026-11-23', `date: ${date}`).split('\n').filter((line) => !drop || !line.includes(drop)).join('\n'));

  it('lists the earlier dated actions due on or before the later date, by due date, and whether the later answers still list them', () => {
    const due = compareResults(score(example), later('2027-02-01', 'three-question survey'), 'Overall').actionsDue;
    // Due 2027-03-01 is after the later date; the survey (due on that very day) counts and is gone from the later answers.
    expect(due.map((a) => [a.due, a.action.slice(0, 20), a.stillListed])).toEqual([
      ['2026-12-01', 'Kickoff meeting to l', true],
      ['2027-01-10', 'Let crew leaders off', true],
      ['2027-01-15', 'Start a complaints l', true],
      ['2027-02-01', 'Send a three-questio', false],
    ]);
    expect(due[3]).toMatchObject({ area: 'errors', owner: 'Sam Lee' });
  });

  it('is empty before the first due date, when the later side is undated, or when the earlier gives no actions', () => {
    expect(compareResults(score(example), later('2026-11-30'), 'Overall').actionsDue).toEqual([]);
    expect(compareResults(score(example), score(example.replace(/^date: .*$/m, '')), 'Overall').actionsDue).toEqual([]);
    expect(compareResults(score(full), later('2030-01-01'), 'Overall').actionsDue).toEqual([]);
  });
});

describe('the edges of a comparison', () => {
  const example = readFileSync('examples/acme-cleaning.yaml', 'utf8');

  it('keeps actions due on the same day in the order the earlier answers gave them', () => {
    // The share-findings action moved to the complaints log's day, given after it.
    const before = score(example.replace('owner: Priya Shah, due: 2027-02-15', 'owner: Priya Shah, due: 2027-01-15').replace('owner: Jane Doe, due: 2027-01-10', 'owner: Jane Doe, due: 2027-01-15'));
    const due = compareResults(before, score(example.replace('date: 2026-11-23', 'date: 2027-01-31')), 'Overall').actionsDue;
    expect(due.map((a) => [a.due, a.action.slice(0, 12)])).toEqual([
      ['2026-12-01', 'Kickoff meet'],
      ['2027-01-15', 'Start a comp'],
      ['2027-01-15', 'Let crew lea'],
      ['2027-01-15', 'Share the to'],
    ]);
  });

  it('shows no change, and no drop, for a side with nothing to score (a maximum of 0)', () => {
    const empty = { ...score(full), overall: { score: 0, max: 0, percent: 0 } };
    const c = compareResults(score(full), empty, 'Overall');
    expect(c.overall).toEqual({ id: 'overall', title: 'Overall', before: 66.4, after: 0, change: null });
    expect(dropsBeyond(score(full), empty, c, 0).map((d) => d.change.id)).not.toContain('overall');
    expect(compareResults(empty, score(full), 'Overall').overall.change).toBeNull();
  });
});

describe('the customers’ scores over time', () => {
  const tally = (areas: Record<string, number | null>, nps: number | null, surveyed?: string) => ({
    schemaVersion: 1 as const,
    questionnaire: 'csq',
    ...(surveyed ? { surveyed } : {}),
    responses: 12,
    anecdotal: false,
    areas: Object.entries(areas).map(([id, score]) => ({ id, answers: 12, score, spread: null, importance: { answers: 0, mean: null, weight: null }, competitor: { answers: 0, score: null } })),
    nps: { answers: 12, score: nps, margin: 20 },
    requests: [],
  });
  const surveyed = (result: Result, customers: ReturnType<typeof tally> | null): Result => ({ ...result, customers });

  it('gives each area the customers’ score on each side and the change, to one decimal from the tallies’ figures', () => {
    const c = compareResults(surveyed(score(full), tally({ errors: 40.1, outreach: 70 }, -10, '2026-05-01')), surveyed(score(full), tally({ errors: 70.3, outreach: 65.5, staff: 50 }, 15.5)), 'Overall');
    const theirs = (id: string) => c.sections.find((s) => s.id === id)!.customers;
    expect(theirs('errors')).toEqual({ before: 40.1, after: 70.3, change: 30.2 });
    expect(theirs('outreach')).toEqual({ before: 70, after: 65.5, change: -4.5 });
    expect(theirs('staff')).toEqual({ before: null, after: 50, change: null });
    expect(theirs('leadership')).toEqual({ before: null, after: null, change: null });
    expect(c.overall.customers).toBeUndefined();
    expect(c.customers).toEqual({ before: { responses: 12, surveyed: '2026-05-01', nps: -10 }, after: { responses: 12, surveyed: null, nps: 15.5 }, npsChange: 25.5 });
  });

  it('says so when only one side has a survey, and adds nothing when neither has', () => {
    const one = compareResults(score(full), surveyed(score(full), tally({ errors: 80 }, null)), 'Overall');
    expect(one.customers).toEqual({ before: null, after: { responses: 12, surveyed: null, nps: null }, npsChange: null });
    expect(one.sections.find((s) => s.id === 'errors')!.customers).toEqual({ before: null, after: 80, change: null });
    const none = compareResults(score(full), score(full), 'Overall');
    expect(none).not.toHaveProperty('customers');
    expect(none.sections.every((s) => !('customers' in s))).toBe(true);
  });
});
