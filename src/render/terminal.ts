/** The coloured summary people read in a terminal (stderr). Colour lives here only. */
import { Chalk } from 'chalk';
import type { Messages } from '../i18n/en.js';
import type { Result } from '../core/result.js';
import { bar } from '../core/plan.js';
import { wholePercentOf } from '../core/scoring.js';
import { plainLine } from '../core/characters.js';

export { colorEnabled } from './color.js';

export function makeChalk(color: boolean): InstanceType<typeof Chalk> {
  return new Chalk({ level: color ? 1 : 0 });
}

function tone(c: InstanceType<typeof Chalk>, percent: number): (s: string) => string {
  return percent >= 80 ? c.green : percent >= 60 ? c.yellow : c.red;
}

export function renderSummary(result: Result, messages: Messages, color: boolean): string {
  const c = makeChalk(color);
  const width = Math.max(...result.sections.map((s) => s.title.length));
  const overall = wholePercentOf(result.overall.score, result.overall.max);
  const lines = [
    `${c.bold(`${messages.summary.overall}: ${overall}%`)}${result.organization ? ` · ${plainLine(result.organization)}` : ''}`,
    ...result.sections.map((s) => {
      const title = s.title.padEnd(width);
      if (!s.applicable) return `  ${c.dim(`${title}  ${'·'.repeat(10)}  ${messages.summary.notApplicable}`)}`;
      const percent = wholePercentOf(s.score!, s.max!);
      const mark = result.improve.includes(s.id) ? c.bold('◀') : ' ';
      return `  ${title}  ${tone(c, percent)(bar(s.score!, s.max!))} ${String(percent).padStart(3)}% ${mark}`;
    }),
    `${messages.summary.improve}: ${result.improve.map((id) => result.sections.find((s) => s.id === id)?.title ?? id).join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}
