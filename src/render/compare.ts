/** A comparison of two assessments as terminal text or Markdown (JSON is the Comparison itself). */
import { plainLine, replaceForbidden } from '../core/characters.js';
import type { Change, Comparison } from '../core/compare.js';
import { escapeMarkdown } from '../core/escape.js';
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { formatDate, formatPercentDecimal, formatSigned } from '../i18n/intl.js';
import { makeChalk } from './terminal.js';

/** The same in a Markdown table cell: escaped, so a `|`, `#`, `<` or line break stays text. */
const cell = (text: string) => escapeMarkdown(replaceForbidden(text));

const showPercent = (p: number | null, m: Messages) => (p === null ? m.compare.notApplicable : formatPercentDecimal(p, m.lang));
const showChange = (c: number | null, m: Messages) => (c === null ? m.compare.notApplicable : c === 0 ? '±0' : formatSigned(c, m.lang));

export function compareText(comparison: Comparison, m: Messages, color: boolean): string {
  const c = makeChalk(color);
  const rows = [comparison.overall, ...comparison.sections];
  const width = Math.max(...rows.map((r) => plainLine(r.title).length));
  const line = (r: Change) => {
    const change = showChange(r.change, m).padStart(6);
    const toned = r.change === null || r.change === 0 ? c.dim(change) : r.change > 0 ? c.green(`${change} ▲`) : c.red(`${change} ▼`);
    return `${plainLine(r.title).padEnd(width)}  ${showPercent(r.before, m).padStart(6)} → ${showPercent(r.after, m).padStart(6)}  ${toned}`;
  };
  const { before, after } = comparison;
  const header = plainLine(`${before.organization ?? ''} ${before.date ?? m.compare.beforeDate} → ${after.date ?? m.compare.afterDate}`);
  const due = actionsDueLines(comparison, m, plainLine).map((l) => `  ${l}`);
  const actions = due.length > 0 ? `\n${c.bold(dueHeading(comparison, m))}\n${due.join('\n')}\n` : '';
  return `${c.bold(header)}\n${c.bold(line(comparison.overall))}\n${comparison.sections.map(line).join('\n')}\n${actions}`;
}

const dueHeading = (comparison: Comparison, m: Messages) => fill(m.compare.actionsDue, { date: formatDate(comparison.after.date, m.lang) ?? '' });

/** One line per action due: its date, its words, who owns it, and whether the later answers still list it. */
function actionsDueLines(comparison: Comparison, m: Messages, safe: (text: string) => string): string[] {
  return comparison.actionsDue.map((a) => {
    const text = fill(a.owner ? m.compare.actionDueOwned : m.compare.actionDue, { due: formatDate(a.due, m.lang) ?? a.due, action: safe(a.action), owner: safe(a.owner ?? '') });
    return a.stillListed ? `${text} ${m.compare.stillListed}` : text;
  });
}

export function compareMarkdown(comparison: Comparison, m: Messages): string {
  const row = (r: Change, bold = false) => {
    const title = bold ? `**${cell(r.title)}**` : cell(r.title);
    return `| ${title} | ${showPercent(r.before, m)} | ${showPercent(r.after, m)} | ${showChange(r.change, m)} |`;
  };
  const side = (date: string | null, plain: string, dated: string) => (date ? fill(dated, { date: cell(date) }) : plain);
  const { before, after } = comparison;
  return [
    `| ${m.compare.area} | ${side(before.date, m.compare.before, m.compare.beforeOn)} | ${side(after.date, m.compare.after, m.compare.afterOn)} | ${m.compare.change} |`,
    '|---|--:|--:|--:|',
    row(comparison.overall, true),
    ...comparison.sections.map((r) => row(r)),
    '',
    ...(comparison.actionsDue.length > 0 ? [`**${dueHeading(comparison, m)}**`, '', ...actionsDueLines(comparison, m, cell).map((l) => `- ${l}`), ''] : []),
  ].join('\n');
}
