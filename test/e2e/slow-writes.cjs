'use strict';
// Loaded with `node --require` by atomic.test.ts: it makes the window in which a large file is
// being written wide and known. Every fs.writeFileSync of 1 MiB or more goes out in 64 KiB
// chunks; when CSQ_TEST_PAUSE_AT (a fraction, 0 to 1) of the bytes are written, the process says
// so on stderr and stops itself (SIGSTOP). The test then kills it (SIGKILL): by construction the
// kill lands in the middle of the write, whatever the machine's load.
const fs = require('node:fs');

const LARGE = 1024 * 1024;
const CHUNK = 64 * 1024;
const pauseAt = process.env.CSQ_TEST_PAUSE_AT === undefined ? undefined : Number(process.env.CSQ_TEST_PAUSE_AT);
const writeFileSync = fs.writeFileSync;

fs.writeFileSync = function slowWriteFileSync(file, data, options) {
  const encoding = (typeof options === 'string' ? options : options && options.encoding) || 'utf8';
  const bytes = typeof data === 'string' ? Buffer.from(data, encoding) : data;
  if (!Buffer.isBuffer(bytes) || bytes.length < LARGE) return writeFileSync.apply(this, arguments);
  const flag = (typeof options === 'object' && options && options.flag) || 'w';
  const mode = (typeof options === 'object' && options && options.mode) || 0o666;
  const fd = typeof file === 'number' ? file : fs.openSync(file, flag, mode);
  try {
    let written = 0;
    let paused = false;
    while (written < bytes.length) {
      if (!paused && pauseAt !== undefined && written >= pauseAt * bytes.length) {
        paused = true;
        fs.writeSync(2, `slow-writes: paused after ${written} of ${bytes.length} bytes of ${nameOf(file, fd)}\n`);
        process.kill(process.pid, 'SIGSTOP');
      }
      written += fs.writeSync(fd, bytes, written, Math.min(CHUNK, bytes.length - written));
    }
  } finally {
    if (typeof file !== 'number') fs.closeSync(fd);
  }
};

/** The file being written, for the message: the path given, or where the descriptor points (Linux). */
function nameOf(file, fd) {
  if (typeof file !== 'number') return String(file);
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return `descriptor ${fd}`;
  }
}
