/**
 * Time to the first question on screen: run a command inside a pseudo-terminal with
 * script(1), read the terminal's output through a pipe, and stop the clock at the first
 * appearance of a marker text (ANSI escapes removed). Then end the run.
 */
import { spawn, spawnSync } from 'node:child_process';

export const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

// CSI sequences (colours, cursor moves) and OSC titles.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g;

/** Quote for sh -c. */
export const shq = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;

/**
 * Run `argv` in a pty of a fixed size; resolve with the ms from spawn until `marker` shows.
 * The terminal is given 100×40 with stty first, for both subject and baseline. Then Ctrl-C is
 * typed, so that the program ends as a user would end it (csq saves its code cache as it
 * exits); one that is still running a few seconds later is killed.
 */
export function timeToMarker(argv, marker, { cwd, env, timeoutMs = 20_000 } = {}) {
  const command = `stty cols 100 rows 40 2>/dev/null; exec ${argv.map(shq).join(' ')}`;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // Its own process group, so the whole run (script and the program under it) can be ended by id.
    const child = spawn('script', ['-qfc', command, '/dev/null'], {
      cwd,
      env: { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...env },
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
    });
    // A program that ends by itself (the baseline) may close the terminal before Ctrl-C is typed.
    child.stdin.on('error', () => {});
    let seen = '';
    let elapsed;
    let killer;
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${JSON.stringify(marker)}; the terminal showed:\n${seen.slice(-2000)}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      if (elapsed !== undefined) return;
      seen += chunk.toString('utf8');
      if (seen.replace(ANSI, '').includes(marker)) {
        elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.stdin.write('\x03');
        killer = setTimeout(stop, 3000);
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      clearTimeout(killer);
      if (elapsed !== undefined) resolve({ ms: elapsed });
      else reject(new Error(`the program ended before ${JSON.stringify(marker)} appeared; the terminal showed:\n${seen.slice(-2000)}`));
    });
  });
}
