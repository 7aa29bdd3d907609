/** A schema built on first use: building zod schemas is a good part of a short run's start-up. */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}
