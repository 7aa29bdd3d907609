/**
 * Bytes → text, for every file a user hands us: strict UTF-8, a size limit, and no character
 * csq never accepts. Pure: the caller does the reading. Every problem comes back located.
 */
import { CsqError, InputError, problem, type Problem } from '../errors.js';
import { forbiddenCharacter, forbiddenProblem } from './characters.js';
import { MAX_INPUT_BYTES, MAX_RESPONSES_BYTES, MAX_RESULT_BYTES, MAX_RESULT_TOKENS } from './limits.js';

/**
 * What a read accepts: any input file, or (where a saved Result may come) also a Result,
 * which may be larger than any input because it is the JSON of the largest answers.
 */
/** `responses`: a survey's responses (CSV), which may hold thousands of rows. */
export type InputKind = 'input' | 'answers-or-result' | 'responses';

/**
 * What is wrong with the size of a file, if anything: over MAX_INPUT_BYTES only a saved Result
 * may be read, where one may come. `start` is the file's first bytes, when they are known.
 */
export function sizeProblem(size: number, kind: InputKind, file: string, start?: Uint8Array): Problem | undefined {
  if (kind === 'responses') return size <= MAX_RESPONSES_BYTES ? undefined : problem('too-large', { size: formatSize(size), limit: formatSize(MAX_RESPONSES_BYTES) }, { file });
  if (size <= MAX_INPUT_BYTES) return undefined;
  const mayBeResult = kind === 'answers-or-result' && (start === undefined || startsLikeResult(start));
  if (mayBeResult && size <= MAX_RESULT_BYTES) return undefined;
  const values = { size: formatSize(size), limit: formatSize(MAX_INPUT_BYTES), resultLimit: formatSize(MAX_RESULT_BYTES) };
  return problem(!mayBeResult ? 'too-large' : start === undefined ? 'too-large-or-result' : 'too-large-result', values, { file });
}

/** A saved Result as csq writes it: JSON whose first key is schemaVersion (after an optional BOM). */
function startsLikeResult(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return /^\s*\{\s*"schemaVersion"\s*:/.test(String.fromCharCode(...bytes.subarray(start, start + 64)));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode strict UTF-8; a wrong encoding is named instead of silently becoming U+FFFD.
 * Only a saved Result may be larger than MAX_INPUT_BYTES, and only where one is read.
 */
export function decodeText(bytes: Uint8Array, file: string, kind: InputKind = 'input'): string {
  const tooLarge = sizeProblem(bytes.length, kind, file, bytes);
  if (tooLarge) throw new CsqError(tooLarge);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError([{ file, line: 1, column: 1, code: 'utf16', hint: 'save-as-utf8' }]);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // Always inside the bytes: a file of valid sequences decodes.
    const at = firstInvalidUtf8(bytes);
    throw new InputError([{ file, ...positionAt(bytes, at), code: 'invalid-utf8', values: { byte: bytes[at]!.toString(16).padStart(2, '0') }, hint: 'save-file-as-utf8' }]);
  }
  // The decoder has already dropped a UTF-8 byte order mark (ignoreBOM is false).
  // Control characters (a NUL, say) mean a binary file or a paste gone wrong; they would end up in the plan.
  const found = forbiddenCharacter(text);
  if (found) {
    const before = text.slice(0, found.index).split('\n');
    throw new InputError([
      { file, line: before.length, column: before.at(-1)!.length + 1, ...forbiddenProblem(found), hint: found.kind === 'bidirectional' ? 'bidi-reorders' : 'binary-file' },
    ]);
  }
  if (bytes.length > MAX_INPUT_BYTES && kind !== 'responses') checkLargeResult(text, bytes.length, file);
  return text;
}

/**
 * A file over MAX_INPUT_BYTES is read only as a saved Result, in JSON as csq writes it, with
 * no more tokens than any Result csq writes: what a YAML parser spends its time on is tokens,
 * not bytes (262,000 one-digit list items in 512 KiB took it 4.6 s; long strings cost little).
 */
function checkLargeResult(text: string, bytes: number, file: string): void {
  const values = { size: formatSize(bytes), limit: formatSize(MAX_INPUT_BYTES), count: MAX_RESULT_TOKENS };
  const offset = jsonErrorOffset(text);
  if (offset !== undefined) {
    // Where the JSON goes wrong, when the engine says (V8 gives the offset): csq's own words either way.
    const at = offset >= 0 ? positionIn(text, offset) : {};
    throw new CsqError(problem('large-not-json', values, { file, ...at }));
  }
  if (jsonTokens(text, MAX_RESULT_TOKENS) > MAX_RESULT_TOKENS) throw new CsqError(problem('large-too-many-tokens', values, { file }));
}

/** undefined for valid JSON; else the offset of its first error, or -1 when the engine does not say. */
function jsonErrorOffset(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    return position ? Number(position[1]) : -1;
  }
}

function positionIn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** Brackets, commas, colons and line breaks outside strings in JSON text, counted up to limit + 1. */
function jsonTokens(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Valid JSON (checked first), so a string ends at the first quote that no backslash escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x2c || c === 0x3a || c === 0x0a) {
      count++;
    }
  }
  return count;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and out-of-range forms: let the strict decoder judge this one sequence.
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters) of a byte offset in valid UTF-8 up to there. */
function positionAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const lines = utf8.decode(bytes.subarray(0, offset)).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

