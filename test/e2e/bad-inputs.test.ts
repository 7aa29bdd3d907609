/**
 * The bad-input corpus: every file in test/fixtures/bad is wrong in its own way.
 * Each must be answered with exit 2, located messages (snapshotted so they stay
 * good), no stack trace, no output file, and within a second.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
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
  // A correctness bound (no hang, nothing quadratic), not a benchmark: node itself starts in ~0.1 s.
  expect(result.ms).toBeLessThan(1000);
}

const files = readdirSync(path.join(ROOT, BAD)).sort();

describe('the bad-input corpus', () => {
  it('has at least 50 distinct cases of each kind of mistake', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(files.filter((f) => f.startsWith('answers-')).length).toBeGreaterThanOrEqual(50);
    expect(files.filter((f) => f.startsWith('questionnaire-')).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => f.startsWith('template-')).length).toBeGreaterThanOrEqual(8);
    expect(files.filter((f) => f.startsWith('result-')).length).toBeGreaterThanOrEqual(1);
  });

  for (const name of files) {
    it(name, () => {
      const file = `${BAD}/${name}`;
      const out = path.join(tempDir(), 'plan.md');
      const result = run(argsFor(file, out));
      const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expectCleanRejection(result, out, new RegExp(`^(csq: )?${escaped}:\\d+:\\d+ \\S`));
      expect(result.stderr).toMatchSnapshot();
    });
  }
});

describe('generated extremes', () => {
  const dir = tempDir();
  const located = (file: string) => new RegExp(`^(csq: )?${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+)? \\S|^csq: ${file}: `);

  it('refuses a file of many megabytes before reading it, stating the limit', () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, `organization: x\n${'# padding padding padding padding\n'.repeat(150_000)}`);
    const out = path.join(dir, 'a.md');
    const result = run(['report', file, '-o', out]);
    expectCleanRejection(result, out, located(file));
    expect(result.stderr).toMatch(/^csq: \S+huge\.yaml: the file is 4\.\d MiB, more than the 64 KiB csq reads\n$/);
  });

  it('refuses more than the limit on stdin too', () => {
    const result = spawnSync(process.execPath, [CLI, 'report', '-'], { input: 'a: 1\n'.repeat(20_000), encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^csq: <stdin>: the file is \d+ KiB, more than the 64 KiB csq reads\n$/);
  });

  it('reads a device that never ends only up to the limit', () => {
    const out = path.join(dir, 'z.md');
    const result = run(['report', '/dev/zero', '-o', out]);
    expectCleanRejection(result, out, /^csq: \/dev\/zero: the file is \d+ KiB, more than the 64 KiB csq reads$/);
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

  it('caps a template’s output', () => {
    const file = path.join(dir, 'huge-output.hbs');
    // 7 × 7 × 7 sections × 20 KiB ≈ 6.7 MiB from a 20 KiB template.
    writeFileSync(file, `{{#each sections}}{{#each @root.sections}}{{#each @root.sections}}${'x'.repeat(20 * 1024)}{{/each}}{{/each}}{{/each}}`);
    const out = path.join(dir, 'e.md');
    const result = run(['report', GOOD, '--template', file, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`csq: ${file}: the template produced more than 4 MiB of output\n`);
    expect(existsSync(out)).toBe(false);
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
