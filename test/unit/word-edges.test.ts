import { describe, expect, it } from 'vitest';
import { dataPointingTo, isWordChar } from '../../src/core/ideas.js';
import type { Section } from '../../src/core/questionnaire.js';

/** A section with only what dataPointingTo reads. */
const withCues = (...cues: string[]) => ({ cues }) as unknown as Section;

describe('word edges of the data cues', () => {
  it('answers as the Unicode classes do, on every code point', () => {
    const classes = /^[\p{L}\p{M}\p{N}]$/u;
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (isWordChar(char) !== classes.test(char)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    // The ASCII fast path: letters and digits only.
    expect(['a', 'Z', '0', '9'].map(isWordChar)).toEqual([true, true, true, true]);
    expect(['_', '-', ' ', '@', '[', '`', '{', '/', ':'].map(isWordChar)).toEqual([false, false, false, false, false, false, false, false, false]);
    expect(isWordChar('')).toBe(false);
    expect(isWordChar('\udc00')).toBe(false);
  });

  it('finds a cue only where a word starts, in any script, astral letters and marks included', () => {
    const wait = withCues('wait*');
    expect(dataPointingTo(wait, ['long waits', 'await it', 'éwait', '1wait', '-wait', 'x\u0301wait', '𝐀wait', '😀wait'], 'en')).toEqual(['long waits', '-wait', '😀wait']);
    const call = withCues('call back');
    expect(dataPointingTo(call, ['we call back', 'call backs', 'call backé', 'call back𝐀', 'call back😀', 'call back\u0301'], 'en')).toEqual(['we call back', 'call back😀']);
    // Polish and Lithuanian letters beyond ASCII on either side.
    const queue = withCues('kolejk*');
    expect(dataPointingTo(queue, ['długa kolejka', 'ąkolejka', 'żkolejka', '(kolejki)'], 'pl')).toEqual(['długa kolejka', '(kolejki)']);
  });

  it('finds a Hebrew cue after one or two glued prefix letters, and only those', () => {
    const complaint = withCues('תלונ*');
    // "ו", "ה": prefix letters right before the cue, after a space, a bracket or the start.
    expect(dataPointingTo(complaint, ['והתלונות גדלו', 'אבג (התלונות', 'ראינו 3 התלונות'], 'he')).toEqual(['והתלונות גדלו', 'אבג (התלונות', 'ראינו 3 התלונות']);
    // Prefix letters that are not the last before the cue, or a third letter: part of another word.
    expect(dataPointingTo(complaint, ['ושקתלונות', 'אבג ושקתלונות', 'ובהתלונות'], 'he')).toEqual([]);
    // The glued prefix is Hebrew's: a cue that does not start with a Hebrew letter never takes it.
    expect(dataPointingTo(withCues('xתלונ*'), ['והxתלונות', 'ו xתלונות'], 'he')).toEqual(['ו xתלונות']);
  });
});

