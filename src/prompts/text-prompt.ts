/**
 * A one-line text prompt that keeps a multi-line paste whole. The terminal is asked for
 * bracketed paste (the prompter turns it on), so the line breaks inside a paste arrive
 * between `paste-start` and `paste-end` and do not submit the answer: the lines come back
 * joined with "\n", for the caller to split into list items or keep as text. Characters
 * csq never accepts (control keys such as Ctrl-] or Ctrl-\, bidi overrides) are dropped
 * as they are typed, so they can never reach an answer.
 */
import { createPrompt, isBackspaceKey, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';
import { withoutForbidden } from '../core/characters.js';

export interface TextConfig {
  message: string;
  default?: string;
  /** An error text, or true. */
  validate?: (value: string) => string | true;
  /** How a finished multi-line answer is shown once submitted, e.g. "3 lines". */
  linesLabel?: (count: number) => string;
  /** Shown beside a default: how to keep, edit or clear it. */
  defaultHelp?: string;
}

export const textPrompt = createPrompt<string, TextConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  // Lines already ended inside a paste; the current one is `value`.
  const [lines, setLines] = useState<string[]>([]);
  const [pasting, setPasting] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  // Enter on an empty line keeps the default; Backspace there drops it, so an answer can be cleared.
  const [fallback, setFallback] = useState(config.default ?? '');
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status === 'done') return;
    if (key.name === 'paste-start' || key.name === 'paste-end') {
      setPasting(key.name === 'paste-start');
      return;
    }
    if (isEnterKey(key)) {
      // readline has already ended its line: `value` holds what it was.
      if (pasting) {
        setLines([...lines, value]);
        setValue('');
        return;
      }
      const answer = lines.length > 0 ? [...lines, value].join('\n') : value || fallback;
      const verdict = config.validate ? config.validate(answer) : true;
      if (verdict === true) {
        setValue(answer);
        setStatus('done');
        done(answer);
      } else {
        setError(verdict);
        rl.write(value); // readline emptied its line on Enter: give the text back to fix
      }
      return;
    }
    if (key.name === 'tab' && value === '' && lines.length === 0 && fallback) {
      // Tab puts the default on the line, to edit rather than retype.
      rl.clearLine(0);
      rl.write(fallback);
      setValue(fallback);
      return;
    }
    if (isBackspaceKey(key) && value === '' && rl.line === '' && lines.length === 0 && fallback) {
      setFallback('');
      return;
    }
    if (isBackspaceKey(key) && value === '' && rl.line === '' && lines.length > 0) {
      // Back into the previous pasted line.
      const previous = lines.at(-1)!;
      setLines(lines.slice(0, -1));
      rl.write(previous);
      setValue(previous);
      return;
    }
    // A line break never reaches the line (Enter ends it): any other control key goes too.
    const cleaned = withoutForbidden(rl.line).replace(/[\r\n]/g, '');
    if (cleaned !== rl.line) {
      rl.clearLine(0);
      rl.write(cleaned);
    }
    setValue(cleaned);
    setError(undefined);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const shown = value.includes('\n') ? (config.linesLabel?.(value.split('\n').length) ?? value.replace(/\n/g, ' ⏎ ')) : value;
    return `${prefix} ${message} ${theme.style.answer(shown)}`;
  }
  const pasted = lines.map((line) => `${line} ⏎ `).join('');
  const showDefault = fallback !== '' && !value && lines.length === 0;
  const hint = showDefault ? ` ${theme.style.defaultAnswer(fallback)}` : '';
  const help = showDefault && config.defaultHelp ? theme.style.help(config.defaultHelp) : '';
  return [`${prefix} ${message}${hint} ${pasted}${value}`, error ? theme.style.error(error) : help];
});
