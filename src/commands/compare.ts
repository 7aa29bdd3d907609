/** `csq compare BEFORE AFTER`: the change per section over time, with a regression gate. */
import { compareResults, comparisonWarnings, dropsBeyond, type Change, type Comparison } from '../core/compare.js';
import { parsePercent } from '../core/thresholds.js';
import { CsqError, ExitCode } from '../errors.js';
import { colorEnabled, makeChalk } from '../render/terminal.js';
import { replaceForbidden } from '../core/characters.js';
import { escapeMarkdown } from '../core/escape.js';
import { scoreFile, type InputOptions } from './load.js';
import { writeStderr, writeStdout } from '../io/stdio.js';

export interface CompareOptions extends InputOptions {
  format: string;
  failOnDrop?: string;
}

export async function compare(before: string, after: string, options: CompareOptions): Promise<number> {
  if (!['text', 'markdown', 'json'].includes(options.format)) throw new CsqError(`--format must be text, markdown or json, not "${options.format}"`);
  const limit = options.failOnDrop === undefined ? undefined : parsePercent(options.failOnDrop, '--fail-on-drop');
  const a = scoreFile(before, options);
  const b = scoreFile(after, options);
  if (a.result.questionnaire.id !== b.result.questionnaire.id) {
    throw new CsqError(`${before} and ${after} answer different questionnaires (${a.result.questionnaire.id}, ${b.result.questionnaire.id})`);
  }
  const comparison = compareResults(a.result, b.result, b.context.messages.summary.overall);
  // Said, not refused: a rebranded business, or a Result re-dated by hand, is still comparable.
  for (const warning of comparisonWarnings(a.result, b.result, { before: a.file, after: b.file })) writeStderr(`warning: ${warning}\n`);
  const output =
    options.format === 'json'
      ? `${JSON.stringify(comparison, null, 2)}\n`
      : options.format === 'markdown'
        ? compareMarkdown(comparison)
        : compareText(comparison, colorEnabled(process.stdout));
  writeStdout(output);
  if (limit === undefined) return ExitCode.ok;
  const drops = dropsBeyond(a.result, b.result, comparison, limit);
  for (const { change, points } of drops) {
    writeStderr(`gate failed: ${plainLine(change.title)} dropped ${points} points (${change.before}% → ${change.after}%), more than ${limit}\n`);
  }
  return drops.length > 0 ? ExitCode.gateFailed : ExitCode.ok;
}

const showPercent = (p: number | null) => (p === null ? 'n/a' : `${p}%`);
/**
 * A user's string (organization, date, a questionnaire's title) on one line of terminal text:
 * its line breaks and tabs become spaces, so it can never draw a row of its own.
 */
const plainLine = (text: string) => replaceForbidden(text).replace(/\s+/g, ' ').trim();
/** The same in a Markdown table cell: escaped, so a `|`, `#`, `<` or line break stays text. */
const cell = (text: string) => escapeMarkdown(replaceForbidden(text));
const showChange = (c: number | null) => (c === null ? 'n/a' : c > 0 ? `+${c}` : c === 0 ? '±0' : `${c}`);

function compareText(comparison: Comparison, color: boolean): string {
  const c = makeChalk(color);
  const rows = [comparison.overall, ...comparison.sections];
  const width = Math.max(...rows.map((r) => plainLine(r.title).length));
  const line = (r: Change) => {
    const change = showChange(r.change).padStart(6);
    const toned = r.change === null || r.change === 0 ? c.dim(change) : r.change > 0 ? c.green(`${change} ▲`) : c.red(`${change} ▼`);
    return `${plainLine(r.title).padEnd(width)}  ${showPercent(r.before).padStart(6)} → ${showPercent(r.after).padStart(6)}  ${toned}`;
  };
  const { before, after } = comparison;
  const header = plainLine(`${before.organization ?? ''} ${before.date ?? 'before'} → ${after.date ?? 'after'}`);
  return `${c.bold(header)}\n${c.bold(line(comparison.overall))}\n${comparison.sections.map(line).join('\n')}\n`;
}

function compareMarkdown(comparison: Comparison): string {
  const row = (r: Change, bold = false) => {
    const title = bold ? `**${cell(r.title)}**` : cell(r.title);
    return `| ${title} | ${showPercent(r.before)} | ${showPercent(r.after)} | ${showChange(r.change)} |`;
  };
  return [
    `| Area | Before${comparison.before.date ? ` (${cell(comparison.before.date)})` : ''} | After${comparison.after.date ? ` (${cell(comparison.after.date)})` : ''} | Change (points) |`,
    '|---|--:|--:|--:|',
    row(comparison.overall, true),
    ...comparison.sections.map((r) => row(r)),
    '',
  ].join('\n');
}
