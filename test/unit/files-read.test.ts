/** The one reader (src/io/files.ts): files, folders, devices and pipes, each read within the limit or refused plainly. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/core/limits.js';
import { bundledExists, ensureDir, fileExists, packageRoot, readBundled, readTextFile, writeFileAtomic } from '../../src/io/files.js';
import { ROOT, tempDir } from '../helpers.js';
import { thrown } from '../problems.js';

/** A named pipe in a fresh folder, and a writer that fills it with `text` once it is opened. */
function pipeWith(text: string): { fifo: string; done: Promise<void> } {
  const fifo = path.join(tempDir(), 'answers.fifo');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const writer = spawn(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], process.argv[2])', fifo, text], { stdio: 'ignore' });
  return { fifo, done: new Promise((resolve) => writer.on('close', () => resolve())) };
}

describe('readTextFile', () => {
  it('reads a file as text, under the name it was given', () => {
    const file = path.join(tempDir(), 'a.yaml');
    writeFileSync(file, 'organization: Acme\n');
    expect(readTextFile(file)).toEqual({ name: file, text: 'organization: Acme\n' });
  });

  it('refuses a folder, a missing file, and a file over the limit before reading it', () => {
    const dir = tempDir();
    expect(thrown(() => readTextFile(dir))).toBe(`${dir}: is a folder, not a file`);
    expect(thrown(() => readTextFile(path.join(dir, 'none.yaml')))).toBe(`${path.join(dir, 'none.yaml')}: cannot read: no such file`);
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, 'x'.repeat(MAX_INPUT_BYTES + 1));
    expect(thrown(() => readTextFile(big))).toBe(`${big}: the file is 65 KiB, more than the 64 KiB csq reads`);
    const limit = path.join(dir, 'limit.yaml');
    writeFileSync(limit, 'x'.repeat(MAX_INPUT_BYTES));
    expect(readTextFile(limit).text).toHaveLength(MAX_INPUT_BYTES);
  });

  it('reads a device with a bound: /dev/null is empty, /dev/zero is refused at the limit', () => {
    expect(readTextFile('/dev/null')).toEqual({ name: '/dev/null', text: '' });
    // A terminal or /dev/null may be read again, and written.
    expect(readTextFile('/dev/null').text).toBe('');
    expect(thrown(() => readTextFile('/dev/zero'))).toMatch(/^\/dev\/zero: the file is (6[5-9]|1\d\d) KiB, more than the 64 KiB csq reads$/);
  });

  it('reads a named pipe once: a second read would find nothing, and is refused', async () => {
    const { fifo, done } = pipeWith('organization: Piped\n');
    expect(readTextFile(fifo)).toEqual({ name: fifo, text: 'organization: Piped\n' });
    await done;
    expect(thrown(() => readTextFile(fifo))).toBe(`${fifo}: a pipe can be read only once`);
  });

  it('takes a saved Result over 64 KiB through a pipe where one may come, and nothing else that large', async () => {
    const result = `{\n  "schemaVersion": 1,\n  "vision": "${'v'.repeat(MAX_INPUT_BYTES)}"\n}\n`;
    const piped = pipeWith(result);
    expect(readTextFile(piped.fifo, { kind: 'answers-or-result' }).text).toBe(result);
    await piped.done;
    const answers = pipeWith(`vision: ${'v'.repeat(MAX_INPUT_BYTES)}\n`);
    expect(thrown(() => readTextFile(answers.fifo, { kind: 'answers-or-result' }))).toMatch(/: the file is \d+ KiB, more than the 64 KiB csq reads$/);
    await answers.done.catch(() => {});
  });
});

describe('the package and its folders', () => {
  it('finds its own folder and its bundled files, which count as inputs', () => {
    expect(packageRoot()).toBe(ROOT);
    expect(bundledExists('templates/plan.md.hbs')).toBe(true);
    expect(bundledExists('templates/none.hbs')).toBe(false);
    expect(readBundled('templates/plan.md.hbs')).toBe(readFileSync(path.join(ROOT, 'templates/plan.md.hbs'), 'utf8'));
    // Tried through a link of our own, never the file itself: a mutant that lost the rule would replace only the link.
    const link = path.join(tempDir(), 'plan.md');
    symlinkSync(path.join(ROOT, 'templates/plan.md.hbs'), link);
    expect(thrown(() => writeFileAtomic(link, 'x', { force: true }))).toBe(`csq: ${link} is one of the inputs (${path.join(ROOT, 'templates/plan.md.hbs')}); choose another output file`);
  });

  it('creates output folders, and says so when a part of the path is a file', () => {
    const dir = tempDir();
    ensureDir(path.join(dir, 'a', 'b'));
    expect(fileExists(path.join(dir, 'a', 'b'))).toBe(true);
    expect(fileExists(path.join(dir, 'c'))).toBe(false);
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, '');
    expect(thrown(() => ensureDir(file))).toBe(`${file}: cannot create: is a file, not a folder`);
    mkdirSync(path.join(dir, 'out'));
    ensureDir(path.join(dir, 'out'));
  });

  it('refuses to write over a folder', () => {
    const dir = tempDir();
    expect(thrown(() => writeFileAtomic(dir, 'x', { force: true }))).toBe(`${dir}: cannot write: is a folder; name a file`);
  });
});
