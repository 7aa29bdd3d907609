/** `csq report`: answers files → plans or Results, with quality gates. Never prompts. */
import * as path from 'node:path';
import { checkGates, parsePercent, parseSectionGate, type Gates } from '../core/thresholds.js';
import { ExitCode, fail } from '../errors.js';
import { fill } from '../i18n/format.js';
import { uiMessages } from '../i18n/index.js';
import { filled } from '../render/problems.js';
import { ensureDir, packageRoot, recordInputs, STDIO, writeFileAtomic } from '../io/files.js';
import { prepareHeapForBatch, restoreHeapFlags, writeBatch, type Rendered } from '../pipeline/batch.js';
import { startPool, workerCount } from '../pipeline/workers.js';
import { readCustomers, renderJson, renderMarkdown, scoreFile as scoreInput, type InputOptions, type Scored } from '../pipeline/inputs.js';
import { formatFromExtension, openPrinter, REPORT_FORMATS, parsePaper, planHtml, planPdf, type Paper } from '../pipeline/documents.js';
import type { Printer } from '../io/browser.js';
import { stdoutIsTerminal, writeStderr, writeStdout } from '../io/stdio.js';
import { csvTable } from '../pipeline/csv-table.js';

export interface ReportOptions extends InputOptions {
  output?: string;
  outDir?: string;
  /** Absent: the output file's extension (.html, .pdf, .csv, .json, .md), else markdown. */
  format?: string;
  paper?: string;
  example?: boolean;
  force?: boolean;
  minScore?: string;
  minSection?: string[];
  quiet?: boolean;
  /** customers.json (csq survey tally): the customers' view beside the owner's, in each plan. */
  customers?: string;
  /** A folder of the earlier assessments: the plan shows the trend per area. One input only. */
  history?: string;
}

export const EXAMPLE_FILE = 'examples/acme-cleaning.yaml';

const EXTENSIONS: Record<string, string> = { markdown: '.md', json: '.json', html: '.html', pdf: '.pdf', csv: '.csv' };

export async function report(inputs: string[], given: ReportOptions): Promise<number> {
  const format = given.format ?? formatFromExtension(given.output, REPORT_FORMATS) ?? 'markdown';
  const options = { ...given, format };
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) fail('format-report', { format });
  const paper = parsePaper(options.paper);
  const files = options.example ? [path.join(packageRoot(), EXAMPLE_FILE), ...inputs] : inputs;
  if (files.length === 0) fail('report-no-input');
  // One plan goes to -o or stdout: several inputs each get their own output (and their own gates), or none.
  // CSV is one table, a row per input: to -o or stdout, never a file per input.
  if (format === 'csv' && options.outDir !== undefined) fail('csv-out-dir');
  if (format !== 'csv' && options.outDir === undefined && files.length > 1) fail('report-several-inputs', { count: files.length });
  if (options.output !== undefined && options.outDir !== undefined) fail('output-and-out-dir');
  // One business's history belongs to one plan.
  if (options.history !== undefined && (files.length > 1 || options.outDir !== undefined || format === 'csv')) fail('history-one-input');
  if (files.filter((f) => f === STDIO).length > 1) fail('stdin-twice');
  const minScore = options.minScore === undefined ? undefined : parsePercent(options.minScore, '--min-score');
  const gates = (scored: Scored) => gatesFor(scored, minScore, options.minSection);
  if (format === 'csv') return csvTable(files, options, (scored) => gateLines(scored, gates(scored), true));
  if (format === 'pdf' && (options.output ?? STDIO) === STDIO && options.outDir === undefined && stdoutIsTerminal()) fail('pdf-to-terminal');
  // Found before any input is read: without a browser nothing is written.
  const printer = format === 'pdf' ? await openPrinter() : undefined;
  try {
    return await reportTo(files, options, gates, paper, printer);
  } finally {
    await printer?.close();
  }
}

/** What every file of a batch is rendered with, on whichever thread. */
export interface BatchJob {
  options: ReportOptions & { format: string };
}

async function reportTo(files: string[], options: ReportOptions & { format: string }, gatesOf: (scored: Scored) => Gates, paper: Paper | undefined, printer: Printer | undefined): Promise<number> {
  if (options.outDir === undefined) {
    const output = options.output ?? STDIO;
    const current = withCustomers(files[0]!, options);
    // The history's reader loads only for --history: one report does not pay for it.
    const scored = options.history === undefined ? current : { ...current, history: (await import('../pipeline/history.js')).readHistory(options.history, current, options) };
    const gates = gatesOf(scored);
    await emit(await render(scored, options.format, paper, printer, output), output, options);
    if (output !== STDIO && !options.quiet) {
      // chalk (and the tty and os modules it loads) only when a summary is shown.
      const { colorEnabled, renderSummary } = await import('../render/terminal.js');
      writeStderr(renderSummary(scored.result, scored.context.messages, colorEnabled(process.stderr)));
      writeStderr(`${fill(scored.context.messages.output.wrote, { file: output })}\n`);
    }
    return reportGates(scored, gates, false);
  }

  // Batch: one output per input, named after it; a bad file is reported and the rest go on.
  prepareHeapForBatch(files.length);
  const extension = EXTENSIONS[options.format]!;
  const outputs = files.map((f) => path.join(options.outDir!, `${f === STDIO ? 'stdin' : path.parse(f).name}${extension}`));
  const seen = new Set<string>();
  for (const output of outputs) {
    if (seen.has(output)) fail('same-output', { file: output });
    seen.add(output);
  }
  ensureDir(options.outDir);
  // An output is written before the later inputs are read: they are inputs from the start.
  recordInputs(files);
  const job: BatchJob = { options };
  // A PDF needs the one browser: rendered here. Standard input can be read only here.
  const workers = options.format === 'pdf' || files.includes(STDIO) ? 0 : workerCount(files.length, process.env, () => process.getBuiltinModule('node:os').availableParallelism());
  const entry = workers > 0 ? (await import('./report-worker.js')).workerFile() : undefined;
  const pool = entry ? startPool(path.join(packageRoot(), 'bin', 'worker.cjs'), { entry, job, lang: options.lang }, workers, files, outputs) : undefined;
  const renderHere = batchRenderer(job, printer);
  try {
    return await writeBatch(files, outputs, pool ? pool.render : (i) => renderHere(files[i]!, outputs[i]!), { outDir: options.outDir, force: options.force === true, rendersElsewhere: pool !== undefined });
  } finally {
    // Before the workers exit: they write their code caches as they do.
    restoreHeapFlags();
    await pool?.close();
  }
}

/** --customers: the survey's tally beside the plan, checked against the input's questionnaire. It replaces an answers file's own `customers:` block. */
function withCustomers(file: string, options: ReportOptions): Scored {
  const scored = scoreInput(file, options);
  return options.customers === undefined ? scored : { ...scored, result: { ...scored.result, customers: readCustomers(options.customers, scored.context.questionnaire) } };
}

/** One input of a batch, read, checked against its gates and rendered for its output, with the lines to print once it is written. */
export function batchRenderer({ options }: BatchJob, printer?: Printer): (file: string, output: string) => Promise<Rendered> {
  const ui = uiMessages();
  const paper = parsePaper(options.paper);
  const minScore = options.minScore === undefined ? undefined : parsePercent(options.minScore, '--min-score');
  return async (file, output) => {
    const scored = withCustomers(file, options);
    const gates = gatesFor(scored, minScore, options.minSection);
    const rendered = await render(scored, options.format, paper, printer, output);
    const summary = options.quiet ? '' : `${fill(ui.output.batchLine, { file: output, percent: scored.result.overall.percent })}\n`;
    const { lines, failed } = gateLines(scored, gates, true);
    return { content: rendered, lines: summary + lines, gateFailed: failed };
  };
}

/** One input's output in the format asked for. */
async function render(scored: Scored, format: string, paper: Paper | undefined, printer: Printer | undefined, output: string): Promise<string | Uint8Array> {
  if (format === 'json') return renderJson(scored.result);
  if (format === 'html') return planHtml(scored, paper);
  if (format === 'pdf') return planPdf(printer!, scored, paper ?? 'a4', output);
  return renderMarkdown(scored);
}

export function gatesFor(scored: Scored, minScore: number | undefined, specs: string[] = []): Gates {
  return { minScore, minSections: specs.map((spec) => parseSectionGate(spec, scored.context.questionnaire)) };
}

/** Every failed check on stderr; outputs are written first, whatever the gates say. */
function reportGates(scored: Scored, gates: Gates, named: boolean): number {
  const { lines, failed } = gateLines(scored, gates, named);
  writeStderr(lines);
  return failed ? ExitCode.gateFailed : ExitCode.ok;
}

/** The notes and failed checks of the gates, each line with its newline. */
export function gateLines(scored: Scored, gates: Gates, named: boolean): { lines: string; failed: boolean } {
  const { failures, notes } = checkGates(scored.result, gates);
  const ui = uiMessages();
  let lines = '';
  for (const { key, values } of [...notes, ...failures]) {
    const text = filled(ui.gates[key], values, ui);
    lines += `${named ? fill(ui.output.inFile, { file: scored.file, text }) : text}\n`;
  }
  return { lines, failed: failures.length > 0 };
}

async function emit(content: string | Uint8Array, output: string, options: ReportOptions): Promise<void> {
  if (output === STDIO) writeStdout(content);
  else writeFileAtomic(output, content, { force: options.force === true });
}
