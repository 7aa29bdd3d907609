/**
 * Every problem a user can cause, as one typed value: where it is (file, line, column,
 * field) and what it is (a code of the catalogue's `problems`, with its values). One
 * renderer (render/problems.ts) turns it into words in the user's language, the same in
 * every command; `--format json` gives the same data. Only src/cli.ts maps errors to exit codes.
 */
import type { Messages } from './i18n/en.js';

/** Exit codes are a contract (README, ARCHITECTURE.md). */
export const ExitCode = {
  ok: 0,
  gateFailed: 1,
  invalid: 2,
  internal: 3,
  interrupted: 130,
} as const;

export type ProblemCode = keyof Messages['problems'];
export type HintCode = keyof Messages['hints'];

/**
 * A value in a message: text and numbers as they are (ids, names, paths, numbers), a value
 * found in a file (described in words: "a list", "nothing (null)", a quoted text), one of
 * the catalogue's terms ("a whole number"), or why a file operation failed.
 */
export type Value =
  | string
  | number
  | { found: unknown }
  | { term: keyof Messages['terms'] }
  | { reason: keyof Messages['reasons']; values?: Record<string, string | number> };
export type Values = Record<string, Value>;

export interface Problem {
  /** The file, as the user named it; absent for a problem with the command line itself. */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `ratings.outreach.delight`. */
  path?: string;
  code: ProblemCode;
  values?: Values;
  hint?: HintCode;
  hintValues?: Values;
}

/** Every error a user can cause: one or more problems, and the exit code they earn. */
export class CsqError extends Error {
  override name = 'CsqError';
  readonly problems: Problem[];
  constructor(
    problems: Problem | Problem[],
    readonly exitCode: number = ExitCode.invalid,
  ) {
    const list = Array.isArray(problems) ? problems : [problems];
    // In file order, the way an editor shows them.
    const sorted = [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    // Only the codes and places, for a stack trace: words come from render/problems.ts, in the user's language.
    super(sorted.map((p) => `${p.file ?? 'csq'}${p.line === undefined ? '' : `:${p.line}:${p.column ?? 1}`} ${p.code}`).join('\n'));
    this.problems = sorted;
  }
}

/** Invalid input: located problems in one file. */
export class InputError extends CsqError {
  override name = 'InputError';
  constructor(problems: Problem[]) {
    super(problems, ExitCode.invalid);
  }
}

/** A problem with no place in a file: a usage error, or a file that cannot be read at all. */
export function problem(code: ProblemCode, values?: Values, more: Partial<Problem> = {}): Problem {
  return { code, ...(values ? { values } : {}), ...more };
}

/** Shorthand for the common case: throw one problem. */
export function fail(code: ProblemCode, values?: Values, more: Partial<Problem> = {}, exitCode: number = ExitCode.invalid): never {
  throw new CsqError(problem(code, values, more), exitCode);
}
