/**
 * stdout and stderr, each set up on first use: creating the stream for a pipe loads a good part
 * of Node's networking code, which a run that never writes to it should not pay for.
 */
let stdoutReady = false;
let stderrReady = false;

function stdout(): NodeJS.WriteStream {
  if (!stdoutReady) {
    stdoutReady = true;
    // A reader that goes away (`csq report … -o - | head -1`) is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return process.stdout;
}

/** For messages to people. */
export function stderr(): NodeJS.WriteStream {
  if (!stderrReady) {
    stderrReady = true;
    // stderr only informs: if nobody can read it any more, the exit code must not change.
    process.stderr.on('error', () => {});
  }
  return process.stderr;
}

/** Write to stdout and resolve once flushed, so exiting never truncates piped output. */
export function writeStdout(content: string): Promise<void> {
  return new Promise((resolve) => {
    stdout().write(content, () => resolve());
  });
}

export function writeStderr(text: string): void {
  stderr().write(text);
}
