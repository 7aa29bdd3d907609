/** zod issues → located, readable problems. */
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { formatPath, locate, type PathSegment, type YamlSource } from './source.js';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** Says what an unknown key is, e.g. `unknown statement "x" in section outreach`. */
export type UnknownKey = (parentPath: readonly PathSegment[], key: string) => string;

const unknownKey: UnknownKey = (_parent, key) => `unknown key "${key}"`;

const expectedNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

export function describeValue(input: unknown): string {
  if (input === null) return 'nothing (null)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  return String(input);
}

function typeHint(expected: string, input: unknown): string {
  if ((expected === 'number' || expected === 'int') && typeof input === 'string' && input.trim() !== '' && !Number.isNaN(Number(input))) {
    return ' (remove the quotes)';
  }
  if (expected === 'boolean' && typeof input === 'string' && /^(yes|no|on|off|y|n)$/i.test(input)) {
    return ' (write true or false; YAML 1.2 reads yes/no/on/off as text)';
  }
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return ' (put it in quotes)';
  return '';
}

/** The one error map for every parse: short, plain messages that quote what was found. */
export function errorMap(issue: RawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'required';
      const expected = issue.expected as string;
      return `expected ${expectedNames[expected] ?? expected}, found ${describeValue(input)}${typeHint(expected, input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `${describeValue(input)} is below the minimum ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${issue.maximum} item${issue.maximum === 1 ? '' : 's'}, found ${(input as unknown[]).length}`;
      if (issue.origin === 'string') return `too long: at most ${issue.maximum} characters`;
      return `${describeValue(input)} is above the maximum ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'date') return `expected a date like 2026-11-23, found ${describeValue(input)}`;
      return `expected ${issue.message ?? issue.format}, found ${describeValue(input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(input)}`;
    case 'invalid_union': {
      // zod says only "Invalid input": name what each alternative expects (`kickoff: 3`).
      const options = (issue.inst as { options?: readonly z.ZodType[] } | undefined)?.options;
      const expected = options?.map(describeExpected);
      if (!expected || expected.includes(undefined)) return undefined;
      return `expected ${expected.join(' or ')}, found ${describeValue(input)}`;
    }
    default:
      return undefined;
  }
}

/** What a simple schema accepts, in the words of the messages above; undefined for anything else. */
function describeExpected(schema: z.ZodType): string | undefined {
  const def = schema.def as { type: string; format?: string; values?: readonly unknown[] };
  if (def.type === 'string' && def.format === 'date') return 'a date like 2026-11-23';
  if (def.type === 'literal' && def.values) return def.values.map((v) => JSON.stringify(v)).join(' or ');
  if (def.format === undefined && expectedNames[def.type]) return expectedNames[def.type];
  return undefined;
}

/** One zod issue → one problem per offending spot (an unknown-keys issue names each key). */
export function describeIssue(
  source: YamlSource,
  issue: Issue,
  knownKeys: (parentPath: readonly PathSegment[]) => string[] = () => [],
  describeUnknown: UnknownKey = unknownKey,
): Problem[] {
  const path = issue.path as PathSegment[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const known = knownKeys(path);
      const near = nearest(key, known);
      const hint = near ? `did you mean "${near}"?` : known.length > 0 && known.length <= 12 ? `expected one of: ${known.join(', ')}` : undefined;
      return {
        file: source.file,
        ...locate(source, keyPath, true),
        path: formatPath(keyPath),
        message: describeUnknown(path, key),
        ...(hint ? { hint } : {}),
      };
    });
  }
  return [{ file: source.file, ...locate(source, path), path: formatPath(path) || '(top level)', message: issue.message }];
}

/** The closest known id within an edit distance of 2, for "did you mean". */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The keys a strict object schema allows at a path (for "did you mean"). */
export function schemaKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let node: unknown = schema;
  for (const segment of [...path, null]) {
    // Unwrap optional/default/nullable wrappers to reach the object or array inside.
    while (node && (node as { def?: { innerType?: unknown } }).def?.innerType) node = (node as { def: { innerType: unknown } }).def.innerType;
    if (segment === null) break;
    const shape = (node as { shape?: Record<string, unknown> })?.shape;
    const element = (node as { def?: { element?: unknown } })?.def?.element;
    node = shape ? shape[String(segment)] : element;
  }
  const shape = (node as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

// zod compiles a fast path for each object schema on first use (with new Function, so never
// code-cached): that pays off over a batch of files, not for the one file of a usual run.
const JITLESS_PARSES = 2;
let parses = 0;

/** Parse data with a schema; issues come back as located problems. */
export function checkWithSchema<T extends z.ZodType>(
  schema: T,
  source: YamlSource,
  describeUnknown?: UnknownKey,
): { data?: z.output<T>; problems: Problem[] } {
  const parsed = schema.safeParse(source.data, { reportInput: true, error: errorMap, jitless: ++parses <= JITLESS_PARSES });
  if (parsed.success) return { data: parsed.data, problems: [] };
  // A value of the wrong type gets one message, not also its size checks ("too long" for a string given as a list).
  const wrongType = new Set(parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('\u0000')));
  const issues = parsed.error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(i.path.join('\u0000')));
  return { problems: issues.flatMap((issue) => describeIssue(source, issue, (p) => schemaKeysAt(schema, p), describeUnknown)) };
}
