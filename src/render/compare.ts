/** A comparison of two assessments as terminal text or Markdown (JSON is the Comparison itself). */
import { plainLine, replaceForbidden } from '../core/characters.js';
import type { Change, Comparison } from '../core/compare.js';
import { escapeMarkdown } from '../core/escape.js';
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { formatDate, formatNumber, formatPercentDecimal, formatSigned } from '../i18n/intl.js';
import { makeChalk } from './terminal.js';

/** The same in a Markdown table cell: escaped, so a `|`, `#`, `<` or line break stays text. */
const cell = (text: string) => escapeMarkdown(replaceForbidden(text));

const showPercent = (p: number | null, m: Messages) => (p === null ? m.compare.notApplicable : formatPercentDecimal(p, m.lang));
const showChange = (c: number | null, m: Messages) => (c === null ? m.compare.notApplicable : c === 0 ? '±0' : formatSigned(c, m.lang));

export function compareText(comparison: Comparison, m: Messages, color: boolean): string {
  const c = makeChalk(color);
  const rows = [comparison.overall, ...comparison.sections];
  const width = Math.max(...rows.map((r) => plainLine(r.title).length));
  const uncolored = makeChalk(false);
  const tone = (value: number | null, k = c) => {
    const shown = showChange(value, m).padStart(6);
    return value === null || value === 0 ? k.dim(shown) : value > 0 ? k.green(`${shown} ▲`) : k.red(`${shown} ▼`);
  };
  const pair = (before: number | null, after: number | null) => `${showPercent(before, m).padStart(6)} → ${showPercent(after, m).padStart(6)}`;
  const own = (r: Change, k = c) => `${plainLine(r.title).padEnd(width)}  ${pair(r.before, r.after)}  ${tone(r.change, k)}`;
  // The customers' figures after the owner's, in one column: each owner's part padded to the widest.
  const ownWidth = Math.max(...rows.map((r) => own(r, uncolored).length));
  const line = (r: Change) => {
    if (!r.customers) return own(r);
    const pad = ' '.repeat(ownWidth - own(r, uncolored).length);
    return `${own(r)}${pad}  ${m.compare.customersShort} ${pair(r.customers.before, r.customers.after)}  ${tone(r.customers.change)}`;
  };
  const { before, after } = comparison;
  const header = plainLine(`${before.organization ?? ''} ${before.date ?? m.compare.beforeDate} → ${after.date ?? m.compare.afterDate}`);
  const due = actionsDueLines(comparison, m, plainLine).map((l) => `  ${l}`);
  const actions = due.length > 0 ? `\n${c.bold(dueHeading(comparison, m))}\n${due.join('\n')}\n` : '';
  const survey = surveyLines(comparison, m).join('\n');
  return `${c.bold(header)}\n${c.bold(line(comparison.overall))}\n${comparison.sections.map(line).join('\n')}\n${survey ? `\n${survey}\n` : ''}${actions}`;
}

/** Each side's number of responses and NPS, when either side has a survey. */
function surveyLines(comparison: Comparison, m: Messages): string[] {
  const survey = comparison.customers;
  if (!survey) return [];
  const count = (side: typeof survey.before) =>
    side ? (side.surveyed ? fill(m.compare.customersSurvey, { count: formatNumber(side.responses, m.lang), date: formatDate(side.surveyed, m.lang)! }) : formatNumber(side.responses, m.lang)) : m.compare.notApplicable;
  const nps = (value: number | null | undefined) => (value == null ? m.compare.notApplicable : formatNumber(value, m.lang, 1));
  return [
    fill(m.compare.customersResponses, { before: count(survey.before), after: count(survey.after) }),
    fill(m.compare.customersNps, { before: nps(survey.before?.nps), after: nps(survey.after?.nps), change: showChange(survey.npsChange, m) }),
  ];
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
  const surveyed = comparison.customers !== undefined;
  const row = (r: Change, bold = false) => {
    const title = bold ? `**${cell(r.title)}**` : cell(r.title);
    const theirs = surveyed ? ` ${showPercent(r.customers?.before ?? null, m)} | ${showPercent(r.customers?.after ?? null, m)} | ${showChange(r.customers?.change ?? null, m)} |` : '';
    return `| ${title} | ${showPercent(r.before, m)} | ${showPercent(r.after, m)} | ${showChange(r.change, m)} |${theirs}`;
  };
  const side = (date: string | null, plain: string, dated: string) => (date ? fill(dated, { date: cell(date) }) : plain);
  const { before, after } = comparison;
  const survey = surveyLines(comparison, m);
  return [
    `| ${m.compare.area} | ${side(before.date, m.compare.before, m.compare.beforeOn)} | ${side(after.date, m.compare.after, m.compare.afterOn)} | ${m.compare.change} |${surveyed ? ` ${m.compare.customersBefore} | ${m.compare.customersAfter} | ${m.compare.customersChange} |` : ''}`,
    `|---|--:|--:|--:|${surveyed ? '--:|--:|--:|' : ''}`,
    row(comparison.overall, true),
    ...comparison.sections.map((r) => row(r)),
    '',
    ...(survey.length > 0 ? [survey.join(' · '), ''] : []),
    ...(comparison.actionsDue.length > 0 ? [`**${dueHeading(comparison, m)}**`, '', ...actionsDueLines(comparison, m, cell).map((l) => `- ${l}`), ''] : []),
  ].join('\n');
}
