/**
 * What a schema says of its fields beyond their types, for the tools built from it:
 * autosave, `csq init` and the JSON Schema (answers.ts), and the problems a field's
 * issues become (issues.ts). One registry, kept apart from zod's global one so that
 * none of it leaks into the JSON Schemas.
 */
import * as z from 'zod/mini';
import type { ProblemCode } from '../errors.js';

export interface FieldMeta {
  /** Its explanation: a key of the catalogue's `answers.docs` (an init comment, a JSON Schema description). */
  doc?: string;
  /** Or the text itself (a statement's wording, which comes from the questionnaire). */
  text?: string;
  /** `csq init` writes it as a commented-out example instead of a placeholder to fill in. */
  example?: string;
  /** `csq init` leaves it out (filled in by the walk or by csq itself). */
  omitFromInit?: boolean;
  /** Only asked of a business with staff: `csq init --no-staff` leaves it out. */
  staffOnly?: boolean;
  /** Autosave writes each item of this list or mapping on one line, as people write them by hand. */
  flowItems?: boolean;
  /** A single line of text: pasted line breaks become spaces. */
  singleLine?: boolean;
  /** A rating on this scale: its issues say so. */
  rating?: { min: number; max: number };
  /** The problem an issue of this field is, where the general one would say less. */
  problems?: Partial<Record<'too_small' | 'too_big' | 'invalid_format', ProblemCode>>;
}

export const fieldMeta = z.registry<FieldMeta>();

export function meta<T extends z.ZodMiniType>(schema: T, m: FieldMeta): T {
  fieldMeta.add(schema, m);
  return schema;
}

/** The metadata of a field: its schema's as declared, over that of the schemas it wraps. */
export function metaOf(schema: z.ZodMiniType | undefined): FieldMeta {
  const layers: FieldMeta[] = [];
  for (let node = schema; node; node = (node as { def?: { innerType?: z.ZodMiniType } }).def?.innerType) {
    const found = fieldMeta.get(node);
    if (found) layers.unshift(found);
  }
  return Object.assign({}, ...layers) as FieldMeta;
}

/** The schema inside optional, nullable and default wrappers. */
export function unwrap(schema: z.ZodMiniType | undefined): z.ZodMiniType | undefined {
  let node = schema;
  for (;;) {
    const def = (node as { def?: { type?: string; innerType?: z.ZodMiniType } } | undefined)?.def;
    if (def && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) node = def.innerType;
    else return node;
  }
}

/** The schema of the field at `path` (unwrapping optional and nullable wrappers on the way), if any. */
export function schemaAt(schema: z.ZodMiniType, path: readonly (string | number)[]): z.ZodMiniType | undefined {
  let node: z.ZodMiniType | undefined = schema;
  for (const segment of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType } } | undefined)?.def;
    if (def?.type === 'object') node = def.shape?.[String(segment)];
    else if (def?.type === 'array') node = def.element;
    else return undefined;
  }
  return node;
}

/** The keys of an object schema, in declaration order (the order of every file csq writes). */
export function keysOf(schema: z.ZodMiniType | undefined): string[] {
  const def = (unwrap(schema) as { def?: { type?: string; shape?: Record<string, unknown> } } | undefined)?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** A language code such as en or pt-BR. */
export const langCode = () => meta(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)), { problems: { invalid_format: 'not-lang-code' } });
