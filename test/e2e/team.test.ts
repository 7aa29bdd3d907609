/** csq team merges every respondent's policies and requirements; one vision, chosen explicitly and said. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csq, fixture, tempDir } from '../helpers.js';
import { csqInDeletedFolder, expectRefused, folderState } from './folder-state.js';

describe('csq team merges every respondent', () => {
  function team(): string {
    const dir = tempDir();
    for (const who of ['owner', 'manager', 'clerk']) copyFileSync(fixture('team', `${who}.yaml`), path.join(dir, `${who}.yaml`));
    // The clerk has a vision, policies and requests of her own.
    const clerk = readFileSync(path.join(dir, 'clerk.yaml'), 'utf8');
    const policies = `policies:
  - name: "we don't  do WINDOWS"
    friendly: true
    necessary: false
  - name: Keys are collected at the office only
    friendly: false
    necessary: true
    note: Clients ask us to pick them up.
`;
    const edited = clerk
      .replace('vision: Spotless, on time, every time.', 'vision: Clean offices, happy people.')
      .replace('    - Faster quotes\n    - Evening and weekend hours', '    - FASTER  quotes\n    - Parking near the office')
      .replace(/^policies:\n(?: {2}.*\n|  - .*\n)+/m, policies)
      .replace('greet: Answer the phone by the third ring, with your name.', 'greet: Smile, then say your name.');
    expect(edited).toContain('Clean offices');
    expect(edited).toContain('Keys are collected');
    expect(edited).toContain('Smile, then');
    expect(edited).toContain('Parking near');
    writeFileSync(path.join(dir, 'clerk.yaml'), edited);
    return dir;
  }
  const files = ['owner.yaml', 'manager.yaml', 'clerk.yaml'];

  it('every respondent’s policies, each once; the first file’s vision, said on stderr', () => {
    const dir = team();
    const run = csq(['team', ...files, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.policies.map((p: { name: string }) => p.name)).toEqual([
      "We don't do windows",
      'Medical waste is not removed',
      'Re-clean within 24 hours, free, if anything was missed',
      'Keys are collected at the office only',
    ]);
    expect(result.vision).toBe('Spotless, on time, every time.');
    expect(result.communication.greet).toBe('Answer the phone by the third ring, with your name.');
    expect(result.requirements.topRequests).toEqual(['Faster quotes', 'Evening and weekend hours', 'One contact person who knows our building', 'Parking near the office']);
    expect(run.stderr).toBe(
      [
        "note: the plan's vision, communication and staff education are owner.yaml's; --vision-from FILE uses another respondent's",
        "note: policies and customer requirements are every respondent's, merged: 4 policies from 8 named",
        `note: respondents judge the policy "We don't do windows" differently (owner.yaml: unfriendly, unnecessary; manager.yaml: unfriendly, unnecessary; clerk.yaml: friendly, unnecessary); the plan follows owner.yaml`,
        'respondents disagree on Skilled and empowered staff: 24% to 100%',
        '',
      ].join('\n'),
    );
    // The merged Result reads back: csq validate and csq report accept it.
    writeFileSync(path.join(dir, 'team.json'), run.stdout);
    const valid = csq(['validate', 'team.json'], { cwd: dir });
    expect(valid.stderr).toBe('');
    expect(valid.code).toBe(0);
    expect(csq(['report', 'team.json', '-o', 'again.md', '-q'], { cwd: dir }).code).toBe(0);
  });

  it('--vision-from FILE uses that respondent’s vision, communication and education', () => {
    const dir = team();
    const run = csq(['team', ...files, '--vision-from', 'clerk.yaml', '--format', 'json', '-q'], { cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.vision).toBe('Clean offices, happy people.');
    expect(result.communication.greet).toBe('Smile, then say your name.');
    expect(run.stderr.split('\n')[0]).toBe("note: the plan's vision, communication and staff education are clerk.yaml's");
    // The same file by another spelling.
    expect(JSON.parse(csq(['team', ...files, '--vision-from', './clerk.yaml', '--format', 'json', '-q'], { cwd: dir }).stdout).vision).toBe('Clean offices, happy people.');
  });

  it('the plan shows the merged policies and the chosen vision', () => {
    const dir = team();
    const run = csq(['team', ...files, '--vision-from', 'clerk.yaml', '-o', 'plan.md', '-q'], { cwd: dir });
    expect(run.code).toBe(0);
    const plan = readFileSync(path.join(dir, 'plan.md'), 'utf8');
    expect(plan).toContain('Clean offices, happy people.');
    expect(plan).not.toContain('Spotless, on time, every time.');
    expect(plan).toContain('Keys are collected at the office only');
    expect(plan).toContain('Medical waste is not removed');
  });

  it('--vision-from a file that is not one of the respondents is refused before anything is read', () => {
    const dir = team();
    const before = folderState(dir);
    expectRefused(
      csq(['team', 'owner.yaml', 'manager.yaml', '--vision-from', 'clerk.yaml', '-o', 'plan.md'], { cwd: dir }),
      'csq: --vision-from clerk.yaml is not one of the answers files given (owner.yaml, manager.yaml)',
      dir,
      before,
    );
  });

  it('says so when the chosen respondent has no vision and another has', () => {
    const dir = team();
    const owner = readFileSync(path.join(dir, 'owner.yaml'), 'utf8').replace('vision: Spotless, on time, every time.\n', '');
    writeFileSync(path.join(dir, 'owner.yaml'), owner);
    const run = csq(['team', ...files, '--format', 'json', '-q'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).vision).toBeNull();
    expect(run.stderr).toContain('note: owner.yaml has no vision; manager.yaml, clerk.yaml have one (--vision-from manager.yaml)\n');
  });
});

describe('csq team from a deleted current folder', () => {
  it('--vision-from a relative path is a located message, not an internal error', () => {
    const dir = tempDir();
    for (const who of ['owner', 'manager']) copyFileSync(fixture('team', `${who}.yaml`), path.join(dir, `${who}.yaml`));
    const [owner, manager] = ['owner', 'manager'].map((w) => path.join(dir, `${w}.yaml`));
    const before = folderState(dir);
    const run = csqInDeletedFolder(dir, ['team', owner!, manager!, '--vision-from', './manager.yaml']);
    expect(run.stderr).toBe('csq: the current folder no longer exists; cd to an existing folder and run csq again\n');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(folderState(dir)).toEqual(before);
  });
});
