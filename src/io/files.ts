/** All file-system access: bounded reads, atomic no-clobber writes, '-' for stdin (stdout: stdio.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsqError, ExitCode } from '../errors.js';
import { MAX_INPUT_BYTES, decodeText, tooLargeMessage } from '../core/source.js';

export const STDIO = '-';

export interface TextFile {
  /** The name used in messages: the path as given, or <stdin>. */
  name: string;
  text: string;
}

/** Read a user's file as strict UTF-8, refusing anything over the size limit before reading it. */
export function readTextFile(file: string): TextFile {
  if (file === STDIO) return { name: '<stdin>', text: decodeText(readBounded(0, '<stdin>'), '<stdin>') };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw fileError(error, file, 'read');
  }
  if (stat.isDirectory()) throw new CsqError(`${file}: is a folder, not a file`);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new CsqError(`${file}: ${tooLargeMessage(stat.size)}`);
  }
  try {
    // A device or a pipe has no size to check beforehand (/dev/zero never ends): read it with a bound.
    if (!stat.isFile()) {
      const fd = fs.openSync(file, 'r');
      try {
        return { name: file, text: decodeText(readBounded(fd, file), file) };
      } finally {
        fs.closeSync(fd);
      }
    }
    return { name: file, text: decodeText(fs.readFileSync(file), file) };
  } catch (error) {
    if (error instanceof CsqError) throw error;
    throw fileError(error, file, 'read');
  }
}

function readBounded(fd: number, name: string): Uint8Array {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe with nothing yet
      if (code === 'EOF') break;
      throw fileError(error, name, 'read');
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_INPUT_BYTES) throw new CsqError(`${name}: ${tooLargeMessage(total)}`);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks);
}

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is an error. */
  force: boolean;
}

/**
 * Write atomically: a temp file beside the target, fsync, then link (fails if the
 * target exists, so nothing is ever overwritten by accident) or rename (--force).
 * A crash at any point leaves the previous file whole.
 */
export function writeFileAtomic(file: string, content: string, options: WriteOptions): void {
  // A device or a named pipe (`-o /dev/null`) is written to as it is: a rename would replace it with a file.
  if (isDeviceOrPipe(file)) {
    try {
      fs.writeFileSync(file, content);
    } catch (error) {
      throw fileError(error, file, 'write');
    }
    return;
  }
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new CsqError(`${file}: the folder ${dir} does not exist`);
  // Unique, not secret (it is created with 'wx'): Math.random spares loading node:crypto at every start.
  const suffix = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${suffix}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.force) fs.renameSync(temp, file);
    else fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CsqError(`${file} already exists; use --force to replace it`);
    throw fileError(error, file, 'write');
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A character device or a named pipe is written to as it is; a disk (block device) never. */
function isDeviceOrPipe(file: string): boolean {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isBlockDevice()) throw new CsqError(`${file} is a disk device; write the plan to a file`);
  return stat !== undefined && (stat.isCharacterDevice() || stat.isFIFO() || stat.isSocket());
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

export function ensureDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw fileError(error, dir, 'create');
  }
}

/** The real paths of the input files, computed once for a whole batch. */
export function realPaths(files: readonly string[]): Set<string> {
  const paths = new Set<string>();
  for (const file of files) {
    if (file === STDIO) continue;
    try {
      paths.add(fs.realpathSync(file));
    } catch {
      // a missing input is reported when it is read
    }
  }
  return paths;
}

/** Refuse to write over one of the inputs (`csq report a.yaml -o a.yaml --force`). */
export function assertNotAnInput(output: string, inputs: ReadonlySet<string>): void {
  if (output === STDIO || !fs.existsSync(output)) return;
  if (inputs.has(fs.realpathSync(output))) {
    throw new CsqError(`${output} is one of the inputs; choose another output file`, ExitCode.invalid);
  }
}

function fileError(error: unknown, file: string, verb: string): CsqError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
  return new CsqError(`${file}: cannot ${verb}: ${reason}`, ExitCode.invalid);
}

let root: string | undefined;

/** The installed package's folder (holds questionnaires/ and templates/), from src/ or dist/ alike. */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'questionnaires'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new CsqError('cannot find csq’s own questionnaires folder; reinstall csq', ExitCode.internal);
    dir = parent;
  }
  return (root = dir);
}

export function readBundled(relative: string): string {
  return fs.readFileSync(path.join(packageRoot(), relative), 'utf8');
}

export function bundledExists(relative: string): boolean {
  return fs.existsSync(path.join(packageRoot(), relative));
}
