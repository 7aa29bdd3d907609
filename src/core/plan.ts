/**
 * Result + questionnaire + texts → the plan model a template renders. Pure; no
 * scoring happens here, only presentation decisions (bars, whole percents, groups).
 */
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { COMMUNICATION_SKILLS } from './answers.js';
import { scaleLabel, type Questionnaire } from './questionnaire.js';
import { POLICY_ACTIONS, type Result } from './result.js';
import { wholePercentOf } from './scoring.js';

/** Above this many words a vision stops being memorable (the method's example has four). */
export const LONG_VISION_WORDS = 25;
const BAR_WIDTH = 10;

export function bar(score: number, max: number, width = BAR_WIDTH): string {
  const filled = max === 0 ? 0 : Math.round((score / max) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function buildPlan(result: Result, q: Questionnaire, messages: Messages) {
  const sectionsById = new Map(q.sections.map((s) => [s.id, s]));
  const sections = result.sections.map((s) => ({
    id: s.id,
    title: sectionsById.get(s.id)?.title ?? s.title,
    applicable: s.applicable,
    score: s.score,
    max: s.max,
    percent: s.applicable ? wholePercentOf(s.score!, s.max!) : null,
    bar: s.applicable ? bar(s.score!, s.max!) : '',
  }));

  const improve = result.improve.map((id, index) => {
    const section = sectionsById.get(id);
    const scored = result.sections.find((s) => s.id === id);
    const statements = section?.statements ?? [];
    // The weakest statements: up to three rated below the top of the scale, lowest first, ties in order.
    const weakest = statements
      .map((st, order) => ({ st, order, rating: scored?.ratings[st.id] }))
      .filter((x): x is typeof x & { rating: number } => x.rating !== undefined && x.rating < q.scale.max)
      .sort((a, b) => a.rating - b.rating || a.order - b.order)
      .slice(0, 3)
      .map((x) => ({ text: x.st.text, rating: x.rating, label: scaleLabel(q, x.rating) }));
    return {
      number: index + 1,
      title: section?.title ?? id,
      summary: section?.summary ?? null,
      percent: scored?.applicable ? wholePercentOf(scored.score!, scored.max!) : null,
      weakest,
      ideas: section?.ideas ?? [],
    };
  });

  const { internal, employees, topRequests } = result.requirements;
  const rowCount = Math.max(internal.length, employees.length, topRequests.length);
  const requirementRows = Array.from({ length: rowCount }, (_, i) => ({
    internal: internal[i] ?? '',
    employees: employees[i] ?? '',
    topRequest: topRequests[i] ?? '',
  }));

  const visionWords = result.vision ? wordCount(result.vision) : 0;
  const notes = result.visionNotes;
  const prompts = messages.method.visionPrompts;

  const policyGroups = POLICY_ACTIONS.map((action) => ({
    action,
    group: messages.method.policyActions[action].group,
    advice: messages.method.policyActions[action].action,
    policies: result.policies.filter((p) => p.action === action).map((p) => ({ name: p.name, note: p.note })),
  }));

  const hasStaff = result.education !== null;
  const disagreements = result.team
    ? result.team.sections.filter((s) => s.disagree).map((s) => ({ title: sectionsById.get(s.id)?.title ?? s.id, min: Math.round(s.min), max: Math.round(s.max) }))
    : [];
  return {
    /** The language's words for the template's `{{t "key"}}`. */
    texts: messages.plan,
    lang: messages.lang,
    title: q.title,
    organization: result.organization,
    respondent: result.respondent,
    date: result.date,
    hasStaff,
    scale: {
      min: q.scale.min,
      max: q.scale.max,
      labels: Object.entries(q.scale.labels).map(([value, label]) => ({ value, label })),
      text: Object.entries(q.scale.labels)
        .map(([value, label]) => `${value} = ${label}`)
        .join(' · '),
    },
    overall: {
      score: result.overall.score,
      max: result.overall.max,
      percent: wholePercentOf(result.overall.score, result.overall.max),
      bar: bar(result.overall.score, result.overall.max),
      applicableCount: sections.filter((s) => s.applicable).length,
      sectionCount: sections.length,
    },
    sections,
    improve,
    improveChosen: result.improveChosen,
    goodData: messages.plan.goodDataItems,
    requirements: {
      any: rowCount > 0,
      rows: requirementRows,
      hasTopRequests: topRequests.length > 0,
    },
    vision: {
      text: result.vision,
      words: visionWords,
      long: visionWords > LONG_VISION_WORDS,
      maxWords: LONG_VISION_WORDS,
      prompts: [
        { prompt: prompts.tenYears, answer: notes.tenYears, list: [] as string[] },
        { prompt: prompts.fiveThings, answer: null, list: notes.fiveThings },
        { prompt: prompts.customerShoes, answer: notes.customerShoes, list: [] as string[] },
        { prompt: prompts.picture, answer: notes.picture, list: [] as string[] },
      ],
      anyNotes: Boolean(notes.tenYears || notes.customerShoes || notes.picture || notes.fiveThings.length),
    },
    policies: {
      any: result.policies.length > 0,
      groups: policyGroups,
      // The 2×2 grid of the method, filled with counts, so the shape shows at a glance.
      counts: Object.fromEntries(POLICY_ACTIONS.map((a) => [a, result.policies.filter((p) => p.action === a).length])) as Record<
        (typeof POLICY_ACTIONS)[number],
        number
      >,
      actions: messages.method.policyActions,
    },
    communication: COMMUNICATION_SKILLS.map((key) => ({
      key,
      name: messages.method.skills[key].name,
      voice: messages.method.skills[key].voice,
      tip: messages.method.skills[key].tip,
      plan: result.communication[key] ?? '',
    })),
    communicationAny: COMMUNICATION_SKILLS.some((key) => result.communication[key]),
    problemSteps: messages.method.problemSteps.map((step, i) => ({ number: i + 1, ...step })),
    education: result.education,
    team: result.team
      ? {
          respondents: result.team.respondents,
          disagreements,
          disagreementText: disagreements.map((d) => fill(messages.plan.teamDisagreeArea, d)).join('; '),
        }
      : null,
  };
}

export type PlanModel = ReturnType<typeof buildPlan>;
