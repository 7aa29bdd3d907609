/** The trend per area across assessments, from full.yaml with its errors rated otherwise (7 of 15 there: 46.7%). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { historyView } from '../../src/core/history.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import type { Result } from '../../src/core/result.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { pl } from '../../src/i18n/pl.js';
import { readFixture } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const full = readFixture('full.yaml');
const ERRORS = 'errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 2 }';
const assessed = (date: string | null, errors: [number, number, number]) => {
  const text = full.replace(ERRORS, `errors: { review-complaints: ${errors[0]}, ask-feedback: ${errors[1]}, eliminate-errors: ${errors[2]} }`);
  return scoreAnswers(q, loadAnswers(date === null ? text.replace(/^date: .*\n/m, '') : text.replace(/^date: .*$/m, `date: ${date}`), 'x.yaml', q));
};
const surveyed = (result: Result, areas: Record<string, number | null>): Result => ({
  ...result,
  customers: {
    schemaVersion: 1,
    questionnaire: 'csq',
    responses: 12,
    anecdotal: false,
    areas: Object.entries(areas).map(([id, score]) => ({ id, answers: 12, score, spread: null, importance: { answers: 0, mean: null, weight: null }, competitor: { answers: 0, score: null } })),
    nps: { answers: 0, score: null, margin: null },
    requests: [],
  },
});

describe('historyView', () => {
  it('gives one column per assessment, oldest first, and each area’s change since the first, exactly', () => {
    // errors 4 of 15 (26.7%), then 7 (46.7%), then 11 (73.3%): +46.7 from the exact 7/15, not 73.3 − 26.7 = 46.6.
    const view = historyView([assessed('2025-05-01', [1, 2, 1]), assessed('2025-11-01', [3, 2, 2]), assessed('2026-05-01', [4, 4, 3])], en);
    expect(view.columns).toEqual(['May 1, 2025', 'November 1, 2025', 'May 1, 2026']);
    const errors = view.rows.find((r) => r.id === 'errors')!;
    expect(errors).toEqual({ id: 'errors', title: 'Error reduction', overall: false, numbers: [26.7, 46.7, 73.3], values: ['26.7%', '46.7%', '73.3%'], change: '+46.7' });
    expect(view.rows.find((r) => r.id === 'leadership')).toMatchObject({ values: ['80%', '80%', '80%'], change: '±0' });
    // Overall last and marked: 80 → 87 of 125.
    expect(view.rows.at(-1)).toEqual({ id: 'overall', title: 'Overall CSQ', overall: true, numbers: [64, 66.4, 69.6], values: ['64%', '66.4%', '69.6%'], change: '+5.6' });
    expect(view.rows.map((r) => r.id)).toEqual([...q.sections.map((s) => s.id), 'overall']);
    expect(view.customers).toBeNull();
  });

  it('shows a fall with its sign, and calls an undated current assessment this one', () => {
    const view = historyView([assessed('2025-05-01', [4, 4, 3]), assessed(null, [3, 2, 2])], en);
    expect(view.columns).toEqual(['May 1, 2025', 'This assessment']);
    // An undated earlier one (the pipeline refuses it) is no "this assessment".
    expect(historyView([assessed(null, [4, 4, 3]), assessed(null, [3, 2, 2])], en).columns).toEqual(['–', 'This assessment']);
    expect(view.rows.find((r) => r.id === 'errors')!.change).toBe('-26.7');
  });

  it('writes the numbers and dates as the language does', () => {
    const view = historyView([assessed('2025-05-01', [1, 2, 1]), assessed('2026-05-01', [4, 4, 3])], pl);
    expect(view.columns).toEqual(['1 maja 2025', '1 maja 2026']);
    expect(view.rows.find((r) => r.id === 'errors')!.values).toEqual(['26,7%', '73,3%']);
  });

  it('adds the customers’ scores for the areas some survey answered, changed since their first survey', () => {
    const view = historyView(
      [assessed('2025-05-01', [1, 2, 1]), surveyed(assessed('2025-11-01', [3, 2, 2]), { errors: 40.2, outreach: 55 }), surveyed(assessed('2026-05-01', [4, 4, 3]), { errors: 70, outreach: null, staff: 61.5 })],
      en,
    );
    expect(view.customers).toEqual([
      { id: 'errors', title: 'Error reduction', numbers: [null, 40.2, 70], values: ['–', '40.2%', '70%'], change: '+29.8' },
      // Answered once, then not: no change to show.
      { id: 'outreach', title: 'Customer outreach', numbers: [null, 55, null], values: ['–', '55%', '–'], change: '–' },
      // Only in the latest survey: one figure is no trend.
      { id: 'staff', title: 'Skilled and empowered staff', numbers: [null, null, 61.5], values: ['–', '–', '61.5%'], change: '–' },
    ]);
  });
});
