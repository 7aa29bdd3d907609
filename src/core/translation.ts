/** A translated questionnaire must keep the reference's ids, order and scale exactly. Pure. */
import type { Problem, ProblemCode, Values } from '../errors.js';
import type { Idea, Questionnaire } from './questionnaire.js';
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
    section.statements.forEach((st, i) => {
      const theirs = Object.keys(st.without ?? {}).join(', ');
      const ours = Object.keys(match.statements[i]?.without ?? {}).join(', ');
      if (theirs !== ours) add(['sections', s, 'statements', i, 'without'], 'translation-without', { id: st.id, found: theirs || '(none)', expected: ours || '(none)' });
      // The survey asks the same questions in every language: a statement is left out of it in all or none.
      const reference = match.statements[i];
      const asked = (customer: string | null | undefined) => typeof customer === 'string';
      if (reference && asked(st.customer) !== asked(reference.customer)) {
        add(['sections', s, 'statements', i, 'customer'], asked(st.customer) ? 'translation-customer-not-null' : 'translation-customer-null', { id: st.id, reference: reference_ });
      }
    });
    // Ideas are translated one for one: the same count, each for the same statements and businesses.
    const shape = (idea: Idea) => JSON.stringify([idea.statements ?? [], idea.when ?? null, idea.unless ?? null]);
    if (section.ideas.length !== match.ideas.length) {
      add(['sections', s, 'ideas'], 'translation-idea-count', { section: section.id, count: section.ideas.length, expected: match.ideas.length, reference: reference_ });
    } else {
      section.ideas.forEach((idea, i) => {
        if (shape(idea) !== shape(match.ideas[i]!)) add(['sections', s, 'ideas', i], 'translation-idea', { section: section.id, position: i + 1, reference: reference_ });
      });
    }
  });
  return problems;
}
