/**
 * Every file a run reads is an input, and no output ever replaces it, whatever the
 * spelling of the path: answers, questionnaires, templates and stdin alike, with --force.
 */
import { copyFileSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csq, fixture, ROOT, tempDir } from '../helpers.js';
import { csqWithStdinFrom, expectRefused, folderState } from './folder-state.js';

/** A folder with answers (a.yaml), a questionnaire (q.yaml) and a template (t.hbs). */
function workspace(): string {
  const dir = tempDir();
  copyFileSync(fixture('full.yaml'), path.join(dir, 'a.yaml'));
  copyFileSync(fixture('team', 'manager.yaml'), path.join(dir, 'b.yaml'));
  copyFileSync(path.join(ROOT, 'questionnaires', 'csq.en.yaml'), path.join(dir, 'q.yaml'));
  writeFileSync(path.join(dir, 't.hbs'), '# {{organization}}\n');
  return dir;
}

function refused(dir: string, args: string[], message: string, input?: string): void {
  const before = folderState(dir);
  expectRefused(csq(args, { cwd: dir, input }), message, dir, before);
}

describe('a questionnaire or template is an input too', () => {
  it('csq init q.yaml --questionnaire q.yaml --force', () => {
    const dir = workspace();
    refused(dir, ['init', 'q.yaml', '--questionnaire', 'q.yaml', '--force'], 'csq: q.yaml is one of the inputs; choose another output file');
  });

  it('csq report a.yaml --template t.hbs -o t.hbs --force', () => {
    const dir = workspace();
    refused(dir, ['report', 'a.yaml', '--template', 't.hbs', '-o', 't.hbs', '--force'], 'csq: t.hbs is one of the inputs; choose another output file');
    // Reading a file is no reason to refuse a new output.
    expect(csq(['report', 'a.yaml', '--template', 't.hbs', '-o', 'plan.md', '-q'], { cwd: dir }).code).toBe(0);
  });

  it('csq report a.yaml --questionnaire q.yaml -o q.yaml --force', () => {
    const dir = workspace();
    refused(dir, ['report', 'a.yaml', '--questionnaire', 'q.yaml', '-o', 'q.yaml', '--force', '-q'], 'csq: q.yaml is one of the inputs; choose another output file');
  });

  // The notes on whose vision is used come before the refusal.
  const teamNotes =
    "note: the plan's vision, communication and staff education are a.yaml's; --vision-from FILE uses another respondent's\n" +
    "note: policies and customer requirements are every respondent's, merged: 3 policies from 6 named\n";

  it('csq team a.yaml b.yaml --questionnaire q.yaml -o q.yaml --force', () => {
    const dir = workspace();
    refused(dir, ['team', 'a.yaml', 'b.yaml', '--questionnaire', 'q.yaml', '-o', 'q.yaml', '--force', '-q'], `${teamNotes}csq: q.yaml is one of the inputs; choose another output file`);
  });

  it('csq team … --template t.hbs -o ./t.hbs --force', () => {
    const dir = workspace();
    refused(dir, ['team', 'a.yaml', 'b.yaml', '--template', 't.hbs', '-o', './t.hbs', '--force', '-q'], `${teamNotes}csq: ./t.hbs is one of the inputs (t.hbs); choose another output file`);
  });

  it('--out-dir D with --questionnaire D/acme.md', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'D'));
    copyFileSync(path.join(dir, 'q.yaml'), path.join(dir, 'D', 'acme.md'));
    copyFileSync(path.join(dir, 'a.yaml'), path.join(dir, 'acme.yaml'));
    refused(
      dir,
      ['report', 'acme.yaml', '--out-dir', 'D', '--questionnaire', 'D/acme.md', '--force', '-q'],
      'csq: D/acme.md is one of the inputs; choose another output file\nthe file failed; nothing was written',
    );
  });
});

describe('whatever the spelling of the path', () => {
  it('a symlink named by -o', () => {
    const dir = workspace();
    symlinkSync('t.hbs', path.join(dir, 'link.md'));
    refused(dir, ['report', 'a.yaml', '--template', 't.hbs', '-o', 'link.md', '--force'], 'csq: link.md is one of the inputs (t.hbs); choose another output file');
  });

  it('a symlink read, its target written', () => {
    const dir = workspace();
    symlinkSync('t.hbs', path.join(dir, 'link.hbs'));
    refused(dir, ['report', 'a.yaml', '--template', 'link.hbs', '-o', 't.hbs', '--force'], 'csq: t.hbs is one of the inputs (link.hbs); choose another output file');
  });

  it('a hard link (same device and inode, another real path)', () => {
    const dir = workspace();
    linkSync(path.join(dir, 'q.yaml'), path.join(dir, 'hard.md'));
    refused(dir, ['report', 'a.yaml', '--questionnaire', 'q.yaml', '-o', 'hard.md', '--force'], 'csq: hard.md is one of the inputs (q.yaml); choose another output file');
  });

  it('a ../ path', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'sub'));
    const sub = path.join(dir, 'sub');
    const before = folderState(dir);
    expectRefused(
      csq(['report', '../a.yaml', '--template', '../t.hbs', '-o', `../${path.basename(sub)}/../t.hbs`, '--force'], { cwd: sub }),
      'csq: ../sub/../t.hbs is one of the inputs (../t.hbs); choose another output file',
      dir,
      before,
    );
  });

  it('a symlinked folder in the output path', () => {
    const dir = workspace();
    symlinkSync('.', path.join(dir, 'here'));
    refused(dir, ['report', 'a.yaml', '--questionnaire', 'q.yaml', '-o', 'here/q.yaml', '--force'], 'csq: here/q.yaml is one of the inputs (q.yaml); choose another output file');
  });

  it('--out-dir through a symlink to the folder the template lives in', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'mine'));
    writeFileSync(path.join(dir, 'mine', 'acme.md'), '# {{organization}}\n');
    copyFileSync(path.join(dir, 'a.yaml'), path.join(dir, 'acme.yaml'));
    symlinkSync('mine', path.join(dir, 'L'));
    refused(
      dir,
      ['report', 'acme.yaml', '--out-dir', 'L', '--template', 'mine/acme.md', '--force', '-q'],
      'csq: L/acme.md is one of the inputs (mine/acme.md); choose another output file\nthe file failed; nothing was written',
    );
  });

  it('stdin redirected from the file named by -o (csq report - -o a.yaml < a.yaml)', () => {
    const dir = workspace();
    const before = folderState(dir);
    expectRefused(csqWithStdinFrom(path.join(dir, 'a.yaml'), ['report', '-', '-o', 'a.yaml', '--force'], dir), 'csq: a.yaml is one of the inputs (<stdin>); choose another output file', dir, before);
  });

});
