/** `csq report`: answers files → plans or Results, with quality gates. Never prompts. */
import * as path from 'node:path';
import { checkGates, parsePercent, parseSectionGate, type Gates } from '../core/thresholds.js';
import { ExitCode, fail } from '../errors.js';
import { fill } from '../i18n/format.js';
import { uiMessages } from '../i18n/index.js';
import { filled } from '../render/problems.js';
import { ensureDir, packageRoot, recordInputs, STDIO, writeFileAtomic } from '../io/files.js';
import { writeBatch, type Rendered } from '../pipeline/batch.js';
import { readCustomers, renderJson, renderMarkdown, scoreFile as scoreInput, type InputOptions, type Scored } from '../pipeline/inputs.js';
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
  /** customers.json (csq survey tally): the customers' view beside the owner's, in each plan. */
  customers?: string;
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
  const scoreFile = (file: string, opts: InputOptions): Scored => {
    const scored = scoreInput(file, opts);
    return options.customers === undefined ? scored : { ...scored, customers: readCustomers(options.customers, scored.context.questionnaire) };
  };

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
  const render = async (i: number): Promise<Rendered> => {
    const scored = scoreFile(files[i]!, options);
    const gates = gatesFor(scored, minScore, options.minSection);
    const content = options.format === 'json' ? renderJson(scored.result) : await renderMarkdown(scored);
    const summary = options.quiet ? '' : `${fill(ui.output.batchLine, { file: outputs[i]!, percent: scored.result.overall.percent })}\n`;
    const { lines, failed } = gateLines(scored, gates, true);
    return { content, lines: summary + lines, gateFailed: failed };
  };
  return writeBatch(files, outputs, render, { outDir: options.outDir, force: options.force === true });
}

function gatesFor(scored: Scored, minScore: number | undefined, specs: string[] = []): Gates {
  return { minScore, minSections: specs.map((spec) => parseSectionGate(spec, scored.context.questionnaire)) };
}

/** Every failed check on stderr; outputs are written first, whatever the gates say. */
function reportGates(scored: Scored, gates: Gates, named: boolean): number {
  const { lines, failed } = gateLines(scored, gates, named);
  writeStderr(lines);
  return failed ? ExitCode.gateFailed : ExitCode.ok;
}

/** The notes and failed checks of the gates, each line with its newline. */
function gateLines(scored: Scored, gates: Gates, named: boolean): { lines: string; failed: boolean } {
  const { failures, notes } = checkGates(scored.result, gates);
  const ui = uiMessages();
  let lines = '';
  for (const { key, values } of [...notes, ...failures]) {
    const text = filled(ui.gates[key], values, ui);
    lines += `${named ? fill(ui.output.inFile, { file: scored.file, text }) : text}\n`;
  }
  return { lines, failed: failures.length > 0 };
}

async function emit(scored: Scored, output: string, options: ReportOptions): Promise<void> {
  const content = options.format === 'json' ? renderJson(scored.result) : await renderMarkdown(scored);
  if (output === STDIO) writeStdout(content);
  else writeFileAtomic(output, content, { force: options.force === true });
}
