/** All file-system access: bounded reads, atomic no-clobber writes, '-' for stdin (stdout: stdio.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsqError, ExitCode, fail, problem, type Value } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { decodeText, sizeProblem, type InputKind } from '../core/text.js';

export const STDIO = '-';

export interface TextFile {
  /** The name used in messages: the path as given, or <stdin>. */
  name: string;
  text: string;
}

/**
 * Every file this run has read, by device and inode, so that no spelling of a path
 * (a symlink, a hard link, `../`, a symlinked folder) can make an output of an input.
 * The one reader records here and the one writer checks here, so no command can forget.
 */
interface ReadRecord {
  /** The name it was read as, for the message. */
  name: string;
  /** Read only to be edited and saved again (the walk's answers file); any other read makes it a plain input. */
  editable: boolean;
}
const readThisRun = new Map<string, ReadRecord>();
/** Off in a batch's worker thread: it never writes, and the main thread keeps the record of the inputs. */
let recordingReads = true;

/** A batch's worker thread: reads need no record (it would only grow with every file). */
export function stopRecordingReads(): void {
  recordingReads = false;
}
/** Pipes and sockets already read: their content is gone, a second read would see nothing. */
const streamsRead = new Set<string>();
let stdinRead = false;

const identity = (stat: fs.BigIntStats) => `${stat.dev}:${stat.ino}`;

function recordRead(stat: fs.BigIntStats, name: string, editable: boolean): void {
  // A terminal or /dev/null holds nothing that could be lost, and may well be read and written.
  if (stat.isCharacterDevice()) return;
  const key = identity(stat);
  if (!stat.isFile()) {
    if (streamsRead.has(key)) fail(name === '<stdin>' ? 'stdin-twice' : 'pipe-twice', undefined, name === '<stdin>' ? {} : { file: name });
    streamsRead.add(key);
  }
  if (!recordingReads) return;
  const known = readThisRun.get(key);
  readThisRun.set(key, { name: known?.name ?? name, editable: editable && (known?.editable ?? true) });
}

export interface ReadOptions {
  /** This file is read to be edited and saved again by this run (the walk's answers file). */
  editable?: boolean;
  /** `answers-or-result` where a saved Result may come: it may be larger than other inputs. */
  kind?: InputKind;
}

/** Read a user's file as strict UTF-8, refusing anything over the size limit before reading it. */
export function readTextFile(file: string, options: ReadOptions = {}): TextFile {
  const editable = options.editable === true;
  const kind = options.kind ?? 'input';
  if (file === STDIO) {
    if (stdinRead) fail('stdin-twice');
    stdinRead = true;
    // stdin may be a file (`< a.yaml`): then that file is an input like any other.
    let stat: fs.BigIntStats | undefined;
    try {
      stat = fs.fstatSync(0, { bigint: true });
    } catch {
      // no stdin at all: the read below says so
    }
    if (stat) recordRead(stat, '<stdin>', editable);
    return { name: '<stdin>', text: decodeText(readBounded(0, '<stdin>', kind), '<stdin>', kind) };
  }
  let stat: fs.BigIntStats;
  try {
    stat = fs.statSync(file, { bigint: true });
  } catch (error) {
    throw fileError(error, file, 'read');
  }
  if (stat.isDirectory()) fail('read-folder', undefined, { file });
  const tooLarge = sizeProblem(Number(stat.size), kind, file);
  if (tooLarge) throw new CsqError(tooLarge);
  recordRead(stat, file, editable);
  try {
    // A device or a pipe has no size to check beforehand (/dev/zero never ends): read it with a bound.
    if (!stat.isFile()) {
      const fd = fs.openSync(file, 'r');
      try {
        return { name: file, text: decodeText(readBounded(fd, file, kind), file, kind) };
      } finally {
        fs.closeSync(fd);
      }
    }
    return { name: file, text: decodeText(fs.readFileSync(file), file, kind) };
  } catch (error) {
    if (error instanceof CsqError) throw error;
    throw fileError(error, file, 'read');
  }
}

/**
 * Count files as inputs before any output is written: a batch writes its first output
 * before it reads its last input, and a symlinked input must not be replaced before it is read.
 */
export function recordInputs(files: readonly string[]): void {
  for (const file of files) {
    if (file === STDIO) continue;
    // A missing or unreadable input is reported when it is read; a pipe is recorded then, not twice.
    const stat = statQuietly(file);
    if (stat?.isFile()) recordRead(stat, file, false);
  }
}

function readBounded(fd: number, name: string, kind: InputKind): Uint8Array {
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
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    // The first bytes tell a saved Result (which may be larger) from any other input.
    const tooLarge = sizeProblem(total, kind, name, chunks[0]!.length >= 64 ? chunks[0] : Buffer.concat(chunks));
    if (tooLarge) throw new CsqError(tooLarge);
  }
  return Buffer.concat(chunks);
}

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is an error. */
  force: boolean;
  /** This write saves the file this run is editing (read with `editable`); it still never replaces a plain input. */
  savesEditedFile?: boolean;
}

/** Temp names stay far below NAME_MAX (255 bytes) whatever the target's name: a legal name must stay writable. */
const TEMP_BASE_BYTES = 64;

export function tempName(base: string): string {
  let short = base;
  if (Buffer.byteLength(short) > TEMP_BASE_BYTES) {
    // Cut whole characters, never half of a UTF-8 sequence or a surrogate pair.
    const characters = Array.from(base);
    short = '';
    for (const c of characters) {
      if (Buffer.byteLength(short + c) > TEMP_BASE_BYTES) break;
      short += c;
    }
  }
  // Unique, not secret (it is created with 'wx'): Math.random spares loading node:crypto at every start.
  const suffix = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return `.${short}.${process.pid}.${suffix}.tmp`;
}

/**
 * The target of a write, checked before anything is written: never a folder, a disk or a file
 * this run has read. A device or a named pipe (`-o /dev/null`) is written to as it is, at once
 * (a rename would replace it with a file): then this returns 'written'.
 */
function checkTarget(file: string, content: string | Uint8Array, options: WriteOptions): fs.BigIntStats | undefined | 'written' {
  // One stat of the target (through symlinks) answers every question about it.
  let target: fs.BigIntStats | undefined;
  try {
    target = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    throw fileError(error, file, 'write');
  }
  if (!target) return undefined;
  if (target.isDirectory()) fail('cannot-write', { reason: { reason: 'folderNameAFile' } }, { file });
  const read = readThisRun.get(identity(target));
  if (read && !(read.editable && options.savesEditedFile)) {
    fail(read.name === file ? 'output-is-input' : 'output-is-input-as', { file, input: read.name });
  }
  if (target.isBlockDevice()) fail('output-is-disk', { file });
  if (target.isCharacterDevice() || target.isFIFO() || target.isSocket()) {
    try {
      fs.writeFileSync(file, content);
    } catch (error) {
      throw fileError(error, file, 'write');
    }
    return 'written';
  }
  return target;
}

/** A new temp file beside `file` holding `content`, not yet flushed; its descriptor is open. Cleans up after itself on failure. */
function writeTemp(file: string, content: string | Uint8Array): { temp: string; fd: number } {
  // No path.resolve: it needs the current folder, which may have been deleted under us.
  const temp = path.join(path.dirname(file), tempName(path.basename(file)));
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    fs.writeFileSync(fd, content);
    return { temp, fd };
  } catch (error) {
    if (fd !== undefined) {
      const opened = fd;
      ignoreErrors(() => fs.closeSync(opened));
      ignoreErrors(() => fs.unlinkSync(temp));
    }
    throw fileError(error, file, 'write');
  }
}

/** The temp file, on disk, under the target's name: link (fails if the target exists: no clobber) or, with force, rename. */
function place(temp: string, file: string, force: boolean): void {
  try {
    if (force) fs.renameSync(temp, file);
    else fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail('output-exists', { file });
    throw fileError(error, file, 'write');
  }
}

/**
 * Write atomically: a temp file beside the target, fsync, then link (fails if the
 * target exists, so nothing is ever overwritten by accident) or rename (--force).
 * A crash at any point leaves the previous file whole. Never writes over a file
 * this run has read, nor into a folder.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions): void {
  const target = checkTarget(file, content, options);
  if (target === 'written') return;
  const { temp, fd } = writeTemp(file, content);
  let open = true;
  let placed = false;
  try {
    fs.fsyncSync(fd);
    const saved = options.savesEditedFile ? fs.fstatSync(fd, { bigint: true }) : undefined;
    open = false;
    fs.closeSync(fd);
    place(temp, file, options.force);
    placed = options.force;
    if (saved) {
      // The edited file's old inode is free now and may be reused by a new file; the saved one is
      // still the file being edited: no other write of this run may replace it.
      if (placed && target) readThisRun.delete(identity(target));
      recordRead(saved, file, true);
    }
  } catch (error) {
    if (error instanceof CsqError) throw error;
    throw fileError(error, file, 'write');
  } finally {
    // Cleanup is best effort: its own failure must never hide what went wrong first.
    if (open) ignoreErrors(() => fs.closeSync(fd));
    if (!placed) ignoreErrors(() => fs.unlinkSync(temp));
  }
}

/** One output of a group: written to its temp file, then on disk, then under its name. */
interface Staged {
  file: string;
  temp?: string;
  fd?: number;
  /** Under its name (its folder still to be flushed). */
  placed?: boolean;
  /** Why it is not under its name, once that is known. */
  error?: CsqError;
}

/**
 * Durable writes of many files, in two phases. stage() checks each target and writes its temp
 * file; flush() puts every temp file of the group on disk at once (the fsyncs run side by side
 * on libuv's threads, so the file system commits them together, instead of one journal commit
 * per file); place() then links (or renames) each to its name and fsyncs the folders, so the
 * names are on disk too. A temp file is never linked before it is on disk: a crash or a power
 * loss at any moment leaves each final name absent, or whole. What a crash leaves are temp
 * files, which the next batch into the folder removes (removeLeftoverTemps).
 */
export class OutputGroup {
  private readonly staged: Staged[] = [];
  constructor(private readonly options: WriteOptions) {}

  get size(): number {
    return this.staged.length;
  }

  /** Check the target and write its temp file; returns its slot. Throws what writeFileAtomic would for the target. */
  stage(file: string, content: string | Uint8Array): number {
    const target = checkTarget(file, content, this.options);
    const slot: Staged = { file };
    if (target !== 'written') Object.assign(slot, writeTemp(file, content));
    return this.staged.push(slot) - 1;
  }

  /** Every staged temp file on disk, side by side; a file whose flush fails is not placed. */
  async flush(): Promise<void> {
    await Promise.all(
      this.staged.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.fd === undefined) return resolve();
            fs.fsync(slot.fd, (error) => {
              if (error) slot.error = fileError(error, slot.file, 'write');
              resolve();
            });
          }),
      ),
    );
  }

  /**
   * After flush(): each flushed temp file under its name, in order, then each folder on disk.
   * Returns each slot's problem, or undefined where the file was written.
   */
  place(): (CsqError | undefined)[] {
    const folders = new Set<string>();
    for (const slot of this.staged) {
      this.close(slot);
      if (slot.temp === undefined || slot.error) continue;
      try {
        place(slot.temp, slot.file, this.options.force);
        // After a link the temp name is a second name of the output; after a rename it is gone.
        if (!this.options.force) ignoreErrors(() => fs.unlinkSync(slot.temp!));
        slot.temp = undefined;
        slot.placed = true;
        folders.add(path.dirname(slot.file));
      } catch (error) {
        slot.error = error instanceof CsqError ? error : fileError(error, slot.file, 'write');
      }
    }
    for (const folder of folders) {
      const failure = syncFolder(folder);
      if (failure) for (const slot of this.staged) if (slot.placed && path.dirname(slot.file) === folder) slot.error = fileError(failure, slot.file, 'write');
    }
    this.discard();
    return this.staged.map((slot) => slot.error);
  }

  /** Close and remove every temp file still there (after place(), or instead of it when the run stops). */
  discard(): void {
    for (const slot of this.staged) {
      this.close(slot);
      if (slot.temp !== undefined) ignoreErrors(() => fs.unlinkSync(slot.temp!));
      slot.temp = undefined;
    }
  }

  private close(slot: Staged): void {
    if (slot.fd === undefined) return;
    const fd = slot.fd;
    slot.fd = undefined;
    ignoreErrors(() => fs.closeSync(fd));
  }
}

/** A folder's entries on disk (the names just linked into it); the error, if the file system reports one. */
function syncFolder(folder: string): unknown {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
    return undefined;
  } catch (error) {
    // Some file systems cannot flush a folder: then there is nothing more to do.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EINVAL' || code === 'ENOTSUP' || code === 'EISDIR' ? undefined : error;
  } finally {
    if (fd !== undefined) ignoreErrors(() => fs.closeSync(fd!));
  }
}

/** A temp name tempName() makes: `.NAME.PID.XXXXXXXX.tmp`. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Temp files that a csq run which is no longer running left in `folder` (killed, or the machine
 * lost power): removed, and their names returned so that the caller says so. A temp file of a
 * run still going (its process exists) is left alone. Only regular files with csq's temp names.
 */
export function removeLeftoverTemps(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => TEMP_NAME.test(name));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const pid = Number(TEMP_NAME.exec(name)![1]);
    if (processExists(pid)) continue;
    const file = path.join(folder, name);
    try {
      if (!fs.lstatSync(file).isFile()) continue;
      fs.unlinkSync(file);
      removed.push(file);
    } catch {
      // gone already, or not ours to remove: nothing to report
    }
  }
  return removed;
}

function processExists(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The file's stat through symlinks, or undefined for any failure (the caller reports it its own way). */
function statQuietly(file: string): fs.BigIntStats | undefined {
  try {
    return fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function ignoreErrors(action: () => void): void {
  try {
    action();
  } catch {
    // see the caller
  }
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

const REASONS: Record<string, keyof Messages['reasons']> = {
  EACCES: 'permissionDenied',
  EPERM: 'permissionDenied',
  EISDIR: 'isAFolder',
  ENAMETOOLONG: 'nameTooLong',
  ELOOP: 'tooManyLinks',
  EROFS: 'readOnly',
  ENOSPC: 'noSpace',
  EDQUOT: 'quotaExceeded',
  EFBIG: 'fileTooLarge',
  EMFILE: 'tooManyOpenFiles',
  ENFILE: 'tooManyOpenFiles',
  EIO: 'ioError',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  ENXIO: 'noSuchDevice',
  ENODEV: 'noSuchDevice',
};

/** Why a file operation failed, in plain words, naming the user's path and never a temp file. */
export function fileProblem(error: unknown, file: string, verb: 'read' | 'write' | 'create'): Value & { reason: keyof Messages['reasons'] } {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT') {
    if (!path.isAbsolute(file) && currentFolderGone()) return { reason: 'currentFolderGone' };
    const dir = path.dirname(file);
    if (dir !== '.' && !fs.existsSync(dir)) return { reason: 'noFolder', values: { dir } };
    // The folder is there but takes no new file (/proc): "no such file" would puzzle.
    return verb === 'write' ? { reason: 'noNewFile', values: { dir } } : { reason: 'noSuchFile' };
  }
  if (code === 'ENOTDIR') {
    // Name the part of the path that is a file: `-o notes.txt/plan.md`.
    for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const stat = statQuietly(dir);
      if (stat && !stat.isDirectory()) return { reason: 'partIsAFile', values: { dir } };
      if (stat) break;
    }
    return { reason: 'notAFolder' };
  }
  // mkdir of a path that is there and is not a folder (`--out-dir notes.txt`).
  if (code === 'EEXIST' && verb === 'create') return { reason: 'isAFileNotAFolder' };
  if (REASONS[code]) return { reason: REASONS[code]! };
  // Any other system error: its description without the paths and syscall it names.
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'system', values: { detail: /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1] ?? message } };
}

export function currentFolderGone(): boolean {
  try {
    process.cwd();
    return false;
  } catch {
    return true;
  }
}

/** The names in a folder, sorted; a folder that cannot be read is a located error naming it. */
export function listFolder(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR' && statQuietly(dir)?.isFile()) throw new CsqError(problem('cannot-read', { reason: { reason: 'isAFileNotAFolder' } }, { file: dir }));
    throw fileError(error, dir, 'read');
  }
}

function fileError(error: unknown, file: string, verb: 'read' | 'write' | 'create'): CsqError {
  return new CsqError(problem(`cannot-${verb}`, { reason: fileProblem(error, file, verb) }, { file }));
}

let root: string | undefined;

/** The installed package's folder (holds questionnaires/ and templates/), from src/ or dist/ alike. */
export function packageRoot(): string {
  if (root) return root;
  // The built CLI's chunks are CommonJS and know their own file; import.meta.url would load node:url.
  let dir = path.dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'questionnaires'))) {
    const parent = path.dirname(dir);
    if (parent === dir) fail('no-package-folder', undefined, {}, ExitCode.internal);
    dir = parent;
  }
  return (root = dir);
}

/** csq's own files count as inputs too: `-o` naming one of them never replaces it. */
export function readBundled(relative: string): string {
  const file = path.join(packageRoot(), relative);
  const stat = statQuietly(file);
  if (stat) recordRead(stat, file, false);
  return fs.readFileSync(file, 'utf8');
}

export function bundledExists(relative: string): boolean {
  return fs.existsSync(path.join(packageRoot(), relative));
}
