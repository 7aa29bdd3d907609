/** Test helpers: run the built CLI as a real process, and reach the fixtures. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'bin', 'csq.cjs');
export const fixture = (...parts: string[]) => path.join(ROOT, 'test', 'fixtures', ...parts);
export const readFixture = (...parts: string[]) => readFileSync(fixture(...parts), 'utf8');
export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'csq-test-'));

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
