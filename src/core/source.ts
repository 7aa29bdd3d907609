/**
 * Bytes → text → YAML document with positions, for every file a user hands us.
 * Pure: the caller does the reading. Every problem comes back located.
 */
import { LineCounter, parseDocument, visit, isAlias, isCollection, isMap, isSeq, isScalar, isNode } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { InputError, type Problem } from '../errors.js';

/** Answers and questionnaires are small; anything bigger is a mistake (or an attack). */
export const MAX_INPUT_BYTES = 1024 * 1024;

export type PathSegment = string | number;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data (no aliases, no tags, keys exactly as written). */
  data: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode strict UTF-8; a wrong encoding is named instead of silently becoming U+FFFD. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError([
      { file, message: `the file is ${formatSize(bytes.length)}, more than the ${formatSize(MAX_INPUT_BYTES)} csq reads` },
    ]);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError([{ file, line: 1, column: 1, message: 'the file is UTF-16', hint: 'save it as UTF-8' }]);
  }
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = utf8.decode(bytes.subarray(0, at));
    const lines = before.split('\n');
    throw new InputError([
      {
        file,
        line: lines.length,
        column: (lines.at(-1)?.length ?? 0) + 1,
        message: `byte 0x${bytes[at]?.toString(16).padStart(2, '0')} is not valid UTF-8`,
        hint: 'save the file as UTF-8',
      },
    ]);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search on the longest decodable prefix (decoding is all-or-nothing).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
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
    visit(doc, (_key, node) => {
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
  return { file, doc, lineCounter, data: doc.toJS({ maxAliasCount: 0 }) };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\.$/, '');
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
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
      const pair = node.items.find((p) => keyName(p) === String(segment));
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
