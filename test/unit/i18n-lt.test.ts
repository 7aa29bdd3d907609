/**
 * The Lithuanian catalogue and questionnaire: every message translated, the --help examples
 * kept as commands, every plural form Lithuanian needs, and one term for each notion of the
 * method (docs/glossary/lt.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { en } from '../../src/i18n/en.js';
import { fill, isFallback } from '../../src/i18n/format.js';
import { lt } from '../../src/i18n/lt.js';

/** Every text of a catalogue by its path, plural forms included. */
function texts(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** The plural messages of a catalogue by their path. */
function plurals(value: unknown, path = '', out = new Map<string, Record<string, string>>()): Map<string, Record<string, string>> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('other' in value) out.set(path, value as Record<string, string>);
    else for (const [k, v] of Object.entries(value)) plurals(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

const english = texts(en);
const lithuanian = texts(lt);
const questionnaireText = readFileSync('questionnaires/csq.lt.yaml', 'utf8');
const questionnaire = loadQuestionnaire(questionnaireText, 'csq.lt.yaml');
const reference = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');

/** Texts that read the same in both languages: placeholders and signs only, a command line, or these words. */
function sameInEveryLanguage(text: string): boolean {
  if (!/\p{L}/u.test(text.replace(/\{\w+\}/g, '').replace(/\bok\b|CSQ/g, ''))) return true;
  if (/^(csq|cat) /.test(text) && !text.includes(' # ')) return true;
  return ['null'].includes(text);
}

describe('the Lithuanian catalogue', () => {
  it('leaves no section to English', () => {
    for (const [name, section] of Object.entries(lt)) if (typeof section === 'object') expect(isFallback(section), name).toBe(false);
  });

  it('translates every message that has words', () => {
    const untranslated = [...english].filter(([path, text]) => lithuanian.get(path) === text && !sameInEveryLanguage(text));
    expect(untranslated).toEqual([]);
  });

  it('keeps each --help example command as it is, its comment in the same column', () => {
    const examples = [...english].filter(([path]) => /^cli\.(\w+\.)?(programE|e)xamples\[/.test(path));
    expect(examples.length).toBeGreaterThan(20);
    for (const [path, text] of examples) {
      const mine = lithuanian.get(path)!;
      const [command, comment] = text.split(' # ');
      expect(mine.split(' # ')[0], path).toBe(command);
      if (comment === undefined) expect(mine, path).toBe(text);
      else {
        expect(mine.indexOf(' # '), path).toBe(text.indexOf(' # '));
        expect(mine.split(' # ')[1], path).not.toBe(comment);
      }
    }
  });

  it('gives every plural message the four forms of Lithuanian, fractions (many) included', () => {
    const messages = plurals(lt);
    expect([...messages.keys()].sort()).toEqual([...plurals(en).keys()].sort());
    for (const [path, forms] of messages) expect(Object.keys(forms).sort(), path).toEqual(['few', 'many', 'one', 'other']);
  });

  it('chooses the form by the number: 1 and 21 (one), 2–9 and 22 (few), 0, 10–20 and 30 (other)', () => {
    const more = (count: number) => fill(lt.problems.more, { count, file: 'a.yaml' }, 'lt');
    expect(more(1)).toBe('… ir dar 1 problema faile a.yaml');
    expect(more(21)).toBe('… ir dar 21 problema faile a.yaml');
    expect(more(2)).toBe('… ir dar 2 problemos faile a.yaml');
    expect(more(22)).toBe('… ir dar 22 problemos faile a.yaml');
    expect(more(10)).toBe('… ir dar 10 problemų faile a.yaml');
    expect(more(12)).toBe('… ir dar 12 problemų faile a.yaml');
    expect(more(30)).toBe('… ir dar 30 problemų faile a.yaml');
    expect(fill(lt.problems['too-many-items'], { count: 3, found: 4 }, 'lt')).toBe('leidžiami daugiausia 3 įrašai, o yra 4');
    expect(fill(lt.problems['too-many-items'], { count: 50, found: 51 }, 'lt')).toBe('leidžiama daugiausia 50 įrašų, o yra 51');
    expect(fill(lt.problems['excess-arguments'], { command: 'schema', count: 1, found: 2 }, 'lt')).toBe('csq schema priima 1 argumentą, o gauta: 2');
    expect(fill(lt.problems['excess-arguments'], { command: 'compare', count: 2, found: 3 }, 'lt')).toBe('csq compare priima 2 argumentus, o gauta: 3');
    expect(fill(lt.problems['excess-arguments'], { command: 'x', count: 0, found: 1 }, 'lt')).toBe('csq x priima 0 argumentų, o gauta: 1');
    expect(new Intl.PluralRules('lt').select(1.5)).toBe('many');
    expect(lt.problems.more.many).toBe('… ir dar {count} problemos faile {file}');
  });

  it('writes the percent sign as Intl does for Lithuanian, after a no-break space', () => {
    expect(new Intl.NumberFormat('lt', { style: 'percent' }).format(0.66)).toBe('66\u00a0%');
    const everything = [...lithuanian.values(), questionnaireText];
    expect(everything.filter((text) => /[\d}]%|[\d}] %/.test(text))).toEqual([]);
    expect(lithuanian.get('plan.exercise')).toContain('2–4\u00a0%');
  });
});

describe('the Lithuanian questionnaire', () => {
  it('has the seed’s scale words and every text translated', () => {
    expect(questionnaire.scale.labels).toEqual({ 1: 'Niekada', 2: 'Beveik niekada', 3: 'Kartais', 4: 'Dažniausiai', 5: 'Visada' });
    expect(questionnaire.title).toBe('Klientų aptarnavimo koeficientas');
    const mine = texts(questionnaire);
    const theirs = texts(reference);
    const same = [...theirs].filter(([path, text]) => /\.(title|summary|text|question|staff)$|labels/.test(path) && mine.get(path) === text);
    expect(same).toEqual([]);
  });

  it('titles the sections as the glossary does', () => {
    expect(questionnaire.sections.map((s) => s.title)).toEqual([
      'Vadovavimas ir įsipareigojimas',
      'Atitiktis klientų poreikiams',
      'Klaidų mažinimas',
      'Klientų informacijos naudojimas',
      'Rūpinimasis klientais',
      'Kompetentingi ir savarankiški darbuotojai',
      'Produktų, paslaugų ir procesų tobulinimas',
    ]);
  });
});

describe('Lithuanian terms (one form each, docs/glossary/lt.md)', () => {
  const lines = [...lithuanian.values(), questionnaireText].join('\n').split('\n');
  const avoided: [RegExp, string][] = [
    [/draugišk/i, 'klientui palanki / nepalanki taisyklė'],
    [/politik/i, 'taisyklė, taisyklės'],
    [/fokus\s*grup/i, 'grupinė diskusija'],
    [/įgalint/i, 'savarankiški darbuotojai'],
    [/kvocient|aptarnavimo indeks/i, 'klientų aptarnavimo koeficientas'],
    [/kokybės vart/i, 'kokybės riba'],
    [/\(nebūtina\)/, '(neprivaloma) for an optional answer'],
    [/(?<!\p{L})vadove(?!\p{L})/iu, 'šaltinis for the guide; vadovas is a manager'],
    [/(?<!\p{L})(tu|tau|tave|tavo)(?!\p{L})/iu, 'jūs throughout'],
    [/[^.!?:\s]\s+J(ūs|ūsų|ums|us|umis)(?!\p{L})/u, 'jūs in lower case inside a sentence'],
  ];
  for (const [pattern, instead] of avoided) {
    it(`writes ${instead}, never ${pattern}`, () => {
      expect(lines.filter((line) => pattern.test(line))).toEqual([]);
    });
  }

  it('names the policy groups, the grid and the walk question with klientui palanki / nepalanki', () => {
    expect(Object.values(lt.method.policyActions).map((a) => a.group)).toEqual([
      'Klientui nepalankios ir nebūtinos',
      'Klientui nepalankios, bet būtinos',
      'Klientui palankios ir būtinos',
      'Klientui palankios, nors neprivalomos',
    ]);
    expect(lt.plan.policiesIntro).toContain('ar ji klientui palanki, ar nepalanki');
    expect(lt.walk.policyFriendly).toBe('Ar taisyklė „{name}“ klientui palanki?');
    expect(lt.plan.overallLine).toContain('Klientų aptarnavimo koeficientas');
    expect(questionnaireText).toContain('klientui palankių');
  });
});
