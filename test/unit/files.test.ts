/** The one reader records what a run reads; the one writer never replaces it, and says plainly why a write fails. */
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { fileProblem, readTextFile, recordInputs, tempName, writeFileAtomic } from '../../src/io/files.js';
import { valueText } from '../../src/render/problems.js';
import { tempDir } from '../helpers.js';
import { thrown } from '../problems.js';

function fileIn(dir: string, name: string, text = `${name}\n`): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const refusal = (output: string, input?: string) => `csq: ${output} is one of the inputs${input ? ` (${input})` : ''}; choose another output file`;

describe('writeFileAtomic never replaces a file read in this run', () => {
  it('by the same path, with or without --force', () => {
    const dir = tempDir();
    const q = fileIn(dir, 'q.yaml');
    readTextFile(q);
    expect(thrown(() => writeFileAtomic(q, 'x', { force: true }))).toBe(refusal(q));
    expect(thrown(() => writeFileAtomic(q, 'x', { force: false }))).toBe(refusal(q));
    expect(readFileSync(q, 'utf8')).toBe('q.yaml\n');
    // A new file, or an unread one replaced with --force, is still written.
    const out = path.join(dir, 'out.md');
    writeFileAtomic(out, 'one\n', { force: false });
    writeFileAtomic(out, 'two\n', { force: true });
    expect(readFileSync(out, 'utf8')).toBe('two\n');
    expect(readdirSync(dir).sort()).toEqual(['out.md', 'q.yaml']);
  });

  it('by a symlink, a hard link, a ../ path or a symlinked folder', () => {
    const dir = tempDir();
    const t = fileIn(dir, 't.hbs');
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync(t, path.join(dir, 'soft.md'));
    linkSync(t, path.join(dir, 'hard.md'));
    symlinkSync(dir, path.join(dir, 'sub', 'up'));
    readTextFile(t);
    for (const spelling of ['soft.md', 'hard.md', 'sub/../t.hbs', 'sub/up/t.hbs', 'sub/up/hard.md'].map((p) => `${dir}/${p}`)) {
      expect(thrown(() => writeFileAtomic(spelling, 'x', { force: true })), spelling).toBe(refusal(spelling, t));
    }
    expect(readFileSync(t, 'utf8')).toBe('t.hbs\n');
    expect(readdirSync(dir).sort()).toEqual(['hard.md', 'soft.md', 'sub', 't.hbs']);
  });

  it('when the link was read and the target is written', () => {
    const dir = tempDir();
    const target = fileIn(dir, 'real.yaml');
    const link = path.join(dir, 'link.yaml');
    symlinkSync(target, link);
    readTextFile(link);
    expect(thrown(() => writeFileAtomic(target, 'x', { force: true }))).toBe(refusal(target, link));
  });

  it('recordInputs counts files as inputs before they are read (a batch)', () => {
    const dir = tempDir();
    const later = fileIn(dir, 'later.yaml');
    recordInputs([later, '-', path.join(dir, 'missing.yaml')]);
    expect(thrown(() => writeFileAtomic(later, 'x', { force: true }))).toBe(refusal(later));
  });

  it('lets the walk save the answers file it is editing, and only that', () => {
    const dir = tempDir();
    const answers = fileIn(dir, 'acme-answers.yaml');
    readTextFile(answers, { editable: true });
    writeFileAtomic(answers, 'saved\n', { force: true, savesEditedFile: true });
    expect(readFileSync(answers, 'utf8')).toBe('saved\n');
    // Any other write (the plan) still may not replace it.
    expect(thrown(() => writeFileAtomic(answers, 'x', { force: true }))).toBe(refusal(answers));
    // A file also read as a plain input (--questionnaire) is never saved over.
    const both = fileIn(dir, 'both.yaml');
    readTextFile(both, { editable: true });
    readTextFile(both);
    expect(thrown(() => writeFileAtomic(both, 'x', { force: true, savesEditedFile: true }))).toBe(refusal(both));
    expect(readFileSync(both, 'utf8')).toBe('both.yaml\n');
  });
});

describe('temp names', () => {
  it('always fit in NAME_MAX, whatever the target name', () => {
    for (const base of ['plan.md', 'x'.repeat(255), `${'é'.repeat(127)}.m`, `${'😀'.repeat(63)}.md`]) {
      const name = tempName(base);
      expect(Buffer.byteLength(name), base).toBeLessThanOrEqual(100);
      // Whole characters only: no half UTF-8 sequence or surrogate pair became U+FFFD.
      expect(name).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(name).toMatch(new RegExp(`^\\.${Array.from(base).slice(0, 4).join('').replace(/[.]/g, '\\.')}.*\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`, 'u'));
    }
    expect(tempName('plan.md')).toMatch(/^\.plan\.md\.\d+\.[0-9a-f]{8}\.tmp$/);
  });

  it('let a 255-byte name be written, and leave nothing behind', () => {
    const dir = tempDir();
    const name = `${'a'.repeat(252)}.md`;
    writeFileAtomic(path.join(dir, name), 'plan\n', { force: false });
    expect(readdirSync(dir)).toEqual([name]);
  });
});

describe('fileProblem: why, in plain words, never a temp name', () => {
  const why = (...args: Parameters<typeof fileProblem>) => valueText(fileProblem(...args), en);
  const error = (code: string, message = `${code}: some description, open '/x/.plan.md.1.0.tmp'`) => Object.assign(new Error(message), { code });

  it.each([
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the device'],
    ['EMFILE', 'too many open files'],
    ['ENFILE', 'too many open files'],
    ['ELOOP', 'too many levels of symbolic links'],
    ['ENAMETOOLONG', 'the name is too long'],
    ['EISDIR', 'is a folder'],
    ['EACCES', 'permission denied'],
    ['EDQUOT', 'the disk quota is exceeded'],
  ])('%s', (code, reason) => {
    expect(why(error(code), 'plan.md', 'write')).toBe(reason);
  });

  it('an unknown code keeps only the description', () => {
    expect(why(error('EXDEV', "EXDEV: cross-device link not permitted, link '/a/.p.tmp' -> '/b/p'"), 'p', 'write')).toBe('cross-device link not permitted');
  });

  it('ENOTDIR names the part of the path that is a file', () => {
    const dir = tempDir();
    const file = fileIn(dir, 'notes.txt');
    expect(why(error('ENOTDIR'), path.join(file, 'a', 'plan.md'), 'write')).toBe(`${file} is a file, not a folder`);
  });

  it('ENOENT says which folder is missing', () => {
    const dir = tempDir();
    expect(why(error('ENOENT'), path.join(dir, 'nope', 'plan.md'), 'write')).toBe(`the folder ${path.join(dir, 'nope')} does not exist`);
    expect(why(error('ENOENT'), path.join(dir, 'plan.yaml'), 'read')).toBe('no such file');
  });
});
