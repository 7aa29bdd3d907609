/** `csq report`: answers files → plans or Results, with quality gates. Never prompts. */
import * as path from 'node:path';
import { checkGates, parsePercent, parseSectionGate, type Gates } from '../core/thresholds.js';
import { CsqError, ExitCode, fail } from '../errors.js';
import { fill } from '../i18n/format.js';
import { uiMessages } from '../i18n/index.js';
import { filled, formatProblems } from '../render/problems.js';
import { ensureDir, packageRoot, recordInputs, STDIO, writeFileAtomic } from '../io/files.js';
import { renderJson, renderMarkdown, scoreFile, type InputOptions, type Scored } from '../pipeline/inputs.js';
import { writeStderr, writeStdout } from '../io/stdio.js';

export interface ReportOptions extends InputOptions {
  output?: string;
  outDir?: string;
  format: string;
  example?: boolean;
  force?: boolean;
  minScore?: string;
  minSection?: string[];
  quiet?: boolean;
}

export const EXAMPLE_FILE = 'examples/acme-cleaning.yaml';

export async function report(inputs: string[], options: ReportOptions): Promise<number> {
  if (options.format !== 'markdown' && options.format !== 'json') fail('format-markdown-json', { format: options.format });
  const files = options.example ? [path.join(packageRoot(), EXAMPLE_FILE), ...inputs] : inputs;
  if (files.length === 0) fail('report-no-input');
  // One plan goes to -o or stdout: several inputs each get their own output (and their own gates), or none.
  if (options.outDir === undefined && files.length > 1) fail('report-several-inputs', { count: files.length });
  if (options.output !== undefined && options.outDir !== undefined) fail('output-and-out-dir');
  if (files.filter((f) => f === STDIO).length > 1) fail('stdin-twice');
  const minScore = options.minScore === undefined ? undefined : parsePercent(options.minScore, '--min-score');
  const extension = options.format === 'json' ? '.json' : '.md';

  if (options.outDir === undefined) {
    const output = options.output ?? STDIO;
    const scored = scoreFile(files[0]!, options);
    const gates = gatesFor(scored, minScore, options.minSection);
    await emit(scored, output, options);
    if (output !== STDIO && !options.quiet) {
      // chalk (and the tty and os modules it loads) only when a summary is shown.
      const { colorEnabled, renderSummary } = await import('../render/terminal.js');
      writeStderr(renderSummary(scored.result, scored.context.messages, colorEnabled(process.stderr)));
      writeStderr(`${fill(scored.context.messages.output.wrote, { file: output })}\n`);
    }
    return reportGates(scored, gates, false);
  }

  // Batch: one output per input, named after it; a bad file is reported and the rest go on.
  const outputs = files.map((f) => path.join(options.outDir!, `${f === STDIO ? 'stdin' : path.parse(f).name}${extension}`));
  const seen = new Set<string>();
  for (const output of outputs) {
    if (seen.has(output)) fail('same-output', { file: output });
    seen.add(output);
  }
  ensureDir(options.outDir);
  // An output is written before the later inputs are read: they are inputs from the start.
  recordInputs(files);
  const ui = uiMessages();
  let failed = 0;
  let gateFailed = false;
  let youngCapped = false;
  for (const [i, file] of files.entries()) {
    youngCapped ||= capYoungGeneration();
    try {
      const scored = scoreFile(file, options);
      const gates = gatesFor(scored, minScore, options.minSection);
      await emit(scored, outputs[i]!, options);
      if (!options.quiet) writeStderr(`${fill(ui.output.batchLine, { file: outputs[i]!, percent: scored.result.overall.percent })}\n`);
      if (reportGates(scored, gates, true) !== ExitCode.ok) gateFailed = true;
    } catch (error) {
      if (!(error instanceof CsqError)) throw error;
      failed++;
      writeStderr(`${formatProblems(error.problems, ui)}\n`);
    }
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
 * no more), never what is kept or written; the old generation still grows as it needs to.
 * `--max-semi-space-size` would be the plain setting, but V8 reads it only when the heap is created.
 * (Every chunk is loaded by then: the changed flags do not cost a code cache.)
 */
const YOUNG_GENERATION_BYTES = 16 * 1024 * 1024;

function capYoungGeneration(): boolean {
  // node:v8 loaded here, by a batch only: one report does not pay for it.
  const v8 = process.getBuiltinModule('node:v8');
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (young === undefined || young.space_size < YOUNG_GENERATION_BYTES) return false;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  return true;
}

function gatesFor(scored: Scored, minScore: number | undefined, specs: string[] = []): Gates {
  return { minScore, minSections: specs.map((spec) => parseSectionGate(spec, scored.context.questionnaire)) };
}

/** Every failed check on stderr; outputs are written first, whatever the gates say. */
function reportGates(scored: Scored, gates: Gates, named: boolean): number {
  const { failures, notes } = checkGates(scored.result, gates);
  const ui = uiMessages();
  for (const { key, values } of [...notes, ...failures]) {
    const text = filled(ui.gates[key], values, ui);
    writeStderr(`${named ? fill(ui.output.inFile, { file: scored.file, text }) : text}\n`);
  }
  return failures.length > 0 ? ExitCode.gateFailed : ExitCode.ok;
}

async function emit(scored: Scored, output: string, options: ReportOptions): Promise<void> {
  const content = options.format === 'json' ? renderJson(scored.result) : await renderMarkdown(scored);
  if (output === STDIO) writeStdout(content);
  else writeFileAtomic(output, content, { force: options.force === true });
}
