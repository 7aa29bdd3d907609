/** For tests of refusals: a folder's exact state (every entry, every byte) before and after a run. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import { CLI, type Run } from '../helpers.js';

/** name → content hash (files), link target (symlinks) or "folder", for everything under dir. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const visit = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const key = prefix + name;
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) state[key] = `-> ${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        state[key] = 'folder';
        visit(full, `${key}/`);
      } else state[key] = `${stat.ino} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
    }
  };
  visit(dir, '');
  return state;
}

/** Exit 2, exactly this message on stderr, nothing on stdout, no stack trace, and the folder untouched. */
export function expectRefused(run: Run, message: string, dir: string, before: Record<string, string>): void {
  expect(run.stderr).toBe(`${message}\n`);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at |node:internal|internal error/);
  expect(folderState(dir)).toEqual(before);
}

/** Runs the CLI from a current folder that is deleted just before node starts. */
export function csqInDeletedFolder(parent: string, args: string[]): Run {
  const script = 'mkdir gone && cd gone && rmdir ../gone && exec "$0" "$@"';
  const run = spawnSync('sh', ['-c', script, process.execPath, CLI, ...args], {
    cwd: parent,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', NO_COLOR: '1' },
    timeout: 20_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs the CLI with stdin redirected from a file, as `csq … < file` does in a shell. */
export function csqWithStdinFrom(file: string, args: string[], cwd: string): Run {
  const fd = openSync(file, 'r');
  try {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1' }, timeout: 20_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    closeSync(fd);
  }
}
