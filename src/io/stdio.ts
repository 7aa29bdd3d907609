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
/** What writeStderr would have written, while a batch's worker thread renders one file. */
let captured: string | undefined;

/**
 * Hold back what writeStderr writes until takeStderr(): a batch's worker thread sends it with
 * the file's result, for the main thread to print in input order (a worker writing to fd 2
 * itself would interleave with the main thread's lines).
 */
export function captureStderr(): void {
  captured = '';
}

/** What was held back since captureStderr(), and stderr written directly again. */
export function takeStderr(): string {
  const text = captured ?? '';
  captured = undefined;
  return text;
}

/**
 * Write all of `content` to stdout before returning, so exiting can never truncate it. Once the
 * reader has gone (`csq … | head -1`) the rest is dropped and the command still ends with its
 * own exit code.
 */
export function writeStdout(content: string | Uint8Array): void {
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
  if (captured !== undefined) {
    captured += text;
    return;
  }
  if (stderrGone) return;
  if (process.platform === 'win32') {
    streamStderr().write(text);
    return;
  }
  if (writeAll(2, text)) stderrGone = true;
}

/** Every byte to a file descriptor, waiting out a full non-blocking pipe; the failure, if any. */
function writeAll(fd: number, content: string | Uint8Array): 'EPIPE' | Error | undefined {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
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

/** stdout is a terminal: no place for a PDF's bytes. */
export function stdoutIsTerminal(): boolean {
  return stdoutMayBeTerminal() && process.stdout.isTTY === true;
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
