import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, forbiddenProblem, replaceForbidden } from '../../src/core/characters.js';
import { en } from '../../src/i18n/en.js';
import { problemMessage } from '../../src/render/problems.js';

describe('forbiddenCharacter: the one rule for files, escapes and prompts', () => {
  it('passes text, tabs, line breaks and every real character', () => {
    for (const text of ['Acme Cleaning', 'tab\there', 'two\nlines\r\n', 'café, naïve, 東京', '😀 (a surrogate pair)', '\u00a0\u200e\u2028\u2065\u206a']) {
      expect(forbiddenCharacter(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('finds C0 and C1 controls, DEL, bidi overrides and isolates, and lone surrogates, with their index', () => {
    const cases: [string, number, number, string][] = [
      ['a\u0000b', 1, 0x0, 'control character U+0000 is not allowed'],
      ['ab\u001b[2J', 2, 0x1b, 'control character U+001B is not allowed'],
      ['\u007f', 0, 0x7f, 'control character U+007F is not allowed'],
      ['x\u0080', 1, 0x80, 'control character U+0080 is not allowed'],
      ['Acme\u009b2J', 4, 0x9b, 'control character U+009B is not allowed'],
      ['\u0085', 0, 0x85, 'control character U+0085 is not allowed'],
      ['\u009f', 0, 0x9f, 'control character U+009F is not allowed'],
      ['abc\u202a', 3, 0x202a, 'bidirectional control character U+202A is not allowed'],
      ['\u202e', 0, 0x202e, 'bidirectional control character U+202E is not allowed'],
      ['1\u2066', 1, 0x2066, 'bidirectional control character U+2066 is not allowed'],
      ['\u2069', 0, 0x2069, 'bidirectional control character U+2069 is not allowed'],
      ['x\ud800', 1, 0xd800, 'lone surrogate U+D800 is not allowed'],
      ['\udc00y', 0, 0xdc00, 'lone surrogate U+DC00 is not allowed'],
      ['😀\ude00', 2, 0xde00, 'lone surrogate U+DE00 is not allowed'],
    ];
    for (const [text, index, codePoint, message] of cases) {
      const found = forbiddenCharacter(text);
      expect(found, JSON.stringify(text)).toMatchObject({ index, codePoint });
      expect(problemMessage(forbiddenProblem(found!), en)).toBe(message);
    }
  });

  it('reports the first of several', () => {
    expect(forbiddenCharacter('ok \u202e then \u009b')).toMatchObject({ index: 3, codePoint: 0x202e, kind: 'bidirectional' });
  });

  it('neutralises every one of them for output', () => {
    expect(replaceForbidden('a\u009bb\u202ec\ud800d\te')).toBe('a\ufffdb\ufffdc\ufffdd\te');
  });
});
