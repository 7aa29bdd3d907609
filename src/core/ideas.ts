/** The improvement ideas that fit a business, ranked by how low it rated what they help with. Pure. */
import { ideaApplies, type Idea, type Section } from './questionnaire.js';

export interface RankedIdea {
  idea: Idea;
  /** Its place in the questionnaire's list (the same in every language). */
  index: number;
  /** The lowest rating among the statements it helps with; undefined if it names none. */
  lowest: number | undefined;
}

/** Ideas that name no rated statement go last. */
const rank = (r: RankedIdea) => r.lowest ?? Number.MAX_SAFE_INTEGER;

/** A section's ideas for this business (staff or not), those for its weakest statements first, ties in order. */
export function rankIdeas(section: Section, ratings: Readonly<Record<string, number | undefined>>, profile: Record<string, boolean>): RankedIdea[] {
  return section.ideas
    .map((idea, index) => {
      const rated = (idea.statements ?? []).map((id) => ratings[id]).filter((r): r is number => r !== undefined);
      return { idea, index, lowest: rated.length > 0 ? Math.min(...rated) : undefined };
    })
    .filter(({ idea }) => ideaApplies(idea, profile))
    // The sort is stable: ties keep the questionnaire's order.
    .sort((a, b) => rank(a) - rank(b));
}

/**
 * Lower case as the language writes it. Only Lithuanian, Turkish and Azeri lower case differently
 * from the default (Unicode's SpecialCasing); asking ICU for any other loads its data for nothing.
 */
export function lowerCaser(lang: string): (text: string) => string {
  return ['lt', 'tr', 'az'].includes(lang) ? (text) => text.toLocaleLowerCase(lang) : (text) => text.toLowerCase();
}

/**
 * The items of the owner's own data (records, staff's reports, customers' requests) that
 * one of the area's cues is found in, whatever the case: a word or phrase ("call back"),
 * or, ending in `*`, the beginning of one ("complain*" finds "complaints"). "Two allergen
 * mix-ups" points to error reduction.
 */
export function dataPointingTo(section: Section, items: readonly string[], lang: string): string[] {
  if (!section.cues?.length) return [];
  const lower = lowerCaser(lang);
  const cues = section.cues.map((cue) => {
    const prefix = cue.endsWith('*');
    return { text: lower(prefix ? cue.slice(0, -1) : cue), prefix };
  });
  const startsWord = (text: string, at: number) => !isWordChar(codePointBefore(text, at));
  const endsWord = (text: string, end: number) => !isWordChar(String.fromCodePoint(text.codePointAt(end) ?? 32));
  // Hebrew writes "and", "the", "in", "to", "from", "that" and "as" as one or two letters glued to the word: והתלונות.
  const afterHebrewPrefix = (text: string, at: number) => /(?:^|[^\p{L}\p{M}\p{N}])[ובהלמשכ]{1,2}$/u.test(text.slice(Math.max(0, at - 4), at));
  return items.filter((item) => {
    const text = lower(item);
    return cues.some(({ text: cue, prefix }) => {
      for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + 1)) {
        const starts = startsWord(text, at) || (/^\p{Script=Hebrew}/u.test(cue) && afterHebrewPrefix(text, at));
        if (starts && (prefix || endsWord(text, at + cue.length))) return true;
      }
      return false;
    });
  });
}

/**
 * Letters, marks and digits of any script. The Unicode classes are compiled only for a
 * character beyond ASCII: compiling them at their first test costs about 2 ms (bench/README.md),
 * and most texts never need them.
 */
let unicodeWordChar: RegExp | undefined;

/** `char` (one code point, or '') is a letter, a mark or a digit: part of a word. */
export function isWordChar(char: string): boolean {
  if (char === '') return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return (unicodeWordChar ??= /^[\p{L}\p{M}\p{N}]$/u).test(char);
}

/** The code point that ends just before `at` ('' at the start): a surrogate pair whole. */
function codePointBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text.slice(at - 1, at);
}
