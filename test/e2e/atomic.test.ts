/** Writes are atomic: a kill -9 at any moment leaves the previous file whole. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, csq, fixture, tempDir } from '../helpers.js';

describe('kill -9 in the middle of a write', () => {
  it('leaves either the old plan or the whole new one, never a torn file', async () => {
    const dir = tempDir();
    // A template that renders about 2.7 MiB, so the write takes a while.
    const template = path.join(dir, 'big.hbs');
    writeFileSync(template, `{{#each sections}}{{#each @root.sections}}{{#each @root.sections}}${'y'.repeat(8 * 1024)}\n{{/each}}{{/each}}{{/each}}`);
    const target = path.join(dir, 'plan.md');
    const args = [CLI, 'report', fixture('full.yaml'), '--template', template, '-o', target, '--force', '-q'];
    expect(csq(args.slice(1)).code).toBe(0);
    const complete = readFileSync(target, 'utf8');
    expect(complete.length).toBeGreaterThan(2_500_000);

    const outcomes = { old: 0, new: 0 };
    for (let i = 0; i < 30; i++) {
      const old = `the plan before run ${i}\n`;
      writeFileSync(target, old);
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      const closed = new Promise((resolve) => child.on('close', resolve));
      // Spread the kills from start-up to well past the write.
      const delay = 40 + ((i * 37) % 260);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await closed;
      const after = readFileSync(target, 'utf8');
      if (after === old) outcomes.old++;
      else if (after === complete) outcomes.new++;
      else throw new Error(`torn file after a kill at ${delay} ms: ${after.length} characters`);
    }
    // Both outcomes occurred, so the kills really landed before and after the rename.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
    // A kill can leave our temp file behind (never the target): named so it is recognisably ours.
    for (const name of readdirSync(dir)) expect(name).toMatch(/^(big\.hbs|plan\.md|\.plan\.md\.\d+\.[0-9a-f]{8}\.tmp)$/);
  });
});
