/**
 * Writes are atomic: a kill -9 at any moment leaves the previous file whole, or no file. The kill
 * is timed from the writer's own progress (slow-writes.cjs stops csq part-way through writing a
 * large plan), so it lands inside the write every time: a writer that wrote the file in place
 * would leave a torn plan here, at each fraction.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, csq, fixture, tempDir } from '../helpers.js';

const SLOW_WRITES = path.join(ROOT, 'test', 'e2e', 'slow-writes.cjs');
const FRACTIONS = [0.1, 0.3, 0.5, 0.7, 0.9];

/** A template that renders about 2.7 MiB, and that plan as csq writes it without interruption. */
function bigPlan(dir: string) {
  const template = path.join(dir, 'big.hbs');
  writeFileSync(template, `{{#each sections}}{{#each @root.sections}}{{#each @root.sections}}${'y'.repeat(8 * 1024)}\n{{/each}}{{/each}}{{/each}}`);
  const args = ['report', fixture('full.yaml'), '--template', template, '-q'];
  const whole = path.join(dir, 'whole.md');
  expect(csq([...args, '-o', whole]).code).toBe(0);
  const complete = readFileSync(whole, 'utf8');
  expect(complete.length).toBeGreaterThan(2_500_000);
  return { args, complete };
}

/** Runs csq under slow-writes.cjs, stopped after `fraction` of its large write, then kills it with SIGKILL. */
async function killedPartWay(args: string[], fraction: number | undefined): Promise<{ paused: string; code: number | null; signal: string | null }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1' };
  delete env.LC_ALL;
  if (fraction === undefined) delete env.CSQ_TEST_PAUSE_AT;
  else env.CSQ_TEST_PAUSE_AT = String(fraction);
  const child = spawn(process.execPath, ['--require', SLOW_WRITES, CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  const closed = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    // The process has stopped itself (or is about to) in the middle of the write: kill it there.
    if (stderr.includes('slow-writes: paused')) child.kill('SIGKILL');
  });
  const outcome = await closed;
  return { paused: stderr, ...outcome };
}

/** The bytes written before the pause, as slow-writes.cjs reports them. */
const pausedAfter = (stderr: string) => Number(/paused after (\d+) of (\d+) bytes/.exec(stderr)?.[1]);

/** What a file holds, in a word: absent, the old text, the complete plan, or torn (and how much). */
function state(file: string, complete: string, old?: string): string {
  if (!existsSync(file)) return 'absent';
  const text = readFileSync(file, 'utf8');
  if (text === complete) return 'complete';
  if (text === old) return 'old';
  return `torn: ${Buffer.byteLength(text)} of ${Buffer.byteLength(complete)} bytes`;
}

describe('kill -9 in the middle of a write', () => {
  it('leaves no file at all when it was writing a new one, at every point of the write', async () => {
    const dir = tempDir();
    const { args, complete } = bigPlan(dir);
    const outcomes: string[] = [];
    for (const fraction of FRACTIONS) {
      const target = path.join(dir, `new-${fraction}.md`);
      const run = await killedPartWay([...args, '-o', target], fraction);
      expect(run.signal, run.paused).toBe('SIGKILL');
      // The kill landed inside the write: part of the plan was out, not all.
      const written = pausedAfter(run.paused);
      expect(written, run.paused).toBeGreaterThan(0);
      expect(written).toBeLessThan(Buffer.byteLength(complete));
      outcomes.push(state(target, complete));
    }
    // The final name is absent every time (each kill came before the link), never torn.
    expect(outcomes).toEqual(FRACTIONS.map(() => 'absent'));
    // What a kill leaves is our temp file (never the target), named so it is recognisably ours.
    for (const name of readdirSync(dir)) expect(name).toMatch(/^(big\.hbs|whole\.md|\.new-0\.\d\.md\.\d+\.[0-9a-f]{8}\.tmp)$/);
  });

  it('leaves the previous plan whole when it was replacing it (--force), at every point of the write', async () => {
    const dir = tempDir();
    const { args, complete } = bigPlan(dir);
    const target = path.join(dir, 'plan.md');
    const outcomes: string[] = [];
    for (const fraction of FRACTIONS) {
      const old = `the plan before the kill at ${fraction}\n`;
      writeFileSync(target, old);
      const run = await killedPartWay([...args, '-o', target, '--force'], fraction);
      expect(run.signal, run.paused).toBe('SIGKILL');
      const written = pausedAfter(run.paused);
      expect(written, run.paused).toBeGreaterThan(0);
      expect(written).toBeLessThan(Buffer.byteLength(complete));
      outcomes.push(state(target, complete, old));
    }
    // The previous plan is there, whole, every time (each kill came before the rename), never torn.
    expect(outcomes).toEqual(FRACTIONS.map(() => 'old'));
  });

  it('writes the whole plan when the slow writer is not stopped', async () => {
    // The same path without a kill: slow-writes.cjs alone changes nothing csq writes.
    const dir = tempDir();
    const { args, complete } = bigPlan(dir);
    const target = path.join(dir, 'plan.md');
    const run = await killedPartWay([...args, '-o', target], undefined);
    expect([run.code, run.paused]).toEqual([0, '']);
    expect(state(target, complete)).toBe('complete');
  });
});
