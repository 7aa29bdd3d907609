/**
 * A saved Result read back (`csq report result.json`, `compare`, `validate`): its shape,
 * then everything scoring guarantees for a Result csq wrote itself. A hand-edited Result
 * that does not add up is refused with located problems, never drawn as nonsense.
 * Its strings need no check here: parseYaml refuses forbidden characters, raw or escaped.
 */
import { InputError, type Problem, type ProblemCode, type Values } from '../errors.js';
import { customersProblems } from './customers.js';
import { checkWithSchema } from './issues.js';
import { isApplicable, own, resolveProfile, type Questionnaire } from './questionnaire.js';
import { resultSchema, type Result } from './result.js';
import { lowestSections, percentOf, triagePolicy } from './scoring.js';
import { formatPath, locate, type PathSegment } from './locate.js';
import type { YamlSource } from './yaml.js';
import { DISAGREEMENT_POINTS } from './team.js';

export function validateResult(source: YamlSource, q: Questionnaire): Result {
  const problems: Problem[] = [];
  const add: Add = (path, code, values = {}, more = {}, key = false) =>
    problems.push({ file: source.file, ...locate(source, path, key), path: formatPath(path), code, values, ...more });

  // Checked on its own first: a Result of another questionnaire makes every other message noise.
  const raw = source.data as { questionnaire?: { id?: unknown } };
  const id = typeof raw.questionnaire === 'object' && raw.questionnaire !== null ? raw.questionnaire.id : undefined;
  if (typeof id === 'string' && id !== q.id) {
    add(['questionnaire', 'id'], 'result-other-questionnaire', { found: id, expected: q.id }, { hint: 'pass-questionnaire' });
    throw new InputError(problems);
  }
  const { data: result, problems: schemaProblems } = checkWithSchema(resultSchema(), source);
  if (!result) throw new InputError(schemaProblems);

  // The profile: exactly the questionnaire's questions.
  for (const p of q.profile) if (own(result.profile, p.id) === undefined) add(['profile'], 'result-missing-profile', { question: p.id });
  for (const key of Object.keys(result.profile)) {
    if (!q.profile.some((p) => p.id === key)) add(['profile', key], 'result-unknown-profile', { question: key }, {}, true);
  }
  const profile = resolveProfile(q, result.profile);
  // A team Result sums every respondent's ratings, so its maxima are that many times larger.
  const respondents = result.team?.respondents ?? 1;

  if (result.sections.length !== q.sections.length) {
    add(['sections'], 'result-section-count', { count: q.sections.length, found: result.sections.length });
  }
  let overallScore = 0;
  let overallMax = 0;
  result.sections.forEach((section, i) => {
    const at = (field: PathSegment, code: ProblemCode, values: Values = {}, more: Partial<Problem> = {}) => add(['sections', i, field], code, values, more);
    const expected = q.sections[i];
    if (!expected || section.id !== expected.id) {
      at('id', expected ? 'result-section-order' : 'result-section-extra', { expected: expected?.id ?? '', found: section.id }, { hint: 'sections-in-order', hintValues: { ids: q.sections.map((s) => s.id).join(', ') } });
      return;
    }
    const applies = isApplicable(expected, profile);
    if (section.applicable !== applies) {
      at('applicable', applies ? 'result-applies' : 'result-does-not-apply', { section: section.id, question: expected.when ?? '' });
      return;
    }
    if (!applies) {
      for (const field of ['score', 'max', 'percent'] as const) if (section[field] !== null) at(field, 'result-expected-null', { section: section.id });
      if (Object.keys(section.ratings).length > 0) at('ratings', 'result-expected-no-ratings', { section: section.id });
      return;
    }
    const { score, max, percent } = section;
    for (const [field, value] of [['score', score], ['max', max], ['percent', percent]] as const) {
      if (value === null) at(field, 'result-expected-number', { section: section.id });
    }
    const before = problems.length;
    const ratingIds = expected.statements.map((st) => st.id);
    for (const stId of ratingIds) if (own(section.ratings, stId) === undefined) at('ratings', 'missing-ratings', { ids: stId, count: 1 });
    for (const [stId, rating] of Object.entries(section.ratings)) {
      if (!ratingIds.includes(stId)) add(['sections', i, 'ratings', stId], 'unknown-statement', { key: stId, section: section.id }, {}, true);
      else if (rating < q.scale.min || rating > q.scale.max) add(['sections', i, 'ratings', stId], 'outside-scale', { value: rating, min: q.scale.min, max: q.scale.max });
    }
    // Wrong ratings or a missing number: what they should add up to is unknown.
    if (problems.length > before || score === null || max === null || percent === null) return;
    const expectedMax = q.scale.max * expected.statements.length * respondents;
    const sum = Object.values(section.ratings).reduce((total, r) => total + r, 0);
    const counts = { expected: expectedMax, respondents, statements: expected.statements.length, scale: q.scale.max, found: max };
    if (max !== expectedMax) at('max', respondents > 1 ? 'result-team-max' : 'result-max', counts);
    else if (score > max || score < q.scale.min * expected.statements.length * respondents) {
      at('score', 'result-score-range', { min: q.scale.min * expected.statements.length * respondents, max, found: score });
    }
    // A team's ratings are rounded means: only a single respondent's add up to the score exactly.
    else if (respondents === 1 && score !== sum) at('score', 'result-score-sum', { expected: sum, found: score });
    else if (percent !== percentOf(score, max)) at('percent', 'result-percent', { expected: percentOf(score, max), score, max, found: percent });
    overallScore += score;
    overallMax += max;
  });

  if (problems.length === 0) {
    const { score, max, percent } = result.overall;
    if (score !== overallScore) add(['overall', 'score'], 'result-overall-score', { expected: overallScore, found: score });
    else if (max !== overallMax) add(['overall', 'max'], 'result-overall-max', { expected: overallMax, found: max });
    else if (percent !== percentOf(score, max)) add(['overall', 'percent'], 'result-percent', { expected: percentOf(score, max), score, max, found: percent });
    checkImprove(result, add);
  }
  if (!result.team && result.requirements.topRequests.length > 3) {
    add(['requirements', 'topRequests'], 'too-many-items', { count: 3, found: result.requirements.topRequests.length }, { hint: 'only-team-merges' });
  }
  (result.actions ?? []).forEach((action, i) => {
    const section = action.area === null ? undefined : result.sections.find((s) => s.id === action.area);
    if (action.area !== null && !section) add(['actions', i, 'area'], 'unknown-section', { key: action.area });
    else if (section && !section.applicable) add(['actions', i, 'area'], 'result-improve-not-applicable', { section: section.id });
  });
  result.policies.forEach((policy, i) => {
    const action = triagePolicy(policy);
    if (policy.action !== action) add(['policies', i, 'action'], `result-action-${policy.friendly ? 'friendly' : 'unfriendly'}-${policy.necessary ? 'necessary' : 'unnecessary'}`, { expected: action, found: policy.action });
  });
  // Staff education applies only to a business with staff (or a questionnaire without that question).
  const noStaff = q.profile.some((p) => p.id === 'staff') && !profile.staff;
  if (noStaff && result.education !== null) add(['education'], 'result-education-no-staff');
  if (!noStaff && result.education === null) add(['education'], 'result-education-missing');
  if (result.team && problems.length === 0) checkTeam(result, q, add);
  if (result.customers) problems.push(...customersProblems(result.customers, source, q, ['customers']));

  if (problems.length > 0) throw new InputError(problems);
  return result;
}

type Add = (path: PathSegment[], code: ProblemCode, values?: Values, more?: Partial<Problem>, key?: boolean) => void;

function checkImprove(result: Result, add: Add): void {
  const seen = new Set<string>();
  result.improve.forEach((id, i) => {
    const section = result.sections.find((s) => s.id === id);
    if (!section) add(['improve', i], 'unknown-section', { key: id });
    else if (!section.applicable) add(['improve', i], 'result-improve-not-applicable', { section: id });
    else if (seen.has(id)) add(['improve', i], 'listed-twice', { id });
    seen.add(id);
  });
  if (result.improve.length === 0) add(['improve'], 'result-no-improve');
  else if (!result.improveChosen && result.improve.join() !== lowestSections(result.sections).join()) {
    add(['improve'], 'result-improve-not-lowest', { expected: lowestSections(result.sections).join(', '), found: result.improve.join(', ') }, { hint: 'set-improve-chosen' });
  }
}

function checkTeam(result: Result, q: Questionnaire, add: Add): void {
  const team = result.team!;
  if (team.names.length !== team.respondents) add(['team', 'names'], 'result-team-names', { count: team.respondents, found: team.names.length });
  team.policies.forEach((p, i) =>
    p.judgments.forEach((j, k) => {
      if (j.respondent >= team.respondents) add(['team', 'policies', i, 'judgments', k, 'respondent'], 'result-team-respondent', { count: team.respondents, found: j.respondent });
    }),
  );
  const applicable = result.sections.filter((s) => s.applicable);
  if (team.sections.length !== applicable.length) add(['team', 'sections'], 'result-team-sections', { count: applicable.length, found: team.sections.length });
  team.sections.forEach((t, i) => {
    const at = (field: PathSegment, code: ProblemCode, values: Values) => add(['team', 'sections', i, field], code, values);
    const section = applicable[i];
    if (!section || t.id !== section.id) return at('id', section ? 'result-section-order' : 'result-section-extra', { expected: section?.id ?? '', found: t.id });
    const mean = percentOf(section.score!, section.max!);
    const spread = (Math.round(t.max * 10) - Math.round(t.min * 10)) / 10;
    if (t.mean !== mean) at('mean', 'result-team-mean', { expected: mean, found: t.mean });
    else if (t.min > t.mean || t.max < t.mean) at(t.min > t.mean ? 'min' : 'max', 'result-team-range', { min: t.min, mean: t.mean, max: t.max });
    else if (t.spread !== spread) at('spread', 'result-team-spread', { expected: spread, found: t.spread });
    else if (t.disagree !== spread >= DISAGREEMENT_POINTS) at('disagree', 'result-team-disagree', { expected: String(spread >= DISAGREEMENT_POINTS), spread });
    const ids = q.sections.find((s) => s.id === t.id)!.statements.map((st) => st.id);
    for (const id of ids) if (own(t.statements, id) === undefined) at('statements', 'result-team-missing-mean', { id });
    for (const [id, value] of Object.entries(t.statements)) {
      if (!ids.includes(id)) add(['team', 'sections', i, 'statements', id], 'unknown-statement', { key: id, section: t.id }, {}, true);
      else if (value < q.scale.min || value > q.scale.max) add(['team', 'sections', i, 'statements', id], 'outside-scale', { value, min: q.scale.min, max: q.scale.max });
    }
  });
}
