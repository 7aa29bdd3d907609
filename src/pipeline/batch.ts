/**
 * A batch: one output per input, written durably in groups (io/files.ts, OutputGroup). Each
 * file's lines (its summary, its notes and failed gates, or its problems) are printed in input
 * order once its group is on disk, so a line saying a file was written means it is there to stay.
 */
import { CsqError, ExitCode } from '../errors.js';
import { fill } from '../i18n/format.js';
import { uiMessages } from '../i18n/index.js';
import { OutputGroup, removeLeftoverTemps } from '../io/files.js';
import { writeStderr } from '../io/stdio.js';
import { formatProblems } from '../render/problems.js';

/** One input's output and what to say once it is written. */
export interface Rendered {
  content: string | Uint8Array;
  /** Printed once the output is written: each line with its newline. */
  lines: string;
  gateFailed: boolean;
}

export interface BatchOptions {
  outDir: string;
  force: boolean;
  /** Worker threads render, this thread only writes: its garbage is small, its young generation can be too. */
  rendersElsewhere?: boolean;
}

/**
 * Files per group. Enough that the file system commits many flushes at once (measured: a group
 * of 64 costs about what writing the files without any flush does); few enough that few
 * descriptors stay open and the first lines come soon.
 */
const GROUP_FILES = 64;

/** What each input's slot in the group holds: a staged output, or the problem that stopped it. */
interface Pending {
  slot?: number;
  lines?: string;
  gateFailed?: boolean;
  error?: CsqError;
}

/** Every input rendered and written to its output; returns the batch's exit code. */
export async function writeBatch(files: readonly string[], outputs: readonly string[], render: (index: number) => Promise<Rendered>, options: BatchOptions): Promise<number> {
  const ui = uiMessages();
  const removed = removeLeftoverTemps(options.outDir);
  if (removed.length > 0) writeStderr(`${fill(ui.output.leftoversRemoved, { count: removed.length, dir: options.outDir }, ui.lang)}\n`);
  let failed = 0;
  let gateFailed = false;
  let group = new OutputGroup({ force: options.force });
  let pending: Pending[] = [];
  const commit = async () => {
    await group.flush();
    const errors = group.place();
    for (const item of pending) {
      const error = item.error ?? errors[item.slot!];
      if (error) {
        failed++;
        writeStderr(`${formatProblems(error.problems, ui)}\n`);
      } else {
        writeStderr(item.lines!);
        gateFailed ||= item.gateFailed!;
      }
    }
    group = new OutputGroup({ force: options.force });
    pending = [];
  };
  const limitYoungGeneration = youngGenerationLimit(options.rendersElsewhere ? WRITER_YOUNG_GENERATION_BYTES : YOUNG_GENERATION_BYTES, files.length >= LONG_BATCH_FILES);
  try {
    for (let i = 0; i < files.length; i++) {
      limitYoungGeneration();
      try {
        const { content, lines, gateFailed } = await render(i);
        pending.push({ slot: group.stage(outputs[i]!, content), lines, gateFailed });
      } catch (error) {
        if (!(error instanceof CsqError)) throw error;
        pending.push({ error });
      }
      if (pending.length >= GROUP_FILES) await commit();
    }
    await commit();
  } finally {
    // Only after an unexpected error is anything left: its temp files go, nothing is placed.
    group.discard();
  }
  if (failed > 0) {
    const summary = failed === files.length ? ui.output.batchAllFailed : ui.output.batchFailed;
    writeStderr(`${fill(summary, { failed, count: files.length, dir: options.outDir }, ui.lang)}\n`);
    return ExitCode.invalid;
  }
  return gateFailed ? ExitCode.gateFailed : ExitCode.ok;
}

/**
 * A batch keeps almost nothing from one file to the next, but each file makes about 1 MB of
 * short-lived garbage (YAML parsing, mostly). V8 doubles its young generation each time as much
 * as its size has survived scavenges, so a long batch ends with 2 × 16 MiB of it, nearly all
 * garbage, on top of peak memory. Once it has reached 2 × 8 MiB, stop it growing. Safe: it only
 * makes scavenges twice as frequent (each copies the few live objects, not the garbage, so costs
 * no more), never what is kept or written. The old generation, too, holds mostly garbage when
 * V8 next marks it (prepareHeapForBatch). V8 reads the growing factor at each GC;
 * `--max-semi-space-size` would be the plain setting for the young generation, but V8 reads
 * that one only when the heap is created.
 */
const YOUNG_GENERATION_BYTES = 16 * 1024 * 1024;
/**
 * With workers rendering, this thread keeps only each output's bytes (outside the heap) until its
 * group is written, so 2 × 2 MiB is room enough; at 16 MiB it held 12 MiB more at 20,000 files.
 */
const WRITER_YOUNG_GENERATION_BYTES = 4 * 1024 * 1024;

/**
 * Before each file: lets the young generation grow to `bytes`, then holds it there. `held`: a
 * long batch holds it from the start (prepareHeapForBatch) and lets it grow only now.
 */
function youngGenerationLimit(bytes: number, held: boolean): () => void {
  // node:v8 loaded here, by a batch only: one report does not pay for it.
  const v8 = process.getBuiltinModule('node:v8');
  let state: 'held' | 'growing' | 'capped' = held ? 'held' : 'growing';
  return () => {
    if (state === 'capped') return;
    const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (young === undefined || young.space_size >= bytes) {
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      state = 'capped';
    } else if (state === 'held') {
      v8.setFlagsFromString('--semi-space-growth-factor=2');
      state = 'growing';
    }
  };
}

/**
 * Set before a long batch checks its inputs, for the two generations of the heap:
 * - Old: by default V8 lets it grow to about twice what survived the last full GC (up to four
 *   times while the heap is small) before the next one; between two of them a batch's old
 *   generation holds mostly garbage. 1.2 times: the first full GC comes during the checks, and
 *   the limit it set held for the next 8 seconds, up to 64 MiB. Measured at 20,000 files: one
 *   thread's peak 159.6 → 125.7 MiB, with two workers 198.5 → 177.1 MiB (the full GCs of a
 *   small live set cost less than the memory they save).
 * - Young: held at its size (2–4 MiB then). The checks make one small object per input that
 *   lives the whole batch, and V8 grows the young generation as long as most of it survives:
 *   at 20,000 inputs it reached 2 × 8 MiB before the first file, whatever the cap after.
 */
export function prepareHeapForBatch(files: number): void {
  // A short batch ends before its old generation grows: left alone, the chunks it loads later
  // (the template's) keep their code caches (restoreHeapFlags).
  if (files < LONG_BATCH_FILES) return;
  // node:v8 loaded here, by a long batch only: one report does not pay for it.
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString('--heap-growing-percent=20');
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

const LONG_BATCH_FILES = 128;

/**
 * V8's own values again (the same on Node 20, 22 and 24), once the batch is done. A code cache
 * (bin/bundle.cjs) carries a hash of V8's flags as they were when it was written, at exit: one
 * written under a batch's flags was rejected by every later run, which wrote it again. A chunk
 * first loaded under them (the template's, the workers') is still compiled without its cache
 * in a batch, and its cache written again at exit: a few milliseconds of a batch, none of a report.
 */
export function restoreHeapFlags(): void {
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString('--heap-growing-percent=0');
  v8.setFlagsFromString('--semi-space-growth-factor=2');
}
