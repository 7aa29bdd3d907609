/** `csq report --history DIR` through the built CLI: the trend per area in Markdown and HTML, and every refusal. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csq, fixture, readFixture, tempDir } from '../helpers.js';

const ERRORS = 'errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 2 }';
/** full.yaml (dated 2026-11-23, errors 7 of 15) with another date and its errors summing otherwise. */
const assessment = (date: string, errors: string) => {
  const full = readFixture('full.yaml');
  expect(full).toContain(ERRORS);
  return full.replace('date: 2026-11-23', `date: ${date}`).replace(ERRORS, `errors: { ${errors} }`);
};

/** A folder of two earlier assessments, one answers file and one saved Result, named out of date order. */
function history(): string {
  const dir = tempDir();
  const earlier = path.join(dir, 'history');
  mkdirSync(earlier);
  writeFileSync(path.join(earlier, 'b-first.yaml'), assessment('2025-11-20', 'review-complaints: 1, ask-feedback: 2, eliminate-errors: 1'));
  const second = path.join(dir, 'second.yaml');
  writeFileSync(second, assessment('2026-05-20', 'review-complaints: 2, ask-feedback: 2, eliminate-errors: 2'));
  expect(csq(['report', second, '-f', 'json', '-o', path.join(earlier, 'a-second.json'), '-q']).code).toBe(0);
  return dir;
}

describe('csq report --history', () => {
  it('puts the trend per area in step A: one column per assessment in date order, this one last, and the exact change', () => {
    const dir = history();
    const run = csq(['report', fixture('full.yaml'), '--history', path.join(dir, 'history')]);
    expect(run.code).toBe(0);
    const a = run.stdout.slice(run.stdout.indexOf('## A.'), run.stdout.indexOf('## B.'));
    // errors 4 → 6 → 7 of 15; overall 80 → 82 → 83 of 125.
    expect(a).toContain(
      [
        '### Over time',
        '',
        '| Area | November 20, 2025 | May 20, 2026 | November 23, 2026 | Change since the first (points) |',
        '|---|--:|--:|--:|--:|',
        '| Leadership and commitment | 80% | 80% | 80% | ±0 |',
      ].join('\n'),
    );
    expect(a).toContain('| Error reduction | 26.7% | 40% | 46.7% | +20 |');
    expect(a).toContain('| **Overall CSQ** | 64% | 65.6% | 66.4% | +2.4 |\n\n### 1. Error reduction');
    // Without --history, the plan has no such table.
    expect(csq(['report', fixture('full.yaml')]).stdout).not.toContain('### Over time');
  });

  it('adds the customers’ scores over time, leaves a survey’s tally in the folder alone, and draws both in HTML', () => {
    const dir = history();
    const tally = (name: string, csv: string, date: string) => {
      writeFileSync(path.join(dir, `${name}.csv`), csv);
      expect(csq(['survey', 'tally', `${name}.csv`, '--date', date, '-o', `${name}.json`, '-q'], { cwd: dir }).code).toBe(0);
      return path.join(dir, `${name}.json`);
    };
    // By hand: errors (review-complaints) 2 and 2 of 5: 40%, then 4 and 3: 70%.
    const early = tally('early', 'review-complaints,delight\n2,2\n2,3\n', '2026-05-01');
    const late = tally('late', 'review-complaints,delight\n4,5\n3,4\n', '2026-11-01');
    const second = path.join(dir, 'history', 'a-second.json');
    expect(csq(['report', path.join(dir, 'second.yaml'), '--customers', early, '-f', 'json', '-o', second, '--force', '-q']).code).toBe(0);
    // A tally is not an assessment: kept beside them, it is skipped.
    writeFileSync(path.join(dir, 'history', 'customers.json'), readFileSync(early));
    const run = csq(['report', fixture('full.yaml'), '--customers', late, '--history', path.join(dir, 'history')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        '**What your customers say, over time:**',
        '',
        '| Area | November 20, 2025 | May 20, 2026 | November 23, 2026 | Change since the first (points) |',
        '|---|--:|--:|--:|--:|',
        '| Error reduction | – | 40% | 70% | +30 |',
        '| Customer outreach | – | 50% | 90% | +40 |',
        '',
      ].join('\n'),
    );
    const out = path.join(dir, 'plan.html');
    expect(csq(['report', fixture('full.yaml'), '--customers', late, '--history', path.join(dir, 'history'), '-o', out, '-q']).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const at = html.indexOf('aria-labelledby="chart-trend-title chart-trend-desc"');
    expect(at).toBeGreaterThan(html.indexOf('Change since the first (points)</th>'));
    const svg = html.slice(at, html.indexOf('</svg>', at));
    const titles = [...svg.matchAll(/<g class="row(?: priority)?"><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(8);
    expect(titles).toContain('Error reduction: 26.7% → 40% → 46.7% · Customers – → 40% → 70%');
    expect(titles).toContain('Leadership and commitment: 80% → 80% → 80%');
    expect(titles.at(-1)).toBe('Overall CSQ: 64% → 65.6% → 66.4%');
    // The owner's line has a dot per assessment in every row; the customers' only where they answered.
    expect(svg.match(/class="trend-dot"/g)).toHaveLength(24);
    expect(svg.match(/class="trend-customers-dot"/g)).toHaveLength(4);
    expect(svg).toContain('>Customers</text>');
  });

  it('leaves out the input itself when it is in the folder', () => {
    const dir = history();
    const current = path.join(dir, 'history', 'now.yaml');
    writeFileSync(current, readFixture('full.yaml'));
    const run = csq(['report', current, '--history', path.join(dir, 'history')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| Area | November 20, 2025 | May 20, 2026 | November 23, 2026 | Change since the first (points) |');
  });

  it('refuses, with exit 2 and nothing written, what cannot be one business’s history', () => {
    const dir = history();
    const out = path.join(dir, 'plan.md');
    const refused = (args: string[], message: string) => {
      const run = csq(['report', fixture('full.yaml'), ...args, '-o', out]);
      expect(run.code, message).toBe(2);
      expect(run.stderr).toBe(`${message}\n`);
      expect(existsSync(out)).toBe(false);
    };
    const folder = (name: string, files: Record<string, string>) => {
      const at = path.join(dir, name);
      mkdirSync(at);
      for (const [file, text] of Object.entries(files)) writeFileSync(path.join(at, file), text);
      return at;
    };
    const empty = folder('empty', { 'notes.txt': 'not an assessment' });
    refused(['--history', empty], `csq: --history ${empty} holds no answers file or saved Result (.yaml, .yml, .json)`);
    const undated = folder('undated', { 'old.yaml': readFixture('full.yaml').replace('date: 2026-11-23\n', '') });
    refused(['--history', undated], `csq: ${path.join(undated, 'old.yaml')} has no date: give it one (date:) so that --history can put it in order`);
    const later = folder('later', { 'next.yaml': assessment('2027-01-01', ERRORS.slice(9, -2)) });
    refused(['--history', later], `csq: ${path.join(later, 'next.yaml')} is dated 2027-01-01, after ${fixture('full.yaml')} (2026-11-23): --history holds the earlier assessments`);
    const broken = folder('broken', { 'bad.yaml': readFixture('full.yaml').replace('date: 2026-11-23', 'date: 2025-01-01').replace('review-complaints: 3', 'review-complaints: 9') });
    const bad = csq(['report', fixture('full.yaml'), '--history', broken, '-o', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^${path.join(broken, 'bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ ratings\\.errors\\.review-complaints: `));
    expect(existsSync(out)).toBe(false);
    const many = folder('many', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i}.yaml`, assessment(`2020-0${(i % 9) + 1}-01`, ERRORS.slice(9, -2))])));
    refused(['--history', many], `csq: --history ${many} holds 12 assessments; at most 11 fit beside this one`);
    refused(['--history', fixture('full.yaml')], `${fixture('full.yaml')}: cannot read: is a file, not a folder`);
    refused(['--history', path.join(dir, 'none')], `${path.join(dir, 'none')}: cannot read: no such file`);
    const batch = csq(['report', fixture('full.yaml'), fixture('solo.yaml'), '--out-dir', path.join(dir, 'out'), '--history', path.join(dir, 'history')]);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toBe('csq: --history is for one input, reported to -o or stdout\n');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
