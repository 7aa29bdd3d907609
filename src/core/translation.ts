/** A translated questionnaire must keep the reference's ids, order and scale exactly. Pure. */
import type { Problem, ProblemCode, Values } from '../errors.js';
import type { Questionnaire } from './questionnaire.js';
import { formatPath, locate, type PathSegment } from './locate.js';
import type { YamlSource } from './yaml.js';

export function compareQuestionnaireIds(reference: Questionnaire, translation: Questionnaire, source?: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], code: ProblemCode, values: Values) =>
    problems.push({ file: source?.file ?? translation.lang, ...(source ? locate(source, path) : {}), path: formatPath(path), code, values });
  const reference_ = reference.lang;

  if (translation.scale.min !== reference.scale.min || translation.scale.max !== reference.scale.max) {
    add(['scale'], 'translation-scale', { min: translation.scale.min, max: translation.scale.max, reference: reference_, referenceMin: reference.scale.min, referenceMax: reference.scale.max });
  }
  const profileIds = (q: Questionnaire) => q.profile.map((p) => p.id).join(', ');
  if (profileIds(translation) !== profileIds(reference)) add(['profile'], 'translation-profile', { ids: profileIds(translation), expected: profileIds(reference) });

  const sectionIds = translation.sections.map((s) => s.id);
  for (const section of reference.sections) {
    if (!sectionIds.includes(section.id)) add(['sections'], 'translation-missing-section', { section: section.id });
  }
  translation.sections.forEach((section, s) => {
    const expected = reference.sections[s];
    const match = reference.sections.find((r) => r.id === section.id);
    if (!match) return add(['sections', s, 'id'], 'translation-extra-section', { section: section.id, reference: reference_ });
    if (expected?.id !== section.id) {
      add(['sections', s, 'id'], expected ? 'translation-section-order' : 'translation-section-past-end', { section: section.id, position: s + 1, expected: expected?.id ?? '', reference: reference_ });
    }
    if (section.when !== match.when) add(['sections', s], 'translation-when', { section: section.id, when: section.when ?? '(none)', expected: match.when ?? '(none)' });
    const ids = section.statements.map((st) => st.id).join(', ');
    const expectedIds = match.statements.map((st) => st.id).join(', ');
    if (ids !== expectedIds) add(['sections', s, 'statements'], 'translation-statements', { section: section.id, ids, expected: expectedIds });
  });
  return problems;
}
