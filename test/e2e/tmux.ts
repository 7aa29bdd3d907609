/** Drive a program in a real pseudo-terminal through tmux: type, wait for the screen, read it. */
import { execFileSync } from 'node:child_process';
import { needsTool } from '../helpers.js';

/** Under CI the pseudo-terminal tests run even without tmux, and fail (needsTool says why). */
export const hasTmux = needsTool('tmux', ['-V'], 'the walk in a pseudo-terminal');

let counter = 0;

export class Terminal {
  readonly name = `csq-test-${process.pid}-${++counter}`;
  keystrokes = 0;

  /** Runs `command` in a shell inside a new detached session; the shell prints EXIT=<code> when it ends. */
  constructor(command: string, cwd: string, env: Record<string, string> = {}) {
    const exports = Object.entries({ LANG: 'C.UTF-8', NO_COLOR: '1', ...env })
      .map(([k, v]) => `${k}='${v}'`)
      .join(' ');
    const session = ['new-session', '-d', '-s', this.name, '-x', '110', '-y', '50', '-c', cwd, `env ${exports} ${command}; echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; sleep 600`];
    try {
      this.tmux(...session);
    } catch (error) {
      // The server exits when its last session closes; one that was exiting just then is gone: start another.
      if (!String(error).includes('server exited unexpectedly')) throw error;
      this.tmux(...session);
    }
  }

  private tmux(...args: string[]): string {
    // A tmux server per test process: another run (a developer's, say) never shares or stops it.
    return execFileSync('tmux', ['-L', `csq-tests-${process.pid}`, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    // -J joins wrapped lines so long questions can be matched whole.
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.name);
  }

  /** Type literal text (no Enter). */
  type(text: string): void {
    if (text) this.tmux('send-keys', '-t', this.name, '-l', text);
    this.keystrokes += [...text].length;
  }

  /** Press named keys: Enter, Down, C-c … */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.name, key);
    this.keystrokes += keys.length;
  }

  /** Paste text as a terminal does (bracketed, when the program asked for it). */
  paste(text: string): void {
    this.tmux('set-buffer', '-b', this.name, text);
    this.tmux('paste-buffer', '-p', '-d', '-b', this.name, '-t', this.name);
  }

  /** Wait until the screen shows `what` (more times than `after` if given). */
  async waitFor(what: string | RegExp, { timeout = 10_000, count = 1 } = {}): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const screen = this.screen();
      const found = typeof what === 'string' ? screen.split(what).length - 1 : (screen.match(new RegExp(what, 'g')) ?? []).length;
      if (found >= count) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(what)} (×${count}); the screen was:\n${screen}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** The exit code the shell printed once the program ended, waiting also for the terminal modes it prints next. */
  async exitCode(): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+\s+-?icanon -?echo/);
    return Number(/EXIT=(\d+)/.exec(screen)![1]);
  }

  /** The pid of the program (the shell's child). */
  programPid(): number {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]!;
    // `env` execs node, so the child is node itself.
    return Number(child);
  }

  /** Questions answered so far (each leaves a ✔ line behind). */
  answered = 0;

  /**
   * Wait until the previous answer has landed and `question` is the open prompt,
   * then answer it: keys are sent only when the prompt is listening.
   */
  async ask(question: string, answer: { text?: string; keys?: string[] } = {}): Promise<void> {
    await this.waitUntil(() => {
      const lines = this.screen().split('\n');
      const done = lines.filter((l) => l.startsWith('✔ ')).length;
      const open = lines.filter((l) => l.startsWith('? ')).at(-1) ?? '';
      return done === this.answered && open.includes(question);
    }, `the question "${question}" (after ${this.answered} answers)`);
    this.type(answer.text ?? '');
    this.press(...(answer.keys ?? ['Enter']));
    this.answered++;
  }

  /**
   * At the list `question`, move down to the choice that contains `choice` (as an owner
   * reading the screen would), then press Enter.
   */
  async choose(question: string, choice: string): Promise<void> {
    await this.ask(question, { keys: [] });
    this.answered--;
    const active = () => this.screen().split('\n').filter((l) => l.startsWith('❯ ')).at(-1) ?? '';
    for (let moves = 0; !active().includes(choice); moves++) {
      if (moves > 60) throw new Error(`no choice "${choice}" in "${question}"; the screen was:\n${this.screen()}`);
      const before = active();
      this.press('Down');
      await this.waitUntil(() => active() !== before, `the list to move from "${before}"`);
    }
    this.press('Enter');
    this.answered++;
  }

  private async waitUntil(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  close(): void {
    try {
      this.tmux('kill-session', '-t', this.name);
    } catch {
      // already gone
    }
  }
}
