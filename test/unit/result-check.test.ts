/**
 * A saved Result read back (src/core/result-check.ts): whatever csq writes passes, and each
 * single edit that makes it not add up is refused with the one problem it deserves, at its field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import type { Result } from '../../src/core/result.js';
import { validateResult } from '../../src/core/result-check.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { combineResults } from '../../src/core/team.js';
import { parseYaml } from '../../src/core/yaml.js';
import { InputError } from '../../src/errors.js';
import { readFixture } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const score = (text: string) => scoreAnswers(q, loadAnswers(text, 'a.yaml', q));
const full = score(readFixture('full.yaml'));
const solo = score(readFixture('solo.yaml'));
const team = combineResults(['owner.yaml', 'clerk.yaml', 'manager.yaml'].map((f) => score(readFixture('team', f))));

// Edited freely, as a hand would edit the JSON.
type Json = Record<string, any>;
const copy = (r: Result): Json => JSON.parse(JSON.stringify(r));
const read = (data: Json) => validateResult(parseYaml(JSON.stringify(data, null, 2), 'r.json'), q);

/** The problems of a Result after `edit`, as [path, code, values]. */
function problems(base: Result, edit: (r: Json) => void): [string | undefined, string, unknown][] {
  const data = copy(base);
  edit(data);
  try {
    read(data);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const p of error.problems) expect(p.file).toBe('r.json');
    return error.problems.map((p) => [p.path, p.code, p.values]);
  }
  return [];
}
const section = (r: Json, id: string) => r.sections.find((s: Json) => s.id === id);

describe('a Result csq wrote', () => {
  it('is read back as it is: one respondent, a one-person business, a team', () => {
    for (const r of [full, solo, team]) expect(read(copy(r))).toEqual(copy(r));
  });

  it('may have chosen its own areas, and a team more than three top requests', () => {
    expect(problems(full, (r) => ((r.improve = ['leadership']), (r.improveChosen = true)))).toEqual([]);
    expect(problems(team, (r) => (r.requirements.topRequests = ['a', 'b', 'c', 'd']))).toEqual([]);
  });
});

describe('a Result that does not add up', () => {
  it('of another questionnaire: that alone is said', () => {
    expect(problems(full, (r) => ((r.questionnaire.id = 'other'), (r.overall.score = 1)))).toEqual([['questionnaire.id', 'result-other-questionnaire', { found: 'other', expected: 'csq' }]]);
  });

  it('with a profile that is not the questionnaire’s', () => {
    expect(problems(full, (r) => (r.profile = { staff: true, shop: true }))).toEqual([['profile.shop', 'result-unknown-profile', { question: 'shop' }]]);
    // Said once, whatever follows from the question's default.
    expect(problems(full, (r) => (r.profile = {}))).toEqual([['profile', 'result-missing-profile', { question: 'staff' }]]);
    expect(problems(solo, (r) => (r.profile = {}))).toEqual([
      ['profile', 'result-missing-profile', { question: 'staff' }],
      ['sections[5].applicable', 'result-applies', { section: 'staff', question: 'staff' }],
      ['education', 'result-education-missing', {}],
    ]);
  });

  it('with sections missing, out of order or extra', () => {
    expect(problems(full, (r) => r.sections.pop())).toEqual([['sections', 'result-section-count', { count: 7, found: 6 }]]);
    expect(problems(full, (r) => ([r.sections[0], r.sections[1]] = [r.sections[1], r.sections[0]]))).toEqual([
      ['sections[0].id', 'result-section-order', { expected: 'leadership', found: 'alignment' }],
      ['sections[1].id', 'result-section-order', { expected: 'alignment', found: 'leadership' }],
    ]);
    expect(problems(full, (r) => r.sections.push({ ...r.sections[0], id: 'extra' }))).toEqual([
      ['sections', 'result-section-count', { count: 7, found: 8 }],
      ['sections[7].id', 'result-section-extra', { expected: '', found: 'extra' }],
    ]);
  });

  it('with a section’s applicability against the profile', () => {
    expect(problems(full, (r) => (section(r, 'staff').applicable = false))).toEqual([['sections[5].applicable', 'result-applies', { section: 'staff', question: 'staff' }]]);
    expect(problems(solo, (r) => (section(r, 'staff').applicable = true))).toEqual([['sections[5].applicable', 'result-does-not-apply', { section: 'staff', question: 'staff' }]]);
  });

  it('with scores or ratings in a section that does not apply', () => {
    expect(problems(solo, (r) => Object.assign(section(r, 'staff'), { score: 0, percent: 0 }))).toEqual([
      ['sections[5].score', 'result-expected-null', { section: 'staff' }],
      ['sections[5].percent', 'result-expected-null', { section: 'staff' }],
    ]);
    expect(problems(solo, (r) => (section(r, 'staff').max = 25))).toEqual([['sections[5].max', 'result-expected-null', { section: 'staff' }]]);
    expect(problems(solo, (r) => (section(r, 'staff').ratings = { respected: 3 }))).toEqual([['sections[5].ratings', 'result-expected-no-ratings', { section: 'staff' }]]);
  });

  it('with a number missing, or ratings wrong, in a section that applies', () => {
    expect(problems(full, (r) => (section(r, 'errors').score = null))).toEqual([['sections[2].score', 'result-expected-number', { section: 'errors' }]]);
    expect(problems(full, (r) => Object.assign(section(r, 'errors'), { max: null, percent: null }))).toEqual([
      ['sections[2].max', 'result-expected-number', { section: 'errors' }],
      ['sections[2].percent', 'result-expected-number', { section: 'errors' }],
    ]);
    expect(problems(full, (r) => delete section(r, 'errors').ratings['ask-feedback'])).toEqual([['sections[2].ratings', 'missing-ratings', { ids: 'ask-feedback', count: 1 }]]);
    expect(problems(full, (r) => (section(r, 'errors').ratings.delight = 3))).toEqual([['sections[2].ratings.delight', 'unknown-statement', { key: 'delight', section: 'errors' }]]);
    expect(problems(full, (r) => (section(r, 'errors').ratings['ask-feedback'] = 6))).toEqual([['sections[2].ratings.ask-feedback', 'outside-scale', { value: 6, min: 1, max: 5 }]]);
    expect(problems(full, (r) => (section(r, 'errors').ratings['ask-feedback'] = 0))).toEqual([['sections[2].ratings.ask-feedback', 'outside-scale', { value: 0, min: 1, max: 5 }]]);
  });

  it('with a maximum, score or percent that is not what the ratings give', () => {
    const counts = { expected: 15, respondents: 1, statements: 3, scale: 5, found: 20 };
    expect(problems(full, (r) => (section(r, 'errors').max = 20))).toEqual([['sections[2].max', 'result-max', counts]]);
    expect(problems(team, (r) => (section(r, 'errors').max = 15))).toEqual([['sections[2].max', 'result-team-max', { expected: 45, respondents: 3, statements: 3, scale: 5, found: 15 }]]);
    expect(problems(full, (r) => (section(r, 'errors').score = 16))).toEqual([['sections[2].score', 'result-score-range', { min: 3, max: 15, found: 16 }]]);
    expect(problems(full, (r) => (section(r, 'errors').score = 2))).toEqual([['sections[2].score', 'result-score-range', { min: 3, max: 15, found: 2 }]]);
    expect(problems(team, (r) => (section(r, 'errors').score = 8))).toEqual([['sections[2].score', 'result-score-range', { min: 9, max: 45, found: 8 }]]);
    // At the ends of the range the sum decides.
    expect(problems(full, (r) => (section(r, 'errors').score = 15))).toEqual([['sections[2].score', 'result-score-sum', { expected: 7, found: 15 }]]);
    expect(problems(full, (r) => (section(r, 'errors').score = 3))).toEqual([['sections[2].score', 'result-score-sum', { expected: 7, found: 3 }]]);
    expect(problems(full, (r) => (section(r, 'errors').percent = 46.6))).toEqual([['sections[2].percent', 'result-percent', { expected: 46.7, score: 7, max: 15, found: 46.6 }]]);
  });

  it('with overall figures that are not the sum of the sections', () => {
    expect(problems(full, (r) => (r.overall.score = 84))).toEqual([['overall.score', 'result-overall-score', { expected: 83, found: 84 }]]);
    expect(problems(full, (r) => (r.overall.max = 120))).toEqual([['overall.max', 'result-overall-max', { expected: 125, found: 120 }]]);
    expect(problems(full, (r) => (r.overall.percent = 66.3))).toEqual([['overall.percent', 'result-percent', { expected: 66.4, score: 83, max: 125, found: 66.3 }]]);
    // Only the first wrong figure: the others follow from it.
    expect(problems(full, (r) => ((r.overall.score = 84), (r.overall.percent = 1)))).toHaveLength(1);
  });

  it('with areas to improve that are unknown, do not apply, repeat, are none, or are not the lowest', () => {
    expect(problems(full, (r) => (r.improve = ['errors', 'nope']))).toEqual([
      ['improve', 'result-improve-not-lowest', { expected: 'errors, staff, information', found: 'errors, nope' }],
      ['improve[1]', 'unknown-section', { key: 'nope' }],
    ]);
    expect(problems(solo, (r) => ((r.improve = ['staff']), (r.improveChosen = true)))).toEqual([['improve[0]', 'result-improve-not-applicable', { section: 'staff' }]]);
    expect(problems(full, (r) => ((r.improve = ['errors', 'errors']), (r.improveChosen = true)))).toEqual([['improve[1]', 'listed-twice', { id: 'errors' }]]);
    expect(problems(full, (r) => ((r.improve = []), (r.improveChosen = true)))).toEqual([['improve', 'result-no-improve', {}]]);
    expect(problems(full, (r) => (r.improve = ['staff', 'errors', 'information']))).toEqual([
      ['improve', 'result-improve-not-lowest', { expected: 'errors, staff, information', found: 'staff, errors, information' }],
    ]);
  });

  it('with more than three top requests for one respondent', () => {
    expect(problems(full, (r) => r.requirements.topRequests.push('Parking'))).toEqual([['requirements.topRequests', 'too-many-items', { count: 3, found: 4 }]]);
  });

  it('with an action for an area that is unknown or does not apply', () => {
    const action = (area: string | null) => ({ area, action: 'Do it', owner: null, due: null, measure: null, target: null });
    expect(problems(solo, (r) => (r.actions = [action(null), action('errors'), action('nope'), action('staff')]))).toEqual([
      ['actions[2].area', 'unknown-section', { key: 'nope' }],
      ['actions[3].area', 'result-improve-not-applicable', { section: 'staff' }],
    ]);
  });

  it('with a policy whose action is not the method’s for its quadrant', () => {
    const policy = (friendly: boolean, necessary: boolean, action: string) => ({ name: 'P', friendly, necessary, note: null, action });
    expect(
      problems(full, (r) => (r.policies = [policy(true, true, 'drop'), policy(true, false, 'drop'), policy(false, true, 'drop'), policy(false, false, 'add-more'), policy(false, false, 'drop')])),
    ).toEqual([
      ['policies[0].action', 'result-action-friendly-necessary', { expected: 'keep-and-strengthen', found: 'drop' }],
      ['policies[1].action', 'result-action-friendly-unnecessary', { expected: 'add-more', found: 'drop' }],
      ['policies[2].action', 'result-action-unfriendly-necessary', { expected: 'make-friendlier', found: 'drop' }],
      ['policies[3].action', 'result-action-unfriendly-unnecessary', { expected: 'drop', found: 'add-more' }],
    ]);
  });

  it('with staff education for a business without staff, or none for one with staff', () => {
    expect(problems(solo, (r) => (r.education = { kickoff: null, owner: null, training: null }))).toEqual([['education', 'result-education-no-staff', {}]]);
    expect(problems(full, (r) => (r.education = null))).toEqual([['education', 'result-education-missing', {}]]);
  });
});

describe('a team Result that does not add up', () => {
  const errorsAt = (r: Json) => r.team.sections.findIndex((s: Json) => s.id === 'errors');
  const teamErrors = (r: Json) => r.team.sections[errorsAt(r)];

  it('with names or judgments for respondents it does not have', () => {
    expect(problems(team, (r) => r.team.names.pop())).toEqual([['team.names', 'result-team-names', { count: 3, found: 2 }]]);
    expect(problems(team, (r) => (r.team.policies = [{ name: 'P', judgments: [{ respondent: 2, friendly: true, necessary: true }, { respondent: 3, friendly: false, necessary: true }] }]))).toEqual([
      ['team.policies[0].judgments[1].respondent', 'result-team-respondent', { count: 3, found: 3 }],
    ]);
  });

  it('with its sections not those that apply, in order', () => {
    expect(problems(team, (r) => r.team.sections.pop())).toEqual([['team.sections', 'result-team-sections', { count: 7, found: 6 }]]);
    expect(problems(team, (r) => r.team.sections.reverse())).toEqual(
      expect.arrayContaining([['team.sections[0].id', 'result-section-order', { expected: 'leadership', found: 'improvement' }]]),
    );
    expect(problems(team, (r) => r.team.sections.push({ ...r.team.sections[0], id: 'extra' }))).toEqual([
      ['team.sections', 'result-team-sections', { count: 7, found: 8 }],
      ['team.sections[7].id', 'result-section-extra', { expected: '', found: 'extra' }],
    ]);
  });

  it('with a mean, range, spread or disagreement that does not follow from the scores', () => {
    const e = copy(team).team.sections.find((s: Json) => s.id === 'errors');
    const i = errorsAt(copy(team));
    expect(problems(team, (r) => (teamErrors(r).mean = e.mean + 0.1))).toEqual([[`team.sections[${i}].mean`, 'result-team-mean', { expected: e.mean, found: e.mean + 0.1 }]]);
    expect(problems(team, (r) => (teamErrors(r).min = e.mean + 0.1))).toEqual([[`team.sections[${i}].min`, 'result-team-range', { min: e.mean + 0.1, mean: e.mean, max: e.max }]]);
    expect(problems(team, (r) => (teamErrors(r).max = e.mean - 0.1))).toEqual([[`team.sections[${i}].max`, 'result-team-range', { min: e.min, mean: e.mean, max: e.mean - 0.1 }]]);
    expect(problems(team, (r) => (teamErrors(r).spread = e.spread + 1))).toEqual([[`team.sections[${i}].spread`, 'result-team-spread', { expected: e.spread, found: e.spread + 1 }]]);
    expect(problems(team, (r) => (teamErrors(r).disagree = !e.disagree))).toEqual([[`team.sections[${i}].disagree`, 'result-team-disagree', { expected: String(e.disagree), spread: e.spread }]]);
  });

  it('calls a spread of exactly 40 points a disagreement', () => {
    // A mean within a range 40 points wide: disagree must be true.
    const edit = (disagree: boolean) => (r: Json) => Object.assign(teamErrors(r), { min: teamErrors(r).mean - 20, max: teamErrors(r).mean + 20, spread: 40, disagree });
    const i = errorsAt(copy(team));
    expect(problems(team, edit(true))).toEqual([]);
    expect(problems(team, edit(false))).toEqual([[`team.sections[${i}].disagree`, 'result-team-disagree', { expected: 'true', spread: 40 }]]);
  });

  it('with statement means missing, unknown or off the scale', () => {
    const i = errorsAt(copy(team));
    expect(problems(team, (r) => delete teamErrors(r).statements['ask-feedback'])).toEqual([[`team.sections[${i}].statements`, 'result-team-missing-mean', { id: 'ask-feedback' }]]);
    expect(problems(team, (r) => (teamErrors(r).statements.delight = 3))).toEqual([[`team.sections[${i}].statements.delight`, 'unknown-statement', { key: 'delight', section: 'errors' }]]);
    expect(problems(team, (r) => (teamErrors(r).statements['ask-feedback'] = 5.5))).toEqual([[`team.sections[${i}].statements.ask-feedback`, 'outside-scale', { value: 5.5, min: 1, max: 5 }]]);
    expect(problems(team, (r) => (teamErrors(r).statements['ask-feedback'] = 0.99))).toEqual([[`team.sections[${i}].statements.ask-feedback`, 'outside-scale', { value: 0.99, min: 1, max: 5 }]]);
  });
});
