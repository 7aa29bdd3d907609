/** A Prompter that plays a script and fails loudly on any question it did not expect. */
import type { Prompter } from '../../src/prompts/prompter.js';

export type Kind = 'rating' | 'select' | 'checkbox' | 'input' | 'confirm';
export interface Step {
  kind: Kind;
  /** Must occur in the question's message (or header, for ratings). */
  match?: string;
  answer: unknown;
}

export class PromptInterrupted extends Error {
  override name = 'ExitPromptError';
}

export const rate = (...values: number[]): Step[] => values.map((answer) => ({ kind: 'rating', answer }));
export const type = (answer: string, match?: string): Step => ({ kind: 'input', answer, match });
export const yes = (match?: string): Step => ({ kind: 'confirm', answer: true, match });
export const no = (match?: string): Step => ({ kind: 'confirm', answer: false, match });
export const pick = (answer: unknown, match?: string): Step => ({ kind: 'select', answer, match });
/** Picks the one choice whose shown name contains `name`, as a user reading the list would. */
export const choose = (name: string, match?: string): Step => ({ kind: 'select', answer: { named: name }, match });
/** Backspace on a prompt's current answer, then Enter: the answer is left empty. */
export const clear = (match?: string): Step => ({ kind: 'input', answer: { clear: true }, match });
/** Ctrl-C at the next question. */
export const interrupt = (): Step => ({ kind: 'input', answer: new PromptInterrupted('User force closed the prompt with SIGINT') });

export interface Script extends Prompter {
  said: string[];
  /** Every question asked, as "kind: message". */
  asked: string[];
  remaining(): number;
}

export function scriptedPrompter(steps: Step[]): Script {
  const queue = [...steps];
  const said: string[] = [];
  const asked: string[] = [];
  const next = (kind: Kind, message: string, extra = ''): unknown => {
    asked.push(`${kind}: ${message}`);
    const step = queue.shift();
    if (!step) throw new Error(`unexpected ${kind} question after the script ended: "${message}"`);
    if (step.answer instanceof PromptInterrupted) throw step.answer;
    if (step.kind !== kind) throw new Error(`expected a ${step.kind} question, got ${kind}: "${message}"`);
    if (step.match && !`${message} ${extra}`.includes(step.match)) throw new Error(`expected a question about "${step.match}", got "${message}"`);
    return step.answer;
  };
  return {
    said,
    asked,
    remaining: () => queue.length,
    rating: async (c) => {
      const answer = next('rating', c.message, c.header) as number;
      if (answer < c.min || answer > c.max) throw new Error(`rating ${answer} is off the prompt's scale`);
      return answer;
    },
    select: async (c) => {
      const answer = next('select', c.message);
      if (answer && typeof answer === 'object' && 'named' in answer) {
        const found = c.choices.filter((choice) => choice.name.includes(String(answer.named)));
        if (found.length !== 1) throw new Error(`${found.length} choices named "${String(answer.named)}" in "${c.message}": ${c.choices.map((x) => x.name).join(' | ')}`);
        return found[0]!.value as never;
      }
      if (!c.choices.some((choice) => choice.value === answer)) throw new Error(`no choice ${String(answer)} in "${c.message}"`);
      return answer as never;
    },
    checkbox: async (c) => {
      const answer = next('checkbox', c.message) as never[];
      const verdict = c.validate?.(answer) ?? true;
      if (verdict !== true) throw new Error(`checkbox answer rejected: ${verdict}`);
      return answer;
    },
    input: async (c) => {
      const given = next('input', c.message);
      // As the real prompt: Enter on an empty line keeps the current answer; `clear` drops it.
      const answer = typeof given === 'object' ? '' : given === '' ? (c.default ?? '') : (given as string);
      const verdict = c.validate?.(answer) ?? true;
      if (verdict !== true) throw new Error(`input "${answer}" rejected: ${verdict}`);
      return answer;
    },
    confirm: async (c) => next('confirm', c.message) as boolean,
    say: (text) => said.push(text),
  };
}
