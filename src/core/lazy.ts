/**
 * Schemas are built once and kept: building zod schemas is a good part of a short run's start-up.
 * Under mutation testing (`npm run mutate` sets CSQ_MUTATE) they are built at every use instead:
 * a schema kept from while one mutant was active would hide every later mutant inside it.
 */
export const KEEP_SCHEMAS = !process.env.CSQ_MUTATE;

/** A schema built on first use. */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  if (!KEEP_SCHEMAS) return build;
  return () => (schema ??= build());
}
