/** The improvement ideas that fit a business, ranked by how low it rated what they help with. Pure. */
import { ideaApplies, type Idea, type Section } from './questionnaire.js';

export interface RankedIdea {
  idea: Idea;
  /** Its place in the questionnaire's list (the same in every language). */
  index: number;
  /** The lowest rating among the statements it helps with; undefined if it names none. */
  lowest: number | undefined;
}

/** A section's ideas for this business (staff or not), those for its weakest statements first, ties in order. */
export function rankIdeas(section: Section, ratings: Readonly<Record<string, number | undefined>>, profile: Record<string, boolean>): RankedIdea[] {
  return section.ideas
    .map((idea, index) => {
      const rated = (idea.statements ?? []).map((id) => ratings[id]).filter((r): r is number => r !== undefined);
      return { idea, index, lowest: rated.length > 0 ? Math.min(...rated) : undefined };
    })
    .filter(({ idea }) => ideaApplies(idea, profile))
    .sort((a, b) => (a.lowest ?? Infinity) - (b.lowest ?? Infinity) || a.index - b.index);
}
