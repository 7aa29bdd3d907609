/**
 * Several respondents of one organization → one Result. Section and overall scores
 * sum every respondent's ratings, so a percent is the mean of the respondents'
 * percents; `team` adds each section's spread and the exact statement means.
 */
import type { Result } from './result.js';
import { lowestSections, percentOf } from './scoring.js';

/** Respondents this far apart (in points) on a section disagree widely. */
export const DISAGREEMENT_POINTS = 40;

export function combineResults(results: readonly Result[]): Result {
  const [first] = results;
  if (!first) throw new Error('combineResults needs at least one Result');
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
