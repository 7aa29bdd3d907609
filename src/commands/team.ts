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

export interface TeamOptions extends InputOptions {
  output?: string;
  format: string;
  force?: boolean;
  quiet?: boolean;
  /** The respondent whose vision, communication and education the plan uses (default: the first file). */
  visionFrom?: string;
}

export async function team(files: string[], options: TeamOptions): Promise<number> {
  const size = teamSizeProblem(files.length);
  if (size) throw new CsqError(size);
  if (options.format !== 'markdown' && options.format !== 'json') fail('format-markdown-json', { format: options.format });
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
  const content = options.format === 'json' ? renderJson(result) : await renderMarkdown({ result, context: first.context });
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
