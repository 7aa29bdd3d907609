import { describe, expect, it } from 'vitest';
import { csq, fixture, readFixture } from '../helpers.js';

/** English text that must never appear in a Portuguese plan. */
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
  it('renders the same answers in en and pt with the same scores', () => {
    const en = JSON.parse(csq(['report', fixture('full.yaml'), '--format', 'json', '--lang', 'en']).stdout);
    const pt = JSON.parse(csq(['report', fixture('full.yaml'), '--format', 'json', '--lang', 'pt']).stdout);
    expect(en.lang).toBe('en');
    expect(pt.lang).toBe('pt');
    expect(pt.questionnaire).toEqual({ id: 'csq', version: 1, lang: 'pt' });
    const scores = (r: { overall: unknown; sections: { id: string; score: number; max: number; percent: number; ratings: unknown }[]; improve: string[] }) => ({
      overall: r.overall,
      sections: r.sections.map(({ id, score, max, percent, ratings }) => ({ id, score, max, percent, ratings })),
      improve: r.improve,
    });
    expect(scores(pt)).toEqual(scores(en));
    expect(pt.sections[0].title).toBe('Liderança e compromisso');
  });

  it('leaves no English in a Portuguese plan', () => {
    for (const file of ['full.yaml', 'solo.yaml']) {
      const plan = csq(['report', fixture(file), '--lang', 'pt']).stdout;
      expect(plan).toMatch(/^# Plano de atendimento ao cliente/);
      for (const english of ENGLISH) expect(plan, `${file}: "${english}"`).not.toContain(english);
    }
    // The English plans do contain every one, so the list is a real check.
    const english = ['full.yaml', 'solo.yaml'].map((file) => csq(['report', fixture(file), '--lang', 'en']).stdout).join('\n');
    expect(ENGLISH.filter((e) => !english.includes(e))).toEqual([]);
  });

  it('chooses the language from --lang, then the answers, then the locale', () => {
    const title = (run: { stdout: string }) => run.stdout.split('\n')[0];
    expect(title(csq(['report', fixture('full.yaml')], { env: { LANG: 'pt_BR.UTF-8' } }))).toBe('# Plano de atendimento ao cliente: Acme Cleaning');
    expect(title(csq(['report', fixture('full.yaml')], { env: { LANG: 'pt_BR.UTF-8', LC_ALL: 'en_US.UTF-8' } }))).toBe('# Customer service plan: Acme Cleaning');
    const ptAnswers = `lang: pt\n${readFixture('full.yaml')}`;
    expect(title(csq(['report', '-'], { input: ptAnswers }))).toBe('# Plano de atendimento ao cliente: Acme Cleaning');
    expect(title(csq(['report', '-', '--lang', 'en'], { input: ptAnswers }))).toBe('# Customer service plan: Acme Cleaning');
    const unknown = csq(['report', fixture('full.yaml'), '--lang', 'xx']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('csq: language "xx" is not available (available: en, pt, he)\n');
  });

  it('summarises in the plan’s language on the terminal', () => {
    const run = csq(['report', fixture('full.yaml'), '--lang', 'pt', '-o', `${process.env.TMPDIR ?? '/tmp'}/csq-pt-${process.pid}.md`, '--force']);
    expect(run.stderr).toContain('CSQ geral: 66% · Acme Cleaning');
    expect(run.stderr).toContain('Áreas a melhorar: Redução de erros, Equipe qualificada e com autonomia, Uso das informações dos clientes');
  });
});

describe('a saved Result rendered in another language', () => {
  it('takes the section titles from that language, in the plan, the summary and the JSON', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${process.env.TMPDIR ?? '/tmp'}/csq-`);
    writeFileSync(`${dir}/result.json`, csq(['report', fixture('full.yaml'), '--format', 'json', '--lang', 'en']).stdout);
    const run = csq(['report', `${dir}/result.json`, '--lang', 'pt', '-o', `${dir}/plano.md`]);
    expect(run.stderr).toContain('Redução de erros');
    expect(run.stderr).not.toContain('Error reduction');
    const json = JSON.parse(csq(['report', `${dir}/result.json`, '--lang', 'pt', '--format', 'json']).stdout);
    expect(json.lang).toBe('pt');
    expect(json.sections[2].title).toBe('Redução de erros');
  });
});
