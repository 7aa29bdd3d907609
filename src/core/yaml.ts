/**
 * Text → one YAML document with positions, for every file a user hands us: every syntax
 * error, warning, alias, anchor, tag, duplicate key, odd number or odd root is a located
 * problem. Pure. The refusal rules live here, in one place, and both parsers below ask them.
 *
 * Two parsers. The located one (the yaml package) composes a Document with every position,
 * which locating a problem needs, and says what is wrong. The fast one (js-yaml's event
 * stream, several times faster) only answers "this file needs nothing the located parser
 * says": one document, no directive, anchor, alias or tag, no duplicate key, every number
 * written as a plain decimal, no forbidden character, a mapping at the top. Then its data is
 * the data, and the Document is composed only if something asks for a position (a problem
 * found later, by the schema). On anything else it hands the file to the located parser.
 * test/unit/yaml-fast.test.ts checks, on generated and mutated files, that the two give the
 * same data or the fast one hands over.
 */
import { getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import { InputError, type HintCode, type Problem, type ProblemCode, type Values } from '../errors.js';
import { forbiddenCharacter, forbiddenProblem } from './characters.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data (no aliases, no tags, keys exactly as written). */
  data: unknown;
}

/**
 * Parse one YAML document; every syntax error, warning, alias, duplicate key or odd root is a
 * located problem. The fast parser's data when it has it; the Document then on first use.
 */
export function parseYaml(text: string, file: string): YamlSource {
  const fast = fastData(text);
  if (fast === undefined) return parseLocated(text, file);
  let located: YamlSource | undefined;
  const full = () => (located ??= parseLocated(text, file));
  return {
    file,
    data: fast.data,
    get doc() {
      return full().doc;
    },
    get lineCounter() {
      return full().lineCounter;
    },
  };
}

/** The located parser alone: what parseYaml does for a file the fast parser hands over. */
export function parseLocated(text: string, file: string): YamlSource {
  const { LineCounter, parseDocument, isAlias, isCollection, isMap, isNode, isScalar, isSeq } = yamlLib();
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

// js-yaml's numbers for events (EVENT_ID), scalar styles (SCALAR_STYLE) and collection styles.
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const POP = 6;
const PLAIN = 1;
const DOUBLE_QUOTED = 3;
const LITERAL_BLOCK = 4;
const FOLDED_BLOCK = 5;
const FLOW = 2;

/** How the yaml package's core schema reads a plain scalar (schema/common/null.js, core/bool.js, core/int.js, core/float.js). */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/**
 * Where the two parsers part, found by the differential test; the fast parser hands these over.
 * In any file: a carriage return on its own (a line break to js-yaml, a character to yaml), a
 * byte order mark after the start, a document end marker (`...`, after which yaml sees another
 * document), a tab in a line's indentation (yaml refuses it), and an indented `---` or `...`
 * (text to yaml, as YAML says; a document marker to js-yaml).
 */
const PARTING = /\r(?!\n)|\uFEFF|^\.\.\.(?=[ \t\r\n]|$)|^ *\t|^[ \t]+(?:---|\.\.\.)(?=[ \t\r\n]|$)/m;
/** In a file with a block scalar (`|`, `>`): a line of spaces or tabs only, a tab, an indentation indicator (`|2`). */
const BLOCK_PARTING = /^[ \t]+$|\t|[|>][-+]?[1-9][-+]?[ \t]*(?:#.*)?$/m;
/** In a double-quoted scalar: an escaped line break (the empty lines after it are kept differently). */
const ESCAPED_BREAK = /\\[\r\n]/;
/**
 * A comment line between a key or a list's dash and the value on a later line: where the
 * comment is indented no more than the key, yaml takes the value and the next line for one
 * multi-line key (an error) or one scalar (`- \n#x\n  a\n- b` is ["a - b"]); js-yaml takes
 * the value alone.
 */
const COMMENT_BEFORE_VALUE = /[:-][ \t]*(?:#[^\r\n]*)?\r?\n(?:[ \t]*\r?\n)*[ \t]*#/;
/**
 * YAML limits an implicit key to 1024 characters up to its `:`; yaml keeps the limit, js-yaml
 * does not. A key whose `:` is further than this from the key's start is handed over (the
 * margin covers a quote and the spaces before the `:`).
 */
const LONGEST_FAST_KEY = 1000;
// And: an empty key (`: a: b`, which yaml refuses), and a flow collection over several lines.

/** Thrown while building: the located parser decides this file. */
const HAND_OVER = Symbol('hand over');

type Scalar = Extract<Event, { type: typeof SCALAR }>;

/** An open collection: a list, or a mapping with the key whose value comes next (undefined: a key comes next). */
interface Frame {
  value: unknown[] | Record<string, unknown>;
  map: boolean;
  key?: string;
  flow: boolean;
}

/**
 * The data of `text` when no refusal rule applies to it, or undefined to hand the file to the
 * located parser: anything js-yaml cannot parse, more than one document, a directive, an
 * anchor, an alias, a tag, a key that is not a scalar, a duplicate key, a number not written
 * as a plain decimal, a forbidden character, a root that is not a mapping, and where the two
 * parsers part (PARTING and the rules beside it).
 */
export function fastData(text: string): { data: unknown } | undefined {
  // A line that starts with % may be a directive of any name (%:YAML too), which js-yaml may
  // not report, and js-yaml reads one indented on the first line as a directive too: the
  // located parser decides any line whose first character after the indentation is %.
  if (PARTING.test(text) || COMMENT_BEFORE_VALUE.test(text) || /^[ \t]*%/m.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  try {
    return { data: build(text, events) };
  } catch (error) {
    if (error === HAND_OVER) return undefined;
    throw error;
  }
}

/** js-yaml's events → the data, as parseLocated would give it; throws HAND_OVER. */
function build(text: string, events: Event[]): unknown {
  const document = events[0];
  if (document?.type !== DOCUMENT || document.directives.length > 0 || events[1]?.type !== MAPPING) throw HAND_OVER;
  const stack: Frame[] = [];
  let root: unknown;
  let flowDepth = 0;
  /** While in a flow collection: where the line it starts on ends. */
  let flowLineEnd = 0;
  let blockParting: boolean | undefined;

  /** A scalar's text, by the rules every scalar keeps. */
  const scalarText = (event: Scalar): string => {
    if ((event.style === LITERAL_BLOCK || event.style === FOLDED_BLOCK) && (blockParting ??= BLOCK_PARTING.test(text))) throw HAND_OVER;
    if (event.style === DOUBLE_QUOTED && ESCAPED_BREAK.test(text.slice(event.valueStart, event.valueEnd))) throw HAND_OVER;
    const value = getScalarValue(text, event);
    // Escapes decoded: the rule for raw text applies to what they decode to.
    if (forbiddenCharacter(value)) throw HAND_OVER;
    return value;
  };
  const place = (value: unknown): void => {
    const parent = stack.at(-1);
    if (parent === undefined) root = value;
    else if (!parent.map) (parent.value as unknown[]).push(value);
    else {
      // Mappings are null-prototype objects, as parseLocated makes them (withoutPrototype).
      (parent.value as Record<string, unknown>)[parent.key!] = value;
      parent.key = undefined;
    }
  };

  for (let i = 1; i < events.length; i++) {
    const event = events[i]!;
    if (event.type === POP) {
      const frame = stack.pop();
      // The document's own end: nothing may follow it.
      if (frame === undefined) {
        if (i !== events.length - 1) throw HAND_OVER;
        return root;
      }
      if (frame.key !== undefined) throw HAND_OVER;
      if (frame.flow) flowDepth--;
      place(frame.value);
      continue;
    }
    // A second document, an alias.
    if (event.type !== SCALAR && event.type !== SEQUENCE && event.type !== MAPPING) throw HAND_OVER;
    if (event.anchorStart !== -1 || event.tagStart !== -1) throw HAND_OVER;
    if (flowDepth > 0 && (event.type === SCALAR ? event.valueStart : event.start) > flowLineEnd) throw HAND_OVER;
    const parent = stack.at(-1);
    if (parent?.map && parent.key === undefined) {
      // A key: a scalar, not empty, kept exactly as written (stringKeys: its text, never a number or null), once.
      if (event.type !== SCALAR || event.valueStart === -1) throw HAND_OVER;
      if (event.valueEnd - event.valueStart > LONGEST_FAST_KEY || text.indexOf(':', event.valueEnd) - event.valueStart > LONGEST_FAST_KEY) throw HAND_OVER;
      const key = scalarText(event);
      if (Object.hasOwn(parent.value, key)) throw HAND_OVER;
      parent.key = key;
    } else if (event.type === SCALAR) {
      const raw = scalarText(event);
      const value = event.style === PLAIN ? plainValue(raw) : raw;
      if (value === HAND_OVER) throw HAND_OVER;
      place(value);
    } else {
      const flow = event.style === FLOW;
      if (flow && flowDepth++ === 0) {
        const end = text.indexOf('\n', event.start);
        flowLineEnd = end === -1 ? text.length : end;
      }
      stack.push({ value: event.type === SEQUENCE ? [] : (Object.create(null) as Record<string, unknown>), map: event.type === MAPPING, flow });
    }
  }
  throw HAND_OVER;
}

/**
 * A plain scalar's value as the core schema reads it, or HAND_OVER where the located parser
 * would refuse it (a number not written as a plain decimal: numberForm).
 */
function plainValue(text: string): unknown {
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  const int = CORE_INT.test(text);
  if (!int && !CORE_OTHER_NUMBER.test(text)) return text;
  // As the core schema computes it: parseInt for an integer, parseFloat for the rest.
  const value = int ? parseInt(text, 10) : parseFloat(text);
  return numberForm(text, value, undefined) === undefined ? value : HAND_OVER;
}

/**
 * Every tag token in the text, in order. Composed nodes keep only the resolved tag name,
 * not where it was written; the parser's tokens do. Run only when a tag was seen.
 */
function tagTokens(text: string): { offset: number; source: string }[] {
  const found: { offset: number; source: string }[] = [];
  // Iteratively: a file may nest deeply, and each level is several tokens deep.
  const stack: unknown[] = [...new (yamlLib().Parser)().parse(text)];
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
  const { isCollection, isNode, isPair } = yamlLib();
  if (isPair(node)) {
    eachNode(node.key, fn);
    eachNode(node.value, fn);
  } else if (isNode(node)) {
    fn(node);
    if (isCollection(node)) for (const item of node.items) eachNode(item, fn);
  }
}

export function keyName(pair: Pair): string {
  return yamlLib().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\.$/, '');
}

