import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv-reader.js';
import { loadQuestionnaire, resolveProfile } from '../../src/core/questionnaire.js';
import { headerIndex, normalizeText, surveyHeader, surveyMarkdown, surveyQuestions } from '../../src/core/survey.js';
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
// Built inside each test, never while the file is collected (see ARCHITECTURE.md, "Testing").
const indexOf = () => headerIndex(reference, translations);
const labelsOf = () => new Map(translations.flatMap(({ questionnaire }) => Object.entries(questionnaire.scale.labels).map(([v, l]) => [normalizeText(l), Number(v)] as const)));
const run = (text: string, file = 'responses.csv') => tally(reference, indexOf(), [{ file, records: parseCsv(text).records }], { labels: labelsOf() });

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
    const index = indexOf();
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
  it('scores the competitor per statement and per area, as percents of the scale’s top', () => {
    const { customers } = run(['delight,competitor.delight,competitor.easy-to-deal', '5,2,4', '3,4,'].join('\n'));
    const outreach = customers.areas.find((a) => a.id === 'outreach')!;
    // Own: 5 and 3 of 5 → 100 and 60%: mean 80, sd √((20² + 20²) / 1) = 28.3.
    // Competitor: (2 + 4) / 2 = 3 → 60%, then 4 → 80%: mean 70 of two answers.
    expect(outreach).toMatchObject({ answers: 2, score: 80, spread: 28.3, competitor: { answers: 2, score: 70 } });
    expect(customers.statements.delight).toEqual({ answers: 2, mean: 4, competitorMean: 3 });
    expect(customers.statements['easy-to-deal']).toEqual({ answers: 0, mean: null, competitorMean: 4 });
    expect(customers.areas.find((a) => a.id === 'errors')!.competitor).toEqual({ answers: 0, score: null });
  });

  it('keeps the first 100 problems of each file, and counts the rest per file', () => {
    const bad = (rows: number) => ['delight', ...Array.from({ length: rows }, () => '9')].join('\n');
    const result = tally(
      reference,
      indexOf(),
      [
        { file: 'a.csv', records: parseCsv(bad(102)).records },
        { file: 'b.csv', records: parseCsv(bad(1)).records },
      ],
      { labels: labelsOf() },
    );
    // a.csv: 100 kept and 2 counted; b.csv starts again at 0, so its one problem is kept.
    expect(result.problems).toHaveLength(101);
    expect(result.problems.filter((p) => p.file === 'a.csv')).toHaveLength(100);
    expect(result.problems.at(-1)).toMatchObject({ file: 'b.csv', line: 2, code: 'outside-scale' });
    expect([...result.moreProblems]).toEqual([['a.csv', 2]]);
    expect(result.customers.skipped).toBe(103);
  });

  it('refuses a file with no header, or an unreadable one, and goes on with the next file', () => {
    const files = [
      { file: 'empty.csv', records: parseCsv('').records },
      { file: 'blank.csv', records: parseCsv('\n4\n').records },
      { file: 'spaces.csv', records: parseCsv('   \n4\n').records },
      { file: 'open.csv', records: parseCsv('delight,"wants\n').records },
      { file: 'good.csv', records: parseCsv('delight\n4\n').records },
    ];
    const result = tally(reference, indexOf(), files, { labels: labelsOf(), surveyed: '2026-11-30' });
    expect(result.fatal).toEqual([
      { file: 'empty.csv', line: 1, column: 1, code: 'csv-no-header' },
      { file: 'blank.csv', line: 1, column: 1, code: 'csv-no-header' },
      { file: 'spaces.csv', line: 1, column: 1, code: 'csv-no-header' },
      { file: 'open.csv', line: 1, column: 2, code: 'csv-unclosed-quote' },
    ]);
    expect(result.customers).toMatchObject({
      questionnaire: 'csq',
      surveyed: '2026-11-30',
      scale: { min: 1, max: 5 },
      files: ['empty.csv', 'blank.csv', 'spaces.csv', 'open.csv', 'good.csv'],
      responses: 1,
    });
    expect(run('delight\n4\n').customers.surveyed).toBeNull();
  });

  it('lists the columns it does not know once each, trimmed, and not the blank ones', () => {
    const { ignoredColumns, fatal, customers } = run(' Timestamp ,delight,,Timestamp,Notes,  \nmonday,4,,x,y,z\n');
    expect(ignoredColumns).toEqual(['Timestamp', 'Notes']);
    expect(fatal).toEqual([]);
    expect(customers.statements.delight).toMatchObject({ answers: 1, mean: 4 });
  });

  it('locates a column asked twice at its own line, and names the first', () => {
    // The header's second field holds a line break, so the third starts on line 2.
    const { fatal } = run('delight,"Notes\nhere",delight\n4,x,5\n');
    expect(fatal).toEqual([{ file: 'responses.csv', line: 2, column: 3, code: 'csv-duplicate-column', values: { column: 3, first: 1, id: 'delight' } }]);
    const twice = run('recommend,delight,delight\n9,4,4\n');
    expect(twice.fatal).toEqual([{ file: 'responses.csv', line: 1, column: 3, code: 'csv-duplicate-column', values: { column: 3, first: 2, id: 'delight' } }]);
    // No row of that file is read.
    expect(twice.customers).toMatchObject({ responses: 0, skipped: 0, nps: { answers: 0 } });
  });

  it('skips blank lines and rows with nothing answered without counting them, and counts a row with only wants', () => {
    const { customers, problems } = run(['delight,recommend,wants', '', '   ', ',,', ' , ,  ', ',,Parking', '4,,', ''].join('\n'));
    expect(problems).toEqual([]);
    expect(customers).toMatchObject({ responses: 2, skipped: 0 });
    expect(customers.requests).toEqual([{ text: 'parking', count: 1 }]);
    expect(customers.nps.answers).toBe(0);
  });

  it('locates a quote left open, with the column’s id where the column is a question', () => {
    const known = run('delight,wants\n3,"open\n').problems;
    expect(known).toEqual([{ file: 'responses.csv', line: 2, column: 2, path: 'wants', code: 'csv-unclosed-quote', hint: 'row-skipped' }]);
    const unknown = run('delight,notes\n3,"open\n').problems;
    expect(unknown).toEqual([{ file: 'responses.csv', line: 2, column: 2, code: 'csv-unclosed-quote', hint: 'row-skipped' }]);
  });

  it('reads a rating cell as a whole number of at most six digits, or a scale label, and the NPS answer only as a number', () => {
    const codes = (cell: string, column = 'delight') => run(`${column}\n"${cell}"\n`).problems.map((p) => p.code);
    expect(codes(' 4 ')).toEqual([]);
    expect(codes('0004')).toEqual([]);
    expect(codes(' always. ')).toEqual([]);
    expect(codes('1')).toEqual([]);
    expect(codes('5')).toEqual([]);
    expect(codes('0')).toEqual(['outside-scale']);
    expect(codes('6')).toEqual(['outside-scale']);
    expect(codes('123456')).toEqual(['outside-scale']);
    expect(codes('1234567')).toEqual(['not-a-rating']);
    expect(codes('4.0')).toEqual(['not-a-rating']);
    expect(codes('4 4')).toEqual(['not-a-rating']);
    expect(codes('0', 'recommend')).toEqual([]);
    expect(codes('10', 'recommend')).toEqual([]);
    expect(codes('Always', 'recommend')).toEqual(['not-a-rating']);
    const [outside] = run('delight\n7\n').problems;
    expect(outside!.values).toEqual({ value: 7, min: 1, max: 5 });
    const [word] = run('recommend\n" lots "\n').problems;
    expect(word!.values).toEqual({ min: 0, max: 10, found: { found: ' lots ' } });
    expect(run('delight\n" Usually "\n').customers.statements.delight!.mean).toBe(4);
  });

  it('refuses a wants answer longer than 2000 characters, and takes one of exactly 2000', () => {
    const at = run(`wants\n${'a'.repeat(2000)}\n`);
    expect(at.problems).toEqual([]);
    expect(at.customers.requests).toEqual([{ text: 'a'.repeat(2000), count: 1 }]);
    const over = run(`delight,wants\n4,${'a'.repeat(2001)}\n`);
    expect(over.problems).toEqual([{ file: 'responses.csv', line: 2, column: 2, path: 'wants', code: 'too-long', values: { count: 2000 }, hint: 'row-skipped' }]);
    expect(over.customers).toMatchObject({ responses: 0, skipped: 1 });
  });

  it('calls fewer than 10 responses anecdotal', () => {
    const rows = (n: number) => ['delight', ...Array.from({ length: n }, () => '4')].join('\n');
    expect(run(rows(9)).customers).toMatchObject({ responses: 9, anecdotal: true });
    expect(run(rows(10)).customers).toMatchObject({ responses: 10, anecdotal: false });
  });

  it('lists at most 50 requests, the most frequent first and ties in the order first seen', () => {
    const items = Array.from({ length: 52 }, (_, i) => `item ${i + 1}`);
    const { customers } = run(['wants', `"${items.join(';')}"`, 'item 52', 'item 3', 'item 52'].join('\n'));
    // item 52: 3 times; item 3: twice; then items 1, 2, 4, 5, … once each, as first seen, up to 50 in all.
    expect(customers.requests.map((r) => r.text)).toEqual(['item 52', 'item 3', 'item 1', 'item 2', ...items.slice(3, 49)]);
    expect(customers.requests.slice(0, 3).map((r) => r.count)).toEqual([3, 2, 1]);
  });

  it('splits wants at every kind of line break and at semicolons, and takes off only list markers', () => {
    expect(splitWants('one\r\ntwo\rthree\nfour;five')).toEqual(['one', 'two', 'three', 'four', 'five']);
    // A number of three digits, or without its `.` or `)`, is part of the request.
    expect(splitWants('10) ten\n100. hundred\n7 days')).toEqual(['ten', '100. hundred', '7 days']);
    expect(splitWants('  * star\n•bullet\n-dash')).toEqual(['star', 'bullet', 'dash']);
    // Case, spacing, Unicode form and closing full stops or commas do not make another request.
    expect(splitWants('Cafe\u0301 Hours!!\n café  hours ,.')).toEqual(['café hours', 'café hours']);
    expect(splitWants(' ; \n;')).toEqual([]);
  });
  it('has a figure for each statement in the survey, and none for one left out of it', () => {
    const { customers } = run('delight\n4\n');
    expect(Object.keys(customers.statements)).toContain('delight');
    // success-measure, respected and learn-from-others have no customer wording (customer: null).
    expect(Object.keys(customers.statements)).not.toContain('success-measure');
    expect(Object.keys(customers.statements)).toHaveLength(25 - 3);
  });

  it('gives no importance weight when every importance answer is the scale’s 0, and scores on its own scale', () => {
    const q = loadQuestionnaire(
      [
        'id: small',
        'version: 1',
        'lang: en',
        'title: Small',
        'scale: { min: 0, max: 4, labels: { 0: None, 1: Few, 2: Some, 3: Most, 4: All } }',
        'sections:',
        '  - { id: a, title: A, importance: Does A matter?, statements: [{ id: x, text: X, customer: They X. }, { id: y, text: Y, customer: They Y. }] }',
        '  - { id: b, title: B, importance: Does B matter?, statements: [{ id: z, text: Z, customer: They Z. }] }',
        '',
      ].join('\n'),
      'small.yaml',
    );
    const records = parseCsv('x,y,importance.a,importance.b\n1,2,0,0\n3,,0,0\n').records;
    const { customers } = tally(q, headerIndex(q, [{ questionnaire: q, messages: en }]), [{ file: 'r.csv', records }], { labels: new Map() });
    // a: (1 + 2) / 2 = 1.5 of 4 → 37.5%, then 3 of 4 → 75%: mean 56.3 (56.25 rounds up).
    expect(customers.areas[0]).toEqual({ id: 'a', answers: 2, score: 56.3, spread: 26.5, importance: { answers: 2, mean: 0, weight: null }, competitor: { answers: 0, score: null } });
    expect(customers.areas[1]!.importance).toEqual({ answers: 2, mean: 0, weight: null });
    expect(customers.scale).toEqual({ min: 0, max: 4 });
  });
  it('counts an importance column only for a section of the questionnaire', () => {
    // An index that takes every header as its id, so that a column can name a section the questionnaire does not have.
    const asIs = { columnId: (header: string) => header };
    const records = parseCsv('importance.errors,importance.outreach,importance.nowhere\n4,2,5\n').records;
    const { customers } = tally(reference, asIs, [{ file: 'r.csv', records }], { labels: labelsOf() });
    // 4 and 2 of the sum 6: weights 0.667 and 0.333; `nowhere` is in no sum.
    expect(customers.areas.find((a) => a.id === 'errors')!.importance).toEqual({ answers: 1, mean: 4, weight: 0.667 });
    expect(customers.areas.find((a) => a.id === 'outreach')!.importance).toEqual({ answers: 1, mean: 2, weight: 0.333 });
    expect(customers.areas.map((a) => a.id)).not.toContain('nowhere');
  });
});

describe('the survey made from a questionnaire of its own', () => {
  // `b` only with staff; `y` is left out of the survey (customer: null).
  const small = () =>
    loadQuestionnaire(
      [
        'id: s',
        'version: 1',
        'lang: en',
        'title: S',
        'scale: { min: 1, max: 3, labels: { 1: Never, 2: Sometimes, 3: Always } }',
        'profile:',
        '  - { id: staff, question: Do you have employees? }',
        'sections:',
        "  - { id: a, title: 'Fees #1', importance: Does A matter?, statements: [{ id: x, text: X, customer: They *care*. }, { id: y, text: Y, customer: null }] }",
        '  - { id: b, title: B, when: staff, importance: Does B matter?, statements: [{ id: z, text: Z, customer: They Z. }] }',
        '',
      ].join('\n'),
      's.yaml',
    );

  it('asks each area’s statements, each followed by its competitor question when one is named, then the area’s importance, then the NPS and the wants', () => {
    const q = small();
    expect(surveyQuestions(q, { profile: { staff: true }, competitor: 'Bob' })).toEqual([
      { id: 'x', kind: 'rating', section: 'a', statement: 'x' },
      { id: 'competitor.x', kind: 'competitor', section: 'a', statement: 'x' },
      { id: 'importance.a', kind: 'importance', section: 'a' },
      { id: 'z', kind: 'rating', section: 'b', statement: 'z' },
      { id: 'competitor.z', kind: 'competitor', section: 'b', statement: 'z' },
      { id: 'importance.b', kind: 'importance', section: 'b' },
      { id: 'recommend', kind: 'recommend' },
      { id: 'wants', kind: 'wants' },
    ]);
    expect(surveyHeader(q, { profile: { staff: false } })).toEqual(['x', 'importance.a', 'recommend', 'wants']);
  });

  it('writes the survey as Markdown: numbered statements, a box per point of the scale, the competitor line, escaped text', () => {
    const boxes = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `☐ ${from + i}`).join('   ');
    const ending = [
      '---',
      '',
      '**How likely are you to recommend us to a friend or colleague?** (0 = not at all likely, 10 = extremely likely):  ',
      boxes(0, 10),
      '',
      '**What are the three things you want most from us?**',
      '',
      ...[1, 2, 3].map((i) => `${i}. ${'\\_'.repeat(40)}`),
      '',
      'Thank you for your answers.',
      '',
    ];
    const opening = [
      '# Customer survey',
      '',
      'Thank you for a few minutes of your time. Each statement is about our business: rate how often it is true for you, from 1 to 3. Leave out any you cannot judge.',
      '',
      'Ratings: 1 Never · 2 Sometimes · 3 Always.',
      '',
    ];
    const importance = (question: string) => [`**${question}** (1 = does not matter to me, 3 = matters most):  `, boxes(1, 3), ''];
    const q = small();
    expect(surveyMarkdown(q, en, { profile: { staff: true }, competitor: 'Bob_s' }).split('\n')).toEqual([
      ...opening,
      '## Fees \\#1',
      '',
      '1. They \\*care\\*.  ',
      // A line break (two spaces) before the competitor's line.
      `   Your rating (1–3): ${boxes(1, 3)}  `,
      `   And how does Bob\\_s do on this? ${boxes(1, 3)}`,
      '',
      ...importance('Does A matter?'),
      '## B',
      '',
      '2. They Z.  ',
      `   Your rating (1–3): ${boxes(1, 3)}  `,
      `   And how does Bob\\_s do on this? ${boxes(1, 3)}`,
      '',
      ...importance('Does B matter?'),
      ...ending,
    ]);
    expect(surveyMarkdown(q, en, { profile: { staff: false } }).split('\n')).toEqual([
      ...opening,
      '## Fees \\#1',
      '',
      '1. They \\*care\\*.  ',
      `   Your rating (1–3): ${boxes(1, 3)}`,
      '',
      ...importance('Does A matter?'),
      ...ending,
    ]);
  });

  it('prints wording that starts like a list, a quote or a heading as it is when it is in the middle of a line', () => {
    // In the middle of a line `- `, `+`, `=` or `1.` mean nothing in Markdown: a backslash there
    // would show in an e-mailed survey. At the start of a line they are escaped.
    const q = loadQuestionnaire(
      [
        'id: s',
        'version: 1',
        'lang: en',
        'title: S',
        'scale: { min: 1, max: 2, labels: { 1: No, 2: Yes } }',
        'sections:',
        "  - { id: a, title: '- A', importance: '+ Does A matter?', statements: [{ id: x, text: X, customer: '- They care.' }] }",
        "  - { id: b, title: B, importance: Does B matter?, statements: [{ id: z, text: Z, customer: '1. They Z.' }] }",
        '',
      ].join('\n'),
      's.yaml',
    );
    const survey = { ...en.survey, rating: '= Rate ({min}–{max}):', importanceScale: '2) from {min} to {max}', recommend: '- Recommend?', recommendScale: '+ 0 to 10', wants: '3. Wants?', thanks: '- Thanks.' };
    const lines = surveyMarkdown(q, { ...en, survey }, { profile: {}, competitor: '-Bob' }).split('\n');
    expect(lines).toContain('## \\- A');
    expect(lines).toContain('1. - They care.  ');
    expect(lines).toContain('   = Rate (1–2): ☐ 1   ☐ 2  ');
    expect(lines).toContain('   And how does -Bob do on this? ☐ 1   ☐ 2');
    expect(lines).toContain('**+ Does A matter?** 2) from 1 to 2  ');
    expect(lines).toContain('2. 1. They Z.  ');
    expect(lines).toContain('**- Recommend?** + 0 to 10  ');
    expect(lines).toContain('**3. Wants?**');
    expect(lines).toContain('\\- Thanks.');
  });

  it('leaves out of the Markdown an area with nothing to ask', () => {
    const q = loadQuestionnaire('id: t\nversion: 1\nlang: en\ntitle: T\nscale: { min: 1, max: 2, labels: { 1: No, 2: Yes } }\nsections:\n  - { id: a, title: Alone, statements: [{ id: x, text: X }] }\n', 't.yaml');
    const markdown = surveyMarkdown(q, en, { profile: {} });
    expect(markdown).not.toContain('## ');
    expect(markdown).toContain('\n---\n');
  });

  it('normalises a header’s quotes, spacing, Unicode form, case and closing punctuation', () => {
    expect(normalizeText('\u2018a\u2019 \u201ab\u201b \u201cc\u201d \u201ed\u201f \u00abe\u00bb')).toBe(`'a' 'b' "c" "d" "e"`);
    expect(normalizeText('  Don\u2019t \t\n WAIT \u2026?!:;,.* ')).toBe("don't wait");
    expect(normalizeText('Cafe\u0301')).toBe('caf\u00e9');
    // Only closing punctuation: what starts or is inside the text stays.
    expect(normalizeText('?Why. Not')).toBe('?why. not');
  });

  it('takes a grid title for the competitor question only when it is that question from start to end, whatever its punctuation', () => {
    // A wording with characters that mean something in a regular expression.
    const messages = { ...en, survey: { ...en.survey, competitor: 'Compared with {competitor} (same scale) + more?' } };
    const index = headerIndex(reference, [{ questionnaire: reference, messages }]);
    expect(index.columnId('Compared with Bob (same scale) + more? [delight]')).toBe('competitor.delight');
    expect(index.columnId('Compared with Bob same scale + more? [delight]')).toBe('delight');
    expect(index.columnId('Compared with Bob (same scale) more? [delight]')).toBe('delight');
    // Words before or after the question make it another question.
    expect(index.columnId('Now: compared with Bob (same scale) + more? [delight]')).toBe('delight');
    expect(index.columnId('Compared with Bob (same scale) + more, and why? [delight]')).toBe('delight');
  });

  it('maps a grid column to its row, the competitor’s only for a statement, and nothing for an unknown row', () => {
    const index = indexOf();
    const importance = reference.sections.find((s) => s.id === 'outreach')!.importance!;
    expect(index.columnId(' delight ')).toBe('delight');
    expect(index.columnId('Rate us [delight]  ')).toBe('delight');
    expect(index.columnId(`And how does Bob do on this? [${importance}]`)).toBe('importance.outreach');
    expect(index.columnId('And how does Bob do on this? [delight]')).toBe('competitor.delight');
    // The competitor's name is needed: without one, the title is not the competitor question.
    expect(index.columnId('And how does do on this? [delight]')).toBe('delight');
    expect(index.columnId('Rate us [Timestamp]')).toBeUndefined();
    expect(index.columnId('Rate us [delight] now')).toBeUndefined();
    expect(index.columnId('competitor.respected')).toBeUndefined();
    expect(index.columnId('importance.staff')).toBe('importance.staff');
  });
});
