/**
 * Several respondents of one organization → one Result. Section and overall scores
 * sum every respondent's ratings, so a percent is the mean of the respondents'
 * percents; `team` adds each section's spread and the exact statement means.
 * Every respondent's policies and requirements are merged; the vision, communication
 * and education are one respondent's, chosen explicitly (the lead).
 */
import type { Problem, Values } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { normalizeName } from './compare.js';
import { MAX_LIST_ITEMS, MAX_RESPONDENTS } from './limits.js';
import { own } from './questionnaire.js';
import type { Result } from './result.js';
import { lowestSections, percentOf } from './scoring.js';

/** Something `csq team` says of the combination: a key of the catalogue's `team`, with its values. */
export interface TeamNote {
  key: keyof Messages['team'];
  values: Values;
  /** For a policy judged differently: each respondent's judgment. */
  judgments?: { file: string; friendly: boolean; necessary: boolean }[];
}

/** One respondent: the file it came from and its Result. */
export interface Respondent {
  file: string;
  result: Result;
}

/** A team is two or more respondents, and not so many that its Result is beyond what csq reads. */
export function teamSizeProblem(count: number): Problem | undefined {
  if (count < 2) return { code: 'team-too-few' };
  if (count > MAX_RESPONDENTS) return { code: 'team-too-many', values: { max: MAX_RESPONDENTS, count } };
  return undefined;
}

/** What makes these respondents one team, or not: every problem, before anything is combined. */
export function teamProblems(respondents: readonly Respondent[]): Problem[] {
  const [first, ...others] = respondents as [Respondent, ...Respondent[]];
  const problems: Problem[] = [];
  for (const other of others) {
    const found = other.result.questionnaire.id;
    if (found !== first.result.questionnaire.id) {
      problems.push({ code: 'team-other-questionnaire', values: { file: other.file, found, expected: first.result.questionnaire.id } });
      continue;
    }
    for (const [question, value] of Object.entries(first.result.profile)) {
      const theirs = own(other.result.profile, question); // a saved Result may lack it
      if (theirs !== value) {
        problems.push({ code: 'team-profile-disagree', values: { file: other.file, question, theirs: theirs === undefined ? 'not set' : String(theirs), first: first.file, value: String(value) } });
      }
    }
  }
  return problems;
}

const LIST_TERMS = { policies: 'policies', internal: 'internalFindings', employees: 'employeeNotes', topRequests: 'topRequests', actions: 'actions' } as const;

/** Whatever csq writes it reads back: a team's merged lists are bounded as one respondent's are. */
export function mergedListProblems(combined: Result): Problem[] {
  const { internal, employees, topRequests } = combined.requirements;
  const counts = { policies: combined.policies.length, internal: internal.length, employees: employees.length, topRequests: topRequests.length, actions: combined.actions?.length ?? 0 };
  return Object.entries(counts)
    .filter(([, count]) => count > MAX_LIST_ITEMS)
    .map(([name, count]): Problem => ({ code: 'team-list-too-long', values: { list: { term: LIST_TERMS[name as keyof typeof counts] }, count, max: MAX_LIST_ITEMS } }));
}

/** Whose answers the plan uses where only one respondent's can be used, and where respondents judged differently. */
export function mergeNotes(respondents: readonly Respondent[], lead: number, combined: Result): TeamNote[] {
  const names = respondents.map((r) => r.file);
  const results = respondents.map((r) => r.result);
  const notes: TeamNote[] = [];
  for (const other of respondents.slice(1)) {
    if (other.result.organization !== results[0]!.organization) {
      notes.push({ key: 'organizationDiffers', values: { file: other.file, theirs: other.result.organization ?? '', first: names[0]!, ours: results[0]!.organization ?? '' } });
    }
  }
  const staff = combined.education !== null;
  notes.push({ key: staff ? (lead === 0 ? 'leadStaffFirst' : 'leadStaff') : lead === 0 ? 'leadFirst' : 'lead', values: { file: names[lead]! } });
  if (results[lead]!.vision === null) {
    // The lead is none of them: its vision is null.
    const others = names.filter((_, i) => results[i]!.vision !== null);
    if (others.length > 0) notes.push({ key: 'noVision', values: { file: names[lead]!, others: others.join(', '), first: others[0]!, count: others.length } });
  }
  const named = results.reduce((n, r) => n + r.policies.length, 0);
  notes.push({ key: 'merged', values: { count: combined.policies.length, named } });
  for (const { name, judgments } of policyDisagreements(results)) {
    notes.push({
      key: 'judgedDifferently',
      values: { name: JSON.stringify(name), file: names[judgments[0]!.respondent]! },
      judgments: judgments.map((j) => ({ file: names[j.respondent]!, friendly: j.friendly, necessary: j.necessary })),
    });
  }
  return notes;
}

export interface CombineOptions {
  /** The respondent (an index into the results) whose vision, vision notes, communication and education the plan uses; default the first. */
  lead?: number;
}

type Policy = Result['policies'][number];
type Action = NonNullable<Result['actions']>[number];

/** Lists merged in order, each item once: "Faster quotes" and "faster  quotes" are one request. */
function mergeLists(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const item of lists.flat()) {
    const key = normalizeName(item);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(item);
  }
  return merged;
}

/** Every respondent's policies, each name once (case and spacing aside): the first to judge a policy decides its action. */
export function mergePolicies(results: readonly Result[]): Policy[] {
  const merged = new Map<string, Policy>();
  for (const policy of results.flatMap((r) => r.policies)) {
    const key = normalizeName(policy.name);
    const known = merged.get(key);
    if (!known) merged.set(key, policy);
    // (A later null note changes nothing.)
    else if (known.note === null && known.action === policy.action) merged.set(key, { ...known, note: policy.note });
  }
  return [...merged.values()];
}

/**
 * Every respondent's actions, each once (case and spacing aside), in the order given: what one
 * respondent left out of an action (owner, date, measure) another's copy fills in. Null when
 * none of them gave any.
 */
export function mergeActions(results: readonly Result[]): Result['actions'] {
  if (results.every((r) => r.actions === null)) return null;
  const merged = new Map<string, Action>();
  for (const action of results.flatMap((r) => r.actions ?? [])) {
    const key = JSON.stringify([action.area, normalizeName(action.action)]);
    const known = merged.get(key);
    if (!known) merged.set(key, action);
    else merged.set(key, Object.fromEntries(Object.entries(known).map(([field, value]) => [field, value ?? action[field as keyof Action]])) as Action);
  }
  return [...merged.values()];
}

export interface PolicyDisagreement {
  name: string;
  /** Each respondent (index into the results) who named the policy, with their judgment. */
  judgments: { respondent: number; friendly: boolean; necessary: boolean }[];
}

/** The policies that respondents judged differently (friendly or necessary). */
export function policyDisagreements(results: readonly Result[]): PolicyDisagreement[] {
  const byName = new Map<string, PolicyDisagreement>();
  results.forEach((r, respondent) => {
    for (const p of r.policies) {
      const key = normalizeName(p.name);
      const entry = byName.get(key) ?? { name: p.name, judgments: [] };
      byName.set(key, entry);
      if (!entry.judgments.some((j) => j.respondent === respondent)) entry.judgments.push({ respondent, friendly: p.friendly, necessary: p.necessary });
    }
  });
  return [...byName.values()].filter(({ judgments: [first, ...rest] }) => rest.some((j) => j.friendly !== first!.friendly || j.necessary !== first!.necessary));
}

/** Respondents this far apart (in points) on a section disagree widely. */
export const DISAGREEMENT_POINTS = 40;

export function combineResults(results: readonly Result[], options: CombineOptions = {}): Result {
  const [first] = results;
  if (!first) throw new Error('combineResults needs at least one Result');
  const lead = results[options.lead ?? 0];
  if (!lead) throw new Error(`combineResults: no respondent ${options.lead}`);
  const n = results.length;
  const sections = first.sections.map((section, i) => {
    if (!section.applicable) return section;
    const all = results.map((r) => r.sections[i]!);
    const score = all.reduce((sum, s) => sum + s.score!, 0);
    const max = section.max! * n;
    // Rounded means keep the Result's integer ratings; the exact means are in `team`.
    const ratings = Object.fromEntries(Object.keys(section.ratings).map((id) => [id, Math.floor(all.reduce((sum, s) => sum + s.ratings[id]!, 0) / n + 0.5)]));
    return { ...section, score, max, percent: percentOf(score, max), ratings };
  });
  const applicable = sections.filter((s) => s.applicable);
  const score = applicable.reduce((sum, s) => sum + s.score!, 0);
  const max = applicable.reduce((sum, s) => sum + s.max!, 0);
  return {
    ...first,
    respondent: null,
    overall: { score, max, percent: percentOf(score, max) },
    sections,
    improve: lowestSections(sections),
    improveChosen: false,
    requirements: {
      internal: mergeLists(results.map((r) => r.requirements.internal)),
      employees: mergeLists(results.map((r) => r.requirements.employees)),
      topRequests: mergeLists(results.map((r) => r.requirements.topRequests)),
    },
    vision: lead.vision,
    visionNotes: lead.visionNotes,
    policies: mergePolicies(results),
    actions: mergeActions(results),
    // The lead's next assessment, or else the earliest any respondent gave.
    review: lead.review ?? results.map((r) => r.review).filter((d): d is string => d !== null).sort()[0] ?? null,
    // The business is one: the lead's description, or else the first respondent's that has one.
    business: lead.business ?? results.find((r) => r.business)?.business ?? null,
    // So are its customers: one survey, the lead's or else the first respondent's that carries one.
    customers: lead.customers ?? results.find((r) => r.customers)?.customers ?? null,
    communication: lead.communication,
    education: lead.education,
    team: {
      respondents: n,
      names: results.map((r) => r.respondent),
      sections: first.sections
        .map((section, i) => ({ section, i }))
        .filter(({ section }) => section.applicable)
        .map(({ section, i }) => {
          const percents = results.map((r) => r.sections[i]!.percent!);
          const min = Math.min(...percents);
          const max = Math.max(...percents);
          const spread = (Math.round(max * 10) - Math.round(min * 10)) / 10;
          return {
            id: section.id,
            mean: percentOf(sections[i]!.score!, sections[i]!.max!),
            min,
            max,
            spread,
            disagree: spread >= DISAGREEMENT_POINTS,
            statements: Object.fromEntries(
              Object.keys(section.ratings).map((id) => [id, Math.round((results.reduce((sum, r) => sum + r.sections[i]!.ratings[id]!, 0) / n) * 100) / 100]),
            ),
          };
        }),
      policies: policyDisagreements(results),
    },
  };
}
