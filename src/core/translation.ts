/** A translated questionnaire must keep the reference's ids, order and scale exactly. Pure. */
import type { Problem } from '../errors.js';
import type { Questionnaire } from './questionnaire.js';
import { formatPath, locate, type PathSegment, type YamlSource } from './source.js';

export function compareQuestionnaireIds(reference: Questionnaire, translation: Questionnaire, source?: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string) =>
    problems.push({ file: source?.file ?? translation.lang, ...(source ? locate(source, path) : {}), path: formatPath(path), message });

  if (translation.scale.min !== reference.scale.min || translation.scale.max !== reference.scale.max) {
    add(['scale'], `the scale is ${translation.scale.min}–${translation.scale.max}, but ${reference.lang} has ${reference.scale.min}–${reference.scale.max}`);
  }
  const profileIds = (q: Questionnaire) => q.profile.map((p) => p.id).join(', ');
  if (profileIds(translation) !== profileIds(reference)) add(['profile'], `profile ids are [${profileIds(translation)}], expected [${profileIds(reference)}]`);

  const sectionIds = translation.sections.map((s) => s.id);
  for (const section of reference.sections) {
    if (!sectionIds.includes(section.id)) add(['sections'], `section ${section.id} is missing`);
  }
  translation.sections.forEach((section, s) => {
    const expected = reference.sections[s];
    const match = reference.sections.find((r) => r.id === section.id);
    if (!match) return add(['sections', s, 'id'], `section ${section.id} is not in the ${reference.lang} questionnaire`);
    if (expected?.id !== section.id) add(['sections', s, 'id'], `section ${section.id} is out of order: position ${s + 1} is ${expected?.id ?? 'past the end'} in ${reference.lang}`);
    if (section.when !== match.when) add(['sections', s], `section ${section.id} has when: ${section.when ?? '(none)'}, expected ${match.when ?? '(none)'}`);
    const ids = section.statements.map((st) => st.id).join(', ');
    const expectedIds = match.statements.map((st) => st.id).join(', ');
    if (ids !== expectedIds) add(['sections', s, 'statements'], `section ${section.id} has statements [${ids}], expected [${expectedIds}]`);
  });
  return problems;
}
