/**
 * The questions the walk may ask, behind one small interface: the real one wraps
 * @inquirer's prompts; tests pass a scripted one that fails on any unexpected question.
 */
import { fill, type Messages } from '../i18n/en.js';
import type { RatingConfig } from './rating-prompt.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  rating(config: RatingConfig): Promise<number>;
  select<T>(config: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number }): Promise<T>;
  /** Several choices; `validate` returns an error text or true. */
  checkbox<T>(config: { message: string; choices: (Choice<T> & { checked?: boolean })[]; validate?: (values: readonly T[]) => string | true }): Promise<T[]>;
  input(config: { message: string; default?: string; validate?: (value: string) => string | true }): Promise<string>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
  /** Text between questions (progress, scores, guidance). */
  say(text: string): void;
}

export interface InquirerOptions {
  output: NodeJS.WritableStream;
  messages: Messages;
}

/**
 * The real prompter, loaded only when a walk starts. Each prompt is imported on its own:
 * @inquirer/prompts would also load its editor prompt and an encoding library (~500 KB).
 */
export async function createInquirerPrompter({ output, messages }: InquirerOptions): Promise<Prompter> {
  const [{ default: select }, { default: checkbox }, { default: confirm }, { ratingPrompt }, { textPrompt }] = await Promise.all([
    import('@inquirer/select'),
    import('@inquirer/checkbox'),
    import('@inquirer/confirm'),
    import('./rating-prompt.js'),
    import('./text-prompt.js'),
  ]);
  const context = { output };
  // The prompts' own words, in the walk's language.
  const words = messages.prompts;
  const keys = words.keys as Record<string, string>;
  const listTheme = { style: { keysHelpTip: (pairs: [string, string][]) => pairs.map(([key, action]) => `${key} ${keys[action] ?? action}`).join(' • ') } };
  const confirmTheme = { keywords: { yes: words.yes, no: words.no, error: () => fill(words.answerYesOrNo, { yes: words.yes, no: words.no }) } };
  return {
    rating: (config) => ratingPrompt(config, context),
    select: (config) => select({ ...config, theme: listTheme }, context),
    checkbox: async (config) =>
      checkbox(
        {
          message: config.message,
          choices: config.choices,
          validate: config.validate ? (items) => config.validate!(items.map((i) => i.value)) : undefined,
          theme: listTheme,
        },
        context,
      ) as Promise<never[]>,
    input: async (config) => {
      // Bracketed paste: the line breaks of a paste arrive marked, so a paste of several lines is kept whole.
      const tty = (output as { isTTY?: boolean }).isTTY === true;
      if (tty) output.write('\x1b[?2004h');
      try {
        return await textPrompt({ ...config, linesLabel: (count) => fill(words.lines, { count }), defaultHelp: words.defaultHelp }, context);
      } finally {
        if (tty) output.write('\x1b[?2004l');
      }
    },
    confirm: (config) => confirm({ ...config, theme: confirmTheme }, context),
    say: (text) => output.write(`${wrap(text, Math.min((output as { columns?: number }).columns ?? 80, 100))}\n`),
  };
}

/** Word-wrap each line to the terminal width, so words are never cut in two. */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const indent = /^\s*/.exec(line)![0];
      const out: string[] = [];
      let current = '';
      for (const word of line.trim().split(/\s+/)) {
        if (current && indent.length + current.length + 1 + word.length > width) {
          out.push(indent + current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(indent + current);
      return out.join('\n');
    })
    .join('\n');
}
