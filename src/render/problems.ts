/**
 * The one renderer of problems: `file:line:column field: message (hint)` in the user's
 * language, the same in every command and in a batch, and the same data as JSON.
 */
import { replaceForbidden } from '../core/characters.js';
import type { Problem, Value, Values } from '../errors.js';

/** Beyond this many, a file is not nearly right: more lines would only bury the first ones. */
export const MAX_SHOWN_PROBLEMS = 100;
import type { Messages } from '../i18n/en.js';
import { fill, type Message } from '../i18n/format.js';

/** A value found in a file, in words: `nothing (null)`, `a list`, `"quoted text"`. */
export function describeValue(input: unknown, m: Messages): string {
  if (input === null) return m.terms.null;
  if (Array.isArray(input)) return m.terms.list;
  if (typeof input === 'object') return m.terms.mapping;
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  return String(input);
}

/** A file name, an argument or a name from a file, as typed but on one line, with nothing that could act on a terminal. */
const oneLine = (text: string) => replaceForbidden(text).replace(/[\r\n\t\f\v\u0085\u2028\u2029]/g, ' ');

export function valueText(value: Value, m: Messages): string | number {
  if (typeof value === 'string') return oneLine(value);
  if (typeof value === 'number') return value;
  if ('term' in value) return m.terms[value.term];
  if ('reason' in value) return fill(m.reasons[value.reason], value.values, m.lang);
  return describeValue(value.found, m);
}

/** Any catalogue message filled with typed values (found values, terms, reasons put in words). */
export function filled(message: Message, values: Values | undefined, m: Messages): string {
  const text = Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, valueText(v, m)]));
  return fill(message, text, m.lang);
}

/** The message and its hint, without the place: what a prompt shows under the question. */
export function problemMessage(p: Problem, m: Messages): string {
  const message = filled(m.problems[p.code], p.values, m);
  return p.hint ? fill(m.problems.withHint, { message, hint: filled(m.hints[p.hint], p.hintValues, m) }) : message;
}

/**
 * One line: where, which field, what is wrong. `a.yaml:3:5 ratings.errors.x: …` in a file,
 * `a.yaml: …` for the file as a whole, `csq: …` for the command line.
 */
export function formatProblem(p: Problem, m: Messages): string {
  const file = p.file === undefined ? undefined : oneLine(p.file);
  const where = file === undefined ? 'csq:' : p.line === undefined ? `${file}:` : `${file}:${p.line}:${p.column ?? 1}`;
  const field = p.path ? ` ${p.path}:` : '';
  return `${where}${field} ${problemMessage(p, m)}`;
}

/** Every problem of one error, in file order, the first MAX_SHOWN_PROBLEMS and a count of the rest. */
export function formatProblems(problems: readonly Problem[], m: Messages): string {
  const lines = problems.slice(0, MAX_SHOWN_PROBLEMS).map((p) => formatProblem(p, m));
  if (problems.length > MAX_SHOWN_PROBLEMS) {
    lines.push(fill(m.problems.more, { count: problems.length - MAX_SHOWN_PROBLEMS, file: problems[0]!.file ?? 'csq' }, m.lang));
  }
  return lines.join('\n');
}

/** The same problem as data, for `--format json`: where, the code, and the words. */
export function problemJson(p: Problem, m: Messages) {
  return {
    file: p.file ?? null,
    line: p.line ?? null,
    column: p.column ?? null,
    path: p.path ?? null,
    code: p.code,
    message: filled(m.problems[p.code], p.values, m),
    hint: p.hint ? filled(m.hints[p.hint], p.hintValues, m) : null,
  };
}
