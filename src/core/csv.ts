/**
 * Results as CSV, one row per client or respondent (RFC 4180). Pure. Written for spreadsheets:
 * UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF line ends, and every cell that
 * a spreadsheet would read as a formula (= + - @, a tab or a carriage return first) neutralised
 * with a leading apostrophe. The header names sections by id: ids are stable, titles are not.
 */
import type { Result } from './result.js';

export const CSV_BOM = '\uFEFF';

/** A cell a spreadsheet would evaluate starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised, then quoted when it holds a quote, a comma, a line break or edge spaces. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // Numbers are csq's own (percents, never negative): only text can be a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The columns: who and when, the overall percent, each section's percent by id, the areas chosen. */
export function csvHeader(sectionIds: readonly string[]): string {
  return csvRow(['file', 'organization', 'respondent', 'date', 'overall', ...sectionIds, 'improve']);
}

/** One Result as a row; a section that does not apply is an empty cell. */
export function csvResultRow(file: string, result: Result, sectionIds: readonly string[]): string {
  const percents = new Map(result.sections.map((s) => [s.id, s.applicable ? s.percent : null]));
  return csvRow([file, result.organization, result.respondent, result.date, result.overall.percent, ...sectionIds.map((id) => percents.get(id) ?? null), result.improve.join(' ')]);
}
