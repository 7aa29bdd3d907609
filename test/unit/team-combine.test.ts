/** The team-combining rules of src/core/team.ts, each at the value where a wrong rule would show. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/answers.js';
import { MAX_LIST_ITEMS, MAX_RESPONDENTS } from '../../src/core/limits.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import type { Result } from '../../src/core/result.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { DISAGREEMENT_POINTS, combineResults, mergeActions, mergeNotes, mergePolicies, mergedListProblems, policyDisagreements, teamProblems, teamSizeProblem } from '../../src/core/team.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');

/** Every statement of every section rated `base`, except those given; with staff unless told. */
function respondent(overrides: Record<string, Record<string, number>> = {}, more: Partial<Answers> = {}, base = 3): Result {
  const ratings = Object.fromEntries(
    q.sections.map((s) => [s.id, Object.fromEntries(s.statements.map((st) => [st.id, overrides[s.id]?.[st.id] ?? base]))]),
  );
  const staff = more.profile?.staff ?? true;
  if (!staff) delete ratings.staff;
  return scoreAnswers(q, { ratings, profile: { staff }, ...more } as Answers);
}

/** All statements of a section at one rating. */
function section(id: string, rating: number): Record<string, Record<string, number>> {
  const s = q.sections.find((x) => x.id === id)!;
  return { [id]: Object.fromEntries(s.statements.map((st) => [st.id, rating])) };
}

const teamSection = (combined: Result, id: string) => combined.team!.sections.find((s) => s.id === id)!;

describe('combineResults: the scores', () => {
  it('sums every respondent’s points, so each percent is the mean of theirs', () => {
    // leadership: 16/20 (80%) and 9/20 (45%) → 25/40, 62.5%
    const a = respondent(section('leadership', 4));
    const b = respondent({ leadership: { 'whatever-it-takes': 2, 'right-first-time': 2, 'owner-example': 2, 'success-measure': 3 } });
    const combined = combineResults([a, b]);
    const leadership = combined.sections.find((s) => s.id === 'leadership')!;
    expect([leadership.score, leadership.max, leadership.percent]).toEqual([25, 40, 62.5]);
    expect(combined.overall).toEqual({ score: a.overall.score + b.overall.score, max: 250, percent: 60.4 }); // 79 + 72 of 250
    expect(teamSection(combined, 'leadership').mean).toBe(62.5);
  });

  it('rounds each statement’s mean rating halves up for the ratings, and keeps the exact mean to two decimals', () => {
    // whatever-it-takes: 4 and 3 → 3.5 → 4; right-first-time: 2, 2, 3 → 2.33 → 2; owner-example: 1, 2, 2 → 1.67 → 2
    const a = respondent({ leadership: { 'whatever-it-takes': 4, 'right-first-time': 2, 'owner-example': 1 } });
    const b = respondent({ leadership: { 'whatever-it-takes': 3, 'right-first-time': 2, 'owner-example': 2 } });
    const c = respondent({ leadership: { 'whatever-it-takes': 4, 'right-first-time': 3, 'owner-example': 2 } });
    const two = combineResults([a, b]);
    expect(two.sections[0]!.ratings['whatever-it-takes']).toBe(4); // 3.5 halves up, not down to 3
    expect(teamSection(two, 'leadership').statements['whatever-it-takes']).toBe(3.5);
    const three = combineResults([a, b, c]);
    expect(three.sections[0]!.ratings).toEqual({ 'whatever-it-takes': 4, 'right-first-time': 2, 'owner-example': 2, 'success-measure': 3 });
    expect(teamSection(three, 'leadership').statements).toEqual({ 'whatever-it-takes': 3.67, 'right-first-time': 2.33, 'owner-example': 1.67, 'success-measure': 3 });
  });

  it('takes the three lowest combined areas as the priorities, whatever the respondents chose', () => {
    const a = respondent({ ...section('outreach', 1), ...section('errors', 2) }, { improve: ['leadership'] });
    const b = respondent({ ...section('outreach', 2), ...section('improvement', 2) }, { improve: ['alignment'] });
    const combined = combineResults([a, b]);
    expect(combined.improve).toEqual(['outreach', 'errors', 'improvement']);
    expect(combined.improveChosen).toBe(false);
    expect(combined.respondent).toBeNull();
  });

  it('leaves a section that applies to nobody out of every total', () => {
    const solo = { profile: { staff: false } };
    const combined = combineResults([respondent({}, solo), respondent(section('leadership', 5), solo)]);
    expect(combined.sections.find((s) => s.id === 'staff')).toMatchObject({ applicable: false, score: null, max: null, percent: null });
    expect(combined.overall.max).toBe(200);
    expect(combined.team!.sections.map((s) => s.id)).not.toContain('staff');
  });
});

describe('combineResults: where respondents disagree', () => {
  it(`flags a section whose respondents are exactly ${DISAGREEMENT_POINTS} points apart, and not one 33.3 apart`, () => {
    expect(DISAGREEMENT_POINTS).toBe(40);
    // leadership: 16/20 = 80% and 8/20 = 40% (40 points); errors: 11/15 = 73.3% and 5/15 = 33.3% (40.0);
    // information: 11/15 = 73.3% and 6/15 = 40% (33.3); alignment: 20/20 and 12/20 (40, above the lowest).
    const a = respondent({ ...section('leadership', 4), errors: { 'review-complaints': 4, 'ask-feedback': 4, 'eliminate-errors': 3 }, information: { 'know-expectations': 4, 'frequent-contact': 4, 'shared-knowledge': 3 }, ...section('alignment', 5) });
    const b = respondent({ ...section('leadership', 2), errors: { 'review-complaints': 2, 'ask-feedback': 2, 'eliminate-errors': 1 }, ...section('information', 2), ...section('alignment', 3) });
    const team = combineResults([a, b]).team!;
    const bySection = Object.fromEntries(team.sections.map((s) => [s.id, [s.min, s.max, s.spread, s.disagree]]));
    expect(bySection.leadership).toEqual([40, 80, 40, true]);
    expect(bySection.errors).toEqual([33.3, 73.3, 40, true]);
    expect(bySection.information).toEqual([40, 73.3, 33.3, false]);
    expect(bySection.alignment).toEqual([60, 100, 40, true]);
    expect(bySection.outreach).toEqual([60, 60, 0, false]);
  });

  it('measures the spread from the rounded percents without float error', () => {
    // 5/15 = 33.3% and 3/15 = 20%: 33.3 − 20 is 13.299999999999997 in floating point; the Result says 13.3.
    const a = respondent({ errors: { 'review-complaints': 2, 'ask-feedback': 2, 'eliminate-errors': 1 } });
    const b = respondent(section('errors', 1));
    expect(33.3 - 20).not.toBe(13.3);
    expect(teamSection(combineResults([a, b]), 'errors')).toMatchObject({ min: 20, max: 33.3, spread: 13.3, disagree: false });
  });

  it('takes the lowest and the highest of three or more respondents, in any order', () => {
    const results = [3, 1, 5, 2].map((r) => respondent(section('outreach', r)));
    expect(teamSection(combineResults(results), 'outreach')).toMatchObject({ min: 20, max: 100, spread: 80, disagree: true, mean: 55 });
  });

  it('counts and names the respondents, unnamed ones as null', () => {
    const team = combineResults([respondent({}, { respondent: 'Ana' }), respondent(), respondent({}, { respondent: 'Bo' })]).team!;
    expect(team.respondents).toBe(3);
    expect(team.names).toEqual(['Ana', null, 'Bo']);
  });
});

describe('combineResults: the lead and the dates', () => {
  it('takes the lead’s next assessment, or else the earliest any respondent gave', () => {
    const a = respondent({}, { review: '2027-09-01' });
    const b = respondent({}, { review: '2027-03-01' });
    const c = respondent({}, { review: '2027-06-01' });
    const none = respondent();
    expect(combineResults([a, b, c]).review).toBe('2027-09-01');
    expect(combineResults([none, a, c, b]).review).toBe('2027-03-01');
    expect(combineResults([none, c, a], { lead: 2 }).review).toBe('2027-09-01');
    expect(combineResults([none, respondent()]).review).toBeNull();
  });

  it('refuses to combine nothing, or to follow a lead that is not there', () => {
    expect(() => combineResults([])).toThrow(/at least one/);
    expect(() => combineResults([respondent(), respondent()], { lead: 2 })).toThrow(/no respondent 2/);
  });
});

describe('mergeActions', () => {
  const action = (a: Partial<NonNullable<Result['actions']>[number]> & { action: string }) => ({ area: null, owner: null, due: null, measure: null, target: null, ...a });

  it('keeps each action once, in the order given, filling in what the first copy left out', () => {
    const a = respondent({}, { actions: [] });
    a.actions = [action({ area: 'errors', action: 'Keep a complaints log', owner: 'Sam' }), action({ action: 'Call clients' })];
    const b = respondent();
    b.actions = [action({ area: 'errors', action: 'keep a  complaints LOG', owner: 'Ana', due: '2027-01-15' }), action({ area: 'outreach', action: 'Call clients' })];
    expect(mergeActions([a, b])).toEqual([
      action({ area: 'errors', action: 'Keep a complaints log', owner: 'Sam', due: '2027-01-15' }),
      action({ action: 'Call clients' }),
      // The same words for another area are another action.
      action({ area: 'outreach', action: 'Call clients' }),
    ]);
    const c = respondent();
    c.actions = [action({ area: 'information', action: 'Call clients' }), action({ area: 'outreach', action: 'Call clients', owner: 'Jo' })];
    expect(mergeActions([b, c])!.map((x) => [x.area, x.action, x.owner])).toEqual([
      ['errors', 'keep a  complaints LOG', 'Ana'],
      ['outreach', 'Call clients', 'Jo'],
      ['information', 'Call clients', null],
    ]);
  });

  it('is null only when no respondent gave actions, and empty when they gave none', () => {
    const none = respondent();
    const empty = respondent();
    empty.actions = [];
    expect(mergeActions([none, none])).toBeNull();
    expect(mergeActions([none, empty])).toEqual([]);
  });
});

describe('what makes respondents one team', () => {
  it('takes from two to the most csq reads back', () => {
    expect(teamSizeProblem(1)).toEqual({ code: 'team-too-few' });
    expect(teamSizeProblem(2)).toBeUndefined();
    expect(teamSizeProblem(MAX_RESPONDENTS)).toBeUndefined();
    expect(teamSizeProblem(MAX_RESPONDENTS + 1)).toEqual({ code: 'team-too-many', values: { max: MAX_RESPONDENTS, count: MAX_RESPONDENTS + 1 } });
  });

  it('names each file of another questionnaire or with another profile, after the first', () => {
    const first = { file: 'a.yaml', result: respondent() };
    const other = { file: 'b.yaml', result: { ...respondent(), questionnaire: { id: 'other', version: 1, lang: 'en' } } };
    const solo = { file: 'c.yaml', result: respondent({}, { profile: { staff: false } }) };
    const noProfile = { file: 'd.yaml', result: { ...respondent(), profile: {} } };
    expect(teamProblems([first, respondentFile('e.yaml')])).toEqual([]);
    expect(teamProblems([first, other, solo, noProfile])).toEqual([
      { code: 'team-other-questionnaire', values: { file: 'b.yaml', found: 'other', expected: 'csq' } },
      { code: 'team-profile-disagree', values: { file: 'c.yaml', question: 'staff', theirs: 'false', first: 'a.yaml', value: 'true' } },
      { code: 'team-profile-disagree', values: { file: 'd.yaml', question: 'staff', theirs: 'not set', first: 'a.yaml', value: 'true' } },
    ]);
  });

  it(`refuses merged lists longer than ${MAX_LIST_ITEMS} items, naming each`, () => {
    const combined = respondent();
    const items = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}`);
    combined.requirements = { internal: items(MAX_LIST_ITEMS), employees: items(MAX_LIST_ITEMS + 1), topRequests: [] };
    expect(mergedListProblems(combined)).toEqual([{ code: 'team-list-too-long', values: { list: { term: 'employeeNotes' }, count: MAX_LIST_ITEMS + 1, max: MAX_LIST_ITEMS } }]);
    combined.actions = items(MAX_LIST_ITEMS + 2).map((a) => ({ area: null, action: a, owner: null, due: null, measure: null, target: null }));
    expect(mergedListProblems(combined).map((p) => p.values!.list)).toEqual([{ term: 'employeeNotes' }, { term: 'actions' }]);
  });
});

function respondentFile(file: string, result: Result = respondent()) {
  return { file, result };
}

describe('mergeNotes', () => {
  const policy = (name: string, friendly: boolean, necessary: boolean) => ({ name, friendly, necessary, note: null, action: 'drop' as const });

  it('says whose vision and education the plan uses, whether the lead was chosen, and what was merged', () => {
    const a = respondent({}, { organization: 'Acme', vision: 'Spotless.' });
    a.policies = [policy('Deposits', false, true), policy('No refunds', false, false)];
    const b = respondent({}, { organization: 'ACME Ltd' });
    b.policies = [policy('deposits', true, true)];
    const respondents = [respondentFile('a.yaml', a), respondentFile('b.yaml', b)];
    const combined = combineResults([a, b]);
    expect(mergeNotes(respondents, 0, combined).map((n) => [n.key, n.values])).toEqual([
      ['organizationDiffers', { file: 'b.yaml', theirs: 'ACME Ltd', first: 'a.yaml', ours: 'Acme' }],
      ['leadStaffFirst', { file: 'a.yaml' }],
      ['merged', { count: 2, named: 3 }],
      ['judgedDifferently', { name: '"Deposits"', file: 'a.yaml' }],
    ]);
    expect(mergeNotes(respondents, 0, combined).at(-1)!.judgments).toEqual([
      { file: 'a.yaml', friendly: false, necessary: true },
      { file: 'b.yaml', friendly: true, necessary: true },
    ]);
    // b as the lead has no vision: the note names who has one.
    const led = mergeNotes(respondents, 1, combineResults([a, b], { lead: 1 }));
    expect(led.slice(1, 3).map((n) => [n.key, n.values])).toEqual([
      ['leadStaff', { file: 'b.yaml' }],
      ['noVision', { file: 'b.yaml', others: 'a.yaml', first: 'a.yaml', count: 1 }],
    ]);
  });

  it('says nothing of the vision when the lead wrote one, and names every other who did when it did not', () => {
    const results = [respondent({}, { vision: 'Spotless.' }), respondent(), respondent({}, { vision: 'On time.' })];
    const respondents = results.map((r, i) => respondentFile(`${'abc'[i]}.yaml`, r));
    const visionNotes = (lead: number) => mergeNotes(respondents, lead, combineResults(results, { lead })).filter((n) => n.key === 'noVision').map((n) => n.values);
    expect(visionNotes(0)).toEqual([]);
    expect(visionNotes(2)).toEqual([]);
    expect(visionNotes(1)).toEqual([{ file: 'b.yaml', others: 'a.yaml, c.yaml', first: 'a.yaml', count: 2 }]);
  });

  it('says so when one respondent names no organization, or the first names none', () => {
    const named = respondent({}, { organization: 'Acme' });
    const unnamed = respondent();
    const notes = (results: Result[]) => mergeNotes(results.map((r, i) => respondentFile(`${'ab'[i]}.yaml`, r)), 0, combineResults(results)).filter((n) => n.key === 'organizationDiffers');
    expect(notes([named, unnamed]).map((n) => n.values)).toEqual([{ file: 'b.yaml', theirs: '', first: 'a.yaml', ours: 'Acme' }]);
    expect(notes([unnamed, named]).map((n) => n.values)).toEqual([{ file: 'b.yaml', theirs: 'Acme', first: 'a.yaml', ours: '' }]);
    expect(notes([named, respondent({}, { organization: 'Acme' })])).toEqual([]);
  });

  it('speaks of no staff education for a one-person business, and says nothing of a vision nobody wrote', () => {
    const solo = { profile: { staff: false } };
    const respondents = [respondentFile('a.yaml', respondent({}, solo)), respondentFile('b.yaml', respondent({}, solo))];
    const keys = (lead: number) => mergeNotes(respondents, lead, combineResults(respondents.map((r) => r.result), { lead })).map((n) => n.key);
    expect(keys(0)).toEqual(['leadFirst', 'merged']);
    expect(keys(1)).toEqual(['lead', 'merged']);
  });
});

describe('mergePolicies', () => {
  type P = Result['policies'][number];
  const p = (name: string, action: P['action'], note: string | null = null): P => ({ name, friendly: action.startsWith('keep') || action === 'add-more', necessary: action !== 'drop' && action !== 'add-more', note, action });
  const withPolicies = (...policies: P[]) => ({ ...respondent(), policies });

  it('keeps each policy once, as the first respondent named and judged it', () => {
    const merged = mergePolicies([withPolicies(p('No cash', 'drop'), p('Deposits', 'make-friendlier')), withPolicies(p('no  CASH', 'keep-and-strengthen'), p('Free coffee', 'add-more'))]);
    expect(merged.map((x) => [x.name, x.action])).toEqual([
      ['No cash', 'drop'],
      ['Deposits', 'make-friendlier'],
      ['Free coffee', 'add-more'],
    ]);
  });

  it('takes a later note only where the first had none and both judged the policy alike', () => {
    const notes = (first: P, later: P) => mergePolicies([withPolicies(first), withPolicies(later)]).map((x) => x.note);
    expect(notes(p('No cash', 'drop'), p('No cash', 'drop', 'customers ask'))).toEqual(['customers ask']);
    expect(notes(p('No cash', 'drop', 'first note'), p('No cash', 'drop', 'second note'))).toEqual(['first note']);
    expect(notes(p('No cash', 'drop'), p('No cash', 'make-friendlier', 'judged otherwise'))).toEqual([null]);
    expect(notes(p('No cash', 'drop', 'first note'), p('No cash', 'drop'))).toEqual(['first note']);
  });
});

describe('policyDisagreements', () => {
  const p = (name: string, friendly: boolean, necessary: boolean) => ({ name, friendly, necessary, note: null, action: triage(friendly, necessary) });
  const triage = (friendly: boolean, necessary: boolean) => (friendly ? (necessary ? 'keep-and-strengthen' : 'add-more') : necessary ? 'make-friendlier' : 'drop') as Result['policies'][number]['action'];
  const withPolicies = (...policies: Result['policies']) => ({ ...respondent(), policies });

  it('counts one judgment per respondent, the first where one names a policy twice', () => {
    const twice = withPolicies(p('No cash', false, false), p('no  CASH', true, true));
    expect(policyDisagreements([twice])).toEqual([]);
    expect(policyDisagreements([twice, withPolicies(p('No cash', false, false))])).toEqual([]);
    expect(policyDisagreements([twice, withPolicies(p('No cash', false, true))])).toEqual([
      {
        name: 'No cash',
        judgments: [
          { respondent: 0, friendly: false, necessary: false },
          { respondent: 1, friendly: false, necessary: true },
        ],
      },
    ]);
  });
});

describe('the team’s next assessment', () => {
  it('is the lead’s date, or else the earliest any respondent gave', () => {
    const dated = (review: string | null) => ({ ...respondent(), review });
    expect(combineResults([dated(null), dated('2027-09-01'), dated('2027-06-01')]).review).toBe('2027-06-01');
    expect(combineResults([dated('2027-09-01'), dated('2027-06-01')]).review).toBe('2027-09-01');
    expect(combineResults([dated(null), dated(null)]).review).toBeNull();
  });
});
