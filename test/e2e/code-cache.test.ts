/** The built CLI's chunks load with V8's code cache, and csq works the same without it. */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, csq, tempDir } from '../helpers.js';

// As csq() runs the CLI; no NODE_OPTIONS, whose V8 flags would make V8 reject every cache.
const cleanEnv: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1' };
for (const key of ['LC_ALL', 'LC_MESSAGES', 'FORCE_COLOR', 'NODE_OPTIONS']) delete cleanEnv[key];

/** Runs the CLI through bin/bundle.cjs and reports, for every chunk it loaded, whether V8 took its cache. */
function loadedScripts(args: string[], expectedCode = 0): { file: string; cached: boolean; rejected: boolean }[] {
  const probe = `
    const { loadBundle } = require(${JSON.stringify(path.join(ROOT, 'bin', 'bundle.cjs'))});
    const fs = require('node:fs');
    const seen = [];
    process.argv = [process.argv[0], 'csq', ...${JSON.stringify(args)}];
    // As a terminal would: the walk then loads its prompts and shows its first question (stdin is empty).
    process.stdin.isTTY = true;
    process.on('exit', () => process.stderr.write('\\nSCRIPTS ' + JSON.stringify(seen) + '\\n'));
    loadBundle(${JSON.stringify(path.join(ROOT, 'dist', 'cli.cjs'))}, (script, cacheFile) =>
      seen.push({ file: cacheFile, cached: fs.existsSync(cacheFile), rejected: script.cachedDataRejected === true }));
  `;
  const run = spawnSync(process.execPath, ['-e', probe], { cwd: tempDir(), encoding: 'utf8', env: cleanEnv });
  expect(run.status).toBe(expectedCode);
  const line = run.stderr.split('\n').find((l) => l.startsWith('SCRIPTS '));
  return JSON.parse(line!.slice('SCRIPTS '.length));
}

describe('the code cache', () => {
  it('is built for every chunk a report loads, and V8 accepts it', () => {
    const scripts = loadedScripts(['report', '--example', '-o', '-']);
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.filter((s) => !s.cached)).toEqual([]);
    expect(scripts.filter((s) => s.rejected)).toEqual([]);
  });

  it('also covers --help and the walk up to its first question', () => {
    for (const [args, code] of [[['--help'], 0], [['assess'], 130]] as const) {
      const scripts = loadedScripts([...args], code);
      expect(scripts.filter((s) => !s.cached || s.rejected)).toEqual([]);
      if (args[0] === 'assess') expect(scripts.some((s) => s.file.includes('rating-prompt'))).toBe(true);
    }
  });

  it('exists for every chunk, the build having run every command', () => {
    const chunks = readdirSync(path.join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs'));
    const cached = new Set(readdirSync(path.join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cache')));
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.filter((f) => !cached.has(`${f}.cache`))).toEqual([]);
  });

  it('only speeds csq up: with every cache unusable (another Node version), the output is the same', () => {
    // A copy of the package whose caches are garbage: V8 rejects them and compiles the source.
    const copy = tempDir();
    for (const part of ['bin', 'dist', 'questionnaires', 'templates', 'examples', 'package.json']) {
      cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
    }
    const caches = readdirSync(path.join(copy, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cache'));
    expect(caches.length).toBeGreaterThan(5);
    // Half of them garbage, half cut short (as by a disk that filled up during the build).
    caches.forEach((cache, i) => {
      const file = path.join(copy, 'dist', cache);
      writeFileSync(file, i % 2 ? 'not a code cache' : readFileSync(file).subarray(0, 100));
    });
    for (const args of [['report', '--example', '-o', '-'], ['report', '--example', '--format', 'json'], ['--help'], ['init']]) {
      const expected = csq(args);
      const run = spawnSync(process.execPath, [path.join(copy, 'bin', 'csq.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv });
      expect(run.status).toBe(expected.code);
      expect(run.stdout).toBe(expected.stdout);
      expect(run.stdout.length).toBeGreaterThan(100);
    }
    expect(path.relative(ROOT, CLI)).toBe(path.join('bin', 'csq.cjs'));
  });
});
