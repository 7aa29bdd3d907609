/** Exit codes are a contract (README, design.md §5). */
export const ExitCode = {
  ok: 0,
  gateFailed: 1,
  invalid: 2,
  internal: 3,
  interrupted: 130,
} as const;

/** One located complaint about a user's file. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `ratings.outreach.delight`. */
  path?: string;
  message: string;
  hint?: string;
}

/** Every error a user can cause. Only src/cli.ts turns it into output and an exit code. */
export class CsqError extends Error {
  override name = 'CsqError';
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.invalid,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** Beyond this many, a file is not nearly right: more lines would only bury the first ones. */
export const MAX_SHOWN_PROBLEMS = 100;

/** Invalid input: one or more located problems in one file. */
export class InputError extends CsqError {
  override name = 'InputError';
  constructor(problems: Problem[]) {
    // In file order, the way an editor shows them.
    const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const shown = sorted.slice(0, MAX_SHOWN_PROBLEMS).map(formatProblem);
    if (sorted.length > MAX_SHOWN_PROBLEMS) shown.push(`… and ${sorted.length - MAX_SHOWN_PROBLEMS} more problems in ${sorted[0]!.file}`);
    super(shown.join('\n'), ExitCode.invalid, sorted);
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const field = p.path ? ` ${p.path}:` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${where}${field} ${p.message}${hint}`;
}
