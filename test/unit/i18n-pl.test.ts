/**
 * The Polish catalogue and questionnaire: every message translated, the --help examples kept
 * as commands, the plural forms Polish needs, and one term for each notion of the method
 * (docs/glossary/pl.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { fill, isFallback } from '../../src/i18n/format.js';
import { pl } from '../../src/i18n/pl.js';

/** Every text of a catalogue by its path, plural forms included. */
function texts(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k, out);
  return out;
}

const english = texts(en);
const polish = texts(pl);
const questionnaire = readFileSync('questionnaires/csq.pl.yaml', 'utf8');
// The questionnaire's texts, without its comments and keys' names.
const questionnaireTexts = questionnaire
  .split('\n')
  .filter((line) => !line.trimStart().startsWith('#'))
  .join('\n');

/** Texts that read the same in both languages: placeholders and signs only, a command line, or these words. */
function sameInEveryLanguage(text: string): boolean {
  if (!/\p{L}/u.test(text.replace(/\{\w+\}/g, '').replace(/\bok\b|CSQ/g, ''))) return true;
  if (/^(csq|cat) /.test(text) && !text.includes(' # ')) return true;
  return ['n/a', 'null'].includes(text);
}

describe('the Polish catalogue', () => {
  it('leaves no section to English', () => {
    for (const [name, section] of Object.entries(pl)) if (typeof section === 'object') expect(isFallback(section), name).toBe(false);
  });

  it('translates every message that has words', () => {
    const untranslated = [...english].filter(([path, text]) => polish.get(path) === text && !sameInEveryLanguage(text));
    expect(untranslated).toEqual([]);
  });

  it('keeps each --help example command as it is, its comment in the same column', () => {
    const examples = [...english].filter(([path]) => /^cli\.(\w+\.)?(programE|e)xamples\[/.test(path));
    expect(examples.length).toBeGreaterThan(20);
    for (const [path, text] of examples) {
      const mine = polish.get(path)!;
      const [command, comment] = text.split(' # ');
      expect(mine.split(' # ')[0], path).toBe(command);
      if (comment === undefined) expect(mine, path).toBe(text);
      else expect(mine.indexOf(' # '), path).toBe(text.indexOf(' # '));
    }
  });

  it('gives a number the noun form Polish uses with it: 1 problem, 2 problemy, 5 problemów', () => {
    const more = (count: number) => fill(pl.problems.more, { count, file: 'a.yaml' }, 'pl');
    expect([1, 2, 5, 12, 22, 25, 0].map(more)).toEqual([
      '… i jeszcze 1 problem w pliku a.yaml',
      '… i jeszcze 2 problemy w pliku a.yaml',
      '… i jeszcze 5 problemów w pliku a.yaml',
      '… i jeszcze 12 problemów w pliku a.yaml',
      '… i jeszcze 22 problemy w pliku a.yaml',
      '… i jeszcze 25 problemów w pliku a.yaml',
      '… i jeszcze 0 problemów w pliku a.yaml',
    ]);
    const merged = (count: number) => fill(pl.team.merged, { count, named: 9 }, 'pl').split(': ').at(-1);
    expect([1, 3, 5].map(merged)).toEqual(['1 zasada spośród 9 wymienionych', '3 zasady spośród 9 wymienionych', '5 zasad spośród 9 wymienionych']);
  });

  it('puts no number straight before a noun in a message that has one form only', () => {
    // "{count} plików" is right for 5 and wrong for 2; such a message must be plural, or say "plików: {count}".
    const nouns = /^(?:stwierdze|sekcj|ocen|plik|pozycj|problem|zasad|słów|słow|wiersz|znak|krok|argument|imion|pomysł|punkt|element|nawias)/;
    const risky = [...polish].filter(([path, text]) => {
      const leaf = path.replace(/\.(one|few|many|other)$/, '');
      if (leaf !== path) return false;
      return [...text.matchAll(/\{(count|sections|statements|words|rated|total|max|failed|points|n)\} (\p{L}+)/gu)].some(([, , word]) => nouns.test(word!));
    });
    expect(risky).toEqual([]);
  });
});

describe('Polish terms (one form each, docs/glossary/pl.md)', () => {
  const everything = [...polish.values(), questionnaireTexts].join('\n');
  const avoided: [RegExp, string][] = [
    [/(?<!\p{L})polity(?:ka|ki|kę|ce|ką|k)(?!\p{L})/iu, 'zasada, zasady (policy)'],
    [/przyjazn\p{L}* klientowi/iu, 'przyjazna dla klienta'],
    [/(?:wskaźnik|współczynnik)\p{L}* obsługi klienta/iu, 'iloraz obsługi klienta'],
    [/(?<!\p{L})obsług(?:a|i|ę|ą|ze) klientów/iu, 'obsługa klienta, in the singular'],
    [/reklamacj/iu, 'skarga, skargi (complaint)'],
    [/grup\p{L}* (?:docelow|focus|skupion)/iu, 'grupa fokusowa'],
    [/(?<![\d–])2 ?(?:-|do) ?4 ?%/u, '2–4%, with an en dash'],
    [/(?<!\p{L})misj/iu, 'wizja (vision)'],
    // Ty form throughout, and no second-person past or conditional, whose ending shows the reader's gender.
    [/(?<!\p{L})(?:Pan|Pani|Panu|Panią|Pana|Państwo|Państwa)(?!\p{L})/u, 'the ty form (no Pan / Pani)'],
    [/\p{L}(?:łeś|łaś|łbyś|łabyś)(?!\p{L})|powinieneś|powinnaś/u, 'present, future with an infinitive, imperative or impersonal forms'],
  ];
  for (const [pattern, instead] of avoided) {
    it(`writes ${instead}, never ${pattern}`, () => {
      expect(everything.split('\n').filter((line) => pattern.test(line))).toEqual([]);
    });
  }

  it('names the policy groups and the walk question with przyjazna / nieprzyjazna dla klienta, konieczna', () => {
    expect(Object.values(pl.method.policyActions).map((a) => a.group)).toEqual([
      'Nieprzyjazne dla klienta i niekonieczne',
      'Nieprzyjazne dla klienta, ale konieczne',
      'Przyjazne dla klienta i konieczne',
      'Przyjazne dla klienta, choć niewymagane',
    ]);
    expect(pl.walk.policyFriendly).toBe('Czy zasada „{name}” jest przyjazna dla klienta?');
    expect(pl.walk.policyNecessary).toContain('wymagana przez prawo albo ze względu na zdrowie lub bezpieczeństwo');
    expect(pl.plan.policiesIntro).toContain('Przykro mi, takie mamy zasady');
    expect(pl.plan.overallLine).toContain('Iloraz obsługi klienta');
    expect(questionnaire).toMatch(/^title: Iloraz obsługi klienta$/m);
  });

  it('uses the glossary’s section titles', () => {
    const glossary = readFileSync('docs/glossary/pl.md', 'utf8');
    const titles = [...questionnaireTexts.matchAll(/^ {4}title: (.+)$/gm)].map((m) => m[1]!);
    expect(titles).toHaveLength(7);
    for (const title of titles) expect(glossary, title).toContain(`| ${title} | Section title`);
  });
});
