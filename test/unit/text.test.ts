/** Bytes → text (src/core/text.ts): the size limits at their edges, strict UTF-8 located, and the larger saved Result. */
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, MAX_RESULT_BYTES, MAX_RESULT_TOKENS } from '../../src/core/limits.js';
import { decodeText, sizeProblem } from '../../src/core/text.js';
import { CsqError } from '../../src/errors.js';
import { printed, thrown } from '../problems.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const said = (problem: ReturnType<typeof sizeProblem>) => (problem ? printed(new CsqError(problem)) : undefined);
const message = (p: ReturnType<typeof sizeProblem>) => p && [p.code, p.values];
const RESULT_START = bytes('{\n  "schemaVersion": 1,');

describe('sizeProblem', () => {
  it('accepts any file up to 64 KiB, and no input a byte more', () => {
    expect(sizeProblem(MAX_INPUT_BYTES, 'input', 'a.yaml')).toBeUndefined();
    expect(message(sizeProblem(MAX_INPUT_BYTES + 1, 'input', 'a.yaml'))).toEqual(['too-large', { size: '65 KiB', limit: '64 KiB', resultLimit: '2.0 MiB' }]);
    expect(sizeProblem(MAX_INPUT_BYTES + 1, 'input', 'a.yaml')?.file).toBe('a.yaml');
  });

  it('accepts up to 2 MiB where a saved Result may come, if it starts like one', () => {
    expect(sizeProblem(MAX_RESULT_BYTES, 'answers-or-result', 'r.json', RESULT_START)).toBeUndefined();
    expect(sizeProblem(MAX_RESULT_BYTES, 'answers-or-result', 'r.json')).toBeUndefined(); // its start not known yet
    expect(message(sizeProblem(MAX_RESULT_BYTES + 1, 'answers-or-result', 'r.json', RESULT_START))).toEqual(['too-large-result', { size: '2.0 MiB', limit: '64 KiB', resultLimit: '2.0 MiB' }]);
    expect(message(sizeProblem(MAX_RESULT_BYTES + 1, 'answers-or-result', 'r.json'))?.[0]).toBe('too-large-or-result');
    // Answers (not a Result) over 64 KiB: too large whatever the kind.
    expect(message(sizeProblem(MAX_INPUT_BYTES + 1, 'answers-or-result', 'a.yaml', bytes('organization: x')))?.[0]).toBe('too-large');
    expect(message(sizeProblem(MAX_RESULT_BYTES, 'input', 'r.json', RESULT_START))?.[0]).toBe('too-large');
  });

  it('knows a Result by its first key, after a BOM and any white space, and nothing else', () => {
    const big = MAX_INPUT_BYTES + 1;
    expect(sizeProblem(big, 'answers-or-result', 'r.json', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(' \n{ "schemaVersion" : 1')]))).toBeUndefined();
    expect(sizeProblem(big, 'answers-or-result', 'r.json', bytes('{"schemaVersion":1}'))).toBeUndefined();
    for (const start of ['{"version": 1, "schemaVersion": 1}', 'schemaVersion: 1', '[{"schemaVersion": 1}]', 'x{"schemaVersion": 1}']) {
      expect(message(sizeProblem(big, 'answers-or-result', 'r.json', bytes(start)))?.[0], start).toBe('too-large');
    }
    // Only all three bytes of a BOM are skipped: with any one of them a space, it is not a Result's start.
    for (const at of [0, 1, 2]) {
      const start = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"schemaVersion": 1')]);
      start[at] = 0x20;
      expect(message(sizeProblem(big, 'answers-or-result', 'r.json', start))?.[0], `byte ${at}`).toBe('too-large');
    }
  });

  it('words sizes in KiB, rounded up, and from 1 MiB in MiB to one decimal', () => {
    expect(said(sizeProblem(MAX_INPUT_BYTES + 1024, 'input', 'a.yaml'))).toBe('a.yaml: the file is 65 KiB, more than the 64 KiB csq reads');
    expect(said(sizeProblem(1024 * 1024 - 1, 'input', 'a.yaml'))).toContain('the file is 1024 KiB');
    expect(said(sizeProblem(1024 * 1024, 'input', 'a.yaml'))).toContain('the file is 1.0 MiB');
    expect(said(sizeProblem(Math.round(4.46 * 1024 * 1024), 'input', 'a.yaml'))).toContain('the file is 4.5 MiB');
  });
});

describe('decodeText', () => {
  it('returns the text, without a BOM', () => {
    expect(decodeText(bytes('a: 1\n'), 'a.yaml')).toBe('a: 1\n');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a')]), 'a.yaml')).toBe('a');
    expect(decodeText(new Uint8Array(), 'a.yaml')).toBe('');
  });

  it('names UTF-16, either way round', () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      expect(thrown(() => decodeText(new Uint8Array([...bom, 0x61, 0]), 'a.yaml'))).toBe('a.yaml:1:1 the file is UTF-16 (save it as UTF-8)');
    }
    // Only both bytes make a BOM.
    expect(thrown(() => decodeText(new Uint8Array([0xff, 0x61]), 'a.yaml'))).toBe('a.yaml:1:1 byte 0xff is not valid UTF-8 (save the file as UTF-8)');
  });

  it('locates the first invalid byte by line and column (UTF-16 units, as every position csq gives), after multi-byte characters', () => {
    const at = (prefix: string, bad: number[]) => thrown(() => decodeText(new Uint8Array([...bytes(prefix), ...bad, 0x61]), 'a.yaml'));
    expect(at('x: é€😀', [0xff])).toBe('a.yaml:1:8 byte 0xff is not valid UTF-8 (save the file as UTF-8)');
    expect(at('a\nbé\n', [0x80])).toBe('a.yaml:3:1 byte 0x80 is not valid UTF-8 (save the file as UTF-8)');
    // A sequence cut short, overlong forms, a surrogate, and beyond U+10FFFF: at their first byte.
    expect(at('ab', [0xc3])).toBe('a.yaml:1:3 byte 0xc3 is not valid UTF-8 (save the file as UTF-8)');
    expect(at('ab', [0xe2, 0x82])).toBe('a.yaml:1:3 byte 0xe2 is not valid UTF-8 (save the file as UTF-8)');
    expect(at('ab', [0xc0, 0x80])).toBe('a.yaml:1:3 byte 0xc0 is not valid UTF-8 (save the file as UTF-8)');
    expect(at('ab', [0xe0, 0x80, 0x80])).toBe('a.yaml:1:3 byte 0xe0 is not valid UTF-8 (save the file as UTF-8)');
    expect(at('ab', [0xed, 0xa0, 0x80])).toBe('a.yaml:1:3 byte 0xed is not valid UTF-8 (save the file as UTF-8)');
    expect(at('ab', [0xf4, 0x90, 0x80, 0x80])).toBe('a.yaml:1:3 byte 0xf4 is not valid UTF-8 (save the file as UTF-8)');
    expect(at('ab', [0xf5, 0x80, 0x80, 0x80])).toBe('a.yaml:1:3 byte 0xf5 is not valid UTF-8 (save the file as UTF-8)');
    expect(at('ab', [0x0f + 0xf0, 0x9f, 0x98])).toBe('a.yaml:1:3 byte 0xff is not valid UTF-8 (save the file as UTF-8)');
    // A valid four-byte character before the bad byte is two UTF-16 units.
    expect(at('😀😀', [0xfe, 0xfe])).toBe('a.yaml:1:5 byte 0xfe is not valid UTF-8 (save the file as UTF-8)');
  });

  it('refuses a control character or a bidirectional override where it is, with a hint for each', () => {
    expect(thrown(() => decodeText(bytes('a: 1\nb: x\u0000y\n'), 'a.yaml'))).toBe('a.yaml:2:5 control character U+0000 is not allowed (is this a text file?)');
    expect(thrown(() => decodeText(bytes('a: \u202Eevil\n'), 'a.yaml'))).toBe('a.yaml:1:4 bidirectional control character U+202E is not allowed (it makes text display in another order than it reads)');
    // Tabs and line breaks are text.
    expect(decodeText(bytes('a:\t1\r\n'), 'a.yaml')).toBe('a:\t1\r\n');
  });
});

describe('a saved Result over 64 KiB', () => {
  /** JSON as csq writes it, padded past 64 KiB by one long string. */
  const result = (padding: number, extra = '') => `{\n  "schemaVersion": 1,\n  "vision": "${'x'.repeat(padding)}"${extra}\n}\n`;

  it('is read when it is JSON as csq writes it', () => {
    const text = result(MAX_INPUT_BYTES);
    expect(decodeText(bytes(text), 'r.json', 'answers-or-result')).toBe(text);
    // Not where only an input may come.
    expect(thrown(() => decodeText(bytes(text), 'r.json'))).toMatch(/^r\.json: the file is 65 KiB, more than the 64 KiB csq reads$/);
  });

  it('is refused, located, when it is not valid JSON', () => {
    // V8 gives the position for most errors: a trailing comma here, so the error is at the `}` of line 5.
    const text = result(MAX_INPUT_BYTES, ',\n');
    expect(thrown(() => decodeText(bytes(text), 'r.json', 'answers-or-result'))).toBe(
      'r.json:5:1 the file is 65 KiB, more than the 64 KiB csq reads, and not a saved Result as csq writes it: it is not valid JSON',
    );
    // Where it does not, the file alone.
    expect(thrown(() => decodeText(bytes(result(MAX_INPUT_BYTES, ',\n  "a": tru')), 'r.json', 'answers-or-result'))).toBe(
      'r.json: the file is 65 KiB, more than the 64 KiB csq reads, and not a saved Result as csq writes it: it is not valid JSON',
    );
  });

  it(`is refused with more than ${MAX_RESULT_TOKENS.toLocaleString('en')} tokens, and counts none inside strings`, () => {
    const items = (n: number) => `,\n  "list": [${Array(n).fill('1').join(',')}]`;
    // With n items: { \n : , \n : , \n : [ and ] \n } \n around them, and n − 1 commas: n + 13 tokens.
    const atLimit = result(MAX_INPUT_BYTES, items(MAX_RESULT_TOKENS - 13));
    expect(decodeText(bytes(atLimit), 'r.json', 'answers-or-result')).toBe(atLimit);
    const over = result(MAX_INPUT_BYTES, items(MAX_RESULT_TOKENS - 12));
    expect(thrown(() => decodeText(bytes(over), 'r.json', 'answers-or-result'))).toBe(
      'r.json: the file is 113 KiB, more than the 64 KiB csq reads, and not a saved Result as csq writes it: it has more than 25000 brackets, commas, colons and line breaks',
    );
    // Commas, colons and brackets in a string, escaped quotes too, are text, not tokens.
    const inString = `{\n  "schemaVersion": 1,\n  "vision": "${'\\",:[]{}'.repeat(MAX_INPUT_BYTES / 4)}"\n}\n`;
    expect(decodeText(bytes(inString), 'r.json', 'answers-or-result')).toBe(inString);
  });
});
