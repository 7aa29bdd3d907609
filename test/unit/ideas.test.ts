/** rankIdeas: a section's ideas for this business, those for its weakest statements first. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rankIdeas } from '../../src/core/ideas.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const errors = q.sections.find((s) => s.id === 'errors')!;
const leadership = q.sections.find((s) => s.id === 'leadership')!;
const ranked = (section: typeof errors, ratings: Record<string, number | undefined>, staff = true) => rankIdeas(section, ratings, { staff }).map((r) => [r.index, r.lowest]);

describe('rankIdeas', () => {
  it('ranks by the lowest rating among an idea’s statements, ties in the questionnaire’s order', () => {
    // errors' ideas help with: 0 review+eliminate, 1 review, 2 ask, 3 eliminate, 4 eliminate+review, 5 eliminate.
    expect(ranked(errors, { 'review-complaints': 4, 'ask-feedback': 2, 'eliminate-errors': 3 })).toEqual([
      [2, 2],
      [0, 3],
      [3, 3],
      [4, 3],
      [5, 3],
      [1, 4],
    ]);
    expect(ranked(errors, { 'review-complaints': 1, 'ask-feedback': 5, 'eliminate-errors': 5 })).toEqual([
      [0, 1],
      [1, 1],
      [4, 1],
      [2, 5],
      [3, 5],
      [5, 5],
    ]);
  });

  it('ranks by the rated statements only, and puts an idea with none rated last, in order', () => {
    expect(ranked(errors, { 'eliminate-errors': 2 })).toEqual([
      [0, 2],
      [3, 2],
      [4, 2],
      [5, 2],
      [1, undefined],
      [2, undefined],
    ]);
    expect(ranked(errors, {})).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, undefined]));
  });

  it('keeps only the ideas for this business, each with its place in the questionnaire’s list', () => {
    const withStaff = rankIdeas(leadership, {}, { staff: true }).map((r) => r.index);
    const without = rankIdeas(leadership, {}, { staff: false }).map((r) => r.index);
    expect(withStaff).toContain(0);
    expect(withStaff).not.toContain(2);
    expect(without).toContain(2);
    expect(without).not.toContain(0);
    for (const r of rankIdeas(leadership, {}, { staff: false })) expect(r.idea).toBe(leadership.ideas[r.index]);
  });
});
