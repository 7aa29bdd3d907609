/**
 * stdout and stderr, written with write(2) rather than Node's streams: creating the stream for
 * a pipe loads a good part of Node's networking code, which costs a short run more than its
 * own work.
 */
import * as fs from 'node:fs';
import { CsqError, problem } from '../errors.js';

let readerGone = false;
let stdoutStreamReady = false;
let stderrGone = false;
let stderrReady = false;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `content` to stdout before returning, so exiting can never truncate it. Once the
 * reader has gone (`csq … | head -1`) the rest is dropped and the command still ends with its
 * own exit code.
 */
export function writeStdout(content: string): void {
  if (readerGone) return;
  // The Windows console needs libuv's conversion of UTF-8: keep Node's stream there.
  if (process.platform === 'win32') {
    streamStdout().write(content);
    return;
  }
  const failure = writeAll(1, content);
  if (failure === 'EPIPE') readerGone = true;
  else if (failure) throw new CsqError(problem('stdout-failed', { detail: failure.message }));
}

/** For messages to people. stderr only informs: if nobody can read it any more, the exit code must not change. */
export function writeStderr(text: string): void {
  if (stderrGone) return;
  if (process.platform === 'win32') {
    streamStderr().write(text);
    return;
  }
  if (writeAll(2, text)) stderrGone = true;
}

/** Every byte to a file descriptor, waiting out a full non-blocking pipe; the failure, if any. */
function writeAll(fd: number, content: string): 'EPIPE' | Error | undefined {
  const bytes = Buffer.from(content);
  for (let offset = 0; offset < bytes.length; ) {
    try {
      offset += fs.writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2); // let the reader catch up
      else return code === 'EPIPE' ? 'EPIPE' : (error as Error);
    }
  }
  return undefined;
}

/** Only a character device can be a terminal: for a pipe or a file, do not set up the stream to ask. */
export function stdoutMayBeTerminal(): boolean {
  return process.platform === 'win32' || fs.fstatSync(1).isCharacterDevice();
}

function streamStdout(): NodeJS.WriteStream {
  if (!stdoutStreamReady) {
    stdoutStreamReady = true;
    process.stdout.on('error', () => (readerGone = true));
  }
  return process.stdout;
}

function streamStderr(): NodeJS.WriteStream {
  if (!stderrReady) {
    stderrReady = true;
    process.stderr.on('error', () => {});
  }
  return process.stderr;
}
