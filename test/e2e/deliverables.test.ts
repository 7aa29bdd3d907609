/** HTML, CSV, the poster and the PDF's refusals, through the built CLI (the browser tests are in browser.test.ts). */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, csq, fixture, tempDir } from '../helpers.js';
import { hasTmux, Terminal } from './tmux.js';

const full = fixture('full.yaml');
const solo = fixture('solo.yaml');
const team = ['owner.yaml', 'manager.yaml', 'clerk.yaml'].map((f) => fixture('team', f));

describe('csq report --format html', () => {
  it('writes one self-contained file, its format told by --format or by the name', () => {
    const dir = tempDir();
    const a = csq(['report', full, '--format', 'html', '-o', path.join(dir, 'a.out')]);
    expect(a.code).toBe(0);
    const b = csq(['report', full, '-o', path.join(dir, 'b.html'), '-q']);
    expect(b.code).toBe(0);
    expect(b.stderr).toBe('');
    const html = readFileSync(path.join(dir, 'a.out'), 'utf8');
    expect(readFileSync(path.join(dir, 'b.html'), 'utf8')).toBe(html);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(html).toContain('<svg class="chart"');
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|url\(/i);
    // -o plan.md and -o result.json keep meaning what they say.
    expect(csq(['report', full, '-o', path.join(dir, 'c.json')]).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'c.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('writes a batch of HTML files, in Hebrew right to left', () => {
    const dir = tempDir();
    const run = csq(['report', full, solo, '--out-dir', dir, '--format', 'html', '--lang', 'he', '-q']);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['full.html', 'solo.html']);
    expect(readFileSync(path.join(dir, 'solo.html'), 'utf8')).toContain('<html lang="he" dir="rtl">');
  });

  it('refuses an unknown format or paper, before anything is written', () => {
    const dir = tempDir();
    const out = path.join(dir, 'x');
    const bad = csq(['report', full, '--format', 'docx', '-o', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('csq: --format must be markdown, html, pdf, csv or json, not "docx"\n');
    const paper = csq(['report', full, '--format', 'html', '--paper', 'a5', '-o', out]);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toBe('csq: --paper must be a4 or letter, not "a5"\n');
    expect(existsSync(out)).toBe(false);
  });
});

describe('csq report --format pdf without a browser', () => {
  it('exits 2 with the install hint, and writes nothing, in a batch too', () => {
    const dir = tempDir();
    const env = { CHROME_PATH: path.join(dir, 'no-such-browser') };
    const one = csq(['report', full, '-o', path.join(dir, 'plan.pdf')], { env });
    expect(one.code).toBe(2);
    expect(one.stderr).toBe(
      `csq: CHROME_PATH is ${env.CHROME_PATH}, which is not a program csq can run (install Chromium or Chrome (Debian, Ubuntu: apt-get install chromium), or set CHROME_PATH to the browser program; csq never downloads one)\n`,
    );
    const batch = csq(['report', full, solo, '--out-dir', path.join(dir, 'out'), '--format', 'pdf'], { env });
    expect(batch.code).toBe(2);
    const poster = csq(['poster', full, '-o', path.join(dir, 'poster.pdf')], { env: { ...env, LANG: 'pt_BR.UTF-8' } });
    expect(poster.code).toBe(2);
    expect(poster.stderr).toContain('CHROME_PATH é');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says which format a poster’s name does not tell, and refuses an unknown one', () => {
    const dir = tempDir();
    const poster = csq(['poster', full, '-o', path.join(dir, 'poster.txt')]);
    expect(poster.code).toBe(2);
    expect(poster.stderr).toBe(`csq: the name ${path.join(dir, 'poster.txt')} does not say which format to write: end it in .pdf or .html, or give --format\n`);
    expect(csq(['poster', full, '--format', 'png']).stderr).toBe('csq: --format must be html or pdf, not "png"\n');
  });
});

describe('csq poster', () => {
  it('writes HTML to stdout by default, or to the file named', () => {
    const run = csq(['poster', full]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain('<section class="poster"');
    const dir = tempDir();
    const file = csq(['poster', full, '-o', path.join(dir, 'poster.html'), '--paper', 'letter']);
    expect(file.code).toBe(0);
    expect(file.stderr).toBe(`Wrote ${path.join(dir, 'poster.html')}\n`);
    expect(readFileSync(path.join(dir, 'poster.html'), 'utf8')).toContain('@page { size: letter;');
    expect(csq(['poster', full, '-o', path.join(dir, 'poster.html')]).code).toBe(2); // never a silent overwrite
  });
});

describe('--format csv', () => {
  const rows = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n');

  it('writes one row per client, with a BOM and CRLF, to a file or stdout', () => {
    const dir = tempDir();
    const out = path.join(dir, 'clients.csv');
    const run = csq(['report', full, solo, '-o', out]);
    expect(run.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = rows(bytes.toString('utf8'));
    expect(lines[0]).toBe('file,organization,respondent,date,overall,leadership,alignment,errors,information,outreach,staff,improvement,improve');
    expect(lines[1]).toMatch(new RegExp(`^${full.replaceAll('/', '\\/')},Acme Cleaning,Jane Doe,2026-11-23,66\\.4,`));
    expect(lines[2]).toMatch(/,Solo Bookkeeping,/);
    expect(lines).toHaveLength(4);
    expect(csq(['report', full, '--format', 'csv']).stdout).toBe(`\uFEFF${lines.slice(0, 2).join('\r\n')}\r\n`);
  });

  it('neutralises formulas in what users typed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'evil.yaml');
    writeFileSync(file, readFileSync(solo, 'utf8').replace('organization: Solo Bookkeeping', 'organization: "=HYPERLINK(\\"http://x\\",\\"y\\")"'));
    const line = rows(csq(['report', file, '--format', 'csv']).stdout)[1]!;
    expect(line).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
  });

  it('reports a bad file and writes the others’ rows; gates are named per file', () => {
    const dir = tempDir();
    const out = path.join(dir, 'all.csv');
    const run = csq(['report', full, fixture('broken.yaml'), solo, '-o', out, '--min-score', '70']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${fixture('broken.yaml')}:`);
    expect(run.stderr).toContain(`${full}: gate failed: overall CSQ 66.4% is below the minimum 70%`);
    expect(run.stderr).toContain(`1 of 3 files failed; the others were written to ${out}`);
    expect(rows(readFileSync(out, 'utf8'))).toHaveLength(4);
    const gate = csq(['report', full, solo, '--format', 'csv', '--min-score', '70']);
    expect(gate.code).toBe(1);
  });

  it('is one table: not a file per input', () => {
    const run = csq(['report', full, '--format', 'csv', '--out-dir', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('csq: --format csv writes one table, a row per input: give -o FILE (or nothing, for stdout), not --out-dir\n');
  });

  it('in csq team, one row per respondent', () => {
    const run = csq(['team', ...team, '--format', 'csv', '-q']);
    expect(run.code).toBe(0);
    const lines = rows(run.stdout);
    expect(lines).toHaveLength(team.length + 2);
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(team);
  });
});

describe('csq team and compare as HTML', () => {
  it('team: the plan with the spread per area', () => {
    const run = csq(['team', ...team, '--format', 'html', '-q']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<path class="spread"');
  });
  it('compare: before and after side by side, with the table', () => {
    const run = csq(['compare', solo, full, '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain('<rect class="bar-before"');
    expect(run.stdout).toContain('<table class="changes">');
    expect(run.stdout).toContain('Before');
    expect(csq(['compare', solo, full, '--format', 'pdf']).stderr).toBe('csq: --format must be text, markdown, html or json, not "pdf"\n');
  });
});

describe.runIf(hasTmux || process.env.CI)('a PDF on a terminal', () => {
  it('is refused, with exit 2, before any browser starts: the PDF goes to a file', async () => {
    const dir = tempDir();
    for (const command of [`report ${full} --format pdf`, `poster ${full} --format pdf`]) {
      const t = new Terminal(`node ${CLI} ${command}`, dir);
      try {
        await t.waitFor('a PDF cannot be shown on a terminal: write it to a file with -o FILE');
        expect(await t.exitCode()).toBe(2);
      } finally {
        t.close();
      }
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
