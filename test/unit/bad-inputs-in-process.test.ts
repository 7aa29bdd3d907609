/**
 * The bad-input corpus again, in this process: every file of test/fixtures/bad through the same
 * pipeline `csq report` runs (src/pipeline/inputs.ts), with the same words as the end-to-end test
 * snapshotted from the built CLI's stderr. The end-to-end test proves the CLI; this one lets
 * `npm run mutate` see the corpus (a mutant never reaches the built bundle).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsqError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { renderMarkdown, scoreFile, type InputOptions } from '../../src/pipeline/inputs.js';
import { formatProblems } from '../../src/render/problems.js';
import { ROOT } from '../helpers.js';

const BAD = 'test/fixtures/bad';
const GOOD = 'test/fixtures/full.yaml';

/** The end-to-end test's snapshots: each file's stderr, as the built CLI printed it. */
function snapshots(): Map<string, string> {
  const exports: Record<string, string> = {};
  new Function('exports', readFileSync(path.join(ROOT, 'test/e2e/__snapshots__/bad-inputs.test.ts.snap'), 'utf8'))(exports);
  const byFile = new Map<string, string>();
  for (const [key, value] of Object.entries(exports)) {
    const name = /^the bad-input corpus > (.+) 1$/.exec(key)?.[1];
    // A snapshot of a string is the string in quotes, on lines of its own.
    if (name) byFile.set(name, value.replace(/^\n"/, '').replace(/"\n$/, ''));
  }
  return byFile;
}

/** The same input and options as the end-to-end test's `argsFor`. */
function inputFor(name: string): { file: string; options: InputOptions } {
  const file = `${BAD}/${name}`;
  if (name.startsWith('questionnaire-')) return { file: GOOD, options: { questionnaire: file } };
  if (name.startsWith('template-')) return { file: GOOD, options: { template: file } };
  return { file, options: {} };
}

const expected = snapshots();
const files = readdirSync(path.join(ROOT, BAD)).sort();

describe('the bad-input corpus, in-process', () => {
  it('has the end-to-end snapshot of every file', () => {
    expect(files.filter((name) => !expected.has(name))).toEqual([]);
  });

  for (const name of files) {
    it(name, async () => {
      const { file, options } = inputFor(name);
      let error: unknown;
      try {
        await renderMarkdown(scoreFile(file, { lang: 'en', ...options }));
      } catch (e) {
        error = e;
      }
      expect(error, 'refused').toBeInstanceOf(CsqError);
      expect(`${formatProblems((error as CsqError).problems, en)}\n`).toBe(expected.get(name));
    });
  }
});
