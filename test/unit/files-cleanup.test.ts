/** A failing cleanup (closing, removing the temp file) never hides the error that made the write fail. */
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';
import { thrown } from '../problems.js';

const failing = vi.hoisted(() => ({ cleanup: false, close: false, fsync: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => {
    throw Object.assign(new Error(`${code}: cleanup failed, unlink '/somewhere/.x.tmp'`), { code });
  };
  const wrapped = {
    ...fs,
    rmSync: (...args: Parameters<typeof fs.rmSync>) => (failing.cleanup ? fail('ENAMETOOLONG') : fs.rmSync(...args)),
    unlinkSync: (...args: Parameters<typeof fs.unlinkSync>) => (failing.cleanup ? fail('ENAMETOOLONG') : fs.unlinkSync(...args)),
    closeSync: (fd: number) => {
      fs.closeSync(fd);
      if (failing.close) fail('EBADF');
    },
    fsyncSync: (fd: number) => (failing.fsync ? fail('EIO') : fs.fsyncSync(fd)),
  };
  return { ...wrapped, default: wrapped };
});

const { writeFileAtomic } = await import('../../src/io/files.js');

afterEach(() => {
  failing.cleanup = false;
  failing.close = false;
  failing.fsync = false;
});

describe('writeFileAtomic when the cleanup fails too', () => {
  it('still says the file already exists', () => {
    const file = path.join(tempDir(), 'plan.md');
    writeFileSync(file, 'mine\n');
    failing.cleanup = true;
    expect(thrown(() => writeFileAtomic(file, 'new\n', { force: false }))).toBe(`csq: ${file} already exists; use --force to replace it`);
  });

  it('still reports the write error, naming the target and not the temp file', () => {
    const file = path.join(tempDir(), 'plan.md');
    failing.fsync = true;
    failing.close = true;
    failing.cleanup = true;
    expect(thrown(() => writeFileAtomic(file, 'new\n', { force: true }))).toBe(`${file}: cannot write: input/output error`);
  });
});
