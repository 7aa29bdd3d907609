/** csq compare from exact scores, with warnings that leave the exit code alone. */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csq, readFixture, tempDir } from '../helpers.js';
import { folderState } from './folder-state.js';

const ERRORS = 'errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 2 }';

/** A folder with full.yaml as a.yaml (errors 7/15 = 46.7%) and b.yaml, the same with errors 11/15 = 73.3%. */
function pair(change: (text: string) => string = (t) => t): string {
  const dir = tempDir();
  const full = readFixture('full.yaml');
  expect(full).toContain(ERRORS);
  writeFileSync(path.join(dir, 'a.yaml'), full);
  writeFileSync(path.join(dir, 'b.yaml'), change(full.replace(ERRORS, 'errors: { review-complaints: 4, ask-feedback: 4, eliminate-errors: 3 }').replace('date: 2026-11-23', 'date: 2027-05-23')));
  return dir;
}

describe('csq compare from exact scores', () => {
  it('46.7% → 73.3% shows +26.7 in text, Markdown and JSON', () => {
    const dir = pair();
    const text = csq(['compare', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/Error reduction\s+46\.7% →\s+73\.3%\s+\+26\.7 ▲/);
    expect(csq(['compare', 'a.yaml', 'b.yaml', '--format', 'markdown'], { cwd: dir }).stdout).toContain('| Error reduction | 46.7% | 73.3% | +26.7 |');
    const json = JSON.parse(csq(['compare', 'a.yaml', 'b.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.sections.find((s: { id: string }) => s.id === 'errors')).toEqual({ id: 'errors', title: 'Error reduction', before: 46.7, after: 73.3, change: 26.7 });
  });

  it('--fail-on-drop 26.6 fails on a real drop of 26.67', () => {
    const dir = pair((t) => t.replace('date: 2027-05-23', 'date: 2025-05-23'));
    const before = folderState(dir);
    const run = csq(['compare', 'b.yaml', 'a.yaml', '--fail-on-drop', '26.6', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('gate failed: Error reduction dropped 26.7 points (73.3% → 46.7%), more than 26.6\n');
    expect(folderState(dir)).toEqual(before);
    expect(csq(['compare', 'b.yaml', 'a.yaml', '--fail-on-drop', '26.67'], { cwd: dir }).code).toBe(0);
  });

  it('--fail-on-drop 13.3 fails on a drop of 13.33, and says 13.33', () => {
    const dir = pair((t) => t.replace('errors: { review-complaints: 4, ask-feedback: 4, eliminate-errors: 3 }', 'errors: { review-complaints: 1, ask-feedback: 1, eliminate-errors: 3 }'));
    // a.yaml errors 7/15, b.yaml 5/15: 13.33 points.
    const run = csq(['compare', 'a.yaml', 'b.yaml', '--fail-on-drop', '13.3'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('gate failed: Error reduction dropped 13.33 points (46.7% → 33.3%), more than 13.3\n');
  });
});

describe('csq compare warns, and the exit code stands', () => {
  it('when the two sides are different organizations', () => {
    const dir = pair((t) => t.replace('organization: Acme Cleaning', 'organization: Zenith Windows'));
    const run = csq(['compare', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('warning: a.yaml is for "Acme Cleaning" and b.yaml for "Zenith Windows": these may be two different organizations\n');
    // Not for the same organization spelled with other case or spacing.
    const same = pair((t) => t.replace('organization: Acme Cleaning', 'organization: "ACME  cleaning"'));
    expect(csq(['compare', 'a.yaml', 'b.yaml'], { cwd: same }).stderr).toBe('');
  });

  it('when the later one is dated before the earlier one', () => {
    const dir = pair();
    const run = csq(['compare', 'b.yaml', 'a.yaml', '--fail-on-drop', '30'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('warning: a.yaml is dated 2026-11-23, before b.yaml (2027-05-23): give the earlier one first\n');
    const gated = csq(['compare', 'b.yaml', 'a.yaml', '--fail-on-drop', '20'], { cwd: dir });
    expect(gated.code).toBe(1);
  });

  it('puts the customers’ scores then and now beside the owner’s when either side has a survey, in text, Markdown, JSON and HTML', () => {
    const dir = pair();
    // By hand: the earlier survey rates outreach (2+3)/2 and (3+3)/2 of 5, 50% and 60%: 55%; errors 2 and 2: 40%; recommends 3 and 6: NPS −100.
    // The later one: outreach 4.5 and 4.5: 90%; errors 4 and 3: 70%; recommends 10 and 9: NPS +100.
    const tallied = (name: string, csv: string, date: string) => {
      writeFileSync(path.join(dir, `${name}.csv`), csv);
      expect(csq(['survey', 'tally', `${name}.csv`, '--date', date, '-o', `${name}.json`, '-q'], { cwd: dir }).code).toBe(0);
      return readFileSync(path.join(dir, `${name}.json`), 'utf8').replace(/^/gm, '  ').trimEnd();
    };
    const early = tallied('early', 'delight,easy-to-deal,review-complaints,recommend\n2,3,2,3\n3,3,2,6\n', '2026-05-01');
    const late = tallied('late', 'delight,easy-to-deal,review-complaints,recommend\n4,5,4,10\n5,4,3,9\n', '2027-05-01');
    const plainA = readFileSync(path.join(dir, 'a.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'a.yaml'), `${plainA.trimEnd()}\ncustomers:\n${early}\n`);
    writeFileSync(path.join(dir, 'b.yaml'), `${readFileSync(path.join(dir, 'b.yaml'), 'utf8').trimEnd()}\ncustomers:\n${late}\n`);

    const text = csq(['compare', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    const outreach = lines.find((l) => l.startsWith('Customer outreach'))!;
    expect(outreach).toMatch(/^Customer outreach\s+73\.3% →\s+73\.3%\s+±0\s+customers\s+55% →\s+90%\s+\+35 ▲$/);
    expect(lines.find((l) => l.startsWith('Error reduction'))).toMatch(/46\.7% →\s+73\.3%\s+\+26\.7 ▲\s+customers\s+40% →\s+70%\s+\+30 ▲$/);
    expect(lines.find((l) => l.startsWith('Leadership'))).toMatch(/customers\s+n\/a →\s+n\/a\s+n\/a$/);
    // One column for the customers' figures, however wide the owner's change.
    expect(new Set(lines.filter((l) => l.includes('customers ')).map((l) => l.indexOf('customers ')))).toHaveProperty('size', 1);
    expect(text.stdout).toContain('\nSurvey responses: 2 (May 1, 2026) → 2 (May 1, 2027)\nNet Promoter Score: -100 → 100 (+200)\n');

    const markdown = csq(['compare', 'a.yaml', 'b.yaml', '--format', 'markdown'], { cwd: dir }).stdout;
    expect(markdown).toContain('| Area | Before (2026-11-23) | After (2027-05-23) | Change (points) | Customers, before | Customers, after | Customers’ change |\n|---|--:|--:|--:|--:|--:|--:|\n');
    expect(markdown).toContain('| Error reduction | 46.7% | 73.3% | +26.7 | 40% | 70% | +30 |');
    // Overall 83 → 87 of 125 (errors gains 4 points); the survey has no overall score.
    expect(markdown).toContain('| **Overall CSQ** | 66.4% | 69.6% | +3.2 | n/a | n/a | n/a |');

    const json = JSON.parse(csq(['compare', 'a.yaml', 'b.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.sections.find((s: { id: string }) => s.id === 'outreach').customers).toEqual({ before: 55, after: 90, change: 35 });
    expect(json.customers).toEqual({ before: { responses: 2, surveyed: '2026-05-01', nps: -100 }, after: { responses: 2, surveyed: '2027-05-01', nps: 100 }, npsChange: 200 });
    expect(json.overall.customers).toBeUndefined();

    const html = csq(['compare', 'a.yaml', 'b.yaml', '--format', 'html'], { cwd: dir }).stdout;
    const at = html.indexOf('aria-labelledby="chart-compare-customers-title');
    expect(at).toBeGreaterThan(html.indexOf('aria-labelledby="chart-compare-title'));
    const chart = html.slice(at, html.indexOf('</svg>', at));
    // Only the areas a survey answered, each the earlier figure first.
    expect([...chart.matchAll(/<g class="row"><title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual(['Error reduction: 40% → 70%', 'Customer outreach: 55% → 90%']);
    expect(chart).toContain('>Customers, before</text>');

    // The earlier assessment without a survey: its side is n/a, and so is every change.
    writeFileSync(path.join(dir, 'a.yaml'), plainA);
    const half = JSON.parse(csq(['compare', 'a.yaml', 'b.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(half.customers).toEqual({ before: null, after: { responses: 2, surveyed: '2027-05-01', nps: 100 }, npsChange: null });
    expect(half.sections.find((s: { id: string }) => s.id === 'outreach').customers).toEqual({ before: null, after: 90, change: null });
    expect(csq(['compare', 'a.yaml', 'b.yaml'], { cwd: dir }).stdout).toContain('\nSurvey responses: n/a → 2 (May 1, 2027)\n');
    // Neither: compare is as it was, with no customers' columns.
    const none = csq(['compare', 'a.yaml', 'a.yaml', '--format', 'json'], { cwd: dir }).stdout;
    expect(JSON.parse(none)).not.toHaveProperty('customers');
    expect(none).not.toContain('"customers"');
  });
});
