/**
 * For the tests that install csq for real (install.test.ts, ci-recipe.test.ts): whether they run,
 * the tools they need, a clean clone of HEAD, and commands that cannot outlive their deadline.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../helpers.js';

/**
 * Each install builds csq, so these tests take a minute or two: they run under CI (CI set, or
 * CSQ_TEST_INSTALL=1 as .ci/run sets for one of its runs) and are skipped otherwise, or with
 * CSQ_TEST_INSTALL=0. When they run, a missing tool fails them.
 */
export const installTestsWanted = (process.env.CSQ_TEST_INSTALL ?? (process.env.CI ? '1' : '0')) !== '0';

export const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/** Throws, naming them, unless every tool answers its version flag. */
export function requireTools(tools: Record<string, string[]>): void {
  const missing = Object.entries(tools)
    .filter(([tool, args]) => spawnSync(tool, args, { stdio: 'ignore' }).status !== 0)
    .map(([tool]) => tool);
  if (missing.length > 0) throw new Error(`these tests install csq for real and need: ${missing.join(', ')} (not found)`);
}

/** The Node running the tests first on PATH, so installed csq and npm run on it too. */
export const nodeFirstPath = (...dirs: string[]) => [...dirs, path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter);

/**
 * The environment for npm and installed csq: none of the npm_* settings of the `npm test` that
 * runs the suite, packages from npm's cache when it has them, and csq's code cache in `cacheHome`.
 */
export function installEnv(cacheHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|INIT_CWD$|NODE_OPTIONS$)/i.test(key)) env[key] = value;
  return {
    ...env,
    PATH: nodeFirstPath(),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    XDG_CACHE_HOME: cacheHome,
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
  };
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in its own process group; past `timeout` the whole group is killed (npm starts
 * npm and node processes of its own) and the result says so.
 */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): Promise<Result> {
  const { cwd, env, timeout = 240_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeout} ms]`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** As run(), but a non-zero exit throws with the command's output. */
export async function check(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): Promise<Result> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  }
  return result;
}

/** A clone of the repository's HEAD, as anyone would get it: no node_modules, no dist/. */
export async function cloneHead(env: NodeJS.ProcessEnv, name = 'csq'): Promise<string> {
  const dir = path.join(tempDir(), name);
  await check('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir], { cwd: ROOT, env, timeout: 60_000 });
  return dir;
}
