/**
 * Whatever csq writes within its limits (src/core/limits.ts), csq reads back: the Result of
 * the largest valid inputs is rendered again, validated and compared, each with exit 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, MAX_LIST_ITEMS, MAX_RESPONDENTS, MAX_RESULT_BYTES, MAX_TEXT_CHARS } from '../../src/core/limits.js';
import { CLI, ROOT, tempDir } from '../helpers.js';
import { largestAnswers, largestQuestionnaire, largestTeamAnswers } from '../largest-inputs.js';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOk(args: string[]) {
  const result = run(args);
  // csq team says whose vision it uses and what it merged: notes, never a problem.
  expect(result.stderr.replace(/^note: .*\n/gm, ''), args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result;
}

const bytes = (file: string) => statSync(file).size;

/** Writes the inputs, checks they are valid and at the input limit, and returns the saved Result's path. */
function writeAndScore(dir: string, answers: string[], questionnaire?: string) {
  const q = questionnaire === undefined ? [] : ['--questionnaire', path.join(dir, 'q.yaml')];
  if (questionnaire !== undefined) writeFileSync(path.join(dir, 'q.yaml'), questionnaire);
  const files = answers.map((text, i) => {
    const file = path.join(dir, `answers-${i}.yaml`);
    writeFileSync(file, text);
    // The largest valid answers, not merely large ones (a team shares out its lists instead).
    if (answers.length === 1) expect(bytes(file)).toBeGreaterThan(MAX_INPUT_BYTES - 64);
    expect(bytes(file)).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    return file;
  });
  expectOk(['validate', files[0]!, ...q]);
  const result = path.join(dir, 'result.json');
  const plan = path.join(dir, 'plan.md');
  if (files.length === 1) {
    expectOk(['report', files[0]!, ...q, '--format', 'json', '-o', result, '-q']);
    expectOk(['report', files[0]!, ...q, '-o', plan, '-q']);
  } else {
    // A team's plan is its Result's: rendered from the saved Result below (combining 200 files twice costs seconds).
    expectOk(['team', ...files, ...q, '--format', 'json', '-o', result, '-q']);
  }
  return { files, result, plan: files.length === 1 ? plan : undefined, q };
}

/** The saved Result is read again by every command that reads one. */
function expectReadBack({ files, result, plan, q }: ReturnType<typeof writeAndScore>) {
  expect(bytes(result)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  expect(expectOk(['validate', result, ...q]).stdout).toBe(`${result}: ok (Result, overall 100%)\n`);
  const rendered = expectOk(['report', result, ...q, '-o', '-']).stdout;
  if (plan) expect(rendered).toBe(readFileSync(plan, 'utf8'));
  else expect(rendered).toMatch(new RegExp(`^# Customer service plan: Acme\\\\+\n[\\s\\S]*The combined answers of ${MAX_RESPONDENTS} respondents`));
  expect(expectOk(['report', result, ...q, '--format', 'json', '-o', '-']).stdout).toBe(readFileSync(result, 'utf8'));
  expect(expectOk(['compare', result, files[0]!, ...q]).stdout).toMatch(/^\S.*\n/);
  expectOk(['compare', result, result, ...q, '--format', 'markdown', '--fail-on-drop', '0']);
}

const bundledIds = () => {
  const q = parse(readFileSync(path.join(ROOT, 'questionnaires', 'csq.en.yaml'), 'utf8')) as { sections: { id: string; statements: { id: string }[] }[] };
  return { sections: q.sections.map((s) => ({ id: s.id, statements: s.statements.map((st) => st.id) })) };
};

describe('the Result of the largest valid inputs reads back', () => {
  it('for the largest answers to the bundled questionnaire', { timeout: 120_000 }, () => {
    const written = writeAndScore(tempDir(), [largestAnswers(bundledIds(), 5)]);
    // More than any other input may be: only because a Result has its own limit does this pass.
    expect(bytes(written.result)).toBeGreaterThan(2 * MAX_INPUT_BYTES);
    expectReadBack(written);
  });

  for (const shape of ['wide', 'long'] as const) {
    it(`for the largest answers to a questionnaire at its bounds (${shape})`, { timeout: 120_000 }, () => {
      const q = largestQuestionnaire(shape);
      expect(Buffer.byteLength(q.text)).toBeGreaterThan(MAX_INPUT_BYTES - 64);
      const written = writeAndScore(tempDir(), [largestAnswers(q, 100)], q.text);
      expect(bytes(written.result)).toBeGreaterThan(2 * MAX_INPUT_BYTES);
      expectReadBack(written);
    });
  }

  // The largest Results of all: `long` the most bytes (1.23 MiB when this was written), `wide` the most tokens (12,500).
  for (const shape of ['long', 'wide'] as const) {
    it(`for a team of ${MAX_RESPONDENTS} whose merged lists are full of the longest items, on a questionnaire at its bounds (${shape})`, { timeout: 240_000 }, () => {
      const q = largestQuestionnaire(shape);
      const written = writeAndScore(tempDir(), largestTeamAnswers(q, 100, MAX_RESPONDENTS), q.text);
      const result = JSON.parse(readFileSync(written.result, 'utf8'));
      // Every merged list at its limit, and every item at its longest.
      for (const list of [result.policies, result.requirements.internal, result.requirements.employees, result.requirements.topRequests]) {
        expect(list).toHaveLength(MAX_LIST_ITEMS);
      }
      expect(result.requirements.topRequests.every((item: string) => item.length === MAX_TEXT_CHARS)).toBe(true);
      expect(result.team.names).toHaveLength(MAX_RESPONDENTS);
      expect(bytes(written.result)).toBeGreaterThan(MAX_RESULT_BYTES / 2);
      expectReadBack(written);
    });
  }
});
