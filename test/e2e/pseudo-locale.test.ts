/**
 * The pseudo-locale en-XA (src/i18n/pseudo.ts): every word csq takes from a catalogue is
 * accented and bracketed there. Run every command, the plan, the walk and a sample of
 * problems in it: any plain English word left is a string that escaped the catalogues.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { BUYING_RHYTHMS } from '../../src/core/resurvey.js';
import { pseudoText } from '../../src/i18n/pseudo.js';
import { CLI, csq, fixture, readFixture, tempDir } from '../helpers.js';
import { hasTmux, Terminal } from './tmux.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
// The answers' own values (business.buys) are ids too: the same in every language.
const IDS = new Set([q.id, ...BUYING_RHYTHMS, ...q.profile.map((p) => p.id), ...q.sections.flatMap((s) => [s.id, ...s.statements.flatMap((st) => st.id.split('-'))])]);
/** Words that are the same in every language: names of things, commands, formats, units. */
const SAME_EVERYWHERE = new Set([
  'csq', 'CSQ', 'assess', 'report', 'validate', 'init', 'schema', 'compare', 'team', 'poster', 'survey', 'make', 'tally', 'help', 'YAML', 'JSON', 'UTF', 'KiB', 'MiB', 'NPS', 'Markdown',
  'CRLF', 'BOM', 'Ctrl', 'Enter', 'Handlebars', 'McDonald',
  // Syntax: argument names in usage, YAML's own values in a template.
  'files', 'file', 'kind', 'before', 'after', 'true', 'false', 'null',
]);

/** Every plain English word in some output, leaving out what is kept on purpose. */
function leaks(output: string): string[] {
  const text = output
    .replace(/^ {2}(csq|cat) [^#⟦\n]*/gm, ' ') // a help example's command line, typed as it is
    .replace(/⟦[^⟧]*⟧/g, ' ') // translated: bracketed
    .replace(/\w+(\[\d+\])+/g, ' ') // a field path: improve[1]
    .replace(/`[^`]*`/g, ' ') // code
    .replace(/"[^"\n]*"/g, ' ') // quoted values from the files
    .replace(/(?<![\p{L}\d])-{1,2}[\w-]+/gu, ' ') // options
    .replace(/[\w@-]*[./=_:\\][\w./=_:\\-]*/g, ' ') // paths, keys, ids with dots
    .replace(/[<[][\w. |-]*[>\]]/g, ' '); // usage: [options] <files...>
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !SAME_EVERYWHERE.has(w) && !IDS.has(w));
}

/** The answers of full.yaml with every text a user typed in accented letters, so that none reads as English. */
function pseudoAnswers(file: string): string {
  const data = parse(readFixture(file)) as Record<string, unknown>;
  const accent = (v: unknown, key = ''): unknown =>
    typeof v === 'string' && !['questionnaire', 'date', 'kickoff', 'lang'].includes(key)
      ? pseudoText(v).replace(/[⟦⟧·]/g, '').trim()
      : Array.isArray(v)
        ? v.map((x) => accent(x))
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, key === 'ratings' || key === 'profile' ? x : accent(x, k)]))
          : v;
  return stringify(accent(data));
}

const X = ['--lang', 'en-XA'];
const dir = tempDir();
const full = path.join(dir, 'full.yaml');
const solo = path.join(dir, 'solo.yaml');
writeFileSync(full, pseudoAnswers('full.yaml'));
writeFileSync(solo, pseudoAnswers('solo.yaml'));

function expectNoEnglish(what: string, output: string) {
  expect(leaks(output), `${what}:\n${output}`).toEqual([]);
}

describe('the pseudo-locale finds every string that escaped the catalogues', () => {
  it('is a real check: English output has such words, and so would a hard-coded string', () => {
    expect(leaks(csq(['report', full, '--lang', 'en']).stdout).length).toBeGreaterThan(100);
    expect(leaks(`${pseudoText('Overall CSQ')} gate failed`)).toEqual(['gate', 'failed']);
  });

  it('in every help text', () => {
    for (const command of ['', 'assess', 'report', 'validate', 'init', 'schema', 'compare', 'team', 'poster', 'survey', 'survey make', 'survey tally']) {
      const run = csq([...(command ? command.split(' ') : []), '--help', ...X]);
      expect(run.code).toBe(0);
      expectNoEnglish(`csq ${command} --help`, run.stdout);
    }
  });

  it('in the plan and the summary, with staff and without', () => {
    for (const file of [full, solo]) {
      const out = path.join(dir, `${path.basename(file)}.md`);
      const run = csq(['report', file, ...X, '-o', out, '--force']);
      expect(run.code).toBe(0);
      expectNoEnglish(`${file}: the plan`, readFileSync(out, 'utf8'));
      expectNoEnglish(`${file}: the summary`, run.stderr);
    }
  });

  it('in the HTML documents (their text, and the running header and footer) and a CSV table', () => {
    /** What a reader sees: the text of the elements, and the words of the @page boxes' CSS strings. */
    const visible = (html: string) => {
      const css = [...html.matchAll(/content: ([^;]*);/g)].map((m) => m[1]!.replace(/counter\(\w+\)/g, ' ').replace(/\\([\da-f]+) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/"/g, ' '));
      return [...css, html.replace(/<style>[\s\S]*?<\/style>/, ' ').replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ')].join('\n');
    };
    for (const args of [
      ['report', full, '--format', 'html'],
      ['team', full, full, '--format', 'html', '-q'],
      ['poster', full],
      ['compare', solo, full, '--format', 'html'],
    ]) {
      const run = csq([...args, ...X]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expectNoEnglish(args.join(' '), visible(run.stdout));
    }
    // The CSV's header is ids (the same in every language); its messages are the catalogue's.
    const csv = csq(['report', full, fixture('broken.yaml'), '--format', 'csv', ...X]);
    expect(csv.code).toBe(2);
    expectNoEnglish('--format csv', csv.stderr);
  });

  it('in validate, compare, team, init, a batch and the gates', () => {
    const runs = [
      csq(['validate', full, solo, ...X]),
      csq(['compare', full, solo, ...X]),
      csq(['compare', full, solo, '--format', 'markdown', '--fail-on-drop', '1', ...X]),
      csq(['team', full, full, ...X, '-o', path.join(dir, 'team.md'), '--force']),
      csq(['init', ...X]),
      csq(['init', path.join(dir, 'init.yaml'), '--force', ...X]),
      csq(['report', full, solo, '--out-dir', path.join(dir, 'out'), '--force', '--min-score', '90', '--min-section', 'staff=90', ...X]),
    ];
    for (const run of runs) expectNoEnglish('a command', `${run.stdout}\n${run.stderr}`);
  });

  it('in the customers’ view, the next survey, the trend and compare over time, as Markdown and HTML', () => {
    const responses = path.join(dir, 'responses.csv');
    // The customers' own words are theirs: accented, like the answers' texts.
    writeFileSync(responses, 'delight,easy-to-deal,review-complaints,importance.outreach,recommend,wants\n4,5,4,5,10,Pàrkíng\n2,3,2,4,3,Fàstér qúótés\n');
    const customers = path.join(dir, 'customers.json');
    const tally = csq(['survey', 'tally', responses, '--date', '2026-11-30', '-o', customers, '--force', ...X]);
    expect(tally.code).toBe(0);
    expectNoEnglish('survey tally', tally.stderr);
    // The answers describe the business, and an earlier assessment keeps the tally.
    const described = path.join(dir, 'described.yaml');
    writeFileSync(described, `${readFileSync(full, 'utf8').trimEnd()}\nbusiness:\n  buys: weekly\n  customersPerMonth: 20\n`);
    const past = path.join(dir, 'past');
    mkdirSync(past, { recursive: true });
    const earlier = readFileSync(described, 'utf8').replace('date: 2026-11-23', 'date: 2026-05-23');
    writeFileSync(path.join(past, 'earlier.yaml'), `${earlier.trimEnd()}\ncustomers:\n${readFileSync(customers, 'utf8').replace(/^/gm, '  ').trimEnd()}\n`);
    const runs = [
      csq(['report', described, '--customers', customers, '--history', past, ...X]),
      csq(['report', full, '--customers', customers, ...X]),
      csq(['compare', path.join(past, 'earlier.yaml'), described, ...X]),
      csq(['compare', path.join(past, 'earlier.yaml'), described, '--format', 'markdown', ...X]),
    ];
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expectNoEnglish('the customers’ view', `${run.stdout}\n${run.stderr}`);
    }
    // The plan has the next survey's date (six months after 2026-11-30) and the trend's two columns.
    expect(runs[0]!.stdout).toContain('2027');
    expect(runs[0]!.stdout).toMatch(/2026.*\|.*2026.*\|/);
    for (const args of [
      ['report', described, '--customers', customers, '--history', past, '--format', 'html'],
      ['compare', path.join(past, 'earlier.yaml'), described, '--format', 'html'],
    ]) {
      const run = csq([...args, ...X]);
      expect(run.code, run.stderr).toBe(0);
      expectNoEnglish(args.join(' '), run.stdout.replace(/<style>[\s\S]*?<\/style>/, ' ').replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' '));
    }
  });

  it('in problems: a sample of every kind of bad input, and of the command line', () => {
    const bad = readdirSync(fixture('bad')).filter((_, i) => i % 3 === 0);
    for (const name of bad) {
      const file = fixture('bad', name);
      const args = name.startsWith('questionnaire-')
        ? ['validate', file]
        : name.startsWith('template-')
          ? ['report', full, '--template', file, '-o', path.join(dir, 'x.md')]
          : ['validate', file];
      const run = csq([...args, ...X]);
      expect(run.code, name).toBe(2);
      expectNoEnglish(name, run.stderr);
    }
    for (const args of [['reprot', 'a.yaml'], ['report', '--nope'], ['compare', 'a.yaml'], ['report'], ['report', 'missing.yaml'], ['report', full, '--min-score', '0x10']]) {
      const run = csq([...args, ...X]);
      expect(run.code, args.join(' ')).toBe(2);
      expectNoEnglish(args.join(' '), run.stderr);
    }
    // About 70 runs of the CLI one after another: a hang guard, not a speed check.
  }, 180_000);
});

const terminals: Terminal[] = [];
afterEach(() => terminals.splice(0).forEach((t) => t.close()));

describe.runIf(hasTmux || process.env.CI)('the walk in the pseudo-locale', () => {
  it('asks every kind of question in catalogue words', async () => {
    const cwd = tempDir();
    const t = new Terminal(`node ${CLI} --lang en-XA`, cwd);
    terminals.push(t);
    // The question itself, not the welcome: keys typed before the prompt listens are lost.
    await t.waitFor(pseudoText('Name of your business or organization').slice(0, 12));
    t.type('Áçɱé');
    t.press('Enter');
    await t.waitFor(pseudoText('Your name (optional)').slice(0, 12));
    t.press('Enter');
    await t.waitFor(pseudoText('Do you have employees?').slice(0, 12));
    t.press('Enter');
    await t.waitFor(pseudoText(q.sections[0]!.statements[0]!.text).slice(0, 12));
    t.press('Enter'); // a bare Enter: the hint
    await t.waitFor(pseudoText('Choose a rating first: press {keys}, or move with ←/→.').slice(0, 12));
    for (let i = 0; i < 4; i++) {
      t.type('4');
      await new Promise((r) => setTimeout(r, 150));
    }
    await t.waitFor(pseudoText('Continue, or change an answer in this section?').slice(0, 12)); // the section review, a list
    const screen = t.screen();
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expectNoEnglish('the walk', screen.replace(/EXIT=\d+[\s\S]*$/, ''));
    expectNoEnglish('the walk, after Ctrl-C', t.screen().replace(/EXIT=\d+[\s\S]*$/, ''));
  });
});
