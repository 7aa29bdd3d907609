/**
 * Markdown escaping for user text (not HTML escaping): a user's `|`, newline,
 * backtick, `#` or `<` must never break a table, start a heading or pass raw HTML.
 */

// Characters with inline meaning in CommonMark/GFM; all are ASCII punctuation, so `\x` is a valid escape.
// `!` means something only before `[`, which is escaped; `&` only where it starts an entity (`&amp;`, `&#60;`).
const INLINE_SPECIALS = /[\\`*_{}[\]<>|#~]|&(?=#?[a-z0-9]+;)/gi;

function escapeLine(line: string, atLineStart: boolean): string {
  const escaped = line.replace(INLINE_SPECIALS, (c) => `\\${c}`);
  if (!atLineStart) return escaped;
  // What only means something at the start of a line: list markers, ordered lists, quotes, setext underlines.
  // (Lines come trimmed.)
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * For a paragraph, list item or table cell: one line, the user's line breaks kept as <br>.
 * `atLineStart: false` for a value in the middle of a line, where `1.` or `-` mean nothing.
 */
export function escapeMarkdown(value: string, atLineStart = true): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, i) => escapeLine(line, atLineStart || i > 0))
    .join('<br>');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML and SVG text and attribute values: the five characters that can end or start markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}
