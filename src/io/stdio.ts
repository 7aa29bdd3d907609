/**
 * stdout and stderr without Node's stream for stdout, and stderr's stream set up on first use:
 * creating the stream for a pipe loads a good part of Node's networking code, which costs a
 * short run more than the work itself.
 */
import * as fs from 'node:fs';

let stderrReady = false;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `content` to stdout before returning: exiting can never truncate it. A reader
 * that goes away (`csq report … -o - | head -1`) ends the run quietly.
 */
export function writeStdout(content: string): Promise<void> {
  const bytes = Buffer.from(content);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += fs.writeSync(1, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2); // a non-blocking pipe that is full: let the reader catch up
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw error;
    }
  }
  return Promise.resolve();
}

/** For messages to people. */
function stderr(): NodeJS.WriteStream {
  if (!stderrReady) {
    stderrReady = true;
    // stderr only informs: if nobody can read it any more, the exit code must not change.
    process.stderr.on('error', () => {});
  }
  return process.stderr;
}

export function writeStderr(text: string): void {
  stderr().write(text);
}
