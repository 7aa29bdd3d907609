/**
 * One walk per answers file: a lock file beside it (`.NAME.lock`, holding the owner's pid)
 * is created exclusively, so two walks on one file never overwrite each other's answers.
 * A lock whose process is gone (a crash, a closed terminal) is taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Lock {
  release(): void;
}

export type LockOutcome = { lock: Lock } | { heldBy: number };

export function lockPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(file: string): LockOutcome {
  const lock = lockPath(file);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lock, 'wx', 0o644);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let held = true;
      return {
        lock: {
          release: () => {
            if (held) fs.rmSync(lock, { force: true });
            held = false;
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) return { heldBy: pid };
      fs.rmSync(lock, { force: true }); // stale: its walk ended without releasing it
    }
  }
  throw new Error(`cannot lock ${file}`);
}
