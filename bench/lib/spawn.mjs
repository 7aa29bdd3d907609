/** Child processes timed from spawn to exit, and peak memory through a --require preload. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const RSS_PRELOAD = fileURLToPath(new URL('./rss-preload.cjs', import.meta.url));

/**
 * Run `node ...args` (`node`: this Node unless given) and resolve with the wall time from spawn
 * to the exit event (ms), the exit code and the size of stdout (consumed through a pipe, like a
 * real reader would); with `rss`, also the peak RSS (KiB) and CPU time (ms) from a preload.
 */
export function timeNode(args, { node = process.execPath, cwd, env, rss = false, expectCode = 0 } = {}) {
  let rssDir;
  const childEnv = { ...process.env, ...env };
  const nodeArgs = [...args];
  if (rss) {
    rssDir = mkdtempSync(path.join(tmpdir(), 'csq-bench-rss-'));
    childEnv.CSQ_BENCH_RSS_FILE = path.join(rssDir, 'rss');
    nodeArgs.unshift('--require', RSS_PRELOAD);
  }
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(node, nodeArgs, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => (bytes += chunk.length));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      // stdio may still be draining; wait for it before judging the run.
      child.on('close', () => {
        let maxRss;
        let cpuMs;
        if (rssDir) {
          try {
            [maxRss, cpuMs] = readFileSync(path.join(rssDir, 'rss'), 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
          } catch {
            maxRss = undefined;
          }
          rmSync(rssDir, { recursive: true, force: true });
        }
        if (expectCode !== undefined && code !== expectCode) {
          reject(new Error(`node ${args.join(' ').slice(0, 200)} exited ${code} (expected ${expectCode}):\n${stderr.slice(0, 2000)}`));
        } else {
          resolve({ ms: elapsed, code, bytes, maxRss, cpuMs });
        }
      });
    });
  });
}
