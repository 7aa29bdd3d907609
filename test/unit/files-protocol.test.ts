/**
 * The steps of an atomic write, in order (src/io/files.ts): a new temp file beside the target,
 * all of the content, fsync, close, then link (no clobber) or rename (--force). A step left out
 * or moved shows nowhere in the result of one write, only in what a crash would leave: so the
 * steps themselves are what is checked here.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';

const calls = vi.hoisted(() => [] as string[]);

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const name = (p: unknown) => (typeof p === 'string' ? path.basename(p).replace(/\.\d+\.[0-9a-f]{8}\.tmp$/, '.TMP') : `fd`);
  const record =
    <A extends unknown[], R>(what: string, fn: (...args: A) => R, show: (...args: A) => string) =>
    (...args: A): R => {
      calls.push(`${what} ${show(...args)}`);
      return fn(...args);
    };
  const wrapped = {
    ...fs,
    openSync: record('open', fs.openSync as (p: string, f: string, m?: number) => number, (p, f, m) => `${name(p)} ${f} ${m?.toString(8)}`),
    writeFileSync: record('write', fs.writeFileSync as (f: unknown, d: string) => void, (f, d) => `${name(f)} ${d.length}`),
    fsyncSync: record('fsync', fs.fsyncSync, () => 'fd'),
    closeSync: record('close', fs.closeSync, () => 'fd'),
    linkSync: record('link', fs.linkSync as (a: string, b: string) => void, (a, b) => `${name(a)} ${name(b)}`),
    renameSync: record('rename', fs.renameSync as (a: string, b: string) => void, (a, b) => `${name(a)} ${name(b)}`),
    unlinkSync: record('unlink', fs.unlinkSync as (p: string) => void, (p) => name(p)),
  };
  return { ...wrapped, default: wrapped };
});

const { writeFileAtomic } = await import('../../src/io/files.js');

beforeEach(() => {
  calls.length = 0;
});

describe('an atomic write', () => {
  it('of a new file: temp file created exclusively, written whole, synced, closed, linked, temp removed', () => {
    const file = path.join(tempDir(), 'plan.md');
    writeFileAtomic(file, 'the plan\n', { force: false });
    expect(calls).toEqual(['open .plan.md.TMP wx 644', 'write fd 9', 'fsync fd', 'close fd', 'link .plan.md.TMP plan.md', 'unlink .plan.md.TMP']);
    expect(readFileSync(file, 'utf8')).toBe('the plan\n');
  });

  it('replacing a file (--force): the same, renamed over it instead', () => {
    const file = path.join(tempDir(), 'plan.md');
    writeFileSync(file, 'old\n');
    calls.length = 0;
    writeFileAtomic(file, 'new\n', { force: true });
    expect(calls).toEqual(['open .plan.md.TMP wx 644', 'write fd 4', 'fsync fd', 'close fd', 'rename .plan.md.TMP plan.md']);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('over an existing file without --force: refused at the link, the temp file removed, the file untouched', () => {
    const file = path.join(tempDir(), 'plan.md');
    writeFileSync(file, 'mine\n');
    calls.length = 0;
    expect(() => writeFileAtomic(file, 'new\n', { force: false })).toThrow();
    expect(calls).toEqual(['open .plan.md.TMP wx 644', 'write fd 4', 'fsync fd', 'close fd', 'link .plan.md.TMP plan.md', 'unlink .plan.md.TMP']);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('into a named pipe: written to as it is, with no temp file', async () => {
    // A pipe in a folder of its own, never a real device: a mutant that lost this rule would rename over it.
    const fifo = path.join(tempDir(), 'plan.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn(process.execPath, ['-e', 'process.stdout.write(require("fs").readFileSync(process.argv[1]))', fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let received = '';
    reader.stdout.on('data', (chunk) => (received += chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    calls.length = 0;
    writeFileAtomic(fifo, 'x\n', { force: true });
    await closed;
    expect(calls).toEqual(['write plan.fifo 2']);
    expect(received).toBe('x\n');
  });
});
