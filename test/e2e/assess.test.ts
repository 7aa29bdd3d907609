import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, csq, tempDir } from '../helpers.js';

describe('csq assess without a terminal', () => {
  it('exits 2 at once, pointing to report and init, for stdin from /dev/null or a file', () => {
    for (const args of [[], ['assess']]) {
      const run = csq(args, { cwd: tempDir() });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'csq: csq assess asks questions and needs a terminal. Without one, use `csq report answers.yaml` for a plan, and `csq init` for an answers template to fill in.\n',
      );
    }
  });

  it('never hangs on an open pipe that sends nothing', async () => {
    const child = spawn(process.execPath, [CLI], { cwd: tempDir(), stdio: ['pipe', 'pipe', 'pipe'] });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 5000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    child.stdin.end();
    expect(code).toBe(2);
  });
});
