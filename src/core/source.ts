/**
 * Bytes → text → YAML document with positions, for every file a user hands us.
 * Pure: the caller does the reading. Every problem comes back located.
 */
import { LineCounter, Parser, parseDocument, isAlias, isCollection, isMap, isPair, isSeq, isScalar, isNode } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { CsqError, InputError, type Problem } from '../errors.js';
import { forbiddenCharacter, forbiddenCharacterMessage } from './characters.js';
import { MAX_INPUT_BYTES, MAX_RESULT_BYTES, MAX_RESULT_TOKENS } from './limits.js';

export { MAX_INPUT_BYTES } from './limits.js';

/**
 * What a read accepts: any input file, or (where a saved Result may come) also a Result,
 * which may be larger than any input because it is the JSON of the largest answers.
 */
export type InputKind = 'input' | 'answers-or-result';

/**
 * What is wrong with the size of a file, if anything: over MAX_INPUT_BYTES only a saved Result
 * may be read, where one may come. `start` is the file's first bytes, when they are known.
 */
export function sizeProblem(size: number, kind: InputKind, start?: Uint8Array): string | undefined {
  if (size <= MAX_INPUT_BYTES) return undefined;
  const mayBeResult = kind === 'answers-or-result' && (start === undefined || startsLikeResult(start));
  if (mayBeResult && size <= MAX_RESULT_BYTES) return undefined;
  const input = `${formatSize(MAX_INPUT_BYTES)} csq reads`;
  const limit = !mayBeResult
    ? input
    : start === undefined
      ? `${input} (${formatSize(MAX_RESULT_BYTES)} for a saved Result)`
      : `${formatSize(MAX_RESULT_BYTES)} csq reads for a saved Result`;
  return `the file is ${formatSize(size)}, more than the ${limit}`;
}

/** A saved Result as csq writes it: JSON whose first key is schemaVersion (after an optional BOM). */
function startsLikeResult(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return /^\s*\{\s*"schemaVersion"\s*:/.test(String.fromCharCode(...bytes.subarray(start, start + 64)));
}

export type PathSegment = string | number;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data (no aliases, no tags, keys exactly as written). */
  data: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode strict UTF-8; a wrong encoding is named instead of silently becoming U+FFFD.
 * Only a saved Result may be larger than MAX_INPUT_BYTES, and only where one is read.
 */
export function decodeText(bytes: Uint8Array, file: string, kind: InputKind = 'input'): string {
  const tooLarge = sizeProblem(bytes.length, kind, bytes);
  if (tooLarge) throw new CsqError(`${file}: ${tooLarge}`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError([{ file, line: 1, column: 1, message: 'the file is UTF-16', hint: 'save it as UTF-8' }]);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError([
      { file, ...positionAt(bytes, at), message: `byte 0x${bytes[at]?.toString(16).padStart(2, '0')} is not valid UTF-8`, hint: 'save the file as UTF-8' },
    ]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters (a NUL, say) mean a binary file or a paste gone wrong; they would end up in the plan.
  const found = forbiddenCharacter(text);
  if (found) {
    const before = text.slice(0, found.index).split('\n');
    throw new InputError([
      {
        file,
        line: before.length,
        column: before.at(-1)!.length + 1,
        message: forbiddenCharacterMessage(found),
        hint: found.kind === 'bidirectional' ? 'it makes text display in another order than it reads' : 'is this a text file?',
      },
    ]);
  }
  if (bytes.length > MAX_INPUT_BYTES) checkLargeResult(text, bytes.length, file);
  return text;
}

/**
 * A file over MAX_INPUT_BYTES is read only as a saved Result, in JSON as csq writes it, with
 * no more tokens than any Result csq writes: what a YAML parser spends its time on is tokens,
 * not bytes (262,000 one-digit list items in 512 KiB took it 4.6 s; long strings cost little).
 */
function checkLargeResult(text: string, bytes: number, file: string): void {
  const refuse = (why: string) => {
    throw new CsqError(`${file}: the file is ${formatSize(bytes)}, more than the ${formatSize(MAX_INPUT_BYTES)} csq reads, and not a saved Result as csq writes it: ${why}`);
  };
  try {
    JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    refuse(`it is not valid JSON${position ? ` (line ${positionIn(text, Number(position[1]))})` : ''}`);
  }
  if (jsonTokens(text, MAX_RESULT_TOKENS) > MAX_RESULT_TOKENS) refuse(`it has more than ${MAX_RESULT_TOKENS} brackets, commas, colons and line breaks`);
}

function positionIn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

/** Brackets, commas, colons and line breaks outside strings in JSON text, counted up to limit + 1. */
function jsonTokens(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Valid JSON (checked first), so a string ends at the first quote that no backslash escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x2c || c === 0x3a || c === 0x0a) {
      count++;
    }
  }
  return count;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and out-of-range forms: let the strict decoder judge this one sequence.
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters) of a byte offset in valid UTF-8 up to there. */
function positionAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const lines = utf8.decode(bytes.subarray(0, offset)).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Parse one YAML document; every syntax error, warning, alias, duplicate key or odd root is a located problem. */
export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  // uniqueKeys is quadratic in the yaml package: we find duplicates ourselves, in linear time.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, stringKeys: true, prettyErrors: false });
  const problems: Problem[] = [];
  const at = (offset: number, message: string, hint?: string): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message, ...(hint ? { hint } : {}) };
  };

  for (const error of doc.errors) {
    if (error.code === 'MULTIPLE_DOCS') {
      problems.push(at(error.pos[0], 'the file holds more than one YAML document', 'keep one document: remove the `---` line'));
    } else if (error.code === 'TAB_AS_INDENT') {
      problems.push(at(error.pos[0], 'a tab is used for indentation', 'indent with spaces'));
    } else if (/call stack/i.test(error.message)) {
      problems.push(at(error.pos[0], 'the file nests lists or mappings too deeply'));
    } else {
      problems.push(at(error.pos[0], `YAML syntax: ${firstLine(error.message)}`));
    }
  }
  // yaml resolves core-schema tags (!!int "3", !!omap, !<tag:…>) without a word, and others with a warning:
  // either way the value is no longer what was written. Every tag is refused, at the tag.
  let tagged = false;
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') tagged = true;
    else problems.push(at(warning.pos[0], firstLine(warning.message)));
  }
  const version = doc.directives?.yaml;
  if (version?.explicit && version.version !== '1.2') {
    problems.push({ file, line: 1, column: 1, message: `YAML ${version.version} is not supported`, hint: 'remove the %YAML directive; csq reads YAML 1.2' });
  }
  if (problems.length === 0) {
    eachNode(doc.contents, (node) => {
      if ((isScalar(node) || isCollection(node)) && node.tag) tagged = true;
      if (isScalar(node) && typeof node.value === 'number' && !node.tag) {
        const wrong = numberForm(node.source ?? String(node.value), node.value, node.format);
        if (wrong) problems.push(at(node.range?.[0] ?? 0, wrong.message, wrong.hint));
      }
      // Escapes such as "\e[2J", "\x9b" or "\ud800" decode after the raw-text check: the same rule applies to what they decode to.
      if (isScalar(node) && typeof node.value === 'string') {
        const found = forbiddenCharacter(node.value);
        if (found) {
          const raw = node.range != null && text.slice(node.range[0], node.range[1]).includes(String.fromCodePoint(found.codePoint));
          problems.push(at(node.range?.[0] ?? 0, forbiddenCharacterMessage(found), raw ? undefined : 'remove the escape sequence'));
        }
      }
      if (isAlias(node)) {
        problems.push(at(node.range?.[0] ?? 0, `aliases (*${node.source}) are not allowed`, 'write the value out in full'));
      } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
        // The node's range starts after its `&name`, so find the anchor itself.
        const start = node.range?.[0] ?? 0;
        const anchorAt = text.lastIndexOf(`&${node.anchor}`, start);
        problems.push(at(anchorAt >= 0 ? anchorAt : start, `anchors (&${node.anchor}) are not allowed`, 'write the value out in full'));
      }
      if (isMap(node)) {
        const seen = new Map<string, number>();
        for (const pair of node.items) {
          const name = keyName(pair);
          const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
          const first = seen.get(name);
          if (first === undefined) seen.set(name, offset);
          else problems.push(at(offset, `duplicate key "${name}" (first at line ${lineCounter.linePos(first).line})`, 'keep one of them'));
        }
      }
    });
  }
  if (tagged) {
    for (const tag of tagTokens(text)) problems.push(at(tag.offset, `tags (${tag.source}) are not allowed`, 'remove the tag; csq files hold plain values'));
  }
  if (problems.length === 0 && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))) {
    problems.push({ file, line: 1, column: 1, message: 'the file is empty', hint: 'run `csq init` for a template' });
  } else if (problems.length === 0 && !isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? 'a list' : 'a single value';
    problems.push(at(doc.contents?.range?.[0] ?? 0, `expected a mapping of keys to values at the top level, found ${found}`));
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, doc, lineCounter, data: withoutPrototype(doc.toJS({ maxAliasCount: 0 })) };
}

/** A number as the README promises them: an optional minus, digits, and an optional decimal fraction. */
const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** `60`, `59.5`, `-2`: true; `0x10`, `5e0`, `+4`, `.5`, `4.`, `04`, ` 4`: false. */
export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/**
 * What is wrong with how a number is written, if anything. The parsed value alone cannot
 * tell: 5e0, 4.0, +4 and .4e1 are all 4, and a rating of 4 is then accepted from any of them.
 */
function numberForm(source: string, value: number, format: string | undefined): { message: string; hint: string } | undefined {
  const plain = isPlainDecimal(source);
  const wholeWithPoint = plain && Number.isInteger(value) && source.includes('.');
  if (plain && !wholeWithPoint) return undefined;
  const why = !Number.isFinite(value)
    ? 'is not a finite number'
    : format === 'HEX'
      ? 'is a hexadecimal number'
      : format === 'OCT'
        ? 'is an octal number'
        : format === 'EXP'
          ? 'is written with an exponent'
          : source.startsWith('+')
            ? 'has a plus sign'
            : wholeWithPoint
              ? 'is a whole number written with a decimal point'
              : /^-?0[0-9]/.test(source)
                ? 'has a leading zero'
                : 'is not written in plain decimal';
  const decimal = String(value);
  const hint = isPlainDecimal(decimal) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? `write ${decimal}` : 'write numbers in plain decimal, such as 4 or 66.4';
  return { message: `${source} ${why}`, hint };
}

/**
 * Every tag token in the text, in order. Composed nodes keep only the resolved tag name,
 * not where it was written; the parser's tokens do. Run only when a tag was seen.
 */
function tagTokens(text: string): { offset: number; source: string }[] {
  const found: { offset: number; source: string }[] = [];
  // Iteratively: a file may nest deeply, and each level is several tokens deep.
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length > 0) {
    const token = stack.pop();
    if (Array.isArray(token)) for (const item of token) stack.push(item);
    else if (token !== null && typeof token === 'object') {
      const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
      if (type === 'tag' && typeof offset === 'number' && typeof source === 'string') found.push({ offset, source });
      else for (const value of Object.values(token)) if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * Mappings as null-prototype objects: ids are user data, and `constructor` (a valid id)
 * must not find Object.prototype's when we or zod read `obj[id]` or `id in obj`.
 */
function withoutPrototype(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototype);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) copy[key] = withoutPrototype(item);
  return copy;
}

/** Every node under `node`, depth first: yaml's visit() also builds a frozen path per node, which costs a batch. */
function eachNode(node: unknown, fn: (node: Node) => void): void {
  if (isPair(node)) {
    eachNode(node.key, fn);
    eachNode(node.value, fn);
  } else if (isNode(node)) {
    fn(node);
    if (isCollection(node)) for (const item of node.items) eachNode(item, fn);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\.$/, '');
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

// Keys of each map, indexed once: a file with many unknown keys is located in linear time.
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items as Pair[]) if (!index.has(keyName(pair))) index.set(keyName(pair), pair);
    pairIndex.set(map, index);
  }
  return index;
}

/**
 * Where a field path sits in the file. A missing key resolves to its parent,
 * which is where the user has to add it; `key` points at the key itself.
 */
export function locate(source: YamlSource, path: readonly PathSegment[], key = false): { line: number; column: number } {
  let node: Node | null = source.doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    let next: unknown;
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) break;
      const last = i === path.length - 1;
      next = last && key ? pair.key : (pair.value ?? pair.key);
      if (isNode(next) && next.range && (!isScalar(next) || next.value !== null || !isNode(pair.key))) {
        offset = next.range[0];
      } else if (isNode(pair.key) && pair.key.range) {
        offset = pair.key.range[0];
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      if (isNode(next) && next.range) offset = next.range[0];
    } else {
      break;
    }
    node = isNode(next) ? next : null;
  }
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

export function formatPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
