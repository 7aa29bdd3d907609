/**
 * bin/bundle.cjs keeps V8's bytecode of every chunk a run loads in a per-user cache folder:
 * written once, by the first run that needs it, taken as it is by later runs, and never able
 * to change what csq does.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir } from '../helpers.js';

const buildId = readFileSync(path.join(ROOT, 'dist', 'BUILT'), 'utf8').trim().split(' ').at(-1)!;
const folderName = `${buildId}-node${process.versions.node}-${process.arch}`;

/** Runs the built CLI with its cache under `cacheHome` (XDG_CACHE_HOME), as a user would. */
function run(args: string[], cacheHome: string, env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1', XDG_CACHE_HOME: cacheHome, ...env };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'NODE_OPTIONS', 'NODE_DISABLE_COMPILE_CACHE']) if (!(key in env)) delete childEnv[key];
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: tempDir(), encoding: 'utf8', env: childEnv, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each cache file with what changes when it is written again (a rename gives a new inode). */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder).map((name) => {
      const s = statSync(path.join(folder, name));
      return [name, `${s.ino}:${s.size}:${s.mtimeMs}`];
    }),
  );
}

const report = ['report', '--example', '-o', '-'];

describe('the code cache', () => {
  it('is written by the first run for every chunk it loads, in a folder of this build and this Node', () => {
    const home = tempDir();
    const first = run(report, home);
    expect(first.code).toBe(0);
    expect(readdirSync(path.join(home, 'csq', 'code'))).toEqual([folderName]);
    const files = readdirSync(path.join(home, 'csq', 'code', folderName));
    expect(files).toContain('cli.cjs.cache');
    expect(files).toContain('assets~plan.md.cjs.cache');
    expect(files.some((f) => /^chunks~report-.*\.cjs\.cache$/.test(f))).toBe(true);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The prompts are not part of a report: their chunk waits for a run that loads it.
    expect(files.some((f) => f.includes('rating-prompt'))).toBe(false);
  });

  it('is taken as it is by later runs: V8 accepts it, so nothing is written again', () => {
    const home = tempDir();
    expect(run(report, home).code).toBe(0);
    const folder = path.join(home, 'csq', 'code', folderName);
    const before = snapshot(folder);
    const again = run(report, home);
    expect(again.code).toBe(0);
    // A rejected cache would be replaced at exit (bin/bundle.cjs), with a new inode.
    expect(snapshot(folder)).toEqual(before);
    // A run that loads more chunks adds theirs and leaves the others alone.
    expect(run(['validate', path.join(ROOT, 'examples', 'acme-cleaning.yaml')], home).code).toBe(0);
    const after = snapshot(folder);
    for (const [name, state] of Object.entries(before)) expect(after[name]).toBe(state);
    expect(Object.keys(after).some((f) => f.startsWith('chunks~validate-'))).toBe(true);
  });

  it('is left by a long batch as a report takes it: the batch puts V8 back as it found it', () => {
    // A batch tunes V8's garbage collector for itself, and a code cache carries a hash of V8's
    // settings: written under the batch's, every later report would reject it and write it again.
    const home = tempDir();
    const inputs = tempDir();
    const example = readFileSync(path.join(ROOT, 'examples', 'acme-cleaning.yaml'), 'utf8');
    const files = Array.from({ length: 200 }, (_, i) => {
      const file = path.join(inputs, `client-${i}.yaml`);
      writeFileSync(file, example);
      return file;
    });
    const batch = run(['report', '-q', '--out-dir', path.join(inputs, 'plans'), ...files], home, { CSQ_WORKERS: '0' });
    expect(batch.code).toBe(0);
    const folder = path.join(home, 'csq', 'code', folderName);
    const written = snapshot(folder);
    expect(Object.keys(written)).toContain('assets~plan.md.cjs.cache');
    expect(run(report, home).code).toBe(0);
    const after = snapshot(folder);
    for (const [name, state] of Object.entries(written)) expect(after[name], name).toBe(state);
  });

  it('only speeds csq up: broken caches give the same output, and are replaced', () => {
    const home = tempDir();
    const reference = run(report, home, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(reference.code).toBe(0);
    expect(reference.stdout.length).toBeGreaterThan(1000);
    expect(() => readdirSync(path.join(home, 'csq'))).toThrow(); // turned off: nothing written
    expect(run(report, home).stdout).toBe(reference.stdout);
    const folder = path.join(home, 'csq', 'code', folderName);
    const names = readdirSync(folder);
    // Half of them garbage, half cut short (as by a disk that filled up).
    names.forEach((name, i) => {
      const file = path.join(folder, name);
      writeFileSync(file, i % 2 ? 'not a code cache' : readFileSync(file).subarray(0, 100));
    });
    const broken = snapshot(folder);
    const rerun = run(report, home);
    expect(rerun).toEqual(reference);
    const replaced = snapshot(folder);
    for (const name of names) expect(replaced[name]).not.toBe(broken[name]);
    expect(statSync(path.join(folder, 'cli.cjs.cache')).size).toBeGreaterThan(1000);
    // The replacements are good: the next run takes them.
    expect(run(report, home)).toEqual(reference);
    expect(snapshot(folder)).toEqual(replaced);
  });

  it('never stops csq: with no usable cache folder it runs the same and says nothing more', () => {
    const home = tempDir();
    const reference = run(report, home);
    const notAFolder = path.join(home, 'a-file');
    writeFileSync(notAFolder, '');
    const result = run(report, notAFolder);
    expect(result).toEqual(reference);
    const help = run(['--help'], notAFolder);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
  });

  it('keeps the folders of the newest few other builds and removes older ones', () => {
    const home = tempDir();
    const code = path.join(home, 'csq', 'code');
    const others = ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004', '0000000000000005', '0000000000000006'].map(
      (id, i) => {
        const dir = path.join(code, `${id}-node${process.versions.node}-${process.arch}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'cli.cjs.cache'), 'old');
        const time = new Date(Date.UTC(2026, 0, 1 + i));
        utimesSync(dir, time, time);
        return path.basename(dir);
      },
    );
    mkdirSync(path.join(code, 'not-a-build'));
    expect(run(['--help'], home).code).toBe(0);
    expect(readdirSync(code).sort()).toEqual([...others.slice(2), folderName, 'not-a-build'].sort());
  });
});
