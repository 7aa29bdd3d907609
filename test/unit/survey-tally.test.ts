import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv-reader.js';
import { loadQuestionnaire, resolveProfile } from '../../src/core/questionnaire.js';
import { headerIndex, normalizeText, surveyHeader, surveyQuestions } from '../../src/core/survey.js';
import { npsOf, Running, splitWants, tally } from '../../src/core/tally.js';
import { en } from '../../src/i18n/en.js';
import { catalogue } from '../../src/i18n/catalogues.js';
import { SUPPORTED_LANGS } from '../../src/i18n/index.js';
import { formatProblem } from '../../src/render/problems.js';

const translations = SUPPORTED_LANGS.map((lang) => ({
  questionnaire: loadQuestionnaire(readFileSync(`questionnaires/csq.${lang}.yaml`, 'utf8'), lang),
  messages: catalogue(lang),
}));
const reference = translations[0]!.questionnaire;
const index = headerIndex(reference, translations);
const labels = new Map(translations.flatMap(({ questionnaire }) => Object.entries(questionnaire.scale.labels).map(([v, l]) => [normalizeText(l), Number(v)] as const)));
const run = (text: string, file = 'responses.csv') => tally(reference, index, [{ file, records: parseCsv(text).records }], { labels });

describe('the survey tally', () => {
  it('computes NPS and its 95% margin as the README states, on hand-computed cases', () => {
    // 5 promoters, 3 passives, 2 detractors of 10: 50% − 20% = 30; 1.96 × √((0.5 + 0.2 − 0.3²) / 10) × 100 = 48.4.
    expect(npsOf([10, 9, 9, 10, 9, 8, 7, 8, 6, 0])).toEqual({ answers: 10, promoters: 5, passives: 3, detractors: 2, score: 30, margin: 48.4 });
    // All promoters: 100, and no spread in the answers, so no margin.
    expect(npsOf([9, 10, 9])).toMatchObject({ score: 100, margin: 0 });
    // Half and half: 0 ± 1.96 × √(1 / 4) × 100 = 98.
    expect(npsOf([10, 0, 9, 6])).toMatchObject({ score: 0, margin: 98 });
    expect(npsOf([])).toMatchObject({ answers: 0, score: null, margin: null });
  });

  it('keeps the mean and the sample standard deviation (n − 1) as values arrive', () => {
    const r = new Running();
    expect([r.mean, r.sd]).toEqual([null, null]);
    r.add(50);
    expect([r.n, r.mean, r.sd]).toEqual([1, 50, null]);
    for (const x of [60, 30, 80]) r.add(x);
    // 50, 60, 30, 80: mean 55, squares 25 + 25 + 625 + 625 = 1300, ÷ 3.
    expect(r.mean).toBe(55);
    expect(r.sd).toBeCloseTo(Math.sqrt(1300 / 3), 10);
  });

  it('computes each area’s score, spread, answers and importance weight, and the top requests, by hand', () => {
    const { customers, problems } = run(
      [
        'delight,easy-to-deal,importance.outreach,importance.errors,review-complaints,recommend,wants',
        '5,4,5,3,2,10,Faster delivery',
        '3,,4,1,,9,"faster   DELIVERY.\nLower prices"',
        '1,2,,,4,6,',
        '4,4,3,2,5,0,1. lower prices',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    const area = (id: string) => customers.areas.find((a) => a.id === id)!;
    // outreach per response: 4.5, 3, 1.5, 4 of 5 → 90, 60, 30, 80%: mean 65, sd √(2100 / 3) = 26.5.
    expect(area('outreach')).toEqual({ id: 'outreach', answers: 4, score: 65, spread: 26.5, importance: { answers: 3, mean: 4, weight: 0.667 }, competitor: { answers: 0, score: null } });
    // errors: 2, 4, 5 → 40, 80, 100%: mean 73.3, sd √((33.3² + 6.7² + 26.7²) / 2) = 30.6; importance 3, 1, 2 → mean 2 of the sum 6.
    expect(area('errors')).toMatchObject({ answers: 3, score: 73.3, spread: 30.6, importance: { answers: 3, mean: 2, weight: 0.333 } });
    expect(area('leadership')).toMatchObject({ answers: 0, score: null, spread: null, importance: { weight: null } });
    expect(customers.nps).toMatchObject({ answers: 4, score: 0, margin: 98 });
    expect(customers.requests).toEqual([
      { text: 'faster delivery', count: 2 },
      { text: 'lower prices', count: 2 },
    ]);
    expect(customers).toMatchObject({ responses: 4, skipped: 0, anecdotal: true, schemaVersion: 1 });
  });

  it('reports every bad cell, located, and skips its whole row: nothing of it is counted', () => {
    const { customers, problems } = run(['id,delight,recommend,wants', '1,4,10,', '2,7,9,', '3,5,11,', '4,"3",x,', '5,Always,8,', '6,4', '7,3,10,"never closed'].join('\r\n'));
    expect(problems.map((p) => formatProblem(p, en))).toEqual([
      'responses.csv:3:2 delight: 7 is outside the scale 1–5 (the row is skipped)',
      'responses.csv:4:3 recommend: 11 is outside the scale 0–10 (the row is skipped)',
      'responses.csv:5:3 recommend: expected a rating, a whole number from 0 to 10, found "x" (the row is skipped)',
      'responses.csv:7:1 the row has 2 fields, the header 4; the row is skipped',
      'responses.csv:8:4 wants: a quoted field is not closed before the end of the file (the row is skipped)',
    ]);
    // Counted: rows 1 and 5 (the label "Always" is 5); row 4's 3 is not, since the row is skipped.
    expect(customers.responses).toBe(2);
    expect(customers.skipped).toBe(5);
    expect(customers.statements.delight).toEqual({ answers: 2, mean: 4.5, competitorMean: null });
    expect(customers.nps.answers).toBe(2);
  });

  it('maps a header by id, and by the question’s text in every language, grids and the competitor question too', () => {
    for (const { questionnaire, messages } of translations) {
      const easy = questionnaire.sections.find((s) => s.id === 'outreach')!;
      const statement = easy.statements[0]!.customer!;
      expect(index.columnId(statement), questionnaire.lang).toBe('easy-to-deal');
      expect(index.columnId(`  ${statement.toUpperCase().replace(/[.]$/, '')}  `), questionnaire.lang).toBe('easy-to-deal');
      expect(index.columnId(easy.importance!), questionnaire.lang).toBe('importance.outreach');
      expect(index.columnId(messages.survey.recommend), questionnaire.lang).toBe('recommend');
      expect(index.columnId(messages.survey.wants), questionnaire.lang).toBe('wants');
      expect(index.columnId(`${messages.survey.competitor.replace('{competitor}', 'Rival & Co')} [${statement}]`), questionnaire.lang).toBe('competitor.easy-to-deal');
      expect(index.columnId(`Rate us [${statement}]`), questionnaire.lang).toBe('easy-to-deal');
    }
    for (const id of surveyHeader(reference, { profile: resolveProfile(reference), competitor: 'x' })) expect(index.columnId(id)).toBe(id);
    expect(index.columnId('Timestamp')).toBeUndefined();
    // Left out of the survey: no column can be it.
    expect(index.columnId('respected')).toBeUndefined();
  });

  it('refuses a header that names one question twice, or none', () => {
    expect(run('delight,They go out of their way to delight me.\n1,2\n').fatal.map((p) => formatProblem(p, en))).toEqual([
      'responses.csv:1:2 column 2 asks the same question (delight) as column 1',
    ]);
    expect(run('a,b\n1,2\n').fatal.map((p) => formatProblem(p, en))).toEqual([
      'responses.csv:1:1 no column of the header is a question of the survey (start from the header of `csq survey make -o survey.csv`)',
    ]);
  });

  it('asks a business without staff nothing about staff, and asks the competitor question only when named', () => {
    const solo = surveyQuestions(reference, { profile: resolveProfile(reference, { staff: false }) }).map((q) => q.id);
    expect(solo).not.toContain('importance.staff');
    expect(solo).not.toContain('product-knowledge');
    expect(solo.some((id) => id.startsWith('competitor.'))).toBe(false);
    expect(solo.slice(-2)).toEqual(['recommend', 'wants']);
    expect(solo).toHaveLength(18 + 6 + 2);
  });

  it('splits the wants into items and counts them after normalising case and spacing', () => {
    expect(splitWants('1. Faster  delivery\n2) lower prices.\n- A  loyalty card;  • parking ')).toEqual(['faster delivery', 'lower prices', 'a loyalty card', 'parking']);
  });
});
