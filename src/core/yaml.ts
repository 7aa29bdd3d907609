/**
 * Text → one YAML document with positions, for every file a user hands us: every syntax
 * error, warning, alias, anchor, tag, duplicate key, odd number or odd root is a located
 * problem. Pure. The refusal rules live here, in one place.
 */
import { LineCounter, Parser, parseDocument, isAlias, isCollection, isMap, isPair, isSeq, isScalar, isNode } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { InputError, type HintCode, type Problem, type ProblemCode, type Values } from '../errors.js';
import { forbiddenCharacter, forbiddenProblem } from './characters.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data (no aliases, no tags, keys exactly as written). */
  data: unknown;
}

/** Parse one YAML document; every syntax error, warning, alias, duplicate key or odd root is a located problem. */
export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  // uniqueKeys is quadratic in the yaml package: we find duplicates ourselves, in linear time.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, stringKeys: true, prettyErrors: false });
  const problems: Problem[] = [];
  const at = (offset: number, code: ProblemCode, values?: Values, hint?: HintCode, hintValues?: Values): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, code, ...(values ? { values } : {}), ...(hint ? { hint } : {}), ...(hintValues ? { hintValues } : {}) };
  };

  for (const error of doc.errors) {
    if (error.code === 'MULTIPLE_DOCS') {
      problems.push(at(error.pos[0], 'several-documents', undefined, 'keep-one-document'));
    } else if (error.code === 'TAB_AS_INDENT') {
      problems.push(at(error.pos[0], 'tab-indent', undefined, 'indent-with-spaces'));
    } else if (/call stack/i.test(error.message)) {
      problems.push(at(error.pos[0], 'nested-too-deep'));
    } else {
      // The parser's own words: the one message csq cannot say in every language.
      problems.push(at(error.pos[0], 'yaml-syntax', { detail: firstLine(error.message) }));
    }
  }
  // yaml resolves core-schema tags (!!int "3", !!omap, !<tag:…>) without a word, and others with a warning:
  // either way the value is no longer what was written. Every tag is refused, at the tag.
  let tagged = false;
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') tagged = true;
    else problems.push(at(warning.pos[0], 'yaml-warning', { detail: firstLine(warning.message) }));
  }
  const version = doc.directives?.yaml;
  if (version?.explicit && version.version !== '1.2') {
    problems.push({ file, line: 1, column: 1, code: 'yaml-version', values: { version: version.version }, hint: 'remove-yaml-directive' });
  }
  if (problems.length === 0) {
    eachNode(doc.contents, (node) => {
      if ((isScalar(node) || isCollection(node)) && node.tag) tagged = true;
      if (isScalar(node) && typeof node.value === 'number' && !node.tag) {
        const wrong = numberForm(node.source ?? String(node.value), node.value, node.format);
        if (wrong) problems.push(at(node.range?.[0] ?? 0, wrong.code, wrong.values, wrong.hint, wrong.hintValues));
      }
      // Escapes such as "\e[2J", "\x9b" or "\ud800" decode after the raw-text check: the same rule applies to what they decode to.
      if (isScalar(node) && typeof node.value === 'string') {
        const found = forbiddenCharacter(node.value);
        if (found) {
          const raw = node.range != null && text.slice(node.range[0], node.range[1]).includes(String.fromCodePoint(found.codePoint));
          const { code, values } = forbiddenProblem(found);
          problems.push(at(node.range?.[0] ?? 0, code, values, raw ? undefined : 'remove-escape'));
        }
      }
      if (isAlias(node)) {
        problems.push(at(node.range?.[0] ?? 0, 'alias', { name: node.source }, 'write-out'));
      } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
        // The node's range starts after its `&name`, so find the anchor itself.
        const start = node.range?.[0] ?? 0;
        const anchorAt = text.lastIndexOf(`&${node.anchor}`, start);
        problems.push(at(anchorAt >= 0 ? anchorAt : start, 'anchor', { name: node.anchor }, 'write-out'));
      }
      if (isMap(node)) {
        const seen = new Map<string, number>();
        for (const pair of node.items) {
          const name = keyName(pair);
          const offset = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
          const first = seen.get(name);
          if (first === undefined) seen.set(name, offset);
          else problems.push(at(offset, 'duplicate-key', { key: name, line: lineCounter.linePos(first).line }, 'keep-one'));
        }
      }
    });
  }
  if (tagged) {
    for (const tag of tagTokens(text)) problems.push(at(tag.offset, 'tag', { tag: tag.source }, 'remove-tag'));
  }
  if (problems.length === 0 && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))) {
    problems.push({ file, line: 1, column: 1, code: 'empty-file', hint: 'run-init' });
  } else if (problems.length === 0 && !isMap(doc.contents)) {
    problems.push(at(doc.contents?.range?.[0] ?? 0, isSeq(doc.contents) ? 'top-level-list' : 'top-level-value'));
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
function numberForm(source: string, value: number, format: string | undefined): { code: ProblemCode; values: Values; hint: HintCode; hintValues?: Values } | undefined {
  const plain = isPlainDecimal(source);
  const wholeWithPoint = plain && Number.isInteger(value) && source.includes('.');
  if (plain && !wholeWithPoint) return undefined;
  const code: ProblemCode = !Number.isFinite(value)
    ? 'number-not-finite'
    : format === 'HEX'
      ? 'number-hex'
      : format === 'OCT'
        ? 'number-octal'
        : format === 'EXP'
          ? 'number-exponent'
          : source.startsWith('+')
            ? 'number-plus'
            : wholeWithPoint
              ? 'number-whole-with-point'
              : /^-?0[0-9]/.test(source)
                ? 'number-leading-zero'
                : 'number-not-plain';
  const decimal = String(value);
  const values = { number: source };
  return isPlainDecimal(decimal) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
    ? { code, values, hint: 'write-number', hintValues: { number: decimal } }
    : { code, values, hint: 'write-plain-decimal' };
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

export function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\.$/, '');
}

