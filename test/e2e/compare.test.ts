/** csq compare from exact scores, with warnings that leave the exit code alone. */
import { writeFileSync } from 'node:fs';
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
});
