/** Two Results of one questionnaire → the change per section and overall, in percentage points. Pure. */
import type { Result } from './result.js';

export interface Change {
  id: string;
  title: string;
  before: number | null;
  after: number | null;
  /** after − before in points, one decimal; null when either side does not apply. */
  change: number | null;
}

export interface Comparison {
  schemaVersion: 1;
  before: { organization: string | null; date: string | null };
  after: { organization: string | null; date: string | null };
  overall: Change;
  sections: Change[];
}

/** Subtract in tenths so 66.7 − 46.7 is exactly 20. */
const difference = (before: number | null, after: number | null) =>
  before === null || after === null ? null : (Math.round(after * 10) - Math.round(before * 10)) / 10;

export function compareResults(before: Result, after: Result, overallTitle: string): Comparison {
  const ids = [...new Set([...after.sections.map((s) => s.id), ...before.sections.map((s) => s.id)])];
  return {
    schemaVersion: 1,
    before: { organization: before.organization, date: before.date },
    after: { organization: after.organization, date: after.date },
    overall: { id: 'overall', title: overallTitle, before: before.overall.percent, after: after.overall.percent, change: difference(before.overall.percent, after.overall.percent) },
    sections: ids.map((id) => {
      const b = before.sections.find((s) => s.id === id);
      const a = after.sections.find((s) => s.id === id);
      const beforePercent = b?.percent ?? null;
      const afterPercent = a?.percent ?? null;
      return { id, title: (a ?? b)!.title, before: beforePercent, after: afterPercent, change: difference(beforePercent, afterPercent) };
    }),
  };
}

/** Every change that dropped by more than `points`. */
export function dropsBeyond(comparison: Comparison, points: number): Change[] {
  return [comparison.overall, ...comparison.sections].filter((c) => c.change !== null && -c.change > points);
}
