/**
 * Durable group writes (io/files.ts, OutputGroup): nothing is under its name before it is on
 * disk, every temp file of a group is flushed before the first link, the folder is flushed
 * after the last, and a crash's leftovers are found and removed by the next batch.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers.js';

/** Every flush, link and rename, in order, by path. */
const log = vi.hoisted(() => ({ events: [] as string[], failFsync: undefined as string | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const opened = new Map<number, string>();
  const wrapped = {
    ...fs,
    openSync: (file: string, ...rest: unknown[]) => {
      const fd = (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
      opened.set(fd, path.basename(String(file)));
      return fd;
    },
    fsync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) =>
      fs.fsync(fd, (error) => {
        const name = opened.get(fd)!;
        if (!error && log.failFsync && name.includes(log.failFsync)) return callback(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
        if (!error) log.events.push(`on disk ${name}`);
        callback(error);
      }),
    fsyncSync: (fd: number) => {
      fs.fsyncSync(fd);
      log.events.push(`on disk ${opened.get(fd)}`);
    },
    linkSync: (from: string, to: string) => {
      fs.linkSync(from, to);
      log.events.push(`link ${path.basename(from)}`);
    },
    renameSync: (from: string, to: string) => {
      fs.renameSync(from, to);
      log.events.push(`link ${path.basename(from)}`);
    },
  };
  return { ...wrapped, default: wrapped };
});

const { OutputGroup, removeLeftoverTemps } = await import('../../src/io/files.js');

afterEach(() => {
  log.events = [];
  log.failFsync = undefined;
});

const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('OutputGroup', () => {
  it('puts nothing under its name before the whole group is on disk, then flushes the folder', async () => {
    const dir = tempDir();
    const group = new OutputGroup({ force: false });
    for (let i = 0; i < 10; i++) group.stage(path.join(dir, `${i}.md`), `plan ${i}\n`);
    expect(readdirSync(dir).filter((name) => name.endsWith('.md'))).toEqual([]);
    expect(temps(dir)).toHaveLength(10);
    await group.flush();
    expect(readdirSync(dir).filter((name) => name.endsWith('.md'))).toEqual([]);
    expect(group.place()).toEqual(Array(10).fill(undefined));
    for (let i = 0; i < 10; i++) expect(readFileSync(path.join(dir, `${i}.md`), 'utf8')).toBe(`plan ${i}\n`);
    expect(temps(dir)).toEqual([]);

    const links = log.events.filter((e) => e.startsWith('link '));
    expect(links).toHaveLength(10);
    const firstLink = log.events.findIndex((e) => e.startsWith('link '));
    for (const link of links) {
      // This temp file was on disk before anything was linked.
      const flushed = log.events.indexOf(`on disk ${link.slice('link '.length)}`);
      expect(flushed).toBeGreaterThanOrEqual(0);
      expect(flushed).toBeLessThan(firstLink);
    }
    // The folder, after the last link.
    expect(log.events.at(-1)).toBe(`on disk ${path.basename(dir)}`);
  });

  it('never replaces a file without force: that one fails, the others are written', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'b.md'), 'mine\n');
    const group = new OutputGroup({ force: false });
    for (const name of ['a', 'b', 'c']) group.stage(path.join(dir, `${name}.md`), `new ${name}\n`);
    await group.flush();
    const errors = group.place();
    expect(errors[0]).toBeUndefined();
    expect(errors[1]?.problems[0]).toMatchObject({ code: 'output-exists' });
    expect(errors[2]).toBeUndefined();
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(path.join(dir, 'c.md'), 'utf8')).toBe('new c\n');
    expect(temps(dir)).toEqual([]);
  });

  it('replaces with force', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'old\n');
    const group = new OutputGroup({ force: true });
    group.stage(path.join(dir, 'a.md'), 'new\n');
    await group.flush();
    expect(group.place()).toEqual([undefined]);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('new\n');
    expect(temps(dir)).toEqual([]);
  });

  it('does not link a file whose flush failed, and says so for that file alone', async () => {
    const dir = tempDir();
    const group = new OutputGroup({ force: false });
    for (const name of ['a', 'b']) group.stage(path.join(dir, `${name}.md`), `${name}\n`);
    log.failFsync = '.b.md.';
    await group.flush();
    const errors = group.place();
    expect(errors[0]).toBeUndefined();
    expect(errors[1]?.problems[0]).toMatchObject({ code: 'cannot-write', file: path.join(dir, 'b.md') });
    expect(readdirSync(dir).sort()).toEqual(['a.md']);
  });

  it('discard() removes every temp file and places nothing', () => {
    const dir = tempDir();
    const group = new OutputGroup({ force: true });
    group.stage(path.join(dir, 'a.md'), 'a\n');
    group.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('removeLeftoverTemps', () => {
  it('removes temp files of runs that are gone, keeps those of a run still going and anything else', () => {
    const dir = tempDir();
    // A process that has ended: its pid is free.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dead = `.a.md.${gone}.0123abcd.tmp`;
    const live = `.b.md.${process.pid}.89abcdef.tmp`;
    const others = ['c.md', `.c.md.${gone}.tmp`, `.d.md.${gone}.0123ABCD.tmp`];
    for (const name of [dead, live, ...others]) writeFileSync(path.join(dir, name), 'x');
    mkdirSync(path.join(dir, `.e.md.${gone}.0123abcd.tmp`));
    expect(removeLeftoverTemps(dir)).toEqual([path.join(dir, dead)]);
    expect(readdirSync(dir).sort()).toEqual([live, `.e.md.${gone}.0123abcd.tmp`, ...others].sort());
  });

  it('says nothing for a folder it cannot read', () => {
    expect(removeLeftoverTemps(path.join(tempDir(), 'missing'))).toEqual([]);
  });
});
