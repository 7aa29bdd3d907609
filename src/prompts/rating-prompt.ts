/**
 * A 1–5 (or any small scale) rating prompt: every label on one screen, a digit answers at
 * once, arrows move and Enter confirms. Nothing is chosen until the owner chooses: a bare
 * Enter never records the middle of the scale, and a key that is not on the scale says so.
 */
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';

export interface RatingConfig {
  message: string;
  /** A line above the question, e.g. progress. */
  header?: string;
  min: number;
  max: number;
  labels: Record<string, string>;
  /** The current answer when reviewing: the cursor starts on it, and Enter keeps it. */
  default?: number;
  /** The key hint under the labels. */
  help?: string;
  /** Said after Enter with nothing chosen yet. */
  chooseFirst?: string;
  /** Said after a key that is not on the scale; `{key}` is the key. */
  notOnScale?: string;
}

const isLeft = (name?: string) => name === 'left' || name === 'up' || name === 'h' || name === 'k';
const isRight = (name?: string) => name === 'right' || name === 'down' || name === 'l' || name === 'j';

export const ratingPrompt = createPrompt<number, RatingConfig>((config, done) => {
  const { min, max } = config;
  const theme = makeTheme({});
  const [value, setValue] = useState<number | undefined>(config.default);
  const [status, setStatus] = useState<Status>('idle');
  const [hint, setHint] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  const label = (n: number) => config.labels[String(n)] ?? String(n);
  const keys = `${min}–${Math.min(max, 9)}`;

  useKeypress((key, rl) => {
    if (status === 'done') return;
    // Keys that are not answers must not pile up in readline's line buffer.
    rl.clearLine(0);
    if (isEnterKey(key)) {
      if (value === undefined) {
        setHint((config.chooseFirst ?? 'Choose a rating first: press {keys}, or move with ←/→.').replace('{keys}', keys));
        return;
      }
      setStatus('done');
      done(value);
      return;
    }
    const middle = Math.ceil((min + max) / 2);
    if (isLeft(key.name)) {
      setValue(value === undefined ? middle : Math.max(min, value - 1));
      setHint(undefined);
      return;
    }
    if (isRight(key.name)) {
      setValue(value === undefined ? middle : Math.min(max, value + 1));
      setHint(undefined);
      return;
    }
    const digit = /^[0-9]$/.test(key.name ?? '') ? Number(key.name) : undefined;
    if (digit !== undefined && digit >= min && digit <= max) {
      setValue(digit);
      setStatus('done');
      done(digit);
      return;
    }
    const { sequence } = key as { sequence?: string };
    const typed = sequence && /^[\x21-\x7e]$/.test(sequence) ? sequence : key.name;
    if (typed) setHint((config.notOnScale ?? '{key} is not on the scale: press {keys}.').replace('{key}', typed).replace('{keys}', keys));
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(`${value} ${label(value!)}`)}`;

  const choices: string[] = [];
  for (let n = min; n <= max; n++) {
    const text = `${n} ${label(n)}`;
    choices.push(n === value ? theme.style.highlight(`❯ ${text}`) : `  ${text}`);
  }
  const help = theme.style.help(config.help ?? `press ${keys}, or ←/→ and Enter`);
  const header = config.header ? `${theme.style.help(config.header)}\n` : '';
  return [`${header}${prefix} ${message}\n${choices.join('   ')}\n${help}`, hint ? theme.style.error(hint) : ''];
});
