/**
 * The fast YAML path (core/yaml.ts, fastData) against the located parser (parseLocated): on
 * generated and mutated files, the fast path gives exactly the located parser's data (values,
 * -0, key order, null prototypes), or hands the file over. It never accepts a file the located
 * parser refuses. And it does take the files csq itself writes, or it would buy nothing.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answersText, loadSections } from '../../bench/lib/inputs.mjs';
import { fastData, parseLocated, parseYaml } from '../../src/core/yaml.js';
import { InputError } from '../../src/errors.js';
import { propertyRuns } from '../helpers.js';
import { validateAnswers } from '../../src/core/answers.js';
import { bundledQuestionnaire } from '../../src/pipeline/context.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Where two data differ (type, value, -0, key order, prototype), or undefined when they are the same. */
function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Object.is(a, b) ? undefined : `${at}: ${String(a)} (${typeof a}) ≠ ${String(b)} (${typeof b})`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: a list and a mapping`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: different prototypes`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${at}: keys ${JSON.stringify(keysA)} ≠ ${JSON.stringify(keysB)}`;
  for (const key of keysA) {
    const found = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** 'fast' when the fast path took the file (and agreed), 'handed' when it handed it over; throws when they disagree. */
function compare(text: string): 'fast' | 'handed' {
  const fast = fastData(text);
  if (fast === undefined) return 'handed';
  let located: unknown;
  try {
    located = parseLocated(text, 'f.yaml').data;
  } catch (error) {
    const codes = error instanceof InputError ? error.problems.map((p) => p.code).join(', ') : String(error);
    throw new Error(`the fast path accepts what the located parser refuses (${codes}):\n${JSON.stringify(text)}`);
  }
  const differs = difference(fast.data, located);
  if (differs) throw new Error(`the two parsers give different data, ${differs}:\n${JSON.stringify(text)}`);
  return 'fast';
}

/** Strings that YAML reads in many ways: numbers, nulls, booleans, dates, indicators, escapes, odd spaces. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '', ' a', 'a ', 'a: b', '- x', '#x', 'x #y', 'null', '~', 'true', 'False', 'yes', '1', '-0', '01', '1.0', '1.5', '1e2', '0x10', '0o7', '+1', '.5', '.inf', '-.Inf', '.NaN',
    '2026-12-01', 'a\nb', 'a\n\nb', 'a\n', ' lead', 'trail ', '"q"', "'s'", 'a\\b', '\t', 'a\tb', 'é', '😀', '<<', '__proto__', 'constructor', '@x', '`x', '%x', '!x', '&x', '*x',
    '? x', 'a  b', '\u00a0', '\u2028', '\u0085', '\u0007', '\u009b', '\u202e', '…', '12345678901234567890', '0.1', '-2.50',
    // About YAML's longest implicit key (1024 characters to its `:`).
    'k'.repeat(1000), 'k'.repeat(1023), 'k'.repeat(1025),
  ),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The same data written in the styles people and programs write YAML in. */
const STYLES: ((data: unknown) => string)[] = [
  (data) => stringify(data),
  (data) => stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }),
  (data) => stringify(data, { defaultStringType: 'QUOTE_SINGLE' }),
  (data) => stringify(data, { defaultStringType: 'BLOCK_LITERAL' }),
  (data) => stringify(data, { defaultStringType: 'BLOCK_FOLDED', lineWidth: 20, minContentWidth: 5 }),
  (data) => stringify(data, { collectionStyle: 'flow' }),
  (data) => stringify(data, { lineWidth: 15, minContentWidth: 3 }),
  (data) => dump(data),
  (data) => JSON.stringify(data, null, 2),
  (data) => JSON.stringify(data),
];

/** Pieces that YAML gives meaning to, for mutations. */
const PIECES = [
  ':', '-', ' ', '  ', '\t', '\n', '\r\n', '\r', '#', '&a ', '*a', '!', '!!str ', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '"', "'", '|', '>', '{', '}', '[', ']', ',', '?', '\\', '0', '.', 'e', 'x', '~',
  '@', '`', '\u00a0', '\ufeff', '---\n', '...\n', '- ', ': ', 'null', 'true', '0x1', '1e3', '+', '.5', '04', '\\x41', '\\u0007', '\\e', '\u0085', '\u2028', '<<: ', 'key: v\n', '\n  ', '|-\n  ', '>+\n  ',
  'x'.repeat(1030),
];
const mutation = fc.record({ at: fc.nat(), length: fc.nat({ max: 8 }), kind: fc.nat({ max: 4 }), piece: fc.constantFrom(...PIECES) });

/** Insert, delete or replace a few characters, repeat a line, or indent one. */
function mutate(source: string, mutations: { at: number; length: number; kind: number; piece: string }[]): string {
  let out = source;
  for (const { at: where, length, kind, piece } of mutations) {
    const at = where % (out.length + 1);
    if (kind === 0) out = out.slice(0, at) + piece + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + length);
    else if (kind === 2) out = out.slice(0, at) + piece + out.slice(at + length);
    else {
      const lines = out.split('\n');
      const i = at % lines.length;
      if (kind === 3) lines.splice(i, 0, lines[(i + length) % lines.length]!);
      else lines[i] = ' '.repeat(length % 3) + lines[i];
      out = lines.join('\n');
    }
  }
  return out;
}

const sections = loadSections(ROOT);
/** Files as csq and people write them: the bench's generated answers (both styles), the fixtures and the example. */
const SEEDS = [
  ...Array.from({ length: 40 }, (_, i) => answersText(i, sections)),
  ...['full.yaml', 'solo.yaml', 'broken.yaml'].map((f) => readFileSync(path.join(ROOT, 'test', 'fixtures', f), 'utf8')),
  readFileSync(path.join(ROOT, 'examples', 'acme-cleaning.yaml'), 'utf8'),
  ...readdirSync(path.join(ROOT, 'test', 'fixtures', 'bad'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'bad', f), 'utf8')),
];

describe('the fast YAML path gives the located parser’s data, or hands the file over', () => {
  it('on generated data written in ten styles, mutated or not', () => {
    const seen = { fast: 0, handed: 0 };
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 6 }), fc.nat({ max: STYLES.length - 1 }), fc.array(mutation, { maxLength: 2 }), (data, style, mutations) => {
        let written: string;
        try {
          written = STYLES[style]!(data);
        } catch {
          return; // a writer that cannot write this data
        }
        seen[compare(written)]++;
        seen[compare(mutate(written, mutations))]++;
      }),
      propertyRuns(1500),
    );
    // Not vacuous: the fast path took a good share of the files.
    expect(seen.fast).toBeGreaterThan(0.25 * (seen.fast + seen.handed));
  });

  it('on answers files, the fixtures and the bad-input corpus, mutated', () => {
    const seen = { fast: 0, handed: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        seen[compare(mutate(seed, mutations))]++;
      }),
      propertyRuns(3000),
    );
    expect(seen.fast).toBeGreaterThan(0.1 * (seen.fast + seen.handed));
  });

  it('on scalars of every style, alone, in flow collections and as keys', () => {
    const pieces = ['a', 'b c', ' ', '  ', '\n', '\n  ', '\n\n  ', '\t', '\\', '\\n', '\\t', '\\"', '\\x41', '\\u00e9', '\\U0001F600', '\\e', '\\0', '\\ ', '\\\n', '\\/', '\\N', '\\_', '\\L', '\\P', "'", "''", '"', '#', ' #', '\n#x', ':', ': ', '-', '- ', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', 'é', '😀', '\u00a0', '\u2028', '\u0085', '1', '0x1', '.', 'e5', '~', 'null', 'true'];
    const shapes = [(v: string) => `k: ${v}`, (v: string) => `k: '${v}'`, (v: string) => `k: "${v}"`, (v: string) => `k: [${v}, z]`, (v: string) => `k: {a: ${v}, b: c}`, (v: string) => `${v}: v`, (v: string) => `- k: ${v}`];
    let fast = 0;
    const runs = propertyRuns(4000);
    fc.assert(
      fc.property(fc.nat({ max: shapes.length - 1 }), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.constantFrom('', '\n', '\nx: 1\n', '  # c\n', '\n]\n'), (shape, parts, after) => {
        if (compare(shapes[shape]!(parts.join('')) + after) === 'fast') fast++;
      }),
      runs,
    );
    expect(fast).toBeGreaterThan(0.1 * runs.numRuns);
  });

  it('on block scalars, with indicators, chomping, blank and indented lines', () => {
    const lines = ['', ' ', '  ', '    ', '  a', '    b', '  c ', '   d', '\t', '  \t', '  e\tf', '  # g', '      h', '  - i', '  j: k'];
    let fast = 0;
    const runs = propertyRuns(3000);
    fc.assert(
      fc.property(fc.constantFrom('|', '>'), fc.constantFrom('', '1', '2', '4'), fc.constantFrom('', '-', '+'), fc.array(fc.constantFrom(...lines), { maxLength: 5 }), fc.constantFrom('', '\n', '\nx: 1\n', '\n# c\n'), (style, indent, chomp, body, after) => {
        if (compare(`k: ${style}${indent}${chomp}\n${body.join('\n')}${after}`) === 'fast') fast++;
      }),
      runs,
    );
    expect(fast).toBeGreaterThan(0.05 * runs.numRuns);
  });
});

describe('every refusal rule hands the file to the located parser, which says what is wrong', () => {
  const refused: [string, string][] = [
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an alias', 'a: 1\nb: *x\n'],
    ['a tag', 'a: !!str 3\n'],
    ['a custom tag', 'a: !mine 3\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['a hexadecimal number', 'a: 0x10\n'],
    ['an octal number', 'a: 0o10\n'],
    ['an exponent', 'a: 1e3\n'],
    ['a plus sign', 'a: +4\n'],
    ['a leading zero', 'a: 04\n'],
    ['a whole number with a point', 'a: 4.0\n'],
    ['a fraction without a digit before the point', 'a: .5\n'],
    ['infinity', 'a: .inf\n'],
    ['an escaped control character', 'a: "\\e[2J"\n'],
    ['an escaped C1 control', 'a: "\\x9b"\n'],
    ['an escaped bidi override', 'a: "\\u202e"\n'],
    ['an escaped lone surrogate', 'a: "\\ud800"\n'],
    ['a control character in a key', '"\\u0007": 1\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a value at the top', 'just text\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['a key longer than YAML allows', `a: 1\n${'k'.repeat(1025)}: 2\n`],
    ['a quoted key longer than YAML allows', `a: 1\n"${'k'.repeat(1023)}": 2\n`],
    ['a key in a flow list longer than YAML allows', `a: [${'k'.repeat(1025)}: 2]\n`],
  ];
  it.each(refused)('%s', (_, yaml) => {
    expect(fastData(yaml)).toBeUndefined();
    expect(() => parseYaml(yaml, 'f.yaml')).toThrow(InputError);
  });

  it('an empty or comment-only file', () => {
    for (const yaml of ['', '# nothing yet\n']) {
      expect(fastData(yaml)).toBeUndefined();
      expect(() => parseYaml(yaml, 'f.yaml')).toThrow(InputError);
    }
  });

  it('a YAML 1.2 directive is handed over, and the located parser accepts it', () => {
    const yaml = '%YAML 1.2\n---\na: 1\n';
    expect(fastData(yaml)).toBeUndefined();
    expect(parseYaml(yaml, 'f.yaml').data).toEqual({ a: 1 });
  });

  it('an indented --- or ... is handed over: text to the located parser, a document marker to js-yaml', () => {
    // Found by the differential property (seed 1812518474): yaml reads " ---\n {}" as the text
    // "--- {}" (a root that is not a mapping); js-yaml took a document holding {}.
    expect(fastData(' ---\n {}\n')).toBeUndefined();
    expect(() => parseYaml(' ---\n {}\n', 'f.yaml')).toThrow();
    expect(fastData('k: a\n  ---\n')).toBeUndefined();
    expect(parseYaml('k: a\n  ---\n', 'f.yaml').data).toEqual({ k: 'a ---' });
    expect(fastData('k: a\n  ...\n')).toBeUndefined();
    // At the start of a line, --- still opens the one document the fast path reads.
    expect(fastData('---\nk: a\n')).toEqual({ data: { k: 'a' } });
  });

  it('a comment line between a key or a dash and its value is handed over, so the located parser decides', () => {
    // Found by the differential property (seed -1084246818): yaml refuses the first, reads the
    // second as one scalar "a - b"; js-yaml took both silently.
    expect(fastData('k: \n#x\n  a\nx: 1\n')).toBeUndefined();
    expect(() => parseYaml('k: \n#x\n  a\nx: 1\n', 'f.yaml')).toThrow();
    expect(fastData('l:\n  - \n  #x\n    a\n  - b\n')).toBeUndefined();
    expect(parseYaml('l:\n  - \n  #x\n    a\n  - b\n', 'f.yaml').data).toEqual({ l: ['a - b'] });
    // A comment elsewhere keeps the fast path.
    expect(fastData('# answers\nk: a # why\n# next\nx: 1\n')).toEqual({ data: { k: 'a', x: 1 } });
  });

  it('a key longer than YAML allows is handed over, so the located parser refuses it; one a little shorter stays fast', () => {
    // Found by the mutated-corpus property (seed -1662500541): js-yaml took a 1,600-character key silently.
    let refusal: unknown;
    try {
      parseYaml(`a: 1\n${'k'.repeat(1025)}: 2\n`, 'f.yaml');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InputError);
    expect((refusal as InputError).problems[0]).toMatchObject({ line: 2, column: 1, code: 'yaml-syntax', values: { detail: expect.stringContaining('1024') } });
    expect(fastData(`a: 1\n${'k'.repeat(1000)}: 2\n`)).toEqual({ data: { a: 1, ['k'.repeat(1000)]: 2 } });
  });

  it('a directive of another name, or indented, is handed over, so the located parser refuses it', () => {
    // Found by the mutated-corpus property: js-yaml took "%:YAML 1.1" silently.
    // And: js-yaml read " %:YAML 1.1" on the first line as a directive, and dropped it.
    for (const yaml of ['%:YAML 1.1\n---\na: 1\n', '%FOO bar\n---\na: 1\n', ' %:YAML 1.1\n---\na: 1\n', '  %YAML 1.2\n---\na: 1\n']) {
      expect(fastData(yaml), yaml).toBeUndefined();
      expect(() => parseYaml(yaml, 'f.yaml')).toThrow();
    }
  });
});

describe('the files csq and people write take the fast path', () => {
  it('every generated answers file of the bench, both styles, the fixtures and the example', () => {
    const files = [
      ...Array.from({ length: 300 }, (_, i) => answersText(i, sections)),
      ...['full.yaml', 'solo.yaml'].map((f) => readFileSync(path.join(ROOT, 'test', 'fixtures', f), 'utf8')),
      readFileSync(path.join(ROOT, 'examples', 'acme-cleaning.yaml'), 'utf8'),
    ];
    for (const file of files) expect(compare(file)).toBe('fast');
  });

  it('and still get located problems, from the Document composed when a problem needs its place', () => {
    const yaml = readFileSync(path.join(ROOT, 'test', 'fixtures', 'full.yaml'), 'utf8').replace(/delight: \d/, 'delight: 7');
    expect(fastData(yaml)).toBeDefined();
    const line = yaml.split('\n').findIndex((l) => l.includes('delight: 7')) + 1;
    let problems: InputError['problems'] = [];
    try {
      validateAnswers(parseYaml(yaml, 'full.yaml'), bundledQuestionnaire('en'));
    } catch (error) {
      problems = (error as InputError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'full.yaml', line, path: 'ratings.outreach.delight' });
  });
});
