/**
 * The owner's view beside the customers', worked by hand from full.yaml's own scores
 * (leadership 80, alignment 70, errors 47, information 67, outreach 73, staff 60, improvement 67;
 * its priorities errors, staff, info) and a small tally.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { isCustomersData, type CustomersIn } from '../../src/core/customers.js';
import { customersView, validateCustomers } from '../../src/core/gap.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { parseYaml } from '../../src/core/yaml.js';
import { InputError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const result = scoreAnswers(q, loadAnswers(readFileSync('test/fixtures/full.yaml', 'utf8'), 'full.yaml', q), 'en');

const area = (id: string, score: number | null, weight: number | null, competitor: number | null = null) => ({
  id,
  answers: score === null ? 0 : 12,
  score,
  spread: null,
  importance: { answers: weight === null ? 0 : 12, mean: null, weight },
  competitor: { answers: competitor === null ? 0 : 12, score: competitor },
});

const tally = (more: Partial<CustomersIn> = {}): CustomersIn => ({
  schemaVersion: 1,
  questionnaire: 'csq',
  responses: 12,
  anecdotal: false,
  areas: [area('leadership', null, 0.1), area('alignment', 70, null), area('errors', 100, 0.2), area('outreach', 70, 0.5, 55.6), area('staff', 40.4, 0.3)],
  nps: { answers: 12, score: 25, margin: 40.1 },
  requests: [
    { text: 'faster quotes', count: 5 },
    { text: 'Parking', count: 4 },
    { text: 'evening and weekend hours', count: 3 },
    { text: 'A loyalty card.', count: 1 },
  ],
  ...more,
});

describe('the customers’ view beside the owner’s', () => {
  // Inside each test, not at collection: mutation testing sees only what a test itself runs.
  const viewOf = () => customersView(result, tally(), q, en);
  const row = (id: string) => viewOf().rows.find((r) => r.id === id)!;

  it('shows per area the two scores rounded, the gap theirs minus ours with its sign, the weight and the competitor', () => {
    const view = viewOf();
    expect(view.rows.map((r) => r.id)).toEqual(q.sections.map((s) => s.id));
    expect(row('outreach')).toMatchObject({ ours: '73%', customers: '70%', gap: '-3', importance: '50%', competitor: '56%' });
    expect(row('errors')).toMatchObject({ ours: '47%', customers: '100%', gap: '+53', importance: '20%', competitor: '–' });
    // 40.4 rounds to 40 before the gap: 40 − 60.
    expect(row('staff')).toMatchObject({ customers: '40%', gap: '-20' });
    expect(row('alignment')).toMatchObject({ gap: '0', importance: '–' });
    // No answers, or no area in the tally at all: dashes, and only the owner's bar.
    expect(row('leadership')).toMatchObject({ ours: '80%', customers: '–', gap: '–', customersBar: '' });
    expect(row('improvement')).toMatchObject({ customers: '–', importance: '–', competitor: '–', customersBar: '' });
    expect(row('outreach').oursBar).toBe('███████░░░');
    expect(row('errors').customersBar).toBe('██████████');
  });

  it('ranks the priorities by weight × what the customers miss, a missing weight counting as 1, and says when they differ from the owner’s', () => {
    const view = viewOf();
    // alignment 1 × 30 = 30 · staff 0.3 × 59.6 = 17.9 · outreach 0.5 × 30 = 15 · errors 0.2 × 0 = 0.
    expect(view.priorities).toBe('Customer alignment, Skilled and empowered staff, and Customer outreach');
    expect(view.ownPriorities).toBe('Error reduction, Skilled and empowered staff, and Using customer information');
    expect(view.samePriorities).toBe(false);
    const same = customersView(result, tally({ areas: [area('errors', 10, 0.5), area('staff', 20, 0.4), area('information', 10, 0.3), area('outreach', 90, 0.9)] }), q, en);
    // errors 45 · staff 32 · information 27 · outreach 9: the owner's own order.
    expect(same.samePriorities).toBe(true);
    expect(same.priorities).toBe('Error reduction, Skilled and empowered staff, and Using customer information');
    expect(same.priorityIds).toEqual(['errors', 'staff', 'information']);
    // An area the customers miss nothing in (100%) is no priority of theirs, however much it weighs.
    const full = customersView(result, tally({ areas: [area('errors', 100, 0.9), area('outreach', 99.9, 0.1)] }), q, en);
    expect(full.priorityIds).toEqual(['outreach']);
    expect(full.priorities).toBe('Customer outreach');
    const none = customersView(result, tally({ areas: [area('errors', 100, 1)] }), q, en);
    expect(none.priorityIds).toEqual([]);
    expect(none.priorities).toBe('');
  });

  it('dates the next survey from the tally’s day and the Result’s business, and says why', () => {
    const dated = customersView({ ...result, business: { buys: 'weekly', customersPerMonth: 20 } }, tally({ surveyed: '2026-11-30' }), q, en);
    expect(dated.resurvey).toEqual({ months: 6, date: 'May 30, 2027', reason: 'volume', rhythm: 'every week', customersPerMonth: '20', minResponses: 10 });
    const rhythm = customersView({ ...result, business: { buys: 'daily', customersPerMonth: null } }, tally({ surveyed: '2026-01-31' }), q, en);
    expect(rhythm.resurvey).toMatchObject({ months: 1, date: 'February 28, 2026', reason: 'rhythm', rhythm: 'every day', customersPerMonth: '' });
    // Neither a business nor a date: the default interval, undated.
    expect(customersView({ ...result, business: null }, tally(), q, en).resurvey).toMatchObject({ months: 6, date: null, reason: 'default', rhythm: '' });
  });

  it('gives the top three requests with their counts, and the requests none of the owner’s lists has', () => {
    const view = viewOf();
    expect(view.requests).toEqual(['faster quotes (5)', 'Parking (4)', 'evening and weekend hours (3)']);
    // full.yaml's own top requests have "Faster quotes" and "Evening and weekend hours"; case, spacing and a closing stop aside.
    expect(view.missed).toEqual(['Parking', 'A loyalty card.']);
    const many = Array.from({ length: 12 }, (_, i) => ({ text: `want ${i}`, count: 12 - i }));
    // At most five, from the ten most asked.
    expect(customersView(result, tally({ requests: many }), q, en).missed).toEqual(['want 0', 'want 1', 'want 2', 'want 3', 'want 4']);
    // Only the ten most asked are looked at: the eleventh, missed too, is not listed even when room is left.
    const owned = Array.from({ length: 10 }, (_, i) => ({ text: i < 9 ? 'faster quotes' : 'want 9', count: 20 - i }));
    expect(customersView(result, tally({ requests: [...owned, { text: 'want 10', count: 1 }] }), q, en).missed).toEqual(['want 9']);
  });

  it('counts a request as on the owner’s lists when either holds the other, case, spacing and closing marks aside', () => {
    // full.yaml's lists hold "Faster quotes" and "Evening and weekend hours", among others.
    const missed = (...texts: string[]) => customersView(result, tally({ requests: texts.map((text) => ({ text, count: 2 })) }), q, en).missed;
    expect(missed('  FASTER \t quotes!!;  ')).toEqual([]);
    // The request inside an item of the owner's ("Evening and weekend hours"), and an item inside the request.
    expect(missed('  weekend   HOURS. ')).toEqual([]);
    expect(missed('weekend hours!!')).toEqual([]);
    expect(missed('faster quotes, please, and evening and weekend hours too')).toEqual([]);
    // Neither holds the other: missed. A mark inside a request is part of it; only closing ones go.
    expect(missed('quotes faster')).toEqual(['quotes faster']);
    expect(missed('faster. quotes')).toEqual(['faster. quotes']);
    expect(missed('fasterquotes')).toEqual(['fasterquotes']);
  });

  it('shows only the areas that apply to the business', () => {
    const solo = scoreAnswers(q, loadAnswers(readFileSync('test/fixtures/solo.yaml', 'utf8'), 'solo.yaml', q), 'en');
    const rows = customersView(solo, tally(), q, en).rows.map((r) => r.id);
    expect(rows).toEqual(q.sections.filter((s) => s.id !== 'staff').map((s) => s.id));
  });

  it('says the NPS with its margin, and nothing without answers', () => {
    const view = viewOf();
    expect(view.nps).toBe('Net Promoter Score: 25 ± 40.1 points (answers: 12).');
    expect(customersView(result, tally({ nps: { answers: 0, score: null, margin: null } }), q, en).nps).toBeNull();
    expect(view).toMatchObject({ responses: 12, anecdotal: false });
  });
});

describe('validateCustomers', () => {
  const problemsOf = (text: string) => {
    try {
      validateCustomers(parseYaml(text, 'customers.json'), q);
      return [];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return error.problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.code}`);
    }
  };
  const json = (more: Partial<CustomersIn>) => JSON.stringify(tally(more), null, 2);

  it('takes a tally of this questionnaire, every figure at its bounds, and gives it back', () => {
    expect(problemsOf(json({}))).toEqual([]);
    const edges = tally({
      areas: [{ ...area('errors', 0, 0), spread: 48.2 }, { ...area('staff', 100, 1), spread: 0 }],
      nps: { answers: 3, score: -100, margin: 0 },
      requests: [
        { text: 'x'.repeat(2000), count: 1 },
        { text: 'parking', count: 7 },
      ],
    });
    expect(validateCustomers(parseYaml(JSON.stringify(edges), 'customers.json'), q)).toEqual(edges);
    expect(validateCustomers(parseYaml(JSON.stringify(tally({ nps: { answers: 3, score: 100, margin: 5 } })), 'customers.json'), q).nps.score).toBe(100);
  });

  it('refuses a figure just past each bound', () => {
    const one = (more: Partial<CustomersIn>) => problemsOf(json(more)).map((p) => p.replace(/^\d+:\d+ /, ''));
    expect(one({ areas: [{ ...area('errors', 50, 1), spread: -0.1 }] })).toEqual(['areas[0].spread below-minimum']);
    expect(one({ nps: { answers: 3, score: -100.1, margin: 1 } })).toEqual(['nps.score below-minimum']);
    expect(one({ requests: [{ text: 'x'.repeat(2001), count: 1 }] })).toEqual(['requests[0].text too-long']);
    expect(one({ requests: [{ text: 'parking', count: 0 }] })).toEqual(['requests[0].count below-minimum']);
    expect(one({ requests: Array.from({ length: 1001 }, (_, i) => ({ text: `want ${i}`, count: 1 })) })).toEqual(['requests too-many-items']);
  });

  it('names what it found and what it expected', () => {
    try {
      validateCustomers(parseYaml(json({ questionnaire: 'other', areas: [area('delight', 50, 0)] }), 'customers.json'), q);
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).problems.map((p) => p.values)).toEqual([{ found: 'other', expected: 'csq' }, { key: 'delight' }]);
    }
  });

  it('knows a tally from an answers file or a Result', () => {
    expect(isCustomersData(tally())).toBe(true);
    expect(isCustomersData({ schemaVersion: 1, areas: [], nps: {} })).toBe(true);
    expect(isCustomersData({ schemaVersion: 1, areas: [] })).toBe(false);
    expect(isCustomersData({ schemaVersion: 1, nps: {} })).toBe(false);
    expect(isCustomersData({ areas: [], nps: {} })).toBe(false);
    expect(isCustomersData(result)).toBe(false);
    expect(isCustomersData(null)).toBe(false);
    expect(isCustomersData('schemaVersion areas nps')).toBe(false);
  });

  it('locates a tally of another questionnaire, and an area that is not one of its sections', () => {
    expect(problemsOf(json({ questionnaire: 'other', areas: [area('errors', 50, 1), area('delight', 50, 0)] }))).toEqual([
      '3:20 questionnaire customers-other-questionnaire',
      '23:13 areas[1].id unknown-section',
    ]);
  });

  it('locates a figure off its range', () => {
    expect(problemsOf(json({ areas: [area('errors', 101, 1.5)] }))).toEqual(['10:16 areas[0].score above-maximum', '15:19 areas[0].importance.weight above-maximum']);
  });
});
