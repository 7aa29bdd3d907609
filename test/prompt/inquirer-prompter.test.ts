/**
 * The real Prompter (createInquirerPrompter): what it hands each @inquirer prompt (the walk's
 * words for keys and yes/no, the output stream), what it adds (bracketed paste on a terminal,
 * values for a checkbox's check), and how it wraps text to the terminal. The prompts themselves
 * are replaced by recorders: their own behaviour is tested in rating-prompt and text-prompt tests.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/i18n/en.js';

const seen = vi.hoisted(() => [] as { prompt: string; config: Record<string, any>; context: unknown }[]);
const answer = vi.hoisted(() => ({ value: undefined as unknown }));
const recorder = (prompt: string) =>
  vi.fn(async (config: Record<string, any>, context: unknown) => {
    seen.push({ prompt, config, context });
    return answer.value;
  });

vi.mock('@inquirer/select', () => ({ default: recorder('select') }));
vi.mock('@inquirer/checkbox', () => ({ default: recorder('checkbox') }));
vi.mock('@inquirer/confirm', () => ({ default: recorder('confirm') }));
vi.mock('../../src/prompts/text-prompt.js', () => ({ textPrompt: recorder('text') }));
vi.mock('../../src/prompts/rating-prompt.js', () => ({ ratingPrompt: recorder('rating') }));

const { createInquirerPrompter, wrap } = await import('../../src/prompts/prompter.js');

/** An output stream that keeps what is written. */
function output(more: { isTTY?: boolean; columns?: number } = {}) {
  const written: string[] = [];
  return { written, stream: Object.assign({ write: (s: string) => (written.push(s), true) }, more) as unknown as NodeJS.WritableStream };
}

beforeEach(() => {
  seen.length = 0;
});

describe('the real prompter', () => {
  it('passes each prompt its config and the output stream', async () => {
    const out = output();
    const p = await createInquirerPrompter({ output: out.stream, messages: en });
    answer.value = 4;
    expect(await p.rating({ message: 'Rate', header: 'A', min: 1, max: 5, labels: {} } as never)).toBe(4);
    answer.value = 'b';
    expect(await p.select({ message: 'Pick', choices: [{ name: 'B', value: 'b' }] })).toBe('b');
    answer.value = true;
    expect(await p.confirm({ message: 'Sure?', default: false })).toBe(true);
    expect(seen.map((s) => [s.prompt, s.config.message, s.context])).toEqual([
      ['rating', 'Rate', { output: out.stream }],
      ['select', 'Pick', { output: out.stream }],
      ['confirm', 'Sure?', { output: out.stream }],
    ]);
    expect(seen[2]!.config.default).toBe(false);
  });

  it('words the keys of a list and the yes and no of a question in the walk’s language', async () => {
    const p = await createInquirerPrompter({ output: output().stream, messages: en });
    await p.select({ message: 'Pick', choices: [] });
    await p.confirm({ message: 'Sure?' });
    const keysHelpTip = seen[0]!.config.theme.style.keysHelpTip as (pairs: [string, string][]) => string;
    expect(keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select'], ['a', 'something else']])).toBe('↑↓ navigate • ⏎ select • a something else');
    const other = { ...en, prompts: { ...en.prompts, yes: 'Sim', no: 'Não', answerYesOrNo: 'Responda {yes} ou {no}.', keys: { ...en.prompts.keys, navigate: 'navegar' } } };
    const q = await createInquirerPrompter({ output: output().stream, messages: other });
    await q.select({ message: 'Pick', choices: [] });
    await q.confirm({ message: 'Sure?' });
    expect((seen[2]!.config.theme.style.keysHelpTip as (pairs: [string, string][]) => string)([['↑↓', 'navigate']])).toBe('↑↓ navegar');
    const keywords = seen[3]!.config.theme.keywords;
    expect([keywords.yes, keywords.no, keywords.error()]).toEqual(['Sim', 'Não', 'Responda Sim ou Não.']);
  });

  it('checks a checkbox’s answer by its values, and passes no check when none is given', async () => {
    const p = await createInquirerPrompter({ output: output().stream, messages: en });
    answer.value = ['x'];
    const validate = vi.fn((values: readonly string[]) => (values.length > 1 ? 'at most one' : (true as const)));
    expect(await p.checkbox({ message: 'Choose', choices: [{ name: 'X', value: 'x' }], validate })).toEqual(['x']);
    const given = seen[0]!.config;
    expect(given.choices).toEqual([{ name: 'X', value: 'x' }]);
    expect(given.validate([{ value: 'x' }, { value: 'y' }])).toBe('at most one');
    expect(validate).toHaveBeenCalledWith(['x', 'y']);
    expect(given.validate([{ value: 'x' }])).toBe(true);
    await p.checkbox({ message: 'Choose', choices: [] });
    expect(seen[1]!.config.validate).toBeUndefined();
  });

  it('turns bracketed paste on around a text question on a terminal, and off after it, even when it fails', async () => {
    const tty = output({ isTTY: true });
    const p = await createInquirerPrompter({ output: tty.stream, messages: en });
    answer.value = 'typed';
    expect(await p.input({ message: 'Name', default: 'Acme' })).toBe('typed');
    expect(tty.written).toEqual(['\x1b[?2004h', '\x1b[?2004l']);
    const { config } = seen[0]!;
    expect([config.message, config.default, config.defaultHelp, config.linesLabel(3)]).toEqual(['Name', 'Acme', en.prompts.defaultHelp, '3 lines']);
    answer.value = Promise.reject(new Error('interrupted'));
    await expect(p.input({ message: 'Name' })).rejects.toThrow('interrupted');
    expect(tty.written.slice(2)).toEqual(['\x1b[?2004h', '\x1b[?2004l']);
    // Not a terminal: nothing but the question's own output.
    const pipe = output();
    answer.value = 'x';
    await (await createInquirerPrompter({ output: pipe.stream, messages: en })).input({ message: 'Name' });
    expect(pipe.written).toEqual([]);
  });

  it('says text wrapped to the terminal’s width, at most 100 columns, 80 when it is not known', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${String(i).padStart(3, '0')}`).join(' '); // 40 words of 4 letters
    const widths = async (more: { columns?: number }) => {
      const out = output(more);
      (await createInquirerPrompter({ output: out.stream, messages: en })).say(words);
      expect(out.written.join('').endsWith('\n')).toBe(true);
      return out.written.join('').trimEnd().split('\n').map((l) => l.length);
    };
    expect(Math.max(...(await widths({ columns: 40 })))).toBe(39);
    expect(Math.max(...(await widths({})))).toBe(79);
    expect(Math.max(...(await widths({ columns: 300 })))).toBe(99);
  });
});

describe('wrap', () => {
  it('breaks between words, never inside one, and keeps short lines and the lines given', () => {
    expect(wrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrap('aaa bbb ccc', 11)).toBe('aaa bbb ccc');
    expect(wrap('first line\nsecond', 6)).toBe('first\nline\nsecond');
    expect(wrap('averyveryverylongword x', 5)).toBe('averyveryverylongword\nx');
  });

  it('keeps a line’s indent on every line it wraps into, and squeezes runs of spaces', () => {
    expect(wrap('   aaa   bbb ccc', 10)).toBe('   aaa bbb\n   ccc');
    expect(wrap('  - one two three', 9)).toBe('  - one\n  two\n  three');
  });
});
