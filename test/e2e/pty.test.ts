/**
 * The interactive walk in a real pseudo-terminal (tmux): keystrokes in, screen out,
 * files checked. CI installs tmux; elsewhere these tests need it too.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { loadQuestionnaire, statementText } from '../../src/core/questionnaire.js';
import { CLI, tempDir } from '../helpers.js';
import { hasTmux, Terminal } from './tmux.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const terminals: Terminal[] = [];
afterEach(() => terminals.splice(0).forEach((t) => t.close()));

function start(dir: string, args = ''): Terminal {
  const t = new Terminal(`node ${CLI} ${args}`, dir);
  terminals.push(t);
  return t;
}

const RATINGS = [[4, 3, 5, 4], [4, 5, 3, 2], [3, 2, 2], [3, 4, 3], [4, 4, 3], [4, 3, 3, 2, 3], [4, 2, 4]];
const statementsOf = q.sections.map((s) => s.statements.map((st) => st.text));

async function rateSections(t: Terminal, from = 0) {
  for (const [s, ratings] of RATINGS.entries()) {
    if (s < from) continue;
    for (const [i, r] of ratings.entries()) await t.ask(statementsOf[s]![i]!, { keys: [String(r)] });
    await t.ask('change an answer in this section');
  }
}

/** The actions: the first idea offered for the first area, none for the second, one of the owner's own for the third. */
async function chooseActions(t: Terminal) {
  await t.ask('Action 1 of at most 3 for Error reduction');
  await t.ask('Who will do it?');
  await t.ask('Due date', { text: '2027-01-15' });
  await t.ask('How will you know it worked?', { text: 'complaints logged weekly' });
  await t.choose('Action 2 of at most 3 for Error reduction', 'Done with this area');
  await t.choose('Action 1 of at most 3 for Skilled and empowered staff', 'No action for this area now');
  await t.choose('Action 1 of at most 3 for Using customer information', 'My own action');
  await t.ask('Your action', { text: 'Call five clients a month' });
  await t.ask('Who will do it?', { text: 'Sam' });
  await t.ask('Due date', { text: '2027-02-01' });
  await t.ask('How will you know it worked?');
  await t.choose('Action 2 of at most 3 for Using customer information', 'Done with this area');
}

async function finishAfterRatings(t: Terminal) {
  await t.ask('Your lowest areas are');
  await chooseActions(t);
  await t.ask('What does your own data show?', { text: 'Re-cleans on 1 in 12 jobs' });
  await t.ask('Another one?');
  await t.ask('What do your employees hear', { text: 'Evening cleaning | please' });
  await t.ask('Another one?');
  await t.ask('(1 of 3)', { text: 'Faster quotes' });
  await t.ask('(2 of 3)');
  await t.ask('ten years from now', { text: 'The most recommended cleaner in town' });
  await t.ask('(1 of 5)', { text: 'Reliability' });
  await t.ask('(2 of 5)');
  await t.ask('customers’ shoes');
  await t.ask('Close your eyes');
  await t.ask('your customer vision', { text: 'Spotless, on time, every time.' });
  await t.ask('A policy', { text: "We don't do windows" });
  await t.ask('friendly to customers', { text: 'n' });
  await t.ask('necessary', { text: 'n' });
  await t.ask('A note');
  await t.ask('A policy');
  await t.ask('new friendly policies');
  for (let i = 0; i < 6; i++) await t.ask('', { text: i === 0 ? 'Answer by the third ring' : '' });
  await t.ask('kickoff meeting', { text: '2026-12-01' });
  await t.ask('owns the rollout', { text: 'Jane Doe' });
  await t.ask('How will you train');
  await t.ask('Date of the next assessment', { text: '2027-06-01' });
  await t.choose('Your answers. Change any of them, or write the plan.', 'Write the plan');
}

describe.runIf(hasTmux || process.env.CI)('the walk in a pseudo-terminal', () => {
  it('takes an owner from the first question to a written plan', async () => {
    const dir = tempDir();
    const t = start(dir);
    await t.ask('Name of your business', { text: 'Acme Cleaning' });
    await t.ask('Your name', { text: 'Jane Doe' });
    await t.ask('Do you have employees?');
    const first = await t.waitFor('statement 1 of 25');
    expect(first).toContain('Section 1 of 7: Leadership and commitment · statement 1 of 25');
    expect(first).toMatch(/1 Never\s+2 Almost never\s+3 Sometimes\s+4 Usually\s+5 Always/);
    expect(first).not.toContain('❯');
    await rateSections(t);
    await finishAfterRatings(t);
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expect(screen).toContain('Overall CSQ: 66% · Acme Cleaning');
    expect(screen).toMatch(/Your plan: acme-cleaning-plan\.md\s+Your answers: acme-cleaning-answers\.yaml/);
    expect(screen).toMatch(/EXIT=0\s+icanon echo/); // the terminal is left sane

    expect(readdirSync(dir).sort()).toEqual(['acme-cleaning-answers.yaml', 'acme-cleaning-plan.md']);
    const answers = loadAnswers(readFileSync(path.join(dir, 'acme-cleaning-answers.yaml'), 'utf8'), 'a.yaml', q);
    expect(answers.ratings.errors).toEqual({ 'review-complaints': 3, 'ask-feedback': 2, 'eliminate-errors': 2 });
    expect(answers.requirements).toEqual({ internal: ['Re-cleans on 1 in 12 jobs'], employees: ['Evening cleaning | please'], topRequests: ['Faster quotes'] });
    const plan = readFileSync(path.join(dir, 'acme-cleaning-plan.md'), 'utf8');
    expect(plan).toContain('# Customer service plan: Acme Cleaning');
    expect(plan).toContain('**Our own data shows:** Re-cleans on 1 in 12 jobs');
    expect(plan).toContain('**Employees hear:** Evening cleaning \\| please');
    // The actions by due date: the kickoff, the complaints log, the owner's own; the policy to drop last, undated.
    const actions = plan.split('\n').filter((line) => /^\| .* \| .* \| .* \| .* \| .* \|$/.test(line) && !line.startsWith('| Action') && !line.startsWith('|---'));
    expect(actions.map((line) => line.split(' | ')[0]!.slice(2))).toEqual([
      expect.stringMatching(/^Kickoff meeting: /),
      expect.stringMatching(/^Keep a complaints log: /),
      'Call five clients a month',
      'Drop the policy "We don\'t do windows"',
    ]);
    expect(actions[1]).toContain('| Error reduction | Jane Doe | January 15, 2027 | complaints logged weekly |');
    expect(actions[2]).toBe('| Call five clients a month | Using customer information | Sam | February 1, 2027 | – |');
    expect(plan).toContain('Next assessment: June 1, 2027.');
    expect(plan).toContain('| Kickoff meeting | December 1, 2026 |');
    // Reported in the closing note: how many keys a whole walk takes.
    console.log(`full walk: ${t.keystrokes} keystrokes, ${t.answered} answers`);
  });

  it('saves on Ctrl-C, leaves the terminal sane, and resumes where the owner left off', async () => {
    const dir = tempDir();
    const t = start(dir);
    await t.ask('Name of your business', { text: 'Acme Cleaning' });
    await t.ask('Your name');
    await t.ask('Do you have employees?');
    for (const [i, r] of RATINGS[0]!.entries()) await t.ask(statementsOf[0]![i]!, { keys: [String(r)] });
    await t.ask('change an answer in this section');
    await t.ask(statementsOf[1]![0]!, { keys: ['4'] });
    await t.ask(statementsOf[1]![1]!, { keys: ['C-c'] });
    expect(await t.exitCode()).toBe(130);
    const screen = t.screen();
    expect(screen).toContain('Your answers are saved in acme-cleaning-answers.yaml.');
    expect(screen).toContain('csq assess --answers acme-cleaning-answers.yaml');
    expect(screen).toMatch(/EXIT=130\s+icanon echo/);
    expect(screen).not.toMatch(/\n\s+at |Error/);
    const saved = loadAnswers(readFileSync(path.join(dir, 'acme-cleaning-answers.yaml'), 'utf8'), 'a.yaml', q, { complete: false });
    expect(saved.ratings).toEqual({ leadership: { 'whatever-it-takes': 4, 'right-first-time': 3, 'owner-example': 5, 'success-measure': 4 }, alignment: { partnership: 4 } });

    const again = start(dir);
    await again.ask('Unfinished assessments are saved here');
    expect(again.screen().replace(/\n/g, '')).toContain('Acme Cleaning (5 of 25 statements rated, acme-cleaning-answers.yaml)');
    await again.ask(statementsOf[1]![1]!, { keys: ['5'] });
    expect(await again.waitFor('Section 2 of 7: Customer alignment · statement 7 of 25')).toBeTruthy();
    await again.ask(statementsOf[1]![2]!, { keys: ['3'] });
    await again.ask(statementsOf[1]![3]!, { keys: ['2'] });
    await again.ask('change an answer in this section');
    await rateSections(again, 2);
    await finishAfterRatings(again);
    expect(await again.exitCode()).toBe(0);
    const answers = loadAnswers(readFileSync(path.join(dir, 'acme-cleaning-answers.yaml'), 'utf8'), 'a.yaml', q);
    expect(answers.ratings.alignment).toEqual({ partnership: 4, 'honest-promises': 5, 'know-benefits': 3, 'customer-led-design': 2 });
    expect(existsSync(path.join(dir, 'acme-cleaning-plan.md'))).toBe(true);
  });

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`saves on ${signal} at a prompt and exits 130`, async () => {
      const dir = tempDir();
      const t = start(dir);
      await t.ask('Name of your business', { text: 'Acme Cleaning' });
      await t.ask('Your name');
      await t.ask('Do you have employees?');
      await t.ask(statementsOf[0]![0]!, { keys: ['2'] });
      await t.waitFor(statementsOf[0]![1]!);
      process.kill(t.programPid(), signal);
      expect(await t.exitCode()).toBe(130);
      expect(t.screen()).toMatch(/EXIT=130\s+icanon echo/);
      const saved = loadAnswers(readFileSync(path.join(dir, 'acme-cleaning-answers.yaml'), 'utf8'), 'a.yaml', q, { complete: false });
      expect(saved.ratings).toEqual({ leadership: { 'whatever-it-takes': 2 } });
    });
  }
});

describe.runIf(hasTmux || process.env.CI)('prefilled answers in a pseudo-terminal', () => {
  it('asks only what a consultant’s file lacks, and never replaces a plan without asking', async () => {
    const dir = tempDir();
    const answersFile = path.join(dir, 'client.yaml');
    const full = readFileSync('test/fixtures/full.yaml', 'utf8');
    // The consultant left out the outreach ratings and the communication step.
    writeFileSync(answersFile, full.replace(/  outreach: .*\n/, '').replace(/communication:[\s\S]*?(?=education:)/, ''));
    writeFileSync(path.join(dir, 'client-plan.md'), 'an older plan');
    const t = start(dir, `assess --answers ${answersFile}`);
    await t.waitFor('Continuing the assessment in');
    await t.ask('We make it easy for customers to do business with us.', { keys: ['4'] });
    await t.ask('Our goal is to resolve every customer complaint.', { keys: ['4'] });
    await t.ask('We encourage', { keys: ['3'] });
    await t.ask('change an answer in this section');
    await t.ask('Your lowest areas are');
    for (const area of ['Error reduction', 'Skilled and empowered staff', 'Using customer information']) await t.choose(`Action 1 of at most 3 for ${area}`, 'No action for this area now');
    for (let i = 0; i < 6; i++) await t.ask('', { text: i === 5 ? 'Thank-you note' : '' });
    await t.ask('Date of the next assessment');
    await t.choose('Your answers', 'Write the plan');
    await t.ask('client-plan.md already exists. Replace it?');
    expect(await t.exitCode()).toBe(0);
    expect(readFileSync(path.join(dir, 'client-plan.md'), 'utf8')).toBe('an older plan');
    const plan = readFileSync(path.join(dir, 'client-plan-2.md'), 'utf8');
    expect(plan).toContain('| **Invite customers back**: “Let me know I’m welcome back any time.” | Thank-you note |');
    expect(t.screen()).not.toContain('Name of your business');
  });
});

describe.runIf(hasTmux || process.env.CI)('the walk in Portuguese', () => {
  it('speaks Portuguese from the locale, from welcome to the written plan', async () => {
    const dir = tempDir();
    const t = new Terminal(`node ${CLI}`, dir, { LANG: 'pt_BR.UTF-8' });
    terminals.push(t);
    const pt = loadQuestionnaire(readFileSync('questionnaires/csq.pt.yaml', 'utf8'), 'csq.pt.yaml');
    await t.ask('Nome da sua empresa ou organização', { text: 'Padaria Pão Quente' });
    await t.ask('Seu nome');
    await t.ask('Você tem funcionários? (S/n)', { text: 'n' });
    expect(await t.waitFor('Seção 1 de 6: Liderança e compromisso · afirmação 1 de 20')).toMatch(/1 Nunca\s+2 Quase nunca\s+3 Às vezes\s+4 Normalmente\s+5 Sempre/);
    for (const section of pt.sections.filter((s) => s.id !== 'staff')) {
      for (const st of section.statements) await t.ask(statementText(st, { staff: false }), { keys: ['4'] });
      await t.ask('Continuar ou mudar uma resposta desta seção?');
    }
    await t.ask('As suas áreas mais fracas são');
    await t.ask('Ação 1 de no máximo 3 para');
    await t.ask('Quem vai fazer?', { text: 'Rita' });
    await t.ask('Prazo', { text: '2027-03-01' });
    await t.ask('Como você vai saber que funcionou?');
    await t.choose('Ação 2 de no máximo 3 para', 'Terminei esta área');
    for (let i = 0; i < 2; i++) await t.choose('Ação 1 de no máximo 3 para', 'Nenhuma ação para esta área agora');
    for (const q of ['O que mostram os seus próprios dados', '(1 de 3)', 'Daqui a dez anos', '(1 de 5)', 'Coloque-se no lugar', 'Feche os olhos', 'sua visão centrada no cliente'])
      await t.ask(q, { text: q === 'sua visão centrada no cliente' ? 'Pão quentinho, sempre.' : '' });
    await t.ask('Uma política');
    await t.ask('Criar novas políticas favoráveis ao cliente');
    for (let i = 0; i < 6; i++) await t.ask('');
    await t.ask('Data da próxima avaliação');
    await t.choose('As suas respostas', 'Escrever o plano');
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expect(screen).toContain('CSQ geral: 80% · Padaria Pão Quente');
    expect(screen).toMatch(/Seu plano: padaria-pao-quente-plan\.md\s+Suas respostas: padaria-pao-quente-answers\.yaml/);
    const plan = readFileSync(path.join(dir, 'padaria-pao-quente-plan.md'), 'utf8');
    expect(plan).toContain('# Plano de atendimento ao cliente: Padaria Pão Quente');
    expect(plan).toContain('> **A nossa visão:** Pão quentinho, sempre.');
    expect(plan).toMatch(/\| Rita \| 1 de março de 2027 \|/);
    expect(readFileSync(path.join(dir, 'padaria-pao-quente-answers.yaml'), 'utf8')).toContain('lang: pt');
  });
});

describe.runIf(hasTmux || process.env.CI)('the review screen in a pseudo-terminal', () => {
  it('changes an answer of each kind before the plan is written: a rating, a name, a list, policies, a date, a cleared answer', async () => {
    const dir = tempDir();
    const answersFile = path.join(dir, 'acme.yaml');
    const full = readFileSync('test/fixtures/full.yaml', 'utf8').replace(
      /communication:[\s\S]*?(?=education:)/,
      'communication: { greet: Third ring, value: Thank them, ask: Ask first, listen: Repeat back, help: Offer options, invite: A note }\n',
    );
    writeFileSync(answersFile, `${full}improve: [errors, staff, information]\nactions:\n  - { area: errors, action: Start a complaints log, due: 2027-01-15 }\nreview: 2027-06-01\n`);
    const t = start(dir, `assess --answers ${answersFile}`);
    await t.waitFor('Every question in');
    const REVIEW = 'Your answers. Change any of them, or write the plan.';
    const screen = await t.waitFor(REVIEW);
    // Every answer is listed with what it holds now.
    expect(screen).toMatch(/Error reduction\s+7 of 15, 47%/);
    expect(screen).toContain('Start a complaints log');

    // A rating: through the section's own review.
    await t.choose(REVIEW, 'Error reduction');
    await t.choose('change an answer in this section', 'We constantly ask our customers for feedback.');
    await t.ask('We constantly ask our customers for feedback.', { keys: ['4'] });
    await t.choose('change an answer in this section', 'Continue');
    // The name: Tab puts the current one on the line to edit.
    await t.choose(REVIEW, 'Name of your business');
    await t.ask('Name of your business', { keys: ['Tab'] });
    t.type(' Ltd');
    t.press('Enter');
    // A list: keep one, add one.
    await t.choose(REVIEW, 'A top customer request');
    await t.ask('Keep which?', { keys: ['Down', 'Space', 'Down', 'Space', 'Enter'] });
    await t.ask('(2 of 3)', { text: 'Parking on site' });
    await t.ask('(3 of 3)');
    // The policies: keep them all, add one that is unfriendly but necessary.
    await t.choose(REVIEW, 'Policies');
    await t.ask('Keep which?');
    await t.ask('A policy', { text: 'Card payments only' });
    await t.ask('friendly to customers', { text: 'n' });
    await t.ask('necessary', { text: 'y' });
    await t.ask('A note');
    await t.ask('A policy');
    await t.ask('new friendly policies');
    // A date, typed over.
    await t.choose(REVIEW, 'Date of the next assessment');
    await t.ask('Date of the next assessment', { text: '2027-09-01' });
    // An answer cleared: Backspace drops the current one, Enter leaves it empty.
    await t.choose(REVIEW, 'How will you train');
    await t.ask('How will you train', { keys: ['BSpace', 'Enter'] });
    await t.choose(REVIEW, 'Write the plan');
    expect(await t.exitCode()).toBe(0);

    const answers = loadAnswers(readFileSync(answersFile, 'utf8'), 'a.yaml', q);
    expect(answers.organization).toBe('Acme Cleaning Ltd');
    expect(answers.ratings.errors).toEqual({ 'review-complaints': 3, 'ask-feedback': 4, 'eliminate-errors': 2 });
    expect(answers.requirements!.topRequests).toEqual(['Faster quotes', 'Parking on site']);
    expect(answers.policies!.map((p) => p.name)).toEqual([
      "We don't do windows",
      'Medical waste is not removed',
      'Re-clean within 24 hours, free, if anything was missed',
      'Card payments only',
    ]);
    expect(answers.review).toBe('2027-09-01');
    expect(answers.education!.training).toBeNull();
    expect(answers.actions!.map((a) => a.action)).toContain('Make "Card payments only" as friendly as possible: explain why, offer a compromise');
    const plan = readFileSync(path.join(dir, 'acme-plan.md'), 'utf8');
    expect(plan).toContain('# Customer service plan: Acme Cleaning Ltd');
    expect(plan).toContain('| **Error reduction** | 9 / 15 | 60% |');
    expect(plan).toContain('Next assessment: September 1, 2027.');
  });
});
