/**
 * The Hebrew catalogue and questionnaire: every message translated, the --help examples kept
 * as commands, one term for each notion of the method, and right to left: left-to-right values
 * isolated in what csq prints, and no bidi control in the plan or in any file csq reads again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersTemplate } from '../../src/core/answers-template.js';
import { loadAnswers } from '../../src/core/answers.js';
import { forbiddenCharacter } from '../../src/core/characters.js';
import { dataPointingTo } from '../../src/core/ideas.js';
import { answersJsonSchema } from '../../src/core/json-schema.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { isFallback } from '../../src/i18n/format.js';
import { he } from '../../src/i18n/he.js';
import { compileTemplate } from '../../src/render/markdown.js';
import { readFixture } from '../helpers.js';

/** Every text of a catalogue by its path, plural forms included. */
function texts(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k, out);
  return out;
}

const english = texts(en);
const hebrew = texts(he);
const questionnaireText = readFileSync('questionnaires/csq.he.yaml', 'utf8');
const q = loadQuestionnaire(questionnaireText, 'csq.he.yaml');
const qEn = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const template = compileTemplate(readFileSync('templates/plan.md.hbs', 'utf8'), 'plan.md.hbs');

const BIDI = /[\u2066-\u2069\u202a-\u202e]/;
const withoutIsolates = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

/** Texts that read the same in both languages: placeholders and signs only, a command line, or these words. */
function sameInEveryLanguage(text: string): boolean {
  if (!/\p{L}/u.test(text.replace(/\{\w+\}/g, '').replace(/\bok\b|CSQ/g, ''))) return true;
  if (/^(csq|cat) /.test(text) && !text.includes(' # ')) return true;
  return ['n/a', 'null'].includes(text);
}

/** An answers file written in Hebrew, as an owner would fill it in. */
const HEBREW_ANSWERS = `questionnaire: csq
lang: he
organization: מאפיית דנה
respondent: דנה לוי
date: 2026-11-23
review: 2027-05-01
profile:
  staff: true
ratings:
  leadership: { whatever-it-takes: 4, right-first-time: 3, owner-example: 5, success-measure: 4 }
  alignment: { partnership: 4, honest-promises: 5, know-benefits: 3, customer-led-design: 2 }
  errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 2 }
  information: { know-expectations: 3, frequent-contact: 4, shared-knowledge: 3 }
  outreach: { easy-to-deal: 4, resolve-complaints: 4, delight: 3 }
  staff: { respected: 4, product-knowledge: 3, tools-skills: 3, encouraged-to-solve: 2, own-satisfaction: 3 }
  improvement: { constant-improvement: 4, learn-from-others: 2, fix-quickly: 4 }
actions:
  - { area: errors, action: לפתוח יומן תלונות ליד הקופה, owner: דנה, due: 2027-01-15, measure: כל תלונה נרשמת }
requirements:
  internal:
    - שתי תקלות עם אלרגנים באוקטובר
    - הזמנות לאירועים מתעכבות ביומיים
  employees:
    - לקוחות מחכים בתור בשישי בבוקר
  topRequests:
    - לחם מלא גם בשישי אחר הצהריים
    - הזמנה בטלפון
    - מחירים ברורים
vision: לחם טרי, באדיבות, בכל בוקר.
policies:
  - { name: אין החזרות בלי קבלה, friendly: false, necessary: false }
  - { name: אין כניסה עם כלבים, friendly: false, necessary: true }
communication:
  greet: לברך כל לקוח בשמו.
education:
  kickoff: 2026-12-01
  owner: דנה
  training: חצי שעה בכל חודש על ארבעת השלבים.
`;

function plan(text: string, lang = 'he') {
  const questionnaire = lang === 'he' ? q : qEn;
  const result = scoreAnswers(questionnaire, loadAnswers(text, 'a.yaml', questionnaire), lang);
  return { result, markdown: template({ ...buildPlan(result, questionnaire, lang === 'he' ? he : en), result }) };
}

describe('the Hebrew catalogue', () => {
  it('leaves no section to English', () => {
    for (const [name, section] of Object.entries(he)) if (typeof section === 'object') expect(isFallback(section), name).toBe(false);
  });

  it('translates every message that has words', () => {
    const untranslated = [...english].filter(([path, text]) => withoutIsolates(hebrew.get(path)!) === text && !sameInEveryLanguage(text));
    expect(untranslated).toEqual([]);
  });

  it('keeps each --help example command as it is, its comment in the same column', () => {
    const examples = [...english].filter(([path]) => /^cli\.(\w+\.)?(programE|e)xamples\[/.test(path));
    expect(examples.length).toBeGreaterThan(20);
    for (const [path, text] of examples) {
      const mine = hebrew.get(path)!;
      const [command, comment] = text.split(' # ');
      expect(mine.split(' # ')[0], path).toBe(command);
      if (comment === undefined) expect(mine, path).toBe(text);
      else expect(mine.indexOf(' # '), path).toBe(text.indexOf(' # '));
    }
  });

  it('gives every plural message the three forms Hebrew has (one, two, other), on Node 20 and 24 alike', () => {
    expect(new Intl.PluralRules('he').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other', 'two']);
    const plurals = [...english.keys()].filter((p) => p.endsWith('.other')).map((p) => p.slice(0, -'.other'.length));
    expect(plurals.length).toBeGreaterThan(10);
    for (const path of plurals) for (const form of ['one', 'two', 'other']) expect(hebrew.get(`${path}.${form}`), `${path}.${form}`).toBeTruthy();
  });
});

describe('right to left', () => {
  /** The sections whose words go into documents (the plan, compare's Markdown) or into files csq reads again. */
  const documentPaths = [...hebrew].filter(([path]) => /^(method|plan|answers|summary|terms)\./.test(path) || /^compare\.(?!differentOrganizations|reverseDates|gateFailed)/.test(path));

  it('puts no bidi control in the plan, the method, the answers file, the summary or compare’s table', () => {
    expect(documentPaths.length).toBeGreaterThan(150);
    expect(documentPaths.filter(([, text]) => BIDI.test(text)).map(([path]) => path)).toEqual([]);
  });

  it('closes every isolate it opens, in the same message', () => {
    const unbalanced = [...hebrew].filter(([, text]) => {
      let open = 0;
      for (const c of text) {
        if (c === '\u2066' || c === '\u2068') open++;
        if (c === '\u2069' && --open < 0) return true;
      }
      return open !== 0;
    });
    expect(hebrew.size).toBeGreaterThan(600);
    expect(unbalanced.map(([path]) => path)).toEqual([]);
  });

  it('isolates every path, option, id and command it fills into what csq prints', () => {
    const terminal = [...hebrew].filter(([path]) => !documentPaths.some(([p]) => p === path) && !/^cli\.(\w+\.)?(programE|e)xamples\[/.test(path));
    const ltr = ['file', 'dir', 'files', 'plan', 'answers', 'first', 'others', 'input', 'option', 'flag', 'id', 'ids', 'names', 'known', 'available', 'char', 'size', 'resultLimit', 'pid', 'reference', 'command', 'argument', 'helper', 'field', 'tag', 'version', 'number', 'byte', 'detail'];
    const bare: string[] = [];
    for (const [path, text] of terminal) {
      const names = /^(problems|gates)\./.test(path) ? [...ltr, 'section'] : ltr;
      for (const match of text.matchAll(/\{(\w+)\}/g)) {
        const before = text.slice(0, match.index);
        const inside = (before.match(/[\u2066\u2068]/g)?.length ?? 0) > (before.match(/\u2069/g)?.length ?? 0);
        if (names.includes(match[1]!) && !inside) bare.push(`${path}: {${match[1]}}`);
      }
    }
    expect(terminal.length).toBeGreaterThan(300);
    expect(bare).toEqual([]);
  });

  it('writes a plan in which every line of Hebrew answers starts with a Hebrew letter, so GitHub sets each right to left', () => {
    const { markdown } = plan(HEBREW_ANSWERS);
    const leftToRight = markdown.split('\n').filter((line) => {
      const first = line.match(/\p{L}/u)?.[0];
      return first !== undefined && !/\p{Script=Hebrew}/u.test(first);
    });
    expect(markdown.split('\n').length).toBeGreaterThan(100);
    expect(leftToRight).toEqual([]);
  });

  it('keeps `csq init`’s template and JSON Schema free of what csq refuses to read', () => {
    for (const staff of [true, false]) {
      const text = answersTemplate(q, he, { profile: { staff }, schemaUrl: './csq-answers.schema.json', lang: 'he' });
      expect(text).toContain('דרגו כל היגד');
      expect(forbiddenCharacter(text)).toBeUndefined();
    }
    expect(forbiddenCharacter(JSON.stringify(answersJsonSchema(q, he)))).toBeUndefined();
  });
});

describe('the Hebrew plan and questionnaire', () => {
  it('scores the same answers as English does', () => {
    const scores = (lang: string) => {
      const { result } = plan(readFixture('full.yaml'), lang);
      return { overall: result.overall, improve: result.improve, sections: result.sections.map(({ id, score, max, percent }) => ({ id, score, max, percent })) };
    };
    expect(scores('he')).toEqual(scores('en'));
  });

  it('finds the owner’s Hebrew notes through each area’s Hebrew cues, and quotes them under the priority', () => {
    const section = (id: string) => q.sections.find((s) => s.id === id)!;
    expect(q.sections.every((s) => (s.cues?.length ?? 0) > 0)).toBe(true);
    expect(dataPointingTo(section('errors'), ['שתי תקלות עם אלרגנים באוקטובר', 'לקוח קבוע', 'לקוחות התלוננו על המחיר'], 'he')).toEqual([
      'שתי תקלות עם אלרגנים באוקטובר',
      'לקוחות התלוננו על המחיר',
    ]);
    expect(dataPointingTo(section('outreach'), ['לקוחות מחכים בתור בשישי בבוקר', 'אין מענה בטלפון', 'לחם טרי'], 'he')).toEqual(['לקוחות מחכים בתור בשישי בבוקר', 'אין מענה בטלפון']);
    expect(dataPointingTo(section('improvement'), ['הזמנות לאירועים מתעכבות ביומיים'], 'he')).toEqual(['הזמנות לאירועים מתעכבות ביומיים']);
    const { markdown } = plan(HEBREW_ANSWERS);
    const errors = markdown.slice(markdown.indexOf('### 1. צמצום טעויות'), markdown.indexOf('### 2.'));
    expect(errors).toContain('הנתונים שלנו מצביעים לכאן: "שתי תקלות עם אלרגנים באוקטובר".');
  });

  it('writes no staff, team or meeting for a one-person business outside the scores table', () => {
    const text = `${readFixture('solo.yaml')}requirements: { internal: [חשבוניות מאחרות], topRequests: [חשבוניות ברורות] }\npolicies:\n  - { name: אין החזרים, friendly: false, necessary: false }\n  - { name: מועדי מס, friendly: false, necessary: true }\n`;
    const { markdown } = plan(text);
    const staffTitle = q.sections.find((s) => s.id === 'staff')!.title;
    const outsideScores = markdown.split('\n').filter((line) => !(line.startsWith('|') && line.includes(staffTitle)));
    // Nouns only: "עובדים" is also "we work", "עובד" "it works".
    const staffWords = /(צוות|העובד|לעובד|עובדים חדשים|מנהל|ישיב|כל הארגון|כל מי שמשרת)/;
    expect(outsideScores.filter((line) => staffWords.test(line))).toEqual([]);
    expect(markdown).toContain(`| ${staffTitle} | – | לא רלוונטי | |`);
    // The same words are in the plan of a business with staff, so the check can fail.
    expect(plan(HEBREW_ANSWERS).markdown.split('\n').filter((line) => staffWords.test(line)).length).toBeGreaterThan(5);
  });
});

describe('Hebrew terms (one form each; see docs/glossary/he.md)', () => {
  // The cues are the owner's own words ("לא ידידותי*"), not the method's terms.
  const everything = [...hebrew.values(), questionnaireText.replace(/^ *cues: .*$/gm, '')].join('\n');
  const avoided: [RegExp, string][] = [
    [/מדיניו/, 'נוהל, נהלים for a policy'],
    [/נחוצ|נחוץ/, 'הכרחי / לא הכרחי for necessary'],
    [/ידידותי(?:ים|ות|ת)?(?![\u05d0-\u05ea])(?! ללקוח| ככל)/, 'ידידותי ללקוח, with the customer named'],
    [/2[–-]4%|2 עד 4%/, '2% עד 4%'],
    [/קבוצות? פוקוס/, 'קבוצת מיקוד'],
    [/מנת שירות לקוחות/, 'מנת שירות הלקוחות'],
  ];
  for (const [pattern, instead] of avoided) {
    it(`writes ${instead}, never ${pattern}`, () => {
      expect(everything.split('\n').filter((line) => pattern.test(line))).toEqual([]);
    });
  }

  it('names the policy groups in the singular, so that one policy’s judgment reads as well as a group’s heading', () => {
    expect(Object.values(he.method.policyActions).map((a) => a.group)).toEqual([
      'לא ידידותי ללקוח ולא הכרחי',
      'לא ידידותי ללקוח אבל הכרחי',
      'ידידותי ללקוח והכרחי',
      'ידידותי ללקוח אף שאינו חובה',
    ]);
    expect(he.walk.policyFriendly).toContain('ידידותי ללקוח?');
    expect(he.plan.policiesIntro).toContain('נדרש על פי חוק, בריאות או בטיחות');
  });

  it('letters the steps of the method in Hebrew, in the plan and the walk alike', () => {
    const steps = ['א', 'ב', 'ג', 'ד', 'ה'];
    expect([he.plan.headingA, he.plan.headingB, he.plan.headingC, he.plan.headingD, he.plan.headingE].map((h) => h.split('.')[0])).toEqual(steps);
    expect([he.walk.stepA, he.walk.stepB, he.walk.stepC, he.walk.stepD, he.walk.stepE].map((h) => h.split('.')[0])).toEqual(steps);
    expect(he.plan.noVisionYet).toContain('סעיף ג');
  });
});
