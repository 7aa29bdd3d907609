/**
 * Several respondents of one organization → one Result. Section and overall scores
 * sum every respondent's ratings, so a percent is the mean of the respondents'
 * percents; `team` adds each section's spread and the exact statement means.
 * Every respondent's policies and requirements are merged; the vision, communication
 * and education are one respondent's, chosen explicitly (the lead).
 */
import { normalizeName } from './compare.js';
import type { Result } from './result.js';
import { lowestSections, percentOf } from './scoring.js';

export interface CombineOptions {
  /** The respondent (an index into the results) whose vision, vision notes, communication and education the plan uses; default the first. */
  lead?: number;
}

type Policy = Result['policies'][number];

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
    else if (known.note === null && policy.note !== null && known.action === policy.action) merged.set(key, { ...known, note: policy.note });
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
    },
  };
}
