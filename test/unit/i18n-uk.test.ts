/**
 * The Ukrainian catalogue and questionnaire: every message translated, the --help examples
 * kept as commands, plural forms that agree with their number, and one term for each notion
 * of the method (docs/glossary/uk.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPointingTo } from '../../src/core/ideas.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { en } from '../../src/i18n/en.js';
import { fill, isFallback, type Plural } from '../../src/i18n/format.js';
import { uk } from '../../src/i18n/uk.js';

/** Every text of a catalogue by its path, plural forms included. */
function texts(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** The plural messages of a catalogue by their path. */
function plurals(value: unknown, path = '', out = new Map<string, Plural>()): Map<string, Plural> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('other' in value && typeof (value as Plural).other === 'string') out.set(path, value as Plural);
    else for (const [k, v] of Object.entries(value)) plurals(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

const english = texts(en);
const ukrainian = texts(uk);
const source = readFileSync('questionnaires/csq.uk.yaml', 'utf8');
const questionnaire = loadQuestionnaire(source, 'csq.uk.yaml');
/** What a reader sees of the questionnaire: every title, question, label, statement, summary and idea. */
const questionnaireTexts = [
  questionnaire.title,
  ...Object.values(questionnaire.scale.labels),
  ...questionnaire.profile.map((p) => p.question),
  ...questionnaire.sections.flatMap((s) => [
    s.title,
    s.summary,
    ...s.statements.flatMap((st) => [st.text, ...Object.values(st.without ?? {})]),
    ...s.ideas.map((idea) => idea.text),
  ]),
].filter((t): t is string => typeof t === 'string');

/** Texts that read the same in both languages: placeholders and signs only, a command line, or these words. */
function sameInEveryLanguage(text: string): boolean {
  if (!/\p{L}/u.test(text.replace(/\{\w+\}/g, '').replace(/\bok\b|CSQ/g, ''))) return true;
  if (/^(csq|cat) /.test(text) && !text.includes(' # ')) return true;
  return ['n/a', 'null'].includes(text);
}

describe('the Ukrainian catalogue', () => {
  it('leaves no section to English', () => {
    for (const [name, section] of Object.entries(uk)) if (typeof section === 'object') expect(isFallback(section), name).toBe(false);
  });

  it('translates every message that has words', () => {
    const untranslated = [...english].filter(([path, text]) => ukrainian.get(path) === text && !sameInEveryLanguage(text));
    expect(untranslated).toEqual([]);
  });

  it('keeps each --help example command as it is, its comment in the same column', () => {
    const examples = [...english].filter(([path]) => /^cli\.(\w+\.)?(programE|e)xamples\[/.test(path));
    expect(examples.length).toBeGreaterThan(20);
    for (const [path, text] of examples) {
      const mine = ukrainian.get(path)!;
      const [command, comment] = text.split(' # ');
      expect(mine.split(' # ')[0], path).toBe(command);
      if (comment === undefined) expect(mine, path).toBe(text);
      else expect(mine.indexOf(' # '), path).toBe(text.indexOf(' # '));
    }
  });

  it('lets every plural noun agree with its number: 1 and 21 take one form, 2–4 another, 5–20 a third', () => {
    const problems = (count: number) => fill(uk.problems.more, { count, file: 'a.yaml' }, 'uk');
    expect([1, 2, 5, 11, 21, 22, 25].map(problems)).toEqual([
      '… і ще 1 проблема у файлі a.yaml',
      '… і ще 2 проблеми у файлі a.yaml',
      '… і ще 5 проблем у файлі a.yaml',
      '… і ще 11 проблем у файлі a.yaml',
      '… і ще 21 проблема у файлі a.yaml',
      '… і ще 22 проблеми у файлі a.yaml',
      '… і ще 25 проблем у файлі a.yaml',
    ]);
    const policies = (count: number) => fill(uk.team.merged, { count, named: 9 }, 'uk');
    expect(policies(1)).toContain(': 1 правило (');
    expect(policies(3)).toContain(': 3 правила (');
    expect(policies(7)).toContain(': 7 правил (');
    expect(policies(0)).toContain(': 0 правил (');
    expect(fill(uk.problems['too-many-items'], { count: 3, found: 4 }, 'uk')).toBe('дозволено щонайбільше 3 елементи, а є 4');
    expect(fill(uk.problems['too-many-items'], { count: 50, found: 51 }, 'uk')).toBe('дозволено щонайбільше 50 елементів, а є 51');
    expect(fill(uk.problems['excess-arguments'], { command: 'init', count: 1, found: 2 }, 'uk')).toBe('csq init приймає 1 аргумент, а отримано 2');
    expect(fill(uk.problems['excess-arguments'], { command: 'compare', count: 2, found: 3 }, 'uk')).toBe('csq compare приймає 2 аргументи, а отримано 3');
  });

  it('shows the count in every `one` form that counts, since `one` also serves 21, 31 and so on', () => {
    for (const [path, plural] of plurals(en)) {
      if (!plural.other.includes('{count}')) continue;
      const mine = [...plurals(uk)].find(([p]) => p === path)?.[1];
      expect(mine?.one, path).toContain('{count}');
    }
  });

  it('never puts a placeholder straight before a noun in a message that is not plural', () => {
    // Such a noun would have to agree with a number it cannot know: "розділів: {count}" instead.
    const noun = /\{(count|max|maxWords|words|sections|statements|rated|total|valid|failed|named|respondents|spread|points|limit|score|minimum|maximum|found|expected)\} (твердж|розділ|бал|файл|проблем|елемент|правил|оцін|слів|слова|рядк|пункт|аргумент|символ|респондент|сфер|іде[яйї]|крок|імен|учасник)/;
    const pluralPaths = new Set([...plurals(uk).keys()]);
    const offending = [...ukrainian].filter(([path, text]) => ![...pluralPaths].some((p) => path.startsWith(`${p}.`)) && noun.test(text));
    expect(offending).toEqual([]);
  });
});

describe('Ukrainian terms and typography (one form each, docs/glossary/uk.md)', () => {
  const everything = [...ukrainian.values(), ...questionnaireTexts, source];
  const lines = everything.join('\n').split('\n');
  const avoided: [RegExp, string][] = [
    [/дружн|неприязн/iu, 'правило, зручне / незручне для клієнтів'],
    [/політик/iu, 'правило, правила'],
    [/кл[іи]єнтоконтакт|кліентоконтакт/iu, 'співробітники, які працюють із клієнтами'],
    [/рішення проблем/iu, 'розв’язання проблем'],
    [/фокусн\p{L}* груп|фокус груп/iu, 'фокус-група'],
    [/\b2-4\s?%|від 2 до 4/u, '2–4%'],
    [/папк/iu, 'тека'],
    [/наступн\p{L}* оцінк/iu, 'наступне оцінювання'],
    // Calques from Russian that the seed has and plain Ukrainian does not.
    [/на протязі|слідуюч|являєть|приймати участь|міроприєм|співпада|по відношенню|получ|добав/iu, 'протягом, наступний, є, брати участь, захід, збігатися, щодо, отримати, додати'],
  ];
  for (const [pattern, instead] of avoided) {
    it(`writes ${instead}, never ${pattern}`, () => {
      expect(lines.filter((line) => pattern.test(line))).toEqual([]);
    });
  }

  it('writes the apostrophe as ’ and never mixes Latin and Cyrillic letters in one word', () => {
    const texts = [...ukrainian.values(), ...questionnaireTexts];
    expect(texts.filter((t) => /\p{Script=Cyrillic}'\p{Script=Cyrillic}/u.test(t))).toEqual([]);
    expect(texts.filter((t) => /\p{Script=Cyrillic}\p{Script=Latin}|\p{Script=Latin}\p{Script=Cyrillic}/u.test(t))).toEqual([]);
  });

  it('quotes Ukrainian words with «…», not with ASCII quotes, in the plan, the walk and the questionnaire', () => {
    const prose = [...ukrainian].filter(([path]) => /^(plan|walk|method|prompts)\./.test(path)).map(([, t]) => t);
    expect([...prose, ...questionnaireTexts].filter((t) => /"\p{Script=Cyrillic}|\p{Script=Cyrillic}[.,!?]?"/u.test(t))).toEqual([]);
  });

  it('speaks to the owner as ви throughout, never ти, and never a capital Ви inside a sentence', () => {
    const texts = [...ukrainian.values(), ...questionnaireTexts];
    const informal = /(?<!\p{L})(ти|тебе|тобі|тобою|твій|твоя|твоє|твої|твого|твоєї|твоїх)(?!\p{L})/iu;
    expect(texts.filter((t) => informal.test(t))).toEqual([]);
    expect(texts.filter((t) => /\p{Ll}[,;:]? (Ви|Вас|Вам|Вами|Ваш\p{L}*)(?!\p{L})/u.test(t))).toEqual([]);
    expect(uk.walk.organization).toBe('Назва вашого бізнесу чи організації');
  });

  it('names the policy groups, the walk question and the scale as the glossary does', () => {
    expect(Object.values(uk.method.policyActions).map((a) => a.group)).toEqual([
      'Незручне для клієнтів і необов’язкове',
      'Незручне для клієнтів, але обов’язкове',
      'Зручне для клієнтів і обов’язкове',
      'Зручне для клієнтів, хоч і не обов’язкове',
    ]);
    expect(uk.walk.policyFriendly).toBe('Чи зручне для клієнтів правило «{name}»?');
    expect(uk.plan.policiesIntro).toContain('обов’язкове (його вимагає закон, охорона здоров’я чи безпека)');
    expect(uk.plan.train).toContain('розв’язання проблем');
    expect(Object.values(questionnaire.scale.labels)).toEqual(['Ніколи', 'Майже ніколи', 'Іноді', 'Зазвичай', 'Завжди']);
    expect(questionnaire.sections.map((s) => s.title)).toEqual([
      'Лідерство і відданість',
      'Орієнтація на клієнта',
      'Зменшення кількості помилок',
      'Використання інформації про клієнтів',
      'Назустріч клієнтам',
      'Кваліфікований персонал із повноваженнями',
      'Удосконалення продуктів, послуг і процесів',
    ]);
  });

  it('points the owner’s own data, written in Ukrainian, to the area its words belong to', () => {
    const section = (id: string) => questionnaire.sections.find((s) => s.id === id)!;
    const data = [
      'Двічі переплутали алергени в меню',
      'Клієнти довго чекають, поки ми передзвонимо',
      'Комерційну пропозицію готуємо п’ять робочих днів',
      'Нових працівників не навчають',
      'Усе гаразд',
    ];
    expect(dataPointingTo(section('errors'), data, 'uk')).toEqual(['Двічі переплутали алергени в меню']);
    expect(dataPointingTo(section('outreach'), data, 'uk')).toEqual(['Клієнти довго чекають, поки ми передзвонимо']);
    expect(dataPointingTo(section('improvement'), data, 'uk')).toEqual(['Комерційну пропозицію готуємо п’ять робочих днів']);
    expect(dataPointingTo(section('staff'), data, 'uk')).toEqual(['Нових працівників не навчають']);
    // Every section has cues; a cue starts a word, so "черговий" is not a queue.
    for (const s of questionnaire.sections) expect(s.cues?.length, s.id).toBeGreaterThan(3);
    expect(dataPointingTo(section('outreach'), ['Черговий звіт'], 'uk')).toEqual([]);
  });

  it('keeps every section title of the glossary in the questionnaire', () => {
    const glossary = readFileSync('docs/glossary/uk.md', 'utf8');
    for (const s of questionnaire.sections) expect(glossary, s.id).toContain(`| ${s.title} |`);
    expect(glossary).toContain(`| ${uk.plan.title.toLowerCase()} |`);
  });
});
