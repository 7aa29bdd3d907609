/**
 * The trend per area across earlier assessments and this one (`csq report --history DIR`). Pure.
 * Each column is one assessment, oldest first; the change is this one's against the first, worked
 * out exactly as compare does. Where the assessments carry a survey, the customers' scores
 * form a second table, their own trend.
 */
import type { Messages } from '../i18n/en.js';
import { formatDate, formatPercentDecimal, formatSigned } from '../i18n/intl.js';
import { compareResults, difference } from './compare.js';
import type { Result } from './result.js';

/** Assessments in one plan's history, this one included: enough for a trend, and a table that fits a page. */
export const MAX_HISTORY = 12;

export interface TrendRow {
  id: string;
  title: string;
  overall: boolean;
  /** One per assessment, oldest first: the percent (one decimal), null where the area does not apply. */
  numbers: (number | null)[];
  values: string[];
  /** This assessment against the first, in points; '–' when either does not apply. */
  change: string;
}

export interface HistoryView {
  /** The assessments' dates, oldest first; the last is this one. */
  columns: string[];
  rows: TrendRow[];
  /** The customers' scores per area that some survey answered, when any assessment carries one; null otherwise. */
  customers: Omit<TrendRow, 'overall'>[] | null;
}

/** Earlier Results, oldest first, then this one (`results.at(-1)`), as the plan shows them. */
export function historyView(results: readonly Result[], messages: Messages): HistoryView {
  const lang = messages.lang;
  const current = results.at(-1)!;
  const first = results[0]!;
  const percent = (p: number | null) => (p === null ? '–' : formatPercentDecimal(p, lang));
  const signed = (c: number | null) => (c === null ? '–' : c === 0 ? '±0' : formatSigned(c, lang));
  const changes = compareResults(first, current, messages.summary.overall);
  const byId = new Map(changes.sections.map((c) => [c.id, c]));
  const row = (id: string, title: string, numbers: (number | null)[], change: number | null) => ({ id, title, numbers, values: numbers.map(percent), change: signed(change) });
  const rows: TrendRow[] = [
    ...current.sections.map((s) => ({
      ...row(
        s.id,
        s.title,
        results.map((r) => r.sections.find((x) => x.id === s.id)?.percent ?? null),
        byId.get(s.id)?.change ?? null,
      ),
      overall: false,
    })),
    { ...row('overall', messages.summary.overall, results.map((r) => r.overall.percent), changes.overall.change), overall: true },
  ];
  const surveyed = results.some((r) => r.customers !== null);
  // The customers' change is since their first survey; an area no survey has answered is left out.
  const customers = surveyed
    ? current.sections.flatMap((s) => {
        const numbers = results.map((r) => r.customers?.areas.find((a) => a.id === s.id)?.score ?? null);
        const from = numbers.find((v) => v !== null) ?? null;
        const to = numbers.at(-1) ?? null;
        if (from === null) return [];
        return [row(s.id, s.title, numbers, numbers.filter((v) => v !== null).length < 2 ? null : difference(from, to))];
      })
    : null;
  const columns = results.map((r, i) => (i === results.length - 1 && r.date === null ? messages.plan.historyNow : (formatDate(r.date, lang) ?? '–')));
  return { columns, rows, customers };
}
