/** `csq team FILE…`: several respondents of one organization → one Result and one plan. */
import * as path from 'node:path';
import { combineResults, mergedListProblems, mergeNotes, teamProblems, teamSizeProblem, type TeamNote } from '../core/team.js';
import { CsqError, ExitCode, fail } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { uiMessages } from '../i18n/index.js';
import { STDIO, writeFileAtomic } from '../io/files.js';
import { writeStderr, writeStdout } from '../io/stdio.js';
import { renderJson, renderMarkdown, scoreFile, type InputOptions } from '../pipeline/inputs.js';
import { filled } from '../render/problems.js';
import { colorEnabled, renderSummary } from '../render/terminal.js';
import { formatFromExtension, openPrinter, REPORT_FORMATS, parsePaper, planHtml, planPdf } from '../pipeline/documents.js';
import { csvDocument, writeCsv } from '../pipeline/csv-table.js';
import { stdoutIsTerminal } from '../io/stdio.js';

export interface TeamOptions extends InputOptions {
  output?: string;
  /** Absent: the output file's extension, else markdown. */
  format?: string;
  paper?: string;
  force?: boolean;
  quiet?: boolean;
  /** The respondent whose vision, communication and education the plan uses (default: the first file). */
  visionFrom?: string;
}

export async function team(files: string[], options: TeamOptions): Promise<number> {
  const size = teamSizeProblem(files.length);
  if (size) throw new CsqError(size);
  const format = options.format ?? formatFromExtension(options.output, REPORT_FORMATS) ?? 'markdown';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) fail('format-report', { format });
  const paper = parsePaper(options.paper);
  if (format === 'pdf' && (options.output ?? STDIO) === STDIO && stdoutIsTerminal()) fail('pdf-to-terminal');
  // Found before any input is read: without a browser nothing is written.
  const printer = format === 'pdf' ? await openPrinter() : undefined;
  try {
    return await teamTo(files, options, format, paper, printer);
  } finally {
    await printer?.close();
  }
}

async function teamTo(files: string[], options: TeamOptions, format: string, paper: ReturnType<typeof parsePaper>, printer: Awaited<ReturnType<typeof openPrinter>> | undefined): Promise<number> {
  const lead = options.visionFrom === undefined ? 0 : respondentIndex(files, options.visionFrom);
  const output = options.output ?? STDIO;
  const respondents = files.map((file) => {
    const scored = scoreFile(file, options);
    return { file: scored.file, result: scored.result, context: scored.context };
  });
  const problems = teamProblems(respondents);
  if (problems.length > 0) throw new CsqError(problems);
  const first = respondents[0]!;
  const result = combineResults(respondents.map((r) => r.result), { lead });
  const tooLong = mergedListProblems(result);
  if (tooLong.length > 0) throw new CsqError(tooLong);
  const ui = uiMessages();
  for (const note of mergeNotes(respondents, lead, result)) writeStderr(`${teamNote(note, ui)}\n`);
  if (format === 'csv') {
    // One row per respondent: what each said, before it was combined.
    writeCsv(csvDocument(respondents), options);
    if (!options.quiet && output !== STDIO) writeStderr(`${fill(ui.output.wrote, { file: output })}\n`);
    return ExitCode.ok;
  }
  const source = { result, context: first.context };
  const content =
    format === 'json' ? renderJson(result) : format === 'html' ? await planHtml(source, paper) : format === 'pdf' ? await planPdf(printer!, source, paper ?? 'a4', output) : await renderMarkdown(source);
  if (output === STDIO) writeStdout(content);
  else writeFileAtomic(output, content, { force: options.force === true });
  if (!options.quiet) {
    if (output !== STDIO) writeStderr(renderSummary(result, first.context.messages, colorEnabled(process.stderr)));
    for (const s of result.team!.sections.filter((x) => x.disagree)) {
      const title = result.sections.find((r) => r.id === s.id)!.title;
      writeStderr(`${fill(ui.team.disagree, { title, min: s.min, max: s.max })}\n`);
    }
  }
  return ExitCode.ok;
}

function teamNote(note: TeamNote, m: Messages): string {
  const views = note.judgments
    ?.map((j) => fill(m.team.judgment, { file: j.file, friendly: j.friendly ? m.team.friendly : m.team.unfriendly, necessary: j.necessary ? m.team.necessary : m.team.unnecessary }))
    .join('; ');
  return filled(m.team[note.key], { ...note.values, ...(views ? { views } : {}) }, m);
}

/** `--vision-from FILE` names one of the files given, as typed or as the same path. */
function respondentIndex(files: readonly string[], wanted: string): number {
  const exact = files.indexOf(wanted);
  if (exact >= 0) return exact;
  if (wanted !== STDIO) {
    const resolved = path.resolve(wanted);
    const same = files.findIndex((f) => f !== STDIO && path.resolve(f) === resolved);
    if (same >= 0) return same;
  }
  fail('vision-from-unknown', { file: wanted, files: files.join(', ') });
}
