/**
 * Bytes → text → YAML document with positions, for every file a user hands us.
 * Pure: the caller does the reading. Every problem comes back located.
 */
import { LineCounter, parseDocument, isAlias, isCollection, isMap, isPair, isSeq, isScalar, isNode } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { InputError, type Problem } from '../errors.js';

/**
 * Answers, questionnaires and templates are a few KiB; anything near this is a mistake
 * (or an attack). Chosen so that even a worst-case file at the limit is parsed and
 * answered well within a second.
 */
export const MAX_INPUT_BYTES = 64 * 1024;

export function tooLargeMessage(bytes: number): string {
  return `the file is ${formatSize(bytes)}, more than the ${formatSize(MAX_INPUT_BYTES)} csq reads`;
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

/** C0 controls but tab, line feed and carriage return, and DEL: never wanted in a plan or a terminal. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Decode strict UTF-8; a wrong encoding is named instead of silently becoming U+FFFD. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError([{ file, message: tooLargeMessage(bytes.length) }]);
  }
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
  const control = CONTROL.exec(text);
  if (control) {
    const before = text.slice(0, control.index).split('\n');
    throw new InputError([
      {
        file,
        line: before.length,
        column: before.at(-1)!.length + 1,
        message: `control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed`,
        hint: 'is this a text file?',
      },
    ]);
  }
  return text;
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
  for (const warning of doc.warnings) {
    const hint = warning.code === 'TAG_RESOLVE_FAILED' ? 'remove the tag; csq files hold plain values' : undefined;
    problems.push(at(warning.pos[0], firstLine(warning.message), hint));
  }
  const version = doc.directives?.yaml;
  if (version?.explicit && version.version !== '1.2') {
    problems.push({ file, line: 1, column: 1, message: `YAML ${version.version} is not supported`, hint: 'remove the %YAML directive; csq reads YAML 1.2' });
  }
  if (problems.length === 0) {
    eachNode(doc.contents, (node) => {
      // YAML 1.2 reads 0x5 and 0o7 as numbers: in answers that is a typo far more often than intended.
      if (isScalar(node) && (node.format === 'HEX' || node.format === 'OCT')) {
        problems.push(at(node.range?.[0] ?? 0, `${node.source ?? String(node.value)} is a ${node.format === 'HEX' ? 'hexadecimal' : 'octal'} number`, 'write numbers in plain decimal'));
      }
      // Escapes such as "\e[2J" decode to control characters after the raw-text check: refuse them here too.
      if (isScalar(node) && typeof node.value === 'string') {
        const control = CONTROL.exec(node.value);
        if (control) problems.push(at(node.range?.[0] ?? 0, `control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed`, 'remove the escape sequence'));
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
  if (problems.length === 0 && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))) {
    problems.push({ file, line: 1, column: 1, message: 'the file is empty', hint: 'run `csq init` for a template' });
  } else if (problems.length === 0 && !isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? 'a list' : 'a single value';
    problems.push(at(doc.contents?.range?.[0] ?? 0, `expected a mapping of keys to values at the top level, found ${found}`));
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, doc, lineCounter, data: withoutPrototype(doc.toJS({ maxAliasCount: 0 })) };
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
