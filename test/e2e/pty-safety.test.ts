/**
 * The walk never saves what csq would refuse, never loses a paste, and never lets two
 * walks share a file: each case typed into a real pseudo-terminal (tmux).
 */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { CLI, csq, readFixture, tempDir } from '../helpers.js';
import { hasTmux, Terminal } from './tmux.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const terminals: Terminal[] = [];
afterEach(() => terminals.splice(0).forEach((t) => t.close()));

function start(dir: string, args = ''): Terminal {
  const t = new Terminal(`node ${CLI} ${args}`, dir);
  terminals.push(t);
  return t;
}

const saved = (file: string) => loadAnswers(readFileSync(file, 'utf8'), file, q, { complete: false });
/** Everything answered but what the test asks for itself. */
/** full.yaml without some answers; its actions are answered (none), so the walk goes on to what is missing. */
const fullWithout = (...keys: string[]) => {
  let text = `${readFixture('full.yaml')}actions: null\n`.replace(/communication:\n(  .*\n)+/, 'communication: { greet: Hello, value: null, ask: null, listen: null, help: null, invite: null }\n');
  for (const key of keys) text = text.replace(new RegExp(`^${key}:.*\\n((?:  .*|    .*)\\n)*`, 'm'), '');
  return text;
};

describe.runIf(hasTmux || process.env.CI)('the walk keeps only what csq accepts', () => {
  it('drops control keys typed into a text answer (Ctrl-] and Ctrl-\\)', async () => {
    const dir = tempDir();
    const t = start(dir);
    // The keys arrive before Enter: typed between the two halves of the name.
    await t.ask('Name of your business', { text: 'Acme', keys: [] });
    t.answered--;
    await t.ask('Name of your business', { keys: ['C-]', 'C-\\'] });
    t.answered--;
    await t.ask('Name of your business', { text: ' Co' });
    await t.ask('Your name', { keys: ['C-c'] });
    expect(await t.exitCode()).toBe(130);
    const file = path.join(dir, 'acme-co-answers.yaml');
    expect(saved(file).organization).toBe('Acme Co');
    expect(readFileSync(file, 'utf8')).not.toMatch(/[\u001c\u001d]/);
    // The file is offered again, and it validates.
    const again = start(dir);
    await again.waitFor('Acme Co (0 of 25 statements rated');
    expect(csq(['validate', file, '--questionnaire', 'questionnaires/csq.en.yaml']).stderr).not.toContain('control character');
  });

  it('refuses an impossible kickoff date at the prompt and keeps asking', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'client.yaml');
    writeFileSync(file, fullWithout('education'));
    const t = start(dir, `assess --answers ${file}`);
    await t.waitFor('Continuing the assessment in');
    await t.ask('Your lowest areas are');
    await t.ask('kickoff meeting', { text: '2026-02-31' });
    await t.waitFor('expected a date like 2026-11-23, found "2026-02-31"');
    expect(saved(file).education).toBeUndefined();
    // The text stays for fixing: erase the day and type another.
    t.press('BSpace', 'BSpace');
    t.answered--;
    await t.ask('kickoff meeting', { text: '28' });
    await t.ask('owns the rollout', { keys: ['C-c'] });
    expect(await t.exitCode()).toBe(130);
    expect(saved(file).education).toEqual({ kickoff: '2026-02-28' });
    expect(csq(['validate', file])).toMatchObject({ code: 0, stderr: '' });
  });

  it('keeps every line of a multi-line paste: one item per line in a list, the whole text in a single answer', async () => {
    const dir = tempDir();
    const t = start(dir);
    await t.waitFor('Name of your business');
    t.paste('Acme\nCleaning');
    t.press('Enter');
    t.answered++;
    await t.waitFor('The 2 pasted lines were joined into one.');
    await t.ask('Your name', { keys: ['C-c'] });
    expect(await t.exitCode()).toBe(130);
    const file = path.join(dir, 'acme-cleaning-answers.yaml');
    expect(saved(file).organization).toBe('Acme Cleaning');

    // A list: a consultant's file with everything up to the requirements.
    const client = path.join(dir, 'client.yaml');
    writeFileSync(client, fullWithout('requirements', 'vision', 'visionNotes', 'policies', 'communication', 'education'));
    const u = start(dir, `assess --answers ${client}`);
    await u.ask('Your lowest areas are');
    await u.waitFor('What does your own data show?');
    u.paste('Late deliveries\nReturns up 10%\n\nRework on 1 in 12 jobs');
    u.press('Enter');
    u.answered++;
    await u.waitFor('Added 3 items from the paste.');
    await u.ask('Another one?');
    await u.ask('What do your employees hear');
    await u.ask('(1 of 3)');
    for (const prompt of ['ten years from now', '(1 of 5)', 'customers’ shoes', 'Close your eyes']) await u.ask(prompt);
    await u.waitFor('your customer vision');
    u.paste('Spotless.\nOn time, every time.');
    u.press('Enter');
    u.answered++;
    await u.ask('A policy', { keys: ['C-c'] });
    expect(await u.exitCode()).toBe(130);
    const answers = saved(client);
    expect(answers.requirements?.internal).toEqual(['Late deliveries', 'Returns up 10%', 'Rework on 1 in 12 jobs']);
    expect(answers.vision).toBe('Spotless.\nOn time, every time.');
  });

  it('requires the business name, and writes no file until it has one', async () => {
    const dir = tempDir();
    const t = start(dir);
    await t.ask('Name of your business', { text: '   ' });
    await t.waitFor('Please give the name: it names your answers file and your plan.');
    expect(readdirSync(dir)).toEqual([]);
    t.answered--;
    await t.ask('Name of your business', { text: 'Acme' });
    await t.ask('Your name', { keys: ['C-c'] });
    expect(await t.exitCode()).toBe(130);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual(['acme-answers.yaml']);
  });

  it('lets only one walk at a time work on an answers file', async () => {
    const dir = tempDir();
    const first = start(dir);
    await first.ask('Name of your business', { text: 'Acme' });
    await first.waitFor('Your name');
    const file = path.join(dir, 'acme-answers.yaml');
    expect(existsSync(file)).toBe(true);

    const second = start(dir, `assess --answers ${file}`);
    expect(await second.exitCode()).toBe(2);
    expect(second.screen().replace(/\n/g, '')).toMatch(/acme-answers\.yaml is open in another csq walk \(process \d+\)/);
    // The same when the second walk picks it from the list of unfinished assessments.
    const third = start(dir);
    await third.ask('Unfinished assessments are saved here');
    expect(await third.exitCode()).toBe(2);
    expect(third.screen()).toContain('is open in another csq walk');

    await first.ask('Your name', { text: 'Jane' });
    await first.ask('Do you have employees?', { keys: ['C-c'] });
    expect(await first.exitCode()).toBe(130);
    expect(saved(file).respondent).toBe('Jane');
    // The lock went with the first walk: the file can be continued now.
    const fourth = start(dir, `assess --answers ${file}`);
    await fourth.ask('Do you have employees?', { keys: ['C-c'] });
    expect(await fourth.exitCode()).toBe(130);
  });
});

describe.runIf(hasTmux || process.env.CI)('unfinished assessments', () => {
  it('lists a file that no longer validates, and shows its problems when chosen', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'acme-answers.yaml'), 'organization: Acme\nratings:\n  errors: { review-complaints: 9 }\n');
    const t = start(dir);
    await t.waitFor('acme-answers.yaml (cannot be continued: 1 problem)');
    await t.ask('Unfinished assessments are saved here');
    expect(await t.exitCode()).toBe(2);
    expect(t.screen()).toMatch(/acme-answers\.yaml:3:\d+ ratings\.errors\.review-complaints: 9 is outside the scale 1–5/);
    expect(readFileSync(path.join(dir, 'acme-answers.yaml'), 'utf8')).toContain('review-complaints: 9');
  });

  it('renames or discards an unfinished assessment from the menu', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'csq-answers.yaml'), 'organization: ""\nratings: {}\n');
    writeFileSync(path.join(dir, 'old-answers.yaml'), 'organization: Old\nratings: {}\n');
    // Listed newest first: the old one is the newer file here.
    utimesSync(path.join(dir, 'csq-answers.yaml'), new Date(2026, 0, 1), new Date(2026, 0, 1));
    const t = start(dir);
    await t.waitFor('your business (0 of 25 statements rated, csq-answers.yaml)');
    await t.ask('Unfinished assessments are saved here', { keys: ['Down', 'Down', 'Down', 'Enter'] });
    await t.ask('Which assessment?', { keys: ['Down', 'Enter'] });
    await t.ask('What do you want to do with csq-answers.yaml?');
    await t.ask('New name of the business', { text: 'Bright Books' });
    await t.waitFor('Renamed to Bright Books: bright-books-answers.yaml.');
    await t.ask('Unfinished assessments are saved here', { keys: ['Down', 'Down', 'Down', 'Enter'] });
    await t.ask('Which assessment?', { keys: ['Down', 'Enter'] });
    await t.ask('What do you want to do with old-answers.yaml?', { keys: ['Down', 'Enter'] });
    await t.ask('Delete old-answers.yaml', { text: 'y' });
    await t.ask('Unfinished assessments are saved here', { keys: ['C-c'] });
    expect(await t.exitCode()).toBe(130);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual(['bright-books-answers.yaml']);
    expect(saved(path.join(dir, 'bright-books-answers.yaml')).organization).toBe('Bright Books');
  });

  it('keeps a consultant’s comments and schema line while it fills the file in', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'client.yaml');
    const template = csq(['init', '--no-staff']).stdout.replace(/^( {4}[a-z-]+:) +#/gm, '$1 4 #');
    writeFileSync(file, template.replace(/^organization: "".*$/m, 'organization: Bright Books   # the client'));
    const t = start(dir, `assess --answers ${file}`);
    await t.ask('Your name', { text: 'Ann' });
    await t.ask('Your lowest areas are', { keys: ['C-c'] });
    expect(await t.exitCode()).toBe(130);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./csq-answers.schema.json');
    // yaml re-spaces comments, but keeps every one of them.
    expect(text).toContain('organization: Bright Books # the client\n');
    expect(text).toContain('respondent: Ann # Who answered.\n');
    expect(text).toContain('    whatever-it-takes: 4 # We are committed to doing whatever it takes to create satisfied customers.');
    expect(text).toContain('vision: ""');
  });
});
