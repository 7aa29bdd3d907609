/**
 * A worker thread of `csq report --out-dir` (pipeline/workers.ts): renders the inputs the main
 * thread sends it, with the same code as the main thread's own batch (batchRenderer). This
 * module is a chunk of the built CLI, which bin/worker.cjs loads in the worker as bin/csq.cjs
 * loads the CLI, with its code cache.
 */
import { setUiLang } from '../i18n/index.js';
import { stopRecordingReads } from '../io/files.js';
import { serveBatch } from '../pipeline/workers.js';
import { batchRenderer, type BatchJob } from './report.js';

/** The file to start a worker with: this chunk of the built CLI; none when running from source. */
export function workerFile(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
}

const threads = process.getBuiltinModule('node:worker_threads');
if (!threads.isMainThread && (threads.workerData as { job?: BatchJob } | null)?.job) {
  const { job, lang } = threads.workerData as { job: BatchJob; lang: string | undefined };
  // The main thread's language for the words of the lines it prints.
  setUiLang(lang);
  stopRecordingReads();
  serveBatch(batchRenderer(job));
}
