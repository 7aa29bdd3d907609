import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { compareQuestionnaireIds } from '../../src/core/translation.js';
import { CsqError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { messagesFor, resolveLang, SUPPORTED_LANGS } from '../../src/i18n/index.js';
import { compileTemplate } from '../../src/render/markdown.js';
import { problemMessage } from '../../src/render/problems.js';
import { readFixture } from '../helpers.js';

const questionnaireOf = (lang: string) => loadQuestionnaire(readFileSync(`questionnaires/csq.${lang}.yaml`, 'utf8'), `csq.${lang}.yaml`);
const reference = questionnaireOf('en');

type Leaf = string | Record<string, string>;

/** Every message of a catalogue by its path; a plural message is one leaf with its forms. */
function leaves(value: unknown, path = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) {
    out.set(`${path}.length`, String(value.length));
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object' && 'other' in value) out.set(path, value as Record<string, string>);
  else for (const [k, v] of Object.entries(value as object)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}
const forms = (leaf: Leaf) => (typeof leaf === 'string' ? [leaf] : Object.values(leaf));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();

/** The plural categories a language uses for whole numbers (0–1000): each needs a form. */
function integerCategories(lang: string): string[] {
  const rules = new Intl.PluralRules(lang);
  return [...new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)))].sort();
}

describe('every language', () => {
  it('has a questionnaire, a template and a catalogue for each supported language, and nothing else', () => {
    expect(SUPPORTED_LANGS).toEqual(['en', 'pt', 'pl', 'lt', 'uk', 'he']);
    expect(readdirSync('questionnaires').sort()).toEqual(SUPPORTED_LANGS.map((l) => `csq.${l}.yaml`).sort());
    // One template per output format: a language brings only its questionnaire and catalogue.
    expect(readdirSync('templates').sort()).toEqual(['plan.md.hbs']);
  });

  for (const lang of SUPPORTED_LANGS) {
    describe(lang, () => {
      const q = questionnaireOf(lang);
      it('keeps the reference questionnaire’s ids, order and scale, with ideas everywhere', () => {
        expect(q.lang).toBe(lang);
        expect(compareQuestionnaireIds(reference, q)).toEqual([]);
        expect(Object.keys(q.scale.labels)).toEqual(Object.keys(reference.scale.labels));
        q.sections.forEach((s, i) => {
          expect(s.ideas.length, s.id).toBe(reference.sections[i]!.ideas.length);
          expect(s.summary, s.id).toBeTruthy();
          // The words in an owner's own notes that point to the area, in this language.
          expect(s.cues?.length, `${s.id} cues`).toBeGreaterThan(2);
        });
      });

      it('labels the scale 1 Never · 2 Almost never · 3 Sometimes · 4 Usually · 5 Always, in its own words', () => {
        expect(q.scale).toMatchObject({ min: 1, max: 5 });
        const labels = Object.values(q.scale.labels);
        expect(labels).toHaveLength(5);
        expect(new Set(labels.map((l) => l.toLocaleLowerCase(lang))).size).toBe(5);
        // The seeds' own labels where they survive ("2. Quase nunca 3. Às vezes 4. Normalmente").
        const known: Record<string, string[]> = {
          en: ['Never', 'Almost never', 'Sometimes', 'Usually', 'Always'],
          pt: ['Nunca', 'Quase nunca', 'Às vezes', 'Normalmente', 'Sempre'],
        };
        if (known[lang]) expect(labels).toEqual(known[lang]);
        else labels.forEach((label, i) => expect(label, `label ${i + 1}`).not.toBe(known.en![i]));
      });

      it('has every message of the English catalogue, with its placeholders and each plural form of the language', () => {
        const mine = leaves(messagesFor(lang));
        const english = leaves(en);
        expect([...mine.keys()].sort()).toEqual([...english.keys()].sort());
        for (const [path, reference] of english) {
          const leaf = mine.get(path)!;
          for (const text of forms(leaf)) expect(text.trim(), path).not.toBe('');
          const expected = placeholders(forms(reference).at(-1)!);
          if (typeof reference === 'string') {
            expect(typeof leaf, path).toBe('string');
            expect(placeholders(leaf as string), path).toEqual(expected);
          } else {
            // A plural message: a form for each category the language has, the count in the general one at least.
            expect(typeof leaf, path).toBe('object');
            const plural = leaf as Record<string, string>;
            for (const category of integerCategories(lang)) expect(plural[category], `${path}.${category}`).toBeDefined();
            expect(placeholders(plural.other!), path).toEqual(expected);
            for (const text of Object.values(plural)) expect(placeholders(text).every((p) => expected.includes(p)), path).toBe(true);
          }
        }
      });

      it('renders the bundled template in strict mode for a business with and without staff', () => {
        const template = compileTemplate(readFileSync('templates/plan.md.hbs', 'utf8'), 'plan.md.hbs');
        for (const fixture of ['full.yaml', 'solo.yaml']) {
          const result = scoreAnswers(q, loadAnswers(readFixture(fixture), fixture, q), lang);
          const plan = template({ ...buildPlan(result, q, messagesFor(lang)), result });
          // What we will do, two posters, A–E, more ideas; without staff there is no E.
          expect(plan.match(/^## /gm)?.length, fixture).toBe(fixture === 'full.yaml' ? 9 : 8);
        }
      });
    });
  }

  it('finds a translation that lost, renamed or reordered ids', () => {
    const text = readFileSync('questionnaires/csq.pt.yaml', 'utf8');
    const renamed = loadQuestionnaire(text.replace(/\bdelight\b/g, 'delite'), 'x.yaml');
    expect(compareQuestionnaireIds(reference, renamed).map((p) => problemMessage(p, en))).toEqual([
      'section outreach has statements [easy-to-deal, resolve-complaints, delite], expected [easy-to-deal, resolve-complaints, delight]',
      'idea 5 of section outreach is for other statements or businesses than in en',
      'idea 6 of section outreach is for other statements or businesses than in en',
    ]);
    const [head, body] = [text.slice(0, text.indexOf('\nsections:')), text.slice(text.indexOf('\nsections:'))];
    const sections = body.split(/(?=^  - id: )/m);
    const swapped = loadQuestionnaire(head + [sections[0], sections[2], sections[1], ...sections.slice(3)].join(''), 'x.yaml');
    expect(compareQuestionnaireIds(reference, swapped).map((p) => problemMessage(p, en))).toEqual([
      'section alignment is out of order: position 1 is leadership in en',
      'section leadership is out of order: position 2 is alignment in en',
    ]);
  });
});

describe('resolveLang', () => {
  it('prefers the flag, then the answers, then LC_ALL, LC_MESSAGES, LANG, then English', () => {
    expect(resolveLang('en', 'pt', { LANG: 'pt_BR.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, 'pt', { LANG: 'en_US.UTF-8' })).toBe('pt');
    expect(resolveLang(undefined, undefined, { LC_ALL: 'pt_BR.UTF-8', LANG: 'en_US' })).toBe('pt');
    expect(resolveLang(undefined, undefined, { LC_MESSAGES: 'pt_PT', LANG: 'en_US' })).toBe('pt');
    expect(resolveLang(undefined, undefined, { LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'pt_BR' })).toBe('en');
    expect(resolveLang(undefined, undefined, { LANG: 'pt_BR.UTF-8' })).toBe('pt');
    expect(resolveLang(undefined, undefined, { LANG: 'C' })).toBe('en');
    expect(resolveLang(undefined, undefined, { LANG: 'POSIX' })).toBe('en');
    expect(resolveLang(undefined, undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, undefined, { LANG: 'pt-BR' })).toBe('pt');
    expect(() => resolveLang('xx', undefined, {})).toThrow(CsqError);
  });

  describe('with no locale variable set, as on Windows', () => {
    afterEach(() => vi.restoreAllMocks());
    const systemLocale = (locale: string) =>
      vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({ ...new Intl.DateTimeFormat('en').resolvedOptions(), locale });

    it('takes the system locale that Intl reports', () => {
      systemLocale('pt-BR');
      expect(resolveLang(undefined, undefined, {})).toBe('pt');
      expect(resolveLang(undefined, 'xx', {})).toBe('pt');
      // A variable that is set still wins, even one csq does not speak.
      expect(resolveLang(undefined, undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    });

    it('and English when the system speaks a language csq does not', () => {
      systemLocale('de-DE');
      expect(resolveLang(undefined, 'xx', {})).toBe('en');
    });
  });
});
