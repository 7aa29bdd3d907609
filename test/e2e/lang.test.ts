import { describe, expect, it } from 'vitest';
import { en as english } from '../../src/i18n/en.js';
import { messagesFor, SUPPORTED_LANGS } from '../../src/i18n/index.js';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { csq, fixture, readFixture, tempDir } from '../helpers.js';

const TRANSLATIONS = SUPPORTED_LANGS.filter((lang) => lang !== 'en');
/** The locale each language is chosen from, as a POSIX system names it. */
const LOCALES: Record<string, string> = { pt: 'pt_BR.UTF-8', pl: 'pl_PL.UTF-8', lt: 'lt_LT.UTF-8', uk: 'uk_UA.UTF-8', he: 'he_IL.UTF-8' };

/** English text that must never appear in a translated plan. */
const ENGLISH = [
  'Customer service plan', 'Our vision', 'Customer service quotient', 'Strengths', 'Priorities', 'score the same', 'What we will do', 'How we will know',
  'Suggested actions', 'suggested', 'next assessment', 'Post this', 'how we treat every customer', 'four steps', 'Your customer service quotient',
  'Weakest statements', 'Ratings:', 'Your customers', 'Our own data', 'Employees hear', 'top requests', 'Any overlap', 'Good customer data', 'Start at home',
  'Vision and policies', 'Notes behind it', 'Unfriendly', 'necessary', 'Dealing with customers', 'Educating your staff', 'Kickoff meeting', 'More ideas',
  'examples to adapt', 'Why it pays', 'reconstructed', 'Leadership and commitment', 'Customer alignment', 'Error reduction', 'Using customer information',
  'Customer outreach', 'Skilled and empowered staff', 'Improving products', 'not applicable', 'Almost never', 'Sometimes', 'Usually', 'Always',
  'Greet customers', 'Value customers', 'Ask how to help', 'Listen', 'Help customers', 'Invite customers back', 'Understand the problem',
  'Identify the cause', 'Discuss possible solutions', 'Resolve the problem', 'Drop it immediately', 'Keep it', 'Make it as friendly',
];

describe('languages', () => {
  const scores = (r: { overall: unknown; sections: { id: string; score: number; max: number; percent: number; ratings: unknown }[]; improve: string[] }) => ({
    overall: r.overall,
    sections: r.sections.map(({ id, score, max, percent, ratings }) => ({ id, score, max, percent, ratings })),
    improve: r.improve,
  });
  const en = JSON.parse(csq(['report', fixture('full.yaml'), '--format', 'json', '--lang', 'en']).stdout);

  it('the English plans contain every text of the list, so that it is a real check', () => {
    const plans = ['full.yaml', 'solo.yaml'].map((file) => csq(['report', fixture(file), '--lang', 'en']).stdout).join('\n');
    expect(ENGLISH.filter((e) => !plans.includes(e))).toEqual([]);
  });

  for (const lang of TRANSLATIONS) {
    describe(lang, () => {
      it('renders the same answers with the same scores, the titles in its words', () => {
        const mine = JSON.parse(csq(['report', fixture('full.yaml'), '--format', 'json', '--lang', lang]).stdout);
        expect(mine.lang).toBe(lang);
        expect(mine.questionnaire).toEqual({ id: 'csq', version: 1, lang });
        expect(scores(mine)).toEqual(scores(en));
        mine.sections.forEach((s: { title: string }, i: number) => expect(s.title).not.toBe(en.sections[i].title));
      });

      it('leaves no English in its plans', () => {
        const title = messagesFor(lang).plan.title;
        expect(title).not.toBe(english.plan.title);
        for (const file of ['full.yaml', 'solo.yaml']) {
          const plan = csq(['report', fixture(file), '--lang', lang]).stdout;
          expect(plan.split('\n')[0], file).toContain(title.replace(/[:：]?\s*\{\w+\}.*$/, ''));
          for (const text of ENGLISH) expect(plan, `${file}: "${text}"`).not.toContain(text);
        }
      });

      it('is chosen by its locale, and words an error in it', () => {
        const run = csq(['report', 'nope.yaml'], { env: { LANG: LOCALES[lang], LC_ALL: undefined, LC_MESSAGES: undefined } });
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('nope.yaml');
        expect(run.stderr).not.toBe('nope.yaml: cannot read: no such file\n');
        const plan = csq(['report', fixture('full.yaml')], { env: { LANG: LOCALES[lang], LC_ALL: undefined, LC_MESSAGES: undefined } }).stdout;
        expect(JSON.stringify(plan.split('\n')[0])).toBe(JSON.stringify(csq(['report', fixture('full.yaml'), '--lang', lang]).stdout.split('\n')[0]));
      });
    });
  }

  it('chooses the language from --lang, then the answers, then the locale', () => {
    const title = (run: { stdout: string }) => run.stdout.split('\n')[0];
    expect(title(csq(['report', fixture('full.yaml')], { env: { LANG: 'pt_BR.UTF-8' } }))).toBe('# Plano de atendimento ao cliente: Acme Cleaning');
    expect(title(csq(['report', fixture('full.yaml')], { env: { LANG: 'pt_BR.UTF-8', LC_ALL: 'en_US.UTF-8' } }))).toBe('# Customer service plan: Acme Cleaning');
    const ptAnswers = `lang: pt\n${readFixture('full.yaml')}`;
    expect(title(csq(['report', '-'], { input: ptAnswers }))).toBe('# Plano de atendimento ao cliente: Acme Cleaning');
    expect(title(csq(['report', '-', '--lang', 'en'], { input: ptAnswers }))).toBe('# Customer service plan: Acme Cleaning');
    const unknown = csq(['report', fixture('full.yaml'), '--lang', 'xx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`csq: language "xx" is not available (available: ${SUPPORTED_LANGS.join(', ')})\n`);
  });

  it('summarises in the plan’s language on the terminal', () => {
    const run = csq(['report', fixture('full.yaml'), '--lang', 'pt', '-o', path.join(tempDir(), 'plano.md')]);
    expect(run.stderr).toContain('CSQ geral: 66% · Acme Cleaning');
    expect(run.stderr).toContain('Áreas a melhorar: Redução de erros, Equipe qualificada e com autonomia, Uso das informações dos clientes');
  });
});

describe('a saved Result rendered in another language', () => {
  it('takes the section titles from that language, in the plan, the summary and the JSON', () => {
    const dir = tempDir();
    writeFileSync(`${dir}/result.json`, csq(['report', fixture('full.yaml'), '--format', 'json', '--lang', 'en']).stdout);
    const run = csq(['report', `${dir}/result.json`, '--lang', 'pt', '-o', `${dir}/plano.md`]);
    expect(run.stderr).toContain('Redução de erros');
    expect(run.stderr).not.toContain('Error reduction');
    const json = JSON.parse(csq(['report', `${dir}/result.json`, '--lang', 'pt', '--format', 'json']).stdout);
    expect(json.lang).toBe('pt');
    expect(json.sections[2].title).toBe('Redução de erros');
  });
});
