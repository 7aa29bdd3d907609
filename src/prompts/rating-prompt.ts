/**
 * A 1–5 (or any small scale) rating prompt: every label on one screen, a digit
 * answers at once, arrows move and Enter confirms.
 */
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';

export interface RatingConfig {
  message: string;
  /** A line above the question, e.g. progress. */
  header?: string;
  min: number;
  max: number;
  labels: Record<string, string>;
  /** The current answer when reviewing, else the cursor starts mid-scale. */
  default?: number;
  /** The key hint under the labels. */
  help?: string;
}

const isLeft = (name?: string) => name === 'left' || name === 'up' || name === 'h' || name === 'k';
const isRight = (name?: string) => name === 'right' || name === 'down' || name === 'l' || name === 'j';

export const ratingPrompt = createPrompt<number, RatingConfig>((config, done) => {
  const { min, max } = config;
  const theme = makeTheme({});
  const [value, setValue] = useState<number>(config.default ?? Math.ceil((min + max) / 2));
  const [status, setStatus] = useState<Status>('idle');
  const prefix = usePrefix({ status, theme });
  const label = (n: number) => config.labels[String(n)] ?? String(n);

  useKeypress((key, rl) => {
    if (status === 'done') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done(value);
      return;
    }
    const digit = /^[0-9]$/.test(key.name ?? '') ? Number(key.name) : undefined;
    if (digit !== undefined && digit >= min && digit <= max) {
      setValue(digit);
      setStatus('done');
      done(digit);
    } else if (isLeft(key.name)) {
      setValue(Math.max(min, value - 1));
    } else if (isRight(key.name)) {
      setValue(Math.min(max, value + 1));
    }
    // Keys that are not answers must not pile up in readline's line buffer.
    rl.clearLine(0);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(`${value} ${label(value)}`)}`;

  const choices: string[] = [];
  for (let n = min; n <= max; n++) {
    const text = `${n} ${label(n)}`;
    choices.push(n === value ? theme.style.highlight(`❯ ${text}`) : `  ${text}`);
  }
  const help = theme.style.help(config.help ?? `press ${min}–${Math.min(max, 9)}, or ←/→ and Enter`);
  const header = config.header ? `${theme.style.help(config.header)}\n` : '';
  return `${header}${prefix} ${message}\n${choices.join('   ')}\n${help}`;
});
