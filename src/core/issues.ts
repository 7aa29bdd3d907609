/** zod issues → located, typed problems (codes of the catalogue's `problems`). Pure. */
import type * as z from 'zod/mini';
import type { HintCode, Problem, ProblemCode, Values } from '../errors.js';
import { formatPath, locate, type PathSegment } from './locate.js';
import { metaOf, schemaAt } from './meta.js';
import { nearest } from './nearest.js';
import type { YamlSource } from './yaml.js';

type Issue = z.core.$ZodIssue;

/** A problem without its place: what an issue is. */
export interface Complaint {
  code: ProblemCode;
  values?: Values;
  hint?: HintCode;
  hintValues?: Values;
}

/** Says what an unknown key is, e.g. `unknown statement "x" in section outreach`. */
export type UnknownKey = (parentPath: readonly PathSegment[], key: string) => Complaint;

const unknownKey: UnknownKey = (_parent, key) => ({ code: 'unknown-key', values: { key } });

const TYPE_TERMS: Record<string, 'text' | 'number' | 'wholeNumber' | 'boolean' | 'list' | 'mapping'> = {
  string: 'text',
  number: 'number',
  int: 'wholeNumber',
  boolean: 'boolean',
  array: 'list',
  object: 'mapping',
  record: 'mapping',
};

function typeHint(expected: string, input: unknown): HintCode | undefined {
  if ((expected === 'number' || expected === 'int') && typeof input === 'string' && input.trim() !== '' && !Number.isNaN(Number(input))) return 'remove-quotes';
  if (expected === 'boolean' && typeof input === 'string' && /^(yes|no|on|off|y|n)$/i.test(input)) return 'write-true-false';
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return 'put-in-quotes';
  return undefined;
}

const withHint = (complaint: Complaint, hint: HintCode | undefined): Complaint => (hint ? { ...complaint, hint } : complaint);

/** What one issue (other than an unknown key) is, given the schema that raised it. */
export function complaintOf(issue: Issue, schema: z.ZodMiniType): Complaint {
  const input = (issue as { input?: unknown }).input;
  const found = { found: input };
  const info = metaOf(schemaAt(schema, issue.path as PathSegment[]));
  const rating = info.rating;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return { code: 'required' };
      if (rating) {
        if (input === null) return { code: 'not-rated', values: { ...rating } };
        return withHint({ code: 'not-a-rating', values: { ...rating, found } }, typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? 'remove-quotes' : undefined);
      }
      const expected = issue.expected as string;
      return withHint({ code: 'wrong-type', values: { expected: TYPE_TERMS[expected] ? { term: TYPE_TERMS[expected]! } : expected, found } }, typeHint(expected, input));
    }
    case 'too_small':
      if (rating) return { code: 'outside-scale', values: { value: String(input), ...rating } };
      if (info.problems?.too_small) return { code: info.problems.too_small, values: { minimum: Number(issue.minimum) } };
      if (issue.origin === 'array') return { code: 'too-few-items', values: { count: Number(issue.minimum) } };
      if (issue.origin === 'string') return { code: 'empty' };
      return { code: 'below-minimum', values: { found, minimum: Number(issue.minimum) } };
    case 'too_big':
      if (rating) return { code: 'outside-scale', values: { value: String(input), ...rating } };
      if (info.problems?.too_big) return { code: info.problems.too_big, values: { maximum: Number(issue.maximum) } };
      if (issue.origin === 'array') return { code: 'too-many-items', values: { count: Number(issue.maximum), found: (input as unknown[]).length } };
      if (issue.origin === 'string') return { code: 'too-long', values: { count: Number(issue.maximum) } };
      return { code: 'above-maximum', values: { found, maximum: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'not-a-date', values: { found } };
      return { code: info.problems?.invalid_format ?? 'invalid-format', values: { found, format: issue.format } };
    case 'invalid_value':
      return { code: 'not-one-of', values: { expected: issue.values.map((v) => JSON.stringify(v)).join(', '), found } };
    case 'invalid_union':
      // The one union of the answers: a kickoff date, or "" still to fill in.
      return { code: 'not-a-date-or-empty', values: { found } };
    default:
      return { code: 'invalid' };
  }
}

/** One zod issue → one problem per offending spot (an unknown-keys issue names each key). */
export function describeIssue(source: YamlSource, issue: Issue, schema: z.ZodMiniType, describeUnknown: UnknownKey = unknownKey): Problem[] {
  const path = issue.path as PathSegment[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const known = schemaKeysAt(schema, path);
      const near = nearest(key, known);
      const hint: Partial<Problem> = near
        ? { hint: 'did-you-mean', hintValues: { name: near } }
        : known.length > 0 && known.length <= 12
          ? { hint: 'expected-one-of', hintValues: { names: known.join(', ') } }
          : {};
      return { file: source.file, ...locate(source, keyPath, true), path: formatPath(keyPath), ...describeUnknown(path, key), ...hint };
    });
  }
  return [{ file: source.file, ...locate(source, path), path: formatPath(path) || '(top level)', ...complaintOf(issue, schema) }];
}

/** The keys a strict object schema allows at a path (for "did you mean"). */
export function schemaKeysAt(schema: z.ZodMiniType, path: readonly PathSegment[]): string[] {
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
export function checkWithSchema<T extends z.ZodMiniType>(
  schema: T,
  source: YamlSource,
  describeUnknown?: UnknownKey,
): { data?: z.output<T>; problems: Problem[] } {
  const parsed = schema.safeParse(source.data, { reportInput: true, jitless: ++parses <= JITLESS_PARSES });
  if (parsed.success) return { data: parsed.data, problems: [] };
  // A value of the wrong type gets one message, not also its size checks ("too long" for a string given as a list).
  const wrongType = new Set(parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('\u0000')));
  const issues = parsed.error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(i.path.join('\u0000')));
  return { problems: issues.flatMap((issue) => describeIssue(source, issue, schema, describeUnknown)) };
}

/** One value against the schema of one field: what is wrong with it, if anything (the walk's check). */
export function checkValue(schema: z.ZodMiniType, value: unknown): Complaint | undefined {
  const parsed = schema.safeParse(value, { reportInput: true });
  return parsed.success ? undefined : complaintOf({ ...parsed.error.issues[0]!, path: [] } as Issue, schema);
}
