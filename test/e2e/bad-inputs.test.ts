/**
 * The bad-input corpus: every file in test/fixtures/bad is wrong in its own way.
 * Each must be answered with exit 2, located messages (snapshotted so they stay
 * good), no stack trace, no output file, the input untouched, and without a hang.
 * A saved Result is also checked by `validate` and `compare`, with the same messages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS, MAX_RESPONDENTS } from '../../src/core/limits.js';
import { CLI, ROOT, tempDir } from '../helpers.js';

const BAD = 'test/fixtures/bad';
const GOOD = 'test/fixtures/full.yaml';

function argsFor(file: string, out: string): string[] {
  const name = path.basename(file);
  if (name.startsWith('questionnaire-')) return ['report', GOOD, '--questionnaire', file, '-o', out];
  if (name.startsWith('template-')) return ['report', GOOD, '--template', file, '-o', out];
  return ['report', file, '-o', out];
}

function run(args: string[]) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, timeout: 10_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** What every answer to bad input must look like. */
function expectCleanRejection(result: ReturnType<typeof run>, out: string, located: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at |node:internal|TypeError|RangeError|ReferenceError|internal error/);
  for (const line of result.stderr.trimEnd().split('\n')) {
    if (!line.startsWith('… and ')) expect(line).toMatch(located);
  }
  expect(existsSync(out)).toBe(false);
  // A correctness bound (no hang, nothing quadratic), not a benchmark: node starts in ~0.1 s and a
  // quiet machine answers each case in under 0.5 s; 5 s leaves room for a loaded CI runner and
  // still catches a hang or anything quadratic on a 64 KiB file.
  expect(result.ms).toBeLessThan(5000);
}

const files = readdirSync(path.join(ROOT, BAD)).sort();

describe('the bad-input corpus', () => {
  it('holds distinct files: at least 50 of answers, 10 of questionnaires, 8 of templates and 1 of a saved Result', () => {
    // No case counted twice under two names.
    const contents = new Set(files.map((f) => readFileSync(path.join(ROOT, BAD, f), 'utf8')));
    expect(contents.size).toBe(files.length);
    expect(files.filter((f) => f.startsWith('answers-')).length).toBeGreaterThanOrEqual(50);
    expect(files.filter((f) => f.startsWith('questionnaire-')).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => f.startsWith('template-')).length).toBeGreaterThanOrEqual(8);
    expect(files.filter((f) => f.startsWith('result-')).length).toBeGreaterThanOrEqual(1);
    // Every file is one of those kinds.
    expect(files.filter((f) => !/^(answers|questionnaire|template|result)-/.test(f))).toEqual([]);
  });

  for (const name of files) {
    it(name, () => {
      const file = `${BAD}/${name}`;
      const before = readFileSync(path.join(ROOT, file));
      const out = path.join(tempDir(), 'plan.md');
      const result = run(argsFor(file, out));
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // The messages first: a slow run under load must not hide (or, with -u, drop) its snapshot.
      expect(result.stderr).toMatchSnapshot();
      expectCleanRejection(result, out, new RegExp(`^${escaped}:\\d+:\\d+ \\S`));
      if (name.startsWith('result-')) {
        // One check for a saved Result, wherever it is read.
        for (const args of [['validate', file], ['compare', file, GOOD]]) {
          const again = run(args);
          expect(again.code, args[0]).toBe(2);
          expect(again.stdout, args[0]).toBe('');
          expect(again.stderr, args[0]).toBe(result.stderr);
        }
      }
      expect(readFileSync(path.join(ROOT, file)).equals(before)).toBe(true);
    });
  }
});

describe('generated extremes', () => {
  const dir = tempDir();
  // Every problem starts with its file: `FILE:LINE:COLUMN …` inside it, `FILE: …` for the file as a whole.
  const located = (file: string) => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+ |: )\\S`);

  it('refuses a file of many megabytes before reading it, stating the limit', () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, `organization: x\n${'# padding padding padding padding\n'.repeat(150_000)}`);
    const out = path.join(dir, 'a.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toMatch(/^\S+huge\.yaml: the file is 4\.\d MiB, more than the 64 KiB csq reads \(2\.0 MiB for a saved Result\)\n$/);
  });

  it('refuses more than the limit on stdin too', () => {
    const result = spawnSync(process.execPath, [CLI, 'report', '-'], { input: 'a: 1\n'.repeat(20_000), encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^<stdin>: the file is \d+ KiB, more than the 64 KiB csq reads\n$/);
  });

  it('reads a device that never ends only up to the limit', () => {
    const out = path.join(dir, 'z.md');
    const result = run(['report', '/dev/zero', '-o', out]);
    expectCleanRejection(result, out, /^\/dev\/zero: the file is \d+ KiB, more than the 64 KiB csq reads$/);
  });

  it('answers a file just under the limit, full of unknown keys, in linear time and with a bounded report', () => {
    const file = path.join(dir, 'many-keys.yaml');
    let text = 'ratings:\n';
    for (let i = 0; text.length < 64 * 1024 - 32; i++) text += `  k${i}: 1\n`;
    writeFileSync(file, text);
    const out = path.join(dir, 'b.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr.split('\n')).toHaveLength(102); // 100 problems, the "… and N more" line, and the final newline
    expect(result.stderr).toMatch(/… and \d+ more problems in /);
  });

  it('answers a file full of duplicate keys in linear time', () => {
    const file = path.join(dir, 'dups.yaml');
    let text = 'organization: x\n';
    for (let i = 0; text.length < 64 * 1024 - 32; i++) text += `k${i}: 1\nk${i}: 2\n`;
    writeFileSync(file, text);
    const out = path.join(dir, 'c.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr.split('\n')[0]).toBe(`${file}:3:1 duplicate key "k0" (first at line 2) (keep one of them)`);
  });

  it('answers deep nesting without overflowing the stack', () => {
    const file = path.join(dir, 'deep.yaml');
    writeFileSync(file, `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    const out = path.join(dir, 'd.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toMatch(/the file nests lists or mappings too deeply/);
  });

  // A saved Result may be larger than other inputs (limits.ts), but only as the JSON csq writes.
  const resultLike = (body: string) => `{\n  "schemaVersion": 1,\n${body}`;

  it('reads nothing but a saved Result over 64 KiB, even on stdin', () => {
    const file = path.join(dir, 'padded.yaml');
    writeFileSync(file, `organization: x\n${'# padding padding padding padding\n'.repeat(3_000)}`);
    const out = path.join(dir, 'f.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toBe(`${file}: the file is 100 KiB, more than the 64 KiB csq reads\n`);
    const piped = spawnSync(process.execPath, [CLI, 'validate', '-'], { input: readFileSync(file), encoding: 'utf8' });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toBe('<stdin>: the file is 100 KiB, more than the 64 KiB csq reads\n');
  });

  it('refuses a saved Result over its own limit', () => {
    const file = path.join(dir, 'huge-result.json');
    writeFileSync(file, resultLike(`  "vision": "${'x'.repeat(2200 * 1024)}"\n}\n`));
    const out = path.join(dir, 'g.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toBe(`${file}: the file is 2.1 MiB, more than the 64 KiB csq reads (2.0 MiB for a saved Result)\n`);
    const piped = spawnSync(process.execPath, [CLI, 'report', '-'], { input: readFileSync(file), encoding: 'utf8' });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toMatch(/^<stdin>: the file is 2\.\d MiB, more than the 2\.0 MiB csq reads for a saved Result\n$/);
  });

  it('refuses a Result-like file over 64 KiB that is not JSON, locating the JSON error', () => {
    const file = path.join(dir, 'yaml-result.json');
    writeFileSync(file, resultLike(`  "vision": "${'x'.repeat(70 * 1024)}",\n  organization: Acme\n}\n`));
    const out = path.join(dir, 'h.md');
    const result = run(['validate', file]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toBe(`${file}:4:3 the file is 71 KiB, more than the 64 KiB csq reads, and not a saved Result as csq writes it: it is not valid JSON\n`);
  });

  it('answers a Result-like file at its limit, full of tiny values, without a hang', () => {
    // 250,000 one-digit items took the YAML parser 4.6 s: a file over 64 KiB is counted first.
    const file = path.join(dir, 'many-values.json');
    writeFileSync(file, resultLike(`  "x": [${'1,'.repeat(250_000)}1]\n}\n`));
    const out = path.join(dir, 'i.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toBe(`${file}: the file is 489 KiB, more than the 64 KiB csq reads, and not a saved Result as csq writes it: it has more than 25000 brackets, commas, colons and line breaks\n`);
    // Just under the count, a file is parsed: and still answered without a hang.
    const under = path.join(dir, 'fewer-values.json');
    writeFileSync(under, resultLike(`  "x": [${'1,'.repeat(24_000)}1],\n  "pad": "${'\\\\'.repeat(200_000)}"\n}\n`));
    const parsed = run(['report', under, '-o', out]);
    expectCleanRejection(parsed, out, located(under));
    expect(parsed.stderr).toContain(`${under}:3:3 x: unknown key "x"`);
  });

  it('refuses a team beyond its limit before reading a file', () => {
    const result = run(['team', ...Array.from({ length: MAX_RESPONDENTS + 1 }, () => 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`csq: csq team combines at most ${MAX_RESPONDENTS} answers files, got ${MAX_RESPONDENTS + 1}\n`);
  });

  it('refuses a team whose merged lists would be longer than one plan holds', () => {
    // Each respondent's lists are within the limit; merged, each item once, they are not.
    const files = [0, 1].map((n) => {
      const file = path.join(dir, `respondent-${n}.yaml`);
      const items = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `    - Finding ${n}.${i}\n`).join('');
      writeFileSync(file, readFileSync(path.join(ROOT, GOOD), 'utf8').replace(/requirements:\n  internal:\n(    - .*\n)+/, `requirements:\n  internal:\n${items}`));
      return file;
    });
    const before = files.map((f) => readFileSync(f));
    const out = path.join(dir, 'team.md');
    const result = run(['team', ...files, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`csq: the respondents' internal findings are ${2 * MAX_LIST_ITEMS} in all \\(each once\\), more than the ${MAX_LIST_ITEMS} one plan holds; shorten some of their lists\n$`));
    expect(existsSync(out)).toBe(false);
    files.forEach((f, i) => expect(readFileSync(f).equals(before[i]!)).toBe(true));
  });

  it('takes plain decimal only in numeric options', () => {
    for (const [flag, value] of [
      ['--min-score', '0x10'],
      ['--min-score', '1e1'],
      ['--min-score', '+50'],
      ['--min-score', '.5'],
      ['--min-score', '50.'],
      ['--min-score', ' 50'],
      ['--min-score', '050'],
      ['--min-section', 'errors=0x10'],
    ] as const) {
      const out = path.join(dir, 'j.md');
      const result = run(['report', GOOD, '-o', out, flag, value]);
      expectCleanRejection(result, out, /^csq: --min-s/);
      const shown = flag === '--min-section' ? value.split('=')[1] : value;
      expect(result.stderr).toBe(`csq: ${flag} expects a percentage from 0 to 100, got "${shown}" (write it in plain decimal, such as 60 or 59.5)\n`);
    }
    const drop = run(['compare', GOOD, GOOD, '--fail-on-drop', '0x10']);
    expect(drop.code).toBe(2);
    expect(drop.stdout).toBe('');
    expect(drop.stderr).toBe('csq: --fail-on-drop expects a percentage from 0 to 100, got "0x10" (write it in plain decimal, such as 60 or 59.5)\n');
    for (const value of ['60', '59.5', '0', '100']) expect(run(['report', GOOD, '-o', '-', '--min-score', value]).code, value).toBeLessThan(2);
  });

  it('caps a template’s output while rendering, at the block that passed the cap', () => {
    const file = path.join(dir, 'huge-output.hbs');
    // 7 × 7 × 7 sections × 20 KiB ≈ 6.7 MiB from a 20 KiB template.
    writeFileSync(file, `{{#each sections}}{{#each @root.sections}}{{#each @root.sections}}${'x'.repeat(20 * 1024)}{{/each}}{{/each}}{{/each}}`);
    const out = path.join(dir, 'e.md');
    const result = run(['report', GOOD, '--template', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toBe(`${file}:1:43 the template produces more than 4 MiB of output\n`);
  });

  it('answers templates too deep for Handlebars’ parser and compiler with a located error', () => {
    // 3,000 nested sub-expressions (18 KB) overflowed the compiler's stack; the parser alone took 4 s.
    for (const [name, source, column] of [
      ['deep-subexpressions.hbs', `{{add ${'(add '.repeat(3000)}1 1${')'.repeat(3000)} 1}}`, 507],
      ['deep-blocks.hbs', `${'{{#if true}}'.repeat(3000)}${'{{/if}}'.repeat(3000)}`, 1201],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, source);
      const out = path.join(dir, `${name}.md`);
      const result = run(['report', GOOD, '--template', file, '-o', out]);
      expectCleanRejection(result, out, located(file));
      expect(result.stderr).toBe(`${file}:1:${column} blocks and sub-expressions are nested more than 100 deep\n`);
    }
  });

  it('locates an error at the end of a 63 KB line in linear time', () => {
    const file = path.join(dir, 'long-line.hbs');
    writeFileSync(file, `${'a.'.repeat(31_500)}{{nothing.at.all}}\n`);
    const out = path.join(dir, 'long-line.md');
    const result = run(['report', GOOD, '--template', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toBe(`${file}:1:63003 field "nothing.at.all" is not defined in the plan data\n`);
  });

  it('keeps a template’s {{log}} off stdout', () => {
    const file = path.join(dir, 'log.hbs');
    writeFileSync(file, '{{log "debugging" organization}}# {{text organization}}\n');
    const result = run(['report', GOOD, '--template', file, '-o', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('# Acme Cleaning\n');
    expect(result.stderr).toBe('debugging Acme Cleaning\n');
  });
});
