/**
 * The one rule for characters that never belong in anything csq reads, saves or shows,
 * for raw file text, decoded escapes and what a person types at a prompt alike.
 * Tab, line feed and carriage return are text; these are not:
 * - C0 controls and DEL (a NUL means a binary file; ESC starts terminal commands),
 * - C1 controls U+0080–U+009F (U+009B is an 8-bit CSI that terminals obey),
 * - bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069 (text that
 *   displays in another order than it reads),
 * - lone surrogates (an escape such as "\ud800": half of a character, no character at all).
 */
// With the u flag a surrogate pair is one code point, so the class matches lone halves only.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;

export interface ForbiddenCharacter {
  /** Index in the string (UTF-16 code units, as String.prototype.indexOf counts). */
  index: number;
  codePoint: number;
  kind: 'control' | 'bidirectional' | 'surrogate';
}

/** The first character of `text` that csq never accepts, or undefined. */
export function forbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0)!;
  const kind = codePoint >= 0xd800 ? 'surrogate' : codePoint >= 0x202a ? 'bidirectional' : 'control';
  return { index: match.index, codePoint, kind };
}

/** The problem a forbidden character is, the same wherever it is found: `control character U+009B is not allowed`. */
export function forbiddenProblem(found: Pick<ForbiddenCharacter, 'codePoint' | 'kind'>): { code: 'forbidden-control' | 'forbidden-bidi' | 'forbidden-surrogate'; values: { char: string } } {
  const code = found.kind === 'surrogate' ? 'forbidden-surrogate' : found.kind === 'bidirectional' ? 'forbidden-bidi' : 'forbidden-control';
  return { code, values: { char: `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')}` } };
}

const EVERY_FORBIDDEN = new RegExp(FORBIDDEN.source, 'gu');

/**
 * The same rule as a JSON Schema pattern: text without them. Lone surrogates are left out: a
 * validator that reads patterns without the u flag would refuse every emoji as two of them.
 */
export const ALLOWED_TEXT_PATTERN = `^[^${FORBIDDEN.source.slice(1, -1).replace('\\ud800-\\udfff', '')}]*$`;

/** What a person types, with what csq never accepts taken out (a tab becomes a space). */
export function withoutForbidden(text: string): string {
  return text.replace(/\t/g, ' ').replace(EVERY_FORBIDDEN, '');
}

/** For output only: every forbidden character replaced, so that nothing that reached a renderer can act on a terminal. */
export function replaceForbidden(text: string, by = '\uFFFD'): string {
  return text.replace(EVERY_FORBIDDEN, by);
}

/**
 * A user's string (organization, date, a title, a file name) on one line of terminal text: its
 * forbidden characters replaced, its line breaks and tabs spaces, so it can never draw a row of its own.
 */
export const plainLine = (text: string) => replaceForbidden(text).replace(/\s+/g, ' ').trim();
