/**
 * The edges of io/files.ts that only the end-to-end tests reached: descriptors closed on every
 * path, the walk's answers file saved again and again, batch inputs never editable, temp names
 * at their length limit, groups with a device among their outputs, and the words for why a
 * write failed.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { fileProblem, OutputGroup, readTextFile, recordInputs, removeLeftoverTemps, tempName, writeFileAtomic } from '../../src/io/files.js';
import { valueText } from '../../src/render/problems.js';
import { tempDir } from '../helpers.js';
import { thrown } from '../problems.js';

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('descriptors', () => {
  it('a device read with a bound is closed, also when it is refused as too large', () => {
    const before = openDescriptors();
    for (let i = 0; i < 20; i++) expect(thrown(() => readTextFile('/dev/zero'))).toMatch(/^\/dev\/zero: /);
    expect(openDescriptors()).toBe(before);
  });

  it('a group closes every temp file and every folder it flushed', async () => {
    const dir = tempDir();
    const before = openDescriptors();
    const group = new OutputGroup({ force: false });
    for (let i = 0; i < 10; i++) group.stage(path.join(dir, `${i}.md`), `plan ${i}\n`);
    await group.flush();
    expect(group.place()).toEqual(Array(10).fill(undefined));
    expect(openDescriptors()).toBe(before);
  });
});

describe('the walk’s answers file', () => {
  it('is saved after every answer: the second save and the tenth as the first', () => {
    const dir = tempDir();
    const file = path.join(dir, 'answers.yaml');
    writeFileSync(file, 'organization: A\n');
    readTextFile(file, { editable: true });
    for (let i = 0; i < 10; i++) writeFileAtomic(file, `organization: A${i}\n`, { force: true, savesEditedFile: true });
    expect(readFileSync(file, 'utf8')).toBe('organization: A9\n');
  });

  it('a batch’s inputs are never the file being edited: a save over one is refused', () => {
    const dir = tempDir();
    const file = path.join(dir, 'client.yaml');
    writeFileSync(file, 'organization: B\n');
    recordInputs([file]);
    expect(thrown(() => writeFileAtomic(file, 'x', { force: true, savesEditedFile: true }))).toBe(`csq: ${file} is one of the inputs; choose another output file`);
    expect(readFileSync(file, 'utf8')).toBe('organization: B\n');
  });
});

describe('temp names at their limit', () => {
  const base = (name: string) => /^\.(.*)\.\d+\.[0-9a-f]{8}\.tmp$/su.exec(name)![1];

  it('keep a base of exactly 64 bytes whole, and cut one of 65 to 64', () => {
    expect(base(tempName('a'.repeat(64)))).toBe('a'.repeat(64));
    expect(base(tempName('a'.repeat(65)))).toBe('a'.repeat(64));
    // A character that would end at byte 65 is left out whole.
    expect(base(tempName(`${'a'.repeat(63)}é`))).toBe('a'.repeat(63));
    expect(base(tempName(`${'a'.repeat(62)}é`))).toBe(`${'a'.repeat(62)}é`);
  });

  it('differ from one another: the suffix is random, not a constant', () => {
    const names = new Set(Array.from({ length: 50 }, () => tempName('plan.md')));
    expect(names.size).toBe(50);
  });
});

describe('a group with a device among its outputs', () => {
  it('writes to /dev/null as it is: no temp file beside it, and every slot answers for its own file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'taken.md'), 'kept\n');
    const group = new OutputGroup({ force: false });
    expect(group.stage('/dev/null', 'plan\n')).toBe(0);
    expect(group.stage(path.join(dir, 'new.md'), 'new\n')).toBe(1);
    expect(group.stage(path.join(dir, 'taken.md'), 'replaced?\n')).toBe(2);
    await group.flush();
    const errors = group.place();
    expect(errors[0]).toBeUndefined();
    expect(errors[1]).toBeUndefined();
    expect(errors[2]?.problems[0]?.code).toBe('output-exists');
    expect(readdirSync('/dev').filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['new.md', 'taken.md']);
    expect(readFileSync(path.join(dir, 'taken.md'), 'utf8')).toBe('kept\n');
  });
});

describe('leftover temp files', () => {
  it('only regular files are removed: a symlink or a folder with a temp name stays', () => {
    const dir = tempDir();
    const gone = 2 ** 22 + 12345; // above any pid_max in use: no such process
    const target = path.join(dir, 'target.md');
    writeFileSync(target, 'someone else’s\n');
    symlinkSync(target, path.join(dir, `.a.md.${gone}.0123abcd.tmp`));
    mkdirSync(path.join(dir, `.b.md.${gone}.0123abcd.tmp`));
    writeFileSync(path.join(dir, `.c.md.${gone}.0123abcd.tmp`), 'half');
    expect(removeLeftoverTemps(dir)).toEqual([path.join(dir, `.c.md.${gone}.0123abcd.tmp`)]);
    expect(readdirSync(dir).sort()).toEqual([`.a.md.${gone}.0123abcd.tmp`, `.b.md.${gone}.0123abcd.tmp`, 'target.md']);
  });
});

describe('why a write failed', () => {
  const why = (...args: Parameters<typeof fileProblem>) => valueText(fileProblem(...args), en);
  const error = (code: string) => Object.assign(new Error(`${code}: description, open '/x/.p.1.0.tmp'`), { code });

  it('ENOENT in a folder that exists but takes no new file, when writing', () => {
    const dir = tempDir();
    expect(fileProblem(error('ENOENT'), path.join(dir, 'plan.md'), 'write')).toEqual({ reason: 'noNewFile', values: { dir } });
    expect(fileProblem(error('ENOENT'), path.join(dir, 'plan.md'), 'read')).toEqual({ reason: 'noSuchFile' });
    expect(fileProblem(error('ENOENT'), 'plan.md', 'read')).toEqual({ reason: 'noSuchFile' });
  });

  it('EEXIST only when making a folder says the name is a file', () => {
    expect(fileProblem(error('EEXIST'), 'notes.txt', 'create')).toEqual({ reason: 'isAFileNotAFolder' });
    expect(fileProblem(error('EEXIST'), 'notes.txt', 'write').reason).not.toBe('isAFileNotAFolder');
    expect(why(error('EEXIST'), 'notes.txt', 'write')).toBe('description');
  });
});
