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
  const wordChar = /^[\p{L}\p{M}\p{N}]/u;
  const startsWord = (text: string, at: number) => !/[\p{L}\p{M}\p{N}]$/u.test(text.slice(Math.max(0, at - 2), at));
  const endsWord = (text: string, end: number) => !wordChar.test(text.slice(end, end + 2));
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
