/**
 * The Portuguese catalogue and questionnaire: every message translated, the --help examples
 * kept as commands, and one term for each notion of the method (the seed's terms).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { isFallback } from '../../src/i18n/format.js';
import { pt } from '../../src/i18n/pt.js';

/** Every text of a catalogue by its path, plural forms included. */
function texts(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k, out);
  return out;
}

const english = texts(en);
const portuguese = texts(pt);
const questionnaire = readFileSync('questionnaires/csq.pt.yaml', 'utf8');

/** Texts that read the same in both languages: placeholders and signs only, a command line, or these words. */
function sameInEveryLanguage(text: string): boolean {
  if (!/\p{L}/u.test(text.replace(/\{\w+\}/g, '').replace(/\bok\b|CSQ/g, ''))) return true;
  if (/^(csq|cat) /.test(text) && !text.includes(' # ')) return true;
  return ['n/a', 'null'].includes(text);
}

describe('the Portuguese catalogue', () => {
  it('leaves no section to English', () => {
    for (const [name, section] of Object.entries(pt)) if (typeof section === 'object') expect(isFallback(section), name).toBe(false);
  });

  it('translates every message that has words', () => {
    const untranslated = [...english].filter(([path, text]) => portuguese.get(path) === text && !sameInEveryLanguage(text));
    expect(untranslated).toEqual([]);
  });

  it('keeps each --help example command as it is, its comment in the same column', () => {
    const examples = [...english].filter(([path]) => /^cli\.(\w+\.)?(programE|e)xamples\[/.test(path));
    expect(examples.length).toBeGreaterThan(20);
    for (const [path, text] of examples) {
      const mine = portuguese.get(path)!;
      const [command, comment] = text.split(' # ');
      expect(mine.split(' # ')[0], path).toBe(command);
      if (comment === undefined) expect(mine, path).toBe(text);
      else expect(mine.indexOf(' # '), path).toBe(text.indexOf(' # '));
    }
  });
});

describe('Portuguese terms (one form each, as the seed writes them)', () => {
  const everything = [...portuguese.values(), questionnaire].join('\n');
  const avoided: [RegExp, string][] = [
    [/amigáve(l|is)/i, 'políticas favoráveis / desfavoráveis ao cliente'],
    [/(?<!re)solução de problemas/i, 'resolução de problemas'],
    [/grupos? de foco/i, 'grupo focal, grupos focais'],
    [/\b2 a 4%|2[–-]4%/, '2% a 4%'],
    [/por trás dela:/, 'As anotações que levaram a ela:'],
  ];
  for (const [pattern, instead] of avoided) {
    it(`writes ${instead}, never ${pattern}`, () => {
      expect(everything.split('\n').filter((line) => pattern.test(line))).toEqual([]);
    });
  }

  it('names the policy groups, the grid and the walk question with favorável / desfavorável ao cliente', () => {
    expect(Object.values(pt.method.policyActions).map((a) => a.group)).toEqual([
      'Desfavoráveis ao cliente e desnecessárias',
      'Desfavoráveis ao cliente, mas necessárias',
      'Favoráveis ao cliente e necessárias',
      'Favoráveis ao cliente, embora não obrigatórias',
    ]);
    expect(pt.plan.policiesIntro).toContain('favorável ou desfavorável ao cliente');
    expect(pt.walk.policyFriendly).toBe('“{name}” é favorável ao cliente?');
    expect(pt.plan.train).toContain('resolução de problemas');
    expect(questionnaire).toContain('políticas favoráveis ao cliente');
  });
});
