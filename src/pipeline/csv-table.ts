/**
 * `--format csv`: one table, a row per input (report) or per respondent (team). A bad input is
 * reported and its row left out (every input is scored against the one questionnaire, so the
 * columns are the same); the others are written, and the exit code is 2 at the end.
 */
import { csvHeader, csvResultRow, CSV_BOM } from '../core/csv.js';
import type { Result } from '../core/result.js';
import { CsqError, ExitCode } from '../errors.js';
import { fill } from '../i18n/format.js';
import { uiMessages } from '../i18n/index.js';
import { STDIO, writeFileAtomic } from '../io/files.js';
import { writeStderr, writeStdout } from '../io/stdio.js';
import { formatProblems } from '../render/problems.js';
import { scoreFile, type InputOptions, type Scored } from './inputs.js';

export interface CsvOptions extends InputOptions {
  output?: string;
  force?: boolean;
  quiet?: boolean;
}

/** The whole table: a BOM, the header (section ids of the first Result), a row each. */
export function csvDocument(rows: readonly { file: string; result: Result }[]): string {
  const ids = rows[0]?.result.sections.map((s) => s.id) ?? [];
  return CSV_BOM + csvHeader(ids) + rows.map((r) => csvResultRow(r.file, r.result, ids)).join('');
}

export function writeCsv(content: string, options: CsvOptions): void {
  const output = options.output ?? STDIO;
  if (output === STDIO) writeStdout(content);
  else writeFileAtomic(output, content, { force: options.force === true });
}

export async function csvTable(files: readonly string[], options: CsvOptions, gates: (scored: Scored) => { lines: string; failed: boolean }): Promise<number> {
  const ui = uiMessages();
  const rows: { file: string; result: Result }[] = [];
  let failed = 0;
  let gateFailed = false;
  let lines = '';
  for (const file of files) {
    try {
      const scored = scoreFile(file, options);
      rows.push({ file: scored.file, result: scored.result });
      const gate = gates(scored);
      lines += gate.lines;
      gateFailed ||= gate.failed;
    } catch (error) {
      if (!(error instanceof CsqError)) throw error;
      failed++;
      writeStderr(`${formatProblems(error.problems, ui)}\n`);
    }
  }
  if (rows.length > 0) writeCsv(csvDocument(rows), options);
  writeStderr(lines);
  if (failed > 0) {
    const output = options.output ?? STDIO;
    writeStderr(`${fill(rows.length === 0 ? ui.output.batchAllFailed : ui.output.batchFailed, { failed, count: files.length, dir: output === STDIO ? 'stdout' : output }, ui.lang)}\n`);
    return ExitCode.invalid;
  }
  if (!options.quiet && options.output !== undefined && options.output !== STDIO) writeStderr(`${fill(ui.output.wrote, { file: options.output })}\n`);
  return gateFailed ? ExitCode.gateFailed : ExitCode.ok;
}
