/**
 * A saved Result read back (`csq report result.json`, `compare`, `validate`): its shape,
 * then everything scoring guarantees for a Result csq wrote itself. A hand-edited Result
 * that does not add up is refused with located problems, never drawn as nonsense.
 * Its strings need no check here: parseYaml refuses forbidden characters, raw or escaped.
 */
import { InputError, type Problem } from '../errors.js';
import { checkWithSchema } from './issues.js';
import { isApplicable, own, resolveProfile, type Questionnaire } from './questionnaire.js';
import { resultSchema, type Result } from './result.js';
import { lowestSections, percentOf, triagePolicy } from './scoring.js';
import { formatPath, locate, type PathSegment, type YamlSource } from './source.js';
import { DISAGREEMENT_POINTS } from './team.js';

export function validateResult(source: YamlSource, q: Questionnaire): Result {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string, hint?: string, key = false) =>
    problems.push({ file: source.file, ...locate(source, path, key), path: formatPath(path), message, ...(hint ? { hint } : {}) });

  // Checked on its own first: a Result of another questionnaire makes every other message noise.
  const raw = source.data as { questionnaire?: { id?: unknown } };
  const id = typeof raw.questionnaire === 'object' && raw.questionnaire !== null ? raw.questionnaire.id : undefined;
  if (typeof id === 'string' && id !== q.id) {
    add(['questionnaire', 'id'], `this Result is for questionnaire "${id}", not "${q.id}"`, 'pass the matching one with --questionnaire');
    throw new InputError(problems);
  }
  const { data: result, problems: schemaProblems } = checkWithSchema(resultSchema(), source);
  if (!result) throw new InputError(schemaProblems);

  // The profile: exactly the questionnaire's questions.
  for (const p of q.profile) if (own(result.profile, p.id) === undefined) add(['profile'], `missing profile.${p.id}`);
  for (const key of Object.keys(result.profile)) {
    if (!q.profile.some((p) => p.id === key)) add(['profile', key], `unknown profile question "${key}"`, undefined, true);
  }
  const profile = resolveProfile(q, result.profile);
  // A team Result sums every respondent's ratings, so its maxima are that many times larger.
  const respondents = result.team?.respondents ?? 1;

  if (result.sections.length !== q.sections.length) {
    add(['sections'], `expected the questionnaire's ${q.sections.length} sections, found ${result.sections.length}`);
  }
  let overallScore = 0;
  let overallMax = 0;
  result.sections.forEach((section, i) => {
    const at = (field: PathSegment, message: string, hint?: string) => add(['sections', i, field], message, hint);
    const expected = q.sections[i];
    if (!expected || section.id !== expected.id) {
      at('id', `expected section ${expected ? `"${expected.id}"` : 'nothing'} here, found "${section.id}"`, `the questionnaire's sections, in order: ${q.sections.map((s) => s.id).join(', ')}`);
      return;
    }
    const applies = isApplicable(expected, profile);
    if (section.applicable !== applies) {
      at('applicable', `expected ${applies}: section ${section.id} ${applies ? 'applies' : `does not apply (profile.${expected.when} is false)`}`);
      return;
    }
    if (!applies) {
      for (const field of ['score', 'max', 'percent'] as const) if (section[field] !== null) at(field, `expected null: section ${section.id} does not apply`);
      if (Object.keys(section.ratings).length > 0) at('ratings', `expected no ratings: section ${section.id} does not apply`);
      return;
    }
    const { score, max, percent } = section;
    for (const [field, value] of [['score', score], ['max', max], ['percent', percent]] as const) {
      if (value === null) at(field, `expected a number: section ${section.id} applies`);
    }
    const before = problems.length;
    const ratingIds = expected.statements.map((st) => st.id);
    for (const stId of ratingIds) if (own(section.ratings, stId) === undefined) at('ratings', `missing rating for ${stId}`);
    for (const [stId, rating] of Object.entries(section.ratings)) {
      if (!ratingIds.includes(stId)) add(['sections', i, 'ratings', stId], `unknown statement "${stId}" in section ${section.id}`, undefined, true);
      else if (rating < q.scale.min || rating > q.scale.max) add(['sections', i, 'ratings', stId], `${rating} is outside the scale ${q.scale.min}–${q.scale.max}`);
    }
    // Wrong ratings or a missing number: what they should add up to is unknown.
    if (problems.length > before || score === null || max === null || percent === null) return;
    const expectedMax = q.scale.max * expected.statements.length * respondents;
    const sum = Object.values(section.ratings).reduce((total, r) => total + r, 0);
    if (max !== expectedMax) at('max', `expected ${expectedMax} (${respondents > 1 ? `${respondents} respondents × ` : ''}${expected.statements.length} statements × ${q.scale.max}), found ${max}`);
    else if (score > max || score < q.scale.min * expected.statements.length * respondents) {
      at('score', `expected a score from ${q.scale.min * expected.statements.length * respondents} to max (${max}), found ${score}`);
    }
    // A team's ratings are rounded means: only a single respondent's add up to the score exactly.
    else if (respondents === 1 && score !== sum) at('score', `expected the sum of the ratings (${sum}), found ${score}`);
    else if (percent !== percentOf(score, max)) at('percent', `expected ${percentOf(score, max)} (100 × ${score} ÷ ${max}, to one decimal), found ${percent}`);
    overallScore += score;
    overallMax += max;
  });

  if (problems.length === 0) {
    const { score, max, percent } = result.overall;
    if (score !== overallScore) add(['overall', 'score'], `expected the sum of the applicable sections' scores (${overallScore}), found ${score}`);
    else if (max !== overallMax) add(['overall', 'max'], `expected the sum of the applicable sections' maxima (${overallMax}), found ${max}`);
    else if (percent !== percentOf(score, max)) add(['overall', 'percent'], `expected ${percentOf(score, max)} (100 × ${score} ÷ ${max}, to one decimal), found ${percent}`);
    checkImprove(result, add);
  }
  if (!result.team && result.requirements.topRequests.length > 3) {
    add(['requirements', 'topRequests'], `expected at most 3 items, found ${result.requirements.topRequests.length}`, 'only a team Result merges more');
  }
  result.policies.forEach((policy, i) => {
    const action = triagePolicy(policy);
    if (policy.action !== action) add(['policies', i, 'action'], `expected "${action}" for a policy that is ${policy.friendly ? '' : 'not '}friendly and ${policy.necessary ? '' : 'not '}necessary, found "${policy.action}"`);
  });
  // Staff education applies only to a business with staff (or a questionnaire without that question).
  const noStaff = q.profile.some((p) => p.id === 'staff') && !profile.staff;
  if (noStaff && result.education !== null) add(['education'], 'expected null: there is no staff to educate (profile.staff is false)');
  if (!noStaff && result.education === null) add(['education'], 'expected the education plan (kickoff, owner, training), found null');
  if (result.team && problems.length === 0) checkTeam(result, q, add);

  if (problems.length > 0) throw new InputError(problems);
  return result;
}

type Add = (path: PathSegment[], message: string, hint?: string, key?: boolean) => void;

function checkImprove(result: Result, add: Add): void {
  const seen = new Set<string>();
  result.improve.forEach((id, i) => {
    const section = result.sections.find((s) => s.id === id);
    if (!section) add(['improve', i], `unknown section "${id}"`);
    else if (!section.applicable) add(['improve', i], `section ${id} does not apply`);
    else if (seen.has(id)) add(['improve', i], `"${id}" is listed twice`);
    seen.add(id);
  });
  if (result.improve.length === 0) add(['improve'], 'expected 1–3 areas to improve, found none');
  else if (!result.improveChosen && result.improve.join() !== lowestSections(result.sections).join()) {
    add(['improve'], `expected the three lowest areas (${lowestSections(result.sections).join(', ')}), found ${result.improve.join(', ')}`, 'set improveChosen: true if these were chosen');
  }
}

function checkTeam(result: Result, q: Questionnaire, add: Add): void {
  const team = result.team!;
  if (team.names.length !== team.respondents) add(['team', 'names'], `expected ${team.respondents} names (one per respondent), found ${team.names.length}`);
  const applicable = result.sections.filter((s) => s.applicable);
  if (team.sections.length !== applicable.length) add(['team', 'sections'], `expected the ${applicable.length} sections that apply, found ${team.sections.length}`);
  team.sections.forEach((t, i) => {
    const at = (field: PathSegment, message: string) => add(['team', 'sections', i, field], message);
    const section = applicable[i];
    if (!section || t.id !== section.id) return at('id', `expected section ${section ? `"${section.id}"` : 'nothing'} here, found "${t.id}"`);
    const mean = percentOf(section.score!, section.max!);
    const spread = (Math.round(t.max * 10) - Math.round(t.min * 10)) / 10;
    if (t.mean !== mean) at('mean', `expected ${mean} (the section's percent), found ${t.mean}`);
    else if (t.min > t.mean || t.max < t.mean) at(t.min > t.mean ? 'min' : 'max', `expected min ≤ mean ≤ max, found ${t.min}, ${t.mean}, ${t.max}`);
    else if (t.spread !== spread) at('spread', `expected ${spread} (max − min), found ${t.spread}`);
    else if (t.disagree !== spread >= DISAGREEMENT_POINTS) at('disagree', `expected ${spread >= DISAGREEMENT_POINTS} for a spread of ${spread} points`);
    const ids = q.sections.find((s) => s.id === t.id)!.statements.map((st) => st.id);
    for (const id of ids) if (own(t.statements, id) === undefined) at('statements', `missing the mean for ${id}`);
    for (const [id, value] of Object.entries(t.statements)) {
      if (!ids.includes(id)) add(['team', 'sections', i, 'statements', id], `unknown statement "${id}" in section ${t.id}`, undefined, true);
      else if (value < q.scale.min || value > q.scale.max) add(['team', 'sections', i, 'statements', id], `${value} is outside the scale ${q.scale.min}–${q.scale.max}`);
    }
  });
}
