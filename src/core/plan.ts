/**
 * Result + questionnaire + texts → the plan model a template renders. Pure; no scoring
 * happens here, only what the plan shows and in which order: the page to pin up (vision,
 * score, strengths and priorities, the actions by due date, the review), the two things to
 * post, the method's detail, and the ideas not used yet.
 */
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { formatDate, formatList, formatPercent } from '../i18n/intl.js';
import { COMMUNICATION_SKILLS } from './answers.js';
import type { CustomersView } from './gap.js';
import type { HistoryView } from './history.js';
import { dataPointingTo, rankIdeas } from './ideas.js';
import { resolveProfile, scaleLabel, statementText, type Questionnaire } from './questionnaire.js';
import { POLICY_ACTIONS, type Result, type SectionResult } from './result.js';
import { triagePolicy, wholePercentOf } from './scoring.js';

/** An action as the plan lists it: the answers' own, or one the plan makes from the answers. */
type PlanAction = NonNullable<Result['actions']>[number] & { suggested: boolean; areaLabel?: string };

/** Above this many words a vision stops being memorable (the method's example has four): csq's advice. */
export const LONG_VISION_WORDS = 25;
/** Areas at or above this percent count as strengths. */
export const STRENGTH_PERCENT = 75;
/** Ideas not taken as actions, listed at the end for each priority: a short list. */
const MORE_IDEAS_PER_PRIORITY = 3;
const BAR_WIDTH = 10;

export function bar(score: number, max: number, width = BAR_WIDTH): string {
  const filled = max === 0 ? 0 : Math.round((score / max) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function buildPlan(result: Result, q: Questionnaire, messages: Messages) {
  const lang = messages.lang;
  const t = messages.plan;
  const profile = resolveProfile(q, result.profile);
  const byId = new Map(q.sections.map((s) => [s.id, s]));
  const titleOf = (id: string) => byId.get(id)?.title ?? result.sections.find((s) => s.id === id)?.title ?? id;
  const percentOf = (s: SectionResult) => wholePercentOf(s.score!, s.max!);
  const percentText = (s: SectionResult) => formatPercent(percentOf(s), lang);
  const applicable = result.sections.filter((s) => s.applicable);
  const hasStaff = result.education !== null;

  const sections = result.sections.map((s) => ({
    id: s.id,
    title: titleOf(s.id),
    applicable: s.applicable,
    score: s.score,
    max: s.max,
    percent: s.applicable ? percentText(s) : null,
    bar: s.applicable ? bar(s.score!, s.max!) : '',
    priority: result.improve.includes(s.id),
  }));

  // Strengths: the best areas that are not priorities, as the method asks (note high scores too).
  const strengths = applicable
    .filter((s) => !result.improve.includes(s.id) && percentOf(s) >= STRENGTH_PERCENT)
    .sort((a, b) => b.score! * a.max! - a.score! * b.max!)
    .slice(0, 2)
    .map((s) => ({ title: titleOf(s.id), percent: percentText(s) }));

  // When the three lowest were proposed and the cut fell inside a tie, say so: csq chose by order.
  const ties = result.improveChosen ? [] : tiesAtTheCut(applicable, result.improve).map((ids) => ({ areas: formatList(ids.map(titleOf), lang) }));

  const weakRating = Math.floor((q.scale.min + q.scale.max) / 2);
  const ranked = new Map(
    result.improve.map((id) => {
      const section = byId.get(id);
      const scored = result.sections.find((s) => s.id === id);
      return [id, section ? rankIdeas(section, scored?.ratings ?? {}, profile) : []] as const;
    }),
  );
  // The owner's own data, by the areas it points to: beside a priority, or as a hint when it is not one.
  const ownItems = [...result.requirements.internal, ...result.requirements.employees, ...result.requirements.topRequests];
  const quoted = (items: string[]) => formatList(items.map((text) => fill(t.quoted, { text })), lang);
  const pointing = (id: string) => {
    const section = byId.get(id);
    return section ? dataPointingTo(section, ownItems, lang) : [];
  };
  const elsewhere = applicable.filter((s) => !result.improve.includes(s.id) && pointing(s.id).length > 0).map((s) => titleOf(s.id));
  const dataElsewhere = elsewhere.length > 0 ? { count: elsewhere.length, areas: formatList(elsewhere, lang) } : null;

  const own = result.actions;
  const actions: PlanAction[] = own !== null ? own.map((a) => ({ ...a, suggested: false })) : suggestedActions(result, ranked, messages, hasStaff, (id) => pointing(id).length > 0);
  const usedIdeas = new Set(actions.map((a) => a.action));

  const priorities = result.improve.map((id, index) => {
    const section = byId.get(id);
    const evidence = pointing(id);
    const scored = result.sections.find((s) => s.id === id);
    // The weakest statements: rated at the middle of the scale or below, lowest first, ties in order (the sort is stable).
    const weakest = (section?.statements ?? [])
      .map((st) => ({ st, rating: scored?.ratings[st.id] }))
      .filter((x): x is typeof x & { rating: number } => x.rating !== undefined && x.rating <= weakRating)
      .sort((a, b) => a.rating - b.rating)
      .slice(0, 3)
      .map((x) => ({ text: statementText(x.st, profile), rating: x.rating, label: scaleLabel(q, x.rating) }));
    const ideas = (ranked.get(id) ?? []).map((r) => r.idea.text).filter((text) => !usedIdeas.has(text));
    return {
      number: index + 1,
      id,
      title: titleOf(id),
      summary: section?.summary ?? null,
      percent: scored?.applicable ? percentText(scored) : null,
      weakest,
      evidence: evidence.length > 0 ? quoted(evidence) : null,
      moreIdeas: ideas.slice(0, MORE_IDEAS_PER_PRIORITY),
    };
  });

  const dated = [...actions]
    // ISO dates sort as plain strings; undated last; equal dates in the order given (the sort is stable).
    .sort((x, y) => byDue(x.due, y.due))
    .map((a) => ({
      action: a.action,
      area: a.area ? titleOf(a.area) : (a.areaLabel ?? null),
      owner: a.owner,
      due: formatDate(a.due, lang),
      measure: a.measure && a.target ? fill(t.measureWithTarget, { measure: a.measure, target: a.target }) : (a.measure ?? a.target),
      suggested: a.suggested,
    }));

  const { internal, employees, topRequests } = result.requirements;
  const visionWords = result.vision ? wordCount(result.vision) : 0;
  const notes = result.visionNotes;
  const prompts = messages.method.visionPrompts;

  const policyGroups = POLICY_ACTIONS.map((action) => ({
    action,
    group: messages.method.policyActions[action].group,
    advice: messages.method.policyActions[action].action,
    policies: result.policies.filter((p) => p.action === action).map((p) => ({ name: p.name, note: p.note })),
  }));

  const disagreements = result.team
    ? result.team.sections.filter((s) => s.disagree).map((s) => ({ title: titleOf(s.id), min: Math.round(s.min), max: Math.round(s.max) }))
    : [];

  return {
    // The customers’ view (core/gap.ts) when a survey’s tally is given, set by the pipeline; false without one.
    customers: false as CustomersView | false,
    // The trend per area (core/history.ts) with `--history`, set by the pipeline; false without it.
    history: false as HistoryView | false,
    /** The language's words for the template's `{{t "key"}}`. */
    texts: t,
    lang,
    title: q.title,
    organization: result.organization,
    respondent: result.respondent,
    date: formatDate(result.date, lang),
    review: formatDate(result.review, lang),
    hasStaff,
    scale: {
      min: q.scale.min,
      max: q.scale.max,
      labels: Object.entries(q.scale.labels).map(([value, label]) => ({ value, label })),
      text: Object.entries(q.scale.labels)
        .map(([value, label]) => `${value} ${label}`)
        .join(' · '),
    },
    overall: {
      score: result.overall.score,
      max: result.overall.max,
      percent: formatPercent(wholePercentOf(result.overall.score, result.overall.max), lang),
      bar: bar(result.overall.score, result.overall.max),
      applicableCount: applicable.length,
      sectionCount: sections.length,
    },
    sections,
    strengths,
    strengthsText: formatList(strengths.map((s) => fill(t.areaPercent, s)), lang),
    priorities,
    prioritiesText: priorities.map((p) => fill(t.priorityShort, { number: p.number, title: p.title, percent: p.percent ?? '' })).join(' · '),
    improveChosen: result.improveChosen,
    ties,
    dataElsewhere,
    actions: dated,
    anySuggested: dated.some((a) => a.suggested),
    moreIdeas: priorities.filter((p) => p.moreIdeas.length > 0).map((p) => ({ title: p.title, ideas: p.moreIdeas })),
    requirements: {
      any: internal.length + employees.length + topRequests.length > 0,
      internal,
      employees,
      topRequests,
      hasTopRequests: topRequests.length > 0,
    },
    goodData: t.goodDataItems,
    vision: {
      text: result.vision,
      words: visionWords,
      long: visionWords > LONG_VISION_WORDS,
      maxWords: LONG_VISION_WORDS,
      prompts: [
        { prompt: prompts.tenYears, label: t.noteTenYears, answer: notes.tenYears, list: [] as string[] },
        { prompt: prompts.fiveThings, label: t.noteFiveThings, answer: null, list: notes.fiveThings },
        { prompt: prompts.customerShoes, label: t.noteCustomerShoes, answer: notes.customerShoes, list: [] as string[] },
        { prompt: prompts.picture, label: t.notePicture, answer: notes.picture, list: [] as string[] },
      ],
      anyNotes: Boolean(notes.tenYears || notes.customerShoes || notes.picture || notes.fiveThings.length),
    },
    policies: {
      any: result.policies.length > 0,
      groups: policyGroups.filter((g) => g.policies.length > 0),
      // The method's last question, asked only when no new friendly policy is there yet.
      askForNew: !result.policies.some((p) => p.action === 'add-more'),
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
    education: result.education && { ...result.education, kickoff: formatDate(result.education.kickoff, lang) },
    team: result.team
      ? {
          respondents: result.team.respondents,
          names: result.team.names.filter((n): n is string => n !== null).join(', '),
          disagreements,
          disagreementText: disagreements.map((d) => fill(t.teamDisagreeArea, d)).join('; '),
          policiesText: formatList(
            (result.team.policies ?? []).map((p) =>
              fill(t.teamPolicy, {
                name: p.name,
                judgments: p.judgments
                  .map((j) => fill(t.teamJudgment, { who: result.team!.names[j.respondent] ?? fill(t.respondentNumber, { n: j.respondent + 1 }), group: messages.method.policyActions[triagePolicy(j)].group }))
                  .join('; '),
              }),
            ),
            lang,
          ),
        }
      : null,
  };
}

export type PlanModel = ReturnType<typeof buildPlan>;

/**
 * The groups of equal areas that the cut of the three lowest splits: some of a tie are
 * priorities and some not. Ids in questionnaire order.
 */
function tiesAtTheCut(applicable: SectionResult[], improve: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const s of applicable) {
    // Equal exactly, not as rounded percents: score/max reduced.
    const g = gcd(s.score!, s.max!) || 1;
    const key = `${s.score! / g}/${s.max! / g}`;
    groups.set(key, [...(groups.get(key) ?? []), s.id]);
  }
  return [...groups.values()].filter((ids) => ids.length > 1 && ids.some((id) => improve.includes(id)) && ids.some((id) => !improve.includes(id)));
}

function byDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Without actions of the owner's own, the plan makes them from the answers: the kickoff
 * meeting (with staff), each policy to drop or make friendlier, and, as suggestions, the
 * best idea for each priority, those the owner's own data points to first.
 */
function suggestedActions(
  result: Result,
  ranked: Map<string, ReturnType<typeof rankIdeas>>,
  messages: Messages,
  hasStaff: boolean,
  dataPoints: (id: string) => boolean,
): PlanAction[] {
  const t = messages.plan;
  const none = { area: null, owner: null, due: null, measure: null, target: null, suggested: false };
  const kickoff = hasStaff && result.education ? [{ ...none, areaLabel: t.areaEducation, action: t.actionKickoff, owner: result.education.owner, due: result.education.kickoff }] : [];
  const policies = result.policies
    .filter((p) => p.action === 'drop' || p.action === 'make-friendlier')
    .map((p) => ({ ...none, areaLabel: t.areaPolicies, action: fill(p.action === 'drop' ? t.actionDropPolicy : t.actionSoftenPolicy, { name: p.name }) }));
  // A priority the owner's own data points to comes first: that is where they already see the cost.
  const first = [...result.improve].sort((a, b) => Number(dataPoints(b)) - Number(dataPoints(a)));
  const ideas = first.flatMap((id) => {
    const best = ranked.get(id)?.[0];
    return best ? [{ ...none, area: id, action: best.idea.text, suggested: true }] : [];
  });
  return [...kickoff, ...policies, ...ideas];
}
