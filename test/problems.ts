/** Test helpers: what csq would print of an error, in English. */
import { CsqError } from '../src/errors.js';
import { en } from '../src/i18n/en.js';
import { formatProblems } from '../src/render/problems.js';

/** The lines csq prints for an error (in English), or the error's own message for anything else. */
export function printed(error: unknown): string {
  return error instanceof CsqError ? formatProblems(error.problems, en) : String(error instanceof Error ? error.message : error);
}

/** Runs `fn`, which must throw; returns what csq would print of it. */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return printed(error);
  }
  throw new Error('expected an error, and nothing was thrown');
}
