/** Test helpers: run the built CLI as a real process, and reach the fixtures. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'bin', 'csq.cjs');
export const fixture = (...parts: string[]) => path.join(ROOT, 'test', 'fixtures', ...parts);
export const readFixture = (...parts: string[]) => readFileSync(fixture(...parts), 'utf8');

/**
 * fast-check's settings for a property of `numRuns` samples. Each mutant of `npm run mutate`
 * runs the properties again, so there they take a tenth of the samples, always the same ones
 * (a fixed seed): a mutant's fate must not depend on the draw.
 */
export const propertyRuns = (numRuns: number) => (process.env.CSQ_MUTATE ? { numRuns: Math.ceil(numRuns / 10), seed: 1 } : { numRuns });

/** A new empty folder under the system's temp folder, removed when its test file ends (test/setup.ts). */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'csq-test-'));
  madeDirs.push(dir);
  return dir;
}
const madeDirs: string[] = [];

/** Removes every folder tempDir made in this test file (a test's own files in it included). */
export function removeTempDirs(): void {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/csq.cjs …` with no terminal, a clean locale and no colour unless asked. */
export function csq(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', LC_ALL: undefined, LC_MESSAGES: undefined, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Whether a tool that some tests need (tmux, python3) is here. A missing tool never hides a
 * layer of tests silently: under CI (CI set) it fails, as a test named for the tool; elsewhere
 * those tests are skipped with a warning that says which and why.
 */
export function needsTool(tool: string, versionArgs: string[], tests: string): boolean {
  if (spawnSync(tool, versionArgs, { stdio: 'ignore' }).status === 0) return true;
  if (process.env.CI) {
    it(`finds ${tool}, needed for ${tests}`, () => {
      throw new Error(`${tool} not found (\`${tool} ${versionArgs.join(' ')}\` failed); CI is set, so a missing tool fails`);
    });
  } else {
    console.warn(`\nWARNING: ${tool} not found, so these tests are SKIPPED: ${tests}. Install ${tool} to run them (under CI a missing tool fails).\n`);
  }
  return false;
}
