/**
 * Batches (`csq report FILES --out-dir DIR`), written in durable groups: every file's lines in
 * input order across groups, the exit code of the whole batch, a kill -9 at any moment leaves
 * only whole outputs, and what it leaves behind the next batch into the folder removes, saying so.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersText, loadSections } from '../../bench/lib/inputs.mjs';
import { CLI, csq, ROOT, tempDir } from '../helpers.js';

const sections = loadSections(ROOT);

/** `count` valid answers files in `dir`, named 000.yaml …; returns their names. */
function inputs(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const name = `${String(i).padStart(3, '0')}.yaml`;
    writeFileSync(path.join(dir, name), answersText(i, sections));
    return name;
  });
}

const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('a batch of several groups', () => {
  it('prints each file’s lines in input order, writes the good ones and exits 2 for the bad', () => {
    const dir = tempDir();
    const names = inputs(dir, 150);
    const bad = new Set([3, 64, 65, 130]);
    for (const i of bad) writeFileSync(path.join(dir, names[i]!), 'ratings: 7\n');
    const run = csq(['report', ...names, '--out-dir', 'out', '--min-score', '60'], { cwd: dir });
    expect(run.code).toBe(2);
    // Every line names its file: the output written, a failed gate, or a problem of the input.
    const order = run.stderr
      .trim()
      .split('\n')
      .slice(0, -1)
      .map((line) => /^(?:out\/)?(\d{3})\./.exec(line)?.[1]);
    expect(order.every((n) => n !== undefined)).toBe(true);
    expect(order).toEqual([...order].sort());
    expect(new Set(order).size).toBe(150);
    expect(run.stderr.trim().split('\n').at(-1)).toBe('4 of 150 files failed; the others were written to out');
    const written = readdirSync(path.join(dir, 'out')).sort();
    expect(written).toEqual(names.filter((_, i) => !bad.has(i)).map((n) => n.replace('.yaml', '.md')));
    for (const i of bad) expect(run.stderr).toContain(`${names[i]}:1:10 ratings: expected a mapping, found 7`);
  });

  it('exits 1 when only gates failed, after writing every output', () => {
    const dir = tempDir();
    const names = inputs(dir, 70);
    const run = csq(['report', ...names, '--out-dir', 'out', '--min-score', '100', '-q'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(readdirSync(path.join(dir, 'out'))).toHaveLength(70);
    expect(run.stderr.trim().split('\n')).toHaveLength(70);
  });
});

describe('a batch on worker threads', () => {
  /** Each run's outputs, byte for byte, by name. */
  const outputs = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name))]));

  it('writes, prints and exits exactly as the same batch on one thread', () => {
    const dir = tempDir();
    const names = inputs(dir, 70);
    // A bad file in the first group, one at a group's edge, gates that fail, a file that is not YAML.
    writeFileSync(path.join(dir, names[5]!), 'ratings: 7\n');
    writeFileSync(path.join(dir, names[64]!), 'organization: [unclosed\n');
    writeFileSync(path.join(dir, names[69]!), '\u0000');
    // A template that writes to stderr as it renders: those lines too stay where one thread puts them.
    writeFileSync(path.join(dir, 'log.hbs'), '{{log "rendering" organization}}# {{text organization}}\n');
    const cases = [
      ['--min-score', '60', '--min-section', 'outreach=50'],
      ['--format', 'html', '--lang', 'pt', '--min-score', '60'],
      ['--format', 'json', '-q'],
      ['--template', 'log.hbs'],
    ];
    for (const [k, args] of cases.entries()) {
      const one = csq(['report', ...names, '--out-dir', `one-${k}`, ...args], { cwd: dir, env: { CSQ_WORKERS: '0' } });
      const two = csq(['report', ...names, '--out-dir', `two-${k}`, ...args], { cwd: dir, env: { CSQ_WORKERS: '2' } });
      expect(one.code).toBe(2);
      expect(two.code).toBe(one.code);
      expect(two.stderr.replaceAll(`two-${k}`, `one-${k}`)).toBe(one.stderr);
      expect(outputs(path.join(dir, `two-${k}`))).toEqual(outputs(path.join(dir, `one-${k}`)));
      expect(Object.keys(outputs(path.join(dir, `two-${k}`)))).toHaveLength(67);
    }
  }, 120_000);
});

describe('kill -9 in the middle of a batch', () => {
  it('leaves only whole outputs; the next batch into the folder removes the temp files and says so', async () => {
    const dir = tempDir();
    const names = inputs(dir, 400);
    expect(csq(['report', ...names, '--out-dir', 'ref', '-q'], { cwd: dir }).code).toBe(0);
    let leftovers = 0;
    for (let round = 0; round < 3; round++) {
      const out = path.join(dir, `out-${round}`);
      const child = spawn(process.execPath, [CLI, 'report', ...names, '--out-dir', out, '-q'], { cwd: dir, stdio: 'ignore' });
      const closed = new Promise((resolve) => child.on('close', resolve));
      // Killed once the first group is written, at a moment that differs each round.
      while (!existsSync(out) || readdirSync(out).filter((n) => n.endsWith('.md')).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setTimeout(resolve, round * 40));
      child.kill('SIGKILL');
      await closed;
      const written = readdirSync(out).filter((n) => n.endsWith('.md'));
      expect(written.length).toBeGreaterThan(0);
      for (const name of written) expect(readFileSync(path.join(out, name), 'utf8')).toBe(readFileSync(path.join(dir, 'ref', name), 'utf8'));
      const left = temps(out);
      leftovers += left.length;
      for (const name of left) expect(name).toMatch(/^\.\d{3}\.md\.\d+\.[0-9a-f]{8}\.tmp$/);

      const again = csq(['report', ...names, '--out-dir', out, '--force', '-q'], { cwd: dir });
      expect(again.code).toBe(0);
      expect(again.stderr).toBe(left.length === 0 ? '' : `note: removed ${left.length} temp ${left.length === 1 ? 'file' : 'files'} that an interrupted run left in ${out}\n`);
      expect(temps(out)).toEqual([]);
      expect(readdirSync(out).sort()).toEqual(readdirSync(path.join(dir, 'ref')).sort());
    }
    // The kills landed while temp files were there, so the removal was tried for real.
    expect(leftovers).toBeGreaterThan(0);
  }, 120_000);
});

describe('temp files found in the output folder', () => {
  it('are removed when their run has ended, and kept while it runs', () => {
    const dir = tempDir();
    const names = inputs(dir, 2);
    mkdirSync(path.join(dir, 'out'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(path.join(dir, 'out', `.000.md.${gone}.0123abcd.tmp`), 'half a pl');
    writeFileSync(path.join(dir, 'out', `.001.md.${process.pid}.0123abcd.tmp`), 'being written');
    const run = csq(['report', ...names, '--out-dir', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe('note: removed 1 temp file that an interrupted run left in out');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual([`.001.md.${process.pid}.0123abcd.tmp`, '000.md', '001.md']);
  });
});
