/** One walk per answers file (src/io/lock.ts): a lock beside it, held by a live process, taken over from a dead one. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockPath } from '../../src/io/lock.js';
import { tempDir } from '../helpers.js';

/** A pid that was alive a moment ago and is not any more. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

describe('the walk’s lock', () => {
  it('is a hidden file beside the answers, holding our pid, gone once released', () => {
    const file = path.join(tempDir(), 'answers.yaml');
    expect(lockPath(file)).toBe(path.join(path.dirname(file), '.answers.yaml.lock'));
    const outcome = acquireLock(file);
    if (!('lock' in outcome)) throw new Error(`held by ${outcome.heldBy}`);
    expect(readFileSync(lockPath(file), 'utf8')).toBe(`${process.pid}\n`);
    outcome.lock.release();
    expect(existsSync(lockPath(file))).toBe(false);
    // Released twice: the second time removes nothing, not even another walk's new lock.
    writeFileSync(lockPath(file), '1\n');
    outcome.lock.release();
    expect(readFileSync(lockPath(file), 'utf8')).toBe('1\n');
  });

  it('is refused while another live process holds it, naming that process', () => {
    const file = path.join(tempDir(), 'answers.yaml');
    // pid 1 is always alive (here it may belong to another user: EPERM still means alive).
    writeFileSync(lockPath(file), '1\n');
    expect(acquireLock(file)).toEqual({ heldBy: 1 });
    expect(readFileSync(lockPath(file), 'utf8')).toBe('1\n');
  });

  it('is taken over from a process that is gone, from a lock that names none, and from ourselves', () => {
    for (const content of [`${deadPid()}\n`, 'garbage', '', '0\n', '-5\n', `${process.pid}\n`]) {
      const file = path.join(tempDir(), 'answers.yaml');
      writeFileSync(lockPath(file), content);
      const outcome = acquireLock(file);
      expect(outcome, JSON.stringify(content)).toHaveProperty('lock');
      expect(readFileSync(lockPath(file), 'utf8')).toBe(`${process.pid}\n`);
    }
  });

  it('reports a folder it cannot write into as the error it is', () => {
    expect(() => acquireLock(path.join(tempDir(), 'no-such-folder', 'answers.yaml'))).toThrow(/ENOENT/);
  });
});
