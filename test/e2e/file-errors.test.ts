/**
 * What the file system refuses is a located exit-2 message naming the user's path
 * (never a temp file, never an internal error), and nothing is written.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csq, fixture, tempDir } from '../helpers.js';
import { csqInDeletedFolder, expectRefused, folderState } from './folder-state.js';

function workspace(): string {
  const dir = tempDir();
  copyFileSync(fixture('full.yaml'), path.join(dir, 'a.yaml'));
  return dir;
}

function refused(dir: string, args: string[], message: string, input?: string): void {
  const before = folderState(dir);
  expectRefused(csq(args, { cwd: dir, input }), message, dir, before);
}

describe('an output path the file system refuses', () => {
  it('-o FILE/x.md, where the parent is a file (ENOTDIR)', () => {
    const dir = workspace();
    refused(dir, ['report', 'a.yaml', '-o', 'a.yaml/x.md'], 'a.yaml/x.md: cannot write: a.yaml is a file, not a folder');
    refused(dir, ['report', 'a.yaml', '-o', 'a.yaml/deeper/x.md', '--force'], 'a.yaml/deeper/x.md: cannot write: a.yaml is a file, not a folder');
    refused(dir, ['init', 'a.yaml/x.yaml'], 'a.yaml/x.yaml: cannot write: a.yaml is a file, not a folder');
  });

  it('-o DIR, an existing folder, with or without --force', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'plans'));
    refused(dir, ['report', 'a.yaml', '-o', 'plans'], 'plans: cannot write: is a folder; name a file');
    refused(dir, ['report', 'a.yaml', '-o', 'plans', '--force'], 'plans: cannot write: is a folder; name a file');
    refused(dir, ['init', 'plans', '--force'], 'plans: cannot write: is a folder; name a file');
  });

  it('a symlink loop (ELOOP), to write and to read', () => {
    const dir = workspace();
    symlinkSync('loop', path.join(dir, 'loop'));
    refused(dir, ['report', 'a.yaml', '-o', 'loop/x.md'], 'loop/x.md: cannot write: too many levels of symbolic links');
    refused(dir, ['report', 'a.yaml', '-o', 'loop', '--force'], 'loop: cannot write: too many levels of symbolic links');
    refused(dir, ['report', 'loop'], 'loop: cannot read: too many levels of symbolic links');
  });

  it('--out-dir naming a file, or a path through a file', () => {
    const dir = workspace();
    refused(dir, ['report', 'a.yaml', '--out-dir', 'a.yaml'], 'a.yaml: cannot create: is a file, not a folder');
    refused(dir, ['report', 'a.yaml', '--out-dir', 'a.yaml/plans'], 'a.yaml/plans: cannot create: a.yaml is a file, not a folder');
  });

  it('a folder that does not exist', () => {
    const dir = workspace();
    refused(dir, ['report', 'a.yaml', '-o', 'missing/plan.md'], 'missing/plan.md: cannot write: the folder missing does not exist');
  });

  it('a name longer than NAME_MAX, to write and to read', () => {
    const dir = workspace();
    const long = `${'n'.repeat(253)}.md`;
    refused(dir, ['report', 'a.yaml', '-o', long], `${long}: cannot write: the name is too long`);
    refused(dir, ['report', long], `${long}: cannot read: the name is too long`);
  });

  it('a full disk (/dev/full)', () => {
    const dir = workspace();
    refused(dir, ['report', 'a.yaml', '-o', '/dev/full', '-q'], '/dev/full: cannot write: no space left on the device');
  });
});

describe('a legal long output name (240–255 bytes)', () => {
  for (const bytes of [240, 250, 255]) {
    it(`${bytes} bytes is written, and no temp file is left`, () => {
      const dir = workspace();
      const name = `${'p'.repeat(bytes - 3)}.md`;
      const run = csq(['report', 'a.yaml', '-o', name, '-q'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([name, 'a.yaml'].sort());
    });
  }

  it('a 255-byte name of multi-byte characters', () => {
    const dir = workspace();
    const name = `${'é'.repeat(126)}.md`; // 252 + 3 bytes
    expect(Buffer.byteLength(name)).toBe(255);
    const run = csq(['report', 'a.yaml', '-o', name, '-q'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([name, 'a.yaml'].sort());
  });

  it('a long name that exists is still "already exists", not a cleanup error', () => {
    const dir = workspace();
    const name = `${'q'.repeat(248)}.md`;
    writeFileSync(path.join(dir, name), 'mine\n');
    refused(dir, ['report', 'a.yaml', '-o', name, '-q'], `csq: ${name} already exists; use --force to replace it`);
  });
});

describe('a deleted current folder', () => {
  it('a relative output, a relative input, --out-dir, init and team', () => {
    const parent = workspace();
    const answers = path.join(parent, 'a.yaml');
    const before = folderState(parent);
    const gone = 'the current folder no longer exists; cd to an existing folder';
    for (const [args, message] of [
      [['report', answers, '-o', 'plan.md', '-q'], `plan.md: cannot write: ${gone}`],
      [['report', 'a.yaml'], `a.yaml: cannot read: ${gone}`],
      [['report', answers, '--out-dir', 'plans'], `plans: cannot create: ${gone}`],
      [['init', 'x.yaml'], `x.yaml: cannot write: ${gone}`],
      [['team', answers, answers, '-o', 'team.md', '-q'], `team.md: cannot write: ${gone}`],
    ] as const) {
      const run = csqInDeletedFolder(parent, [...args]);
      const last = run.stderr.trimEnd().split('\n').at(-1);
      expect(last, args.join(' ')).toBe(message);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(folderState(parent)).toEqual(before);
    // With absolute paths it still works.
    const run = csqInDeletedFolder(parent, ['report', answers, '-o', path.join(parent, 'plan.md'), '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('stdin (-) given twice', () => {
  const answers = () => csq(['report', fixture('full.yaml'), '--format', 'json']).stdout;

  it('compare - -', () => {
    const dir = workspace();
    refused(dir, ['compare', '-', '-'], 'csq: stdin (-) can be read only once', answers());
  });

  it('team - -', () => {
    const dir = workspace();
    refused(dir, ['team', '-', '-', '-o', 'team.md'], 'csq: stdin (-) can be read only once', answers());
  });

  it('report - --questionnaire -', () => {
    const dir = workspace();
    refused(dir, ['report', '-', '--questionnaire', '-', '-o', 'plan.md'], 'csq: stdin (-) can be read only once', answers());
  });

  it('compare - /dev/stdin (one pipe, two names)', () => {
    const dir = workspace();
    refused(dir, ['compare', '-', '/dev/stdin'], '/dev/stdin: a pipe can be read only once', answers());
  });

  it('validate - -: the first is checked, the second refused', () => {
    const dir = workspace();
    const run = csq(['validate', '-', '-'], { cwd: dir, input: answers() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('-: ok (Result, overall 66.4%)\n');
    expect(run.stderr).toBe('csq: stdin (-) can be read only once\n1 of 2 valid\n');
  });
});

describe('a kickoff that is neither a date nor empty', () => {
  const line = () => readFixtureWithKickoff('').split('\n').findIndex((l) => /^ {2}kickoff:/.test(l)) + 1;

  it('a number, a list or true names both alternatives, located (zod says only "Invalid input")', () => {
    for (const [value, found] of [
      [' 3', '3'],
      [' [2026-12-01]', 'a list'],
      [' true', 'true'],
      [' { date: 2026-12-01 }', 'a mapping'],
    ]) {
      const dir = workspace();
      writeFileSync(path.join(dir, 'k.yaml'), readFixtureWithKickoff(value!));
      refused(dir, ['report', 'k.yaml', '-o', 'plan.md'], `k.yaml:${line()}:12 education.kickoff: expected a date like 2026-11-23 or "", found ${found}`);
    }
  });

  it('csq validate says the same', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'k.yaml'), readFixtureWithKickoff(' 20261201'));
    refused(dir, ['validate', 'k.yaml'], `k.yaml:${line()}:12 education.kickoff: expected a date like 2026-11-23 or "", found 20261201`);
  });
});

function readFixtureWithKickoff(value: string): string {
  const text = readFileSync(fixture('full.yaml'), 'utf8');
  expect(text).toMatch(/^ {2}kickoff: 2026-12-01$/m);
  return text.replace(/^( {2}kickoff:).*$/m, `$1${value}`);
}
