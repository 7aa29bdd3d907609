/**
 * The plan model (src/core/plan.ts) at its boundaries: which statements are the weakest and in
 * which order, the whole percents a plan shows, the long-vision advice, strengths, ties and a
 * team's disagreements. The model is what every template renders, so this is what a user reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/answers.js';
import { LONG_VISION_WORDS, STRENGTH_PERCENT, bar, buildPlan, wordCount } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import type { Result } from '../../src/core/result.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { combineResults } from '../../src/core/team.js';
import { en } from '../../src/i18n/en.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const statementTexts = Object.fromEntries(q.sections.flatMap((s) => s.statements.map((st) => [st.id, st.text])));

/** Every statement rated `base` unless given; with staff unless told. */
function result(overrides: Record<string, Record<string, number>> = {}, more: Partial<Answers> = {}, base = 4): Result {
  const staff = more.profile?.staff ?? true;
  const ratings = Object.fromEntries(
    q.sections
      .filter((s) => staff || s.id !== 'staff')
      .map((s) => [s.id, Object.fromEntries(s.statements.map((st) => [st.id, overrides[s.id]?.[st.id] ?? base]))]),
  );
  return scoreAnswers(q, { ratings, profile: { staff }, ...more } as Answers);
}

const titleOf = (id: string) => q.sections.find((s) => s.id === id)!.title;
const plan = (r: Result) => buildPlan(r, q, en);
const weakest = (r: Result, id: string) => plan(r).priorities.find((p) => p.id === id)!.weakest.map((w) => [w.rating, w.text]);

describe('the weakest statements of each priority', () => {
  it('are the lowest rated first, ties in questionnaire order, at most three, none above the middle of the scale', () => {
    const r = result(
      {
        // alignment: 3, 1, 2, 1 → the two 1s (in order), then the 2
        alignment: { partnership: 3, 'honest-promises': 1, 'know-benefits': 2, 'customer-led-design': 1 },
        // staff: 4, 3, 3, 2, 3 → the 2, then the first two 3s; the fourth 3 and the 4 are left out
        staff: { respected: 4, 'product-knowledge': 3, 'tools-skills': 3, 'encouraged-to-solve': 2, 'own-satisfaction': 3 },
        // errors: 5, 3, 4 → only the 3 (the middle of 1–5 counts as weak; 4 does not)
        errors: { 'review-complaints': 5, 'ask-feedback': 3, 'eliminate-errors': 4 },
      },
      { improve: ['alignment', 'staff', 'errors'] },
    );
    expect(weakest(r, 'alignment')).toEqual([
      [1, statementTexts['honest-promises']],
      [1, statementTexts['customer-led-design']],
      [2, statementTexts['know-benefits']],
    ]);
    expect(weakest(r, 'staff')).toEqual([
      [2, statementTexts['encouraged-to-solve']],
      [3, statementTexts['product-knowledge']],
      [3, statementTexts['tools-skills']],
    ]);
    expect(weakest(r, 'errors')).toEqual([[3, statementTexts['ask-feedback']]]);
    // Each with the scale's label for its rating.
    expect(plan(r).priorities[0]!.weakest.map((w) => w.label)).toEqual([q.scale.labels['1'], q.scale.labels['1'], q.scale.labels['2']]);
  });

  it('are none for a priority rated above the middle everywhere, and the priorities keep the order chosen', () => {
    const model = plan(result({}, { improve: ['outreach', 'leadership'] }));
    expect(model.priorities.map((p) => [p.number, p.id, p.percent, p.weakest])).toEqual([
      [1, 'outreach', '80%', []],
      [2, 'leadership', '80%', []],
    ]);
  });

  it('use the one-person wording of a statement for a business without staff', () => {
    const withWording = q.sections.flatMap((s) => s.statements.map((st) => ({ s, st }))).find(({ st }) => st.without?.staff !== undefined);
    if (!withWording) throw new Error('the questionnaire has no statement worded for a one-person business');
    const { s, st } = withWording;
    const r = result({ [s.id]: { [st.id]: 1 } }, { profile: { staff: false }, improve: [s.id] });
    expect(weakest(r, s.id)[0]).toEqual([1, st.without!.staff]);
  });
});

describe('the percents a plan shows', () => {
  it('are whole percents rounded from the exact score, not from the Result’s one-decimal percent', () => {
    // Three respondents with 83, 79 and 76 points: 238/375 = 63.47%, which the Result holds as 63.5.
    const team = combineResults([
      result({ leadership: { 'whatever-it-takes': 5, 'right-first-time': 5, 'owner-example': 5, 'success-measure': 5 } }, {}, 3),
      result({ alignment: { partnership: 4, 'honest-promises': 4, 'know-benefits': 4, 'customer-led-design': 4 } }, {}, 3),
      result({ errors: { 'review-complaints': 4 } }, {}, 3),
    ]);
    expect(team.overall).toEqual({ score: 238, max: 375, percent: 63.5 });
    expect(plan(team).overall.percent).toBe('63%');
  });

  it('show each applicable section with its bar, and none for one that does not apply', () => {
    const model = plan(result({ errors: { 'review-complaints': 1, 'ask-feedback': 2, 'eliminate-errors': 2 } }, { profile: { staff: false } }));
    const errors = model.sections.find((s) => s.id === 'errors')!;
    expect([errors.score, errors.max, errors.percent, errors.bar]).toEqual([5, 15, '33%', bar(5, 15)]);
    expect(model.sections.find((s) => s.id === 'staff')).toMatchObject({ applicable: false, percent: null, bar: '' });
    expect(model.overall).toMatchObject({ applicableCount: 6, sectionCount: 7 });
  });

  it('draw bars of ten cells, rounded to the nearest cell', () => {
    expect(bar(0, 15)).toBe('░'.repeat(10));
    expect(bar(15, 15)).toBe('█'.repeat(10));
    expect(bar(7, 15)).toBe(`${'█'.repeat(5)}${'░'.repeat(5)}`); // 4.67 cells
    expect(bar(1, 20)).toBe(`█${'░'.repeat(9)}`); // 0.5 cells, halves up
    expect(bar(3, 0)).toBe('░'.repeat(10));
  });
});

describe('the long-vision advice', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it(`is given above ${LONG_VISION_WORDS} words, not at exactly ${LONG_VISION_WORDS}`, () => {
    expect(LONG_VISION_WORDS).toBe(25);
    expect(plan(result({}, { vision: words(25) })).vision).toMatchObject({ words: 25, long: false, maxWords: 25 });
    expect(plan(result({}, { vision: words(26) })).vision).toMatchObject({ words: 26, long: true, maxWords: 25 });
    expect(plan(result()).vision).toMatchObject({ text: null, words: 0, long: false });
  });

  it('counts words as a reader does: any run of spaces or line breaks separates two', () => {
    expect(wordCount('  Spotless,\ton time,\n\nevery   time.  ')).toBe(5);
    expect(wordCount('')).toBe(0);
  });
});

describe('strengths, ties and disagreements', () => {
  it(`name at most two areas of ${STRENGTH_PERCENT}% or more that are not priorities, the best first`, () => {
    // leadership 15/20 = 75% exactly; outreach 13/15 = 86.7%; alignment 20/20; information 11/15 = 73.3%
    const r = result(
      {
        leadership: { 'whatever-it-takes': 3, 'right-first-time': 4, 'owner-example': 4, 'success-measure': 4 },
        outreach: { 'easy-to-deal': 5, 'resolve-complaints': 4, delight: 4 },
        alignment: { partnership: 5, 'honest-promises': 5, 'know-benefits': 5, 'customer-led-design': 5 },
        information: { 'know-expectations': 4, 'frequent-contact': 4, 'shared-knowledge': 3 },
      },
      {},
      3,
    );
    expect(plan({ ...r, improve: ['errors'] }).strengths).toEqual([
      { title: titleOf('alignment'), percent: '100%' },
      { title: titleOf('outreach'), percent: '87%' },
    ]);
    // Without the two best, the area at exactly 75% is one; the one at 73% is not.
    expect(plan({ ...r, improve: ['alignment', 'outreach'] }).strengths.map((s) => s.percent)).toEqual(['75%']);
  });

  it('say where the cut of the three lowest fell inside a tie, unless the areas were chosen', () => {
    // errors, information and improvement tie at 9/15 (60%); every other area is at 80%.
    const r = result({ errors: { 'review-complaints': 3, 'ask-feedback': 3, 'eliminate-errors': 3 }, information: { 'know-expectations': 3, 'frequent-contact': 3, 'shared-knowledge': 3 }, improvement: { 'constant-improvement': 3, 'learn-from-others': 3, 'fix-quickly': 3 } });
    expect(r.improve).toEqual(['errors', 'information', 'improvement']);
    expect(plan(r).ties).toEqual([]); // all three of the tie are priorities
    const four = result({ ...Object.fromEntries(['errors', 'information', 'outreach', 'improvement'].map((id) => [id, Object.fromEntries(q.sections.find((s) => s.id === id)!.statements.map((st) => [st.id, 3]))])) });
    expect(four.improve).toEqual(['errors', 'information', 'outreach']);
    expect(plan(four).ties).toEqual([{ areas: `${titleOf('errors')}, ${titleOf('information')}, ${titleOf('outreach')}, and ${titleOf('improvement')}` }]);
    expect(plan({ ...four, improveChosen: true }).ties).toEqual([]);
  });

  it('show a team’s wide disagreements in whole points', () => {
    const a = result({ errors: { 'review-complaints': 4, 'ask-feedback': 4, 'eliminate-errors': 3 } }); // 73.3%
    const b = result({ errors: { 'review-complaints': 2, 'ask-feedback': 2, 'eliminate-errors': 1 } }); // 33.3%
    const model = plan(combineResults([a, b]));
    expect(model.team?.disagreements).toEqual([{ title: titleOf('errors'), min: 33, max: 73 }]);
    expect(plan(a).team).toBeNull();
  });
});

describe('the suggested actions and the owner’s own data', () => {
  const errors = q.sections.find((s) => s.id === 'errors')!;
  const information = q.sections.find((s) => s.id === 'information')!;

  it('suggest, for each priority, the idea for its weakest statement, not the first idea listed', () => {
    // errors: ask-feedback is the weakest, so its idea (the third) is suggested.
    const r = result({ errors: { 'review-complaints': 4, 'ask-feedback': 1, 'eliminate-errors': 4 } }, { improve: ['errors'] });
    const suggested = plan(r).actions.filter((a) => a.suggested);
    expect(suggested.map((a) => [a.area, a.action])).toEqual([['Error reduction', errors.ideas[2]!.text]]);
    const other = result({ errors: { 'review-complaints': 4, 'ask-feedback': 4, 'eliminate-errors': 1 } }, { improve: ['errors'] });
    expect(plan(other).actions.filter((a) => a.suggested).map((a) => a.action)).toEqual([errors.ideas[0]!.text]);
  });

  it('put first the priority that the owner’s data points to', () => {
    const r = result({}, { improve: ['information', 'errors'], requirements: { internal: ['Two allergen mix-ups in October'] } });
    expect(plan(r).actions.filter((a) => a.suggested).map((a) => a.area)).toEqual(['Error reduction', 'Using customer information']);
    const none = result({}, { improve: ['information', 'errors'] });
    expect(plan(none).actions.filter((a) => a.suggested).map((a) => a.area)).toEqual(['Using customer information', 'Error reduction']);
    expect(plan(none).actions.filter((a) => a.suggested).map((a) => a.action)).toEqual([information.ideas[0]!.text, errors.ideas[0]!.text]);
  });

  it('give each priority its summary, and more ideas without the one already suggested', () => {
    const r = result({ errors: { 'review-complaints': 4, 'ask-feedback': 1, 'eliminate-errors': 4 } }, { improve: ['errors'] });
    const [priority] = plan(r).priorities;
    expect(priority!.summary).toBe(errors.summary);
    expect(priority!.moreIdeas).not.toContain(errors.ideas[2]!.text);
    expect(priority!.moreIdeas[0]).toBe(errors.ideas[0]!.text);
    // With actions of the owner's own, none is suggested, so the ideas start with the weakest statement's.
    const own = result({ errors: { 'review-complaints': 4, 'ask-feedback': 1, 'eliminate-errors': 4 } }, { improve: ['errors'], actions: [{ action: 'Call back', area: 'errors' } as never] });
    expect(plan(own).priorities[0]!.moreIdeas[0]).toBe(errors.ideas[2]!.text);
  });

  it('quote the data under the priority it points to, and name an area that is not a priority on the first page', () => {
    const data = { requirements: { internal: ['Two allergen mix-ups in October', 'Plenty of parking'] } };
    const asPriority = plan(result({}, { improve: ['errors'], ...data }));
    expect(asPriority.priorities[0]!.evidence).toBe('“Two allergen mix-ups in October”');
    expect(asPriority.dataElsewhere).toBeNull();
    const elsewhere = plan(result({}, { improve: ['leadership'], ...data }));
    expect(elsewhere.priorities[0]!.evidence).toBeNull();
    expect(elsewhere.dataElsewhere).toEqual({ count: 1, areas: 'Error reduction' });
    expect(plan(result({}, { improve: ['leadership'] })).dataElsewhere).toBeNull();
  });
});

describe('a Result with an area the questionnaire lacks', () => {
  it('shows that area under the Result’s own title', () => {
    const r = result();
    r.sections = [...r.sections, { ...r.sections[0]!, id: 'extra', title: 'Extra area' }];
    r.improve = ['extra'];
    const model = plan(r);
    expect(model.sections.at(-1)!.title).toBe('Extra area');
    expect(model.priorities.map((p) => [p.title, p.summary, p.weakest, p.evidence, p.moreIdeas])).toEqual([['Extra area', null, [], null, []]]);
  });
});

describe('what the plan’s sections show or leave out', () => {
  it('give the scale as value and label, and as one line', () => {
    const { scale } = plan(result());
    expect(scale.labels).toEqual([
      { value: '1', label: 'Never' },
      { value: '2', label: 'Almost never' },
      { value: '3', label: 'Sometimes' },
      { value: '4', label: 'Usually' },
      { value: '5', label: 'Always' },
    ]);
    expect(scale.text).toBe('1 Never · 2 Almost never · 3 Sometimes · 4 Usually · 5 Always');
  });

  it('say whether any action is a suggestion, and list more ideas only for priorities that have some', () => {
    const suggested = plan(result({}, { improve: ['errors'] }));
    expect(suggested.anySuggested).toBe(true);
    expect(suggested.moreIdeas.map((m) => m.title)).toEqual(['Error reduction']);
    expect(suggested.moreIdeas[0]!.ideas).toEqual(suggested.priorities[0]!.moreIdeas);
    const own = plan(result({}, { improve: ['errors'], actions: [{ action: 'Call back', area: 'errors' } as never] }));
    expect(own.anySuggested).toBe(false);
  });

  it('show the customers’ requirements when any list has an item, and the top requests only when given', () => {
    const none = plan(result()).requirements;
    expect([none.any, none.hasTopRequests]).toEqual([false, false]);
    for (const [list, items] of [['internal', ['Returns']], ['employees', ['Queues']], ['topRequests', ['Speed']]] as const) {
      const req = plan(result({}, { requirements: { [list]: items } })).requirements;
      expect([req.any, req.hasTopRequests], list).toEqual([true, list === 'topRequests']);
    }
  });
});

describe('the vision notes and the policies’ last question', () => {
  const notes = (visionNotes: Partial<NonNullable<Answers['visionNotes']>>) => plan(result({}, { visionNotes } as Partial<Answers>)).vision.anyNotes;

  it('show the notes when any one of them is written', () => {
    expect(notes({})).toBe(false);
    expect(notes({ tenYears: 'A shop of our own' })).toBe(true);
    expect(notes({ customerShoes: 'Long queues' })).toBe(true);
    expect(notes({ picture: 'A smile' })).toBe(true);
    expect(notes({ fiveThings: ['Speed'] })).toBe(true);
  });

  it('ask for a new friendly policy only while none is there yet', () => {
    const policy = (name: string, friendly: boolean, necessary: boolean) => ({ name, friendly, necessary });
    expect(plan(result()).policies.askForNew).toBe(true);
    expect(plan(result({}, { policies: [policy('No cash', false, false)] })).policies.askForNew).toBe(true);
    expect(plan(result({}, { policies: [policy('No cash', false, false), policy('Free coffee', true, false)] })).policies.askForNew).toBe(false);
  });
});
