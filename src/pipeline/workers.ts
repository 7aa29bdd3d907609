/**
 * A batch's rendering on worker threads. The main thread keeps every file operation that
 * decides what ends on disk (checks, temp files, flushes, links) and prints each file's
 * lines in input order (pipeline/batch.ts); the workers read, check, score and render, the
 * work that needs a CPU. Each worker pulls the next index when it has sent a result, so a
 * slow file never holds the others back, and at most AHEAD results wait to be written.
 */
import { CsqError, type Problem } from '../errors.js';
import { captureStderr, takeStderr, writeStderr } from '../io/stdio.js';
import type { Rendered } from './batch.js';

/** Files below which starting threads costs more than it saves (each worker loads csq again). */
const MIN_FILES = 128;
/** At most two workers: each adds its own heap (about 20–25 MiB measured) to the batch's peak. */
const MAX_WORKERS = 2;
/** Results rendered ahead of the writes: two of the batch's groups. */
const AHEAD = 128;

export type WorkerResult =
  | { index: number; stderr: string; rendered: Rendered }
  | { index: number; stderr: string; problems: Problem[]; exitCode: number }
  | { index: number; stderr: string; bug: { message: string; stack?: string } };

/**
 * How many workers a batch of `files` gets: CSQ_WORKERS when set (0 turns them off), else
 * two on a machine with more than one core for a batch large enough, else none.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv, cores: () => number): number {
  const asked = env.CSQ_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), files, 16);
  if (files < MIN_FILES) return 0;
  const count = Math.min(cores(), MAX_WORKERS);
  return count > 1 ? count : 0;
}

/** What a worker is sent for one file: its place in the batch, its input and its output. */
export interface BatchTask {
  index: number;
  file: string;
  output: string;
}

export interface RenderPool {
  /** Input `index`'s output, in any order of calls; throws its CsqError as the main thread's own render would. */
  render(index: number): Promise<Rendered>;
  /** Let the workers exit (they save their code cache as they go). */
  close(): Promise<void>;
}

interface Waiting {
  resolve: (result: WorkerResult) => void;
  reject: (error: unknown) => void;
}

/**
 * `count` workers running `script` (a file of the built CLI that calls serveBatch) with
 * `data`, for `files` written to `outputs`. Each task carries its own paths: a worker given the
 * whole lists would hold a copy of them all, 20,000 paths of each at 20,000 files.
 */
export function startPool(script: string, data: unknown, count: number, files: readonly string[], outputs: readonly string[]): RenderPool {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  // Memory: every thread renders little more than one file at a time, so its heap is mostly
  // garbage between collections. The main thread's young generation stays as it is now (it
  // only moves results to disk); every heap's old generation is collected sooner
  // (batch.ts prepareHeapForBatch). V8 flags are the process's: they hold for the workers too.
  process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
  const done = new Map<number, WorkerResult>();
  const waiting = new Map<number, Waiting>();
  let next = 0;
  let consumed = 0;
  let failure: unknown;
  let closing = false;
  const exited = new Set<unknown>();
  const idle: InstanceType<typeof Worker>[] = [];

  const dispatch = () => {
    while (idle.length > 0 && next < files.length && next < consumed + AHEAD) {
      const task: BatchTask = { index: next, file: files[next]!, output: outputs[next]! };
      next++;
      idle.pop()!.postMessage(task);
    }
  };
  const fail = (error: unknown) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  const workers = Array.from({ length: count }, () => {
    // A small young generation (4 MiB in all): of 4, 8, 16 and 48, the lowest peak at 2,000 files.
    const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 4 }, stdout: false, stderr: false });
    worker.on('message', (result: WorkerResult) => {
      const wanted = waiting.get(result.index);
      if (wanted) {
        waiting.delete(result.index);
        wanted.resolve(result);
      } else done.set(result.index, result);
      idle.push(worker);
      dispatch();
    });
    worker.on('error', fail);
    // Workers exit only when told to: any other exit loses the files it held.
    worker.on('exit', (code) => {
      exited.add(worker);
      if (!closing) fail(new Error(`a batch worker stopped (exit code ${code}) before the batch was done`));
    });
    // Two files in hand each, so that a worker never waits for its next index.
    idle.push(worker, worker);
    return worker;
  });
  dispatch();

  return {
    async render(index) {
      consumed = Math.max(consumed, index + 1);
      dispatch();
      const result = done.get(index) ?? (await new Promise<WorkerResult>((resolve, reject) => (failure ? reject(failure) : waiting.set(index, { resolve, reject }))));
      done.delete(index);
      // Where the main thread's own render would have written it: now, before this file's lines.
      if (result.stderr) writeStderr(result.stderr);
      if ('rendered' in result) return result.rendered;
      if ('problems' in result) throw new CsqError(result.problems, result.exitCode);
      const bug = new Error(result.bug.message);
      bug.stack = result.bug.stack;
      throw bug;
    },
    async close() {
      closing = true;
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (exited.has(worker)) return resolve();
              worker.once('exit', () => resolve());
              worker.postMessage(undefined);
            }),
        ),
      );
    },
  };
}

/** The worker's side: render each task the main thread sends, until it sends nothing. */
export function serveBatch(render: (file: string, output: string) => Promise<Rendered>): void {
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const port = parentPort!;
  // One at a time, in the order sent: the empty message that ends the worker comes after its last file.
  let queue = Promise.resolve();
  port.on('message', (task: BatchTask | undefined) => {
    queue = queue.then(() => (task === undefined ? port.close() : serveOne(task)));
  });
  const serveOne = async ({ index, file, output }: BatchTask) => {
    captureStderr();
    let result: WorkerResult;
    const transfer: ArrayBuffer[] = [];
    try {
      const rendered = await render(file, output);
      // Sent as bytes handed over, not a string copied into the main thread's heap.
      const content = typeof rendered.content === 'string' ? new TextEncoder().encode(rendered.content) : rendered.content;
      if (content.byteOffset === 0 && content.byteLength === content.buffer.byteLength) transfer.push(content.buffer as ArrayBuffer);
      result = { index, rendered: { ...rendered, content }, stderr: '' };
    } catch (error) {
      if (error instanceof CsqError) result = { index, problems: error.problems, exitCode: error.exitCode, stderr: '' };
      else result = { index, bug: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) }, stderr: '' };
    }
    result.stderr = takeStderr();
    port.postMessage(result, transfer);
  };
}
