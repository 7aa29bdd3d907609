/** `csq compare BEFORE AFTER`: the change per section over time, with a regression gate. */
import { compareResults, comparisonWarnings, dropsBeyond } from '../core/compare.js';
import { parsePercent } from '../core/thresholds.js';
import { ExitCode, fail } from '../errors.js';
import { fill } from '../i18n/format.js';
import { uiMessages } from '../i18n/index.js';
import { formatNumber } from '../i18n/intl.js';
import { writeStderr, writeStdout } from '../io/stdio.js';
import { scoreFile, type InputOptions } from '../pipeline/inputs.js';
import { plainLine } from '../core/characters.js';
import { compareMarkdown, compareText } from '../render/compare.js';
import { filled } from '../render/problems.js';
import { colorEnabled } from '../render/terminal.js';

export interface CompareOptions extends InputOptions {
  format: string;
  failOnDrop?: string;
}

export async function compare(before: string, after: string, options: CompareOptions): Promise<number> {
  if (!['text', 'markdown', 'json', 'html'].includes(options.format)) fail('format-compare', { format: options.format });
  const limit = options.failOnDrop === undefined ? undefined : parsePercent(options.failOnDrop, '--fail-on-drop');
  const a = scoreFile(before, options);
  const b = scoreFile(after, options);
  if (a.result.questionnaire.id !== b.result.questionnaire.id) {
    fail('compare-different-questionnaires', { before, after, a: a.result.questionnaire.id, b: b.result.questionnaire.id });
  }
  const m = b.context.messages;
  const ui = uiMessages();
  const comparison = compareResults(a.result, b.result, m.summary.overall);
  // Said, not refused: a rebranded business, or a Result re-dated by hand, is still comparable.
  for (const { key, values } of comparisonWarnings(a.result, b.result, { before: a.file, after: b.file })) writeStderr(`${filled(ui.compare[key], values, ui)}\n`);
  const output =
    options.format === 'html'
      ? (await import('../render/html.js')).compareHtml(comparison, compareMarkdown(comparison, m), m)
      : options.format === 'json'
      ? `${JSON.stringify(comparison, null, 2)}\n`
      : options.format === 'markdown'
        ? compareMarkdown(comparison, m)
        : compareText(comparison, m, colorEnabled(process.stdout));
  writeStdout(output);
  if (limit === undefined) return ExitCode.ok;
  const drops = dropsBeyond(a.result, b.result, comparison, limit);
  for (const { change, points } of drops) {
    const shown = points === null ? fill(ui.compare.justOver, { limit }) : points;
    const n = (x: number) => formatNumber(x, ui.lang, 6);
    writeStderr(`${fill(ui.compare.gateFailed, { title: plainLine(change.title), points: typeof shown === 'number' ? n(shown) : shown, from: n(change.before!), to: n(change.after!), limit: n(limit) })}\n`);
  }
  return drops.length > 0 ? ExitCode.gateFailed : ExitCode.ok;
}
