/** Every scoring rule in one place. Pure. */
import { COMMUNICATION_SKILLS, type Answers, type Policy } from './answers.js';
import { isApplicable, resolveProfile, type Questionnaire, type Section } from './questionnaire.js';
import { RESULT_SCHEMA_VERSION, type PolicyAction, type Result, type SectionResult } from './result.js';

/** 100 × score ÷ max to one decimal, halves up, in integer arithmetic so 71.25 never becomes 71.2. */
export function percentOf(score: number, max: number): number {
  return max === 0 ? 0 : Math.floor((2000 * score + max) / (2 * max)) / 10;
}

/** The whole-number percent shown in Markdown, rounded from the exact value (not from the one-decimal one). */
export function wholePercentOf(score: number, max: number): number {
  return max === 0 ? 0 : Math.floor((200 * score + max) / (2 * max));
}

/** The method's policy triage: unfriendly × unnecessary is dropped at once, and so on. */
export function triagePolicy(policy: Pick<Policy, 'friendly' | 'necessary'>): PolicyAction {
  if (policy.friendly) return policy.necessary ? 'keep-and-strengthen' : 'add-more';
  return policy.necessary ? 'make-friendlier' : 'drop';
}

/** A section's score (the sum of its ratings so far) and its maximum. */
export function scoreSection(q: Questionnaire, section: Section, ratings: Readonly<Record<string, number | undefined>>): { score: number; max: number } {
  return {
    score: section.statements.reduce((sum, st) => sum + (ratings[st.id] ?? 0), 0),
    max: q.scale.max * section.statements.length,
  };
}

/** The applicable sections with the lowest percent, ties in questionnaire order. */
export function lowestSections(sections: readonly Pick<SectionResult, 'id' | 'applicable' | 'score' | 'max'>[], count = 3): string[] {
  return (
    sections
      .filter((section) => section.applicable && section.max)
      // Compare score/max exactly by cross-multiplying, not by rounded percents; the sort is stable.
      .sort((a, b) => a.score! * b.max! - b.score! * a.max!)
      .slice(0, count)
      .map((section) => section.id)
  );
}

const orNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const cleanList = (items: readonly string[] | null | undefined): string[] => (items ?? []).map((s) => s.trim()).filter(Boolean);

/** Answers (complete and valid for q) → Result. */
export function scoreAnswers(q: Questionnaire, answers: Answers, lang: string = q.lang): Result {
  const profile = resolveProfile(q, answers.profile);
  const sections: SectionResult[] = q.sections.map((section) => {
    if (!isApplicable(section, profile)) {
      return { id: section.id, title: section.title, applicable: false, score: null, max: null, percent: null, ratings: {} };
    }
    const given = answers.ratings[section.id] ?? {};
    // Ratings in questionnaire order, whatever order the file had.
    const ratings = Object.fromEntries(section.statements.map((st) => [st.id, given[st.id]!]));
    const { score, max } = scoreSection(q, section, ratings);
    return { id: section.id, title: section.title, applicable: true, score, max, percent: percentOf(score, max), ratings };
  });
  // A section that does not apply has no score and no maximum: it adds nothing to either.
  const overallScore = sections.reduce((sum, s) => sum + (s.score ?? 0), 0);
  const overallMax = sections.reduce((sum, s) => sum + (s.max ?? 0), 0);
  const hasStaffProfile = q.profile.some((p) => p.id === 'staff');

  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    questionnaire: { id: q.id, version: q.version, lang: q.lang },
    lang,
    organization: orNull(answers.organization),
    respondent: orNull(answers.respondent),
    date: answers.date ?? null,
    profile,
    overall: { score: overallScore, max: overallMax, percent: percentOf(overallScore, overallMax) },
    sections,
    improve: answers.improve ?? lowestSections(sections),
    improveChosen: answers.improve !== undefined,
    requirements: {
      internal: cleanList(answers.requirements?.internal),
      employees: cleanList(answers.requirements?.employees),
      topRequests: cleanList(answers.requirements?.topRequests),
    },
    vision: orNull(answers.vision),
    visionNotes: {
      tenYears: orNull(answers.visionNotes?.tenYears),
      fiveThings: cleanList(answers.visionNotes?.fiveThings),
      customerShoes: orNull(answers.visionNotes?.customerShoes),
      picture: orNull(answers.visionNotes?.picture),
    },
    policies: (answers.policies ?? []).map((p) => ({
      name: p.name.trim(),
      friendly: p.friendly,
      necessary: p.necessary,
      note: orNull(p.note),
      action: triagePolicy(p),
    })),
    communication: Object.fromEntries(COMMUNICATION_SKILLS.map((k) => [k, orNull(answers.communication?.[k])])) as Result['communication'],
    // Staff education applies only to a business with staff (or a questionnaire without that question).
    education:
      hasStaffProfile && !profile.staff
        ? null
        : { kickoff: orNull(answers.education?.kickoff), owner: orNull(answers.education?.owner), training: orNull(answers.education?.training) },
    actions:
      answers.actions?.map((a) => ({
        area: a.area ?? null,
        action: a.action.trim(),
        owner: orNull(a.owner),
        due: a.due ?? null,
        measure: orNull(a.measure),
        target: orNull(a.target),
      })) ?? null,
    review: answers.review ?? null,
    business: answers.business ? { buys: answers.business.buys ?? null, customersPerMonth: answers.business.customersPerMonth ?? null } : null,
    customers: answers.customers ?? null,
  };
}
