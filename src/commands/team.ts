/** `csq team FILE…`: several respondents of one organization → one Result and one plan. */
import { own } from '../core/questionnaire.js';
import { combineResults } from '../core/team.js';
import { CsqError, ExitCode } from '../errors.js';
import { STDIO, writeFileAtomic } from '../io/files.js';
import { colorEnabled, renderSummary } from '../render/terminal.js';
import { renderJson, renderMarkdown, scoreFile, type InputOptions } from './load.js';
import { writeStderr, writeStdout } from '../io/stdio.js';

export interface TeamOptions extends InputOptions {
  output?: string;
  format: string;
  force?: boolean;
  quiet?: boolean;
}

export async function team(files: string[], options: TeamOptions): Promise<number> {
  if (files.length < 2) throw new CsqError('csq team combines two or more answers files');
  if (options.format !== 'markdown' && options.format !== 'json') throw new CsqError(`--format must be markdown or json, not "${options.format}"`);
  const output = options.output ?? STDIO;
  const scored = files.map((file) => scoreFile(file, options));
  const first = scored[0]!;
  for (const other of scored.slice(1)) {
    if (other.result.questionnaire.id !== first.result.questionnaire.id) throw new CsqError(`${other.file} answers questionnaire ${other.result.questionnaire.id}, not ${first.result.questionnaire.id}`);
    for (const [id, value] of Object.entries(first.result.profile)) {
      const theirs = own(other.result.profile, id); // a saved Result may lack it
      if (theirs !== value) throw new CsqError(`${other.file} says profile.${id} is ${theirs ?? 'not set'}, but ${first.file} says ${value}: respondents of one organization must agree`);
    }
    if (other.result.organization !== first.result.organization) {
      writeStderr(`note: ${other.file} names organization "${other.result.organization ?? ''}", ${first.file} "${first.result.organization ?? ''}"; the plan uses the first\n`);
    }
  }
  const result = combineResults(scored.map((s) => s.result));
  const content = options.format === 'json' ? renderJson(result) : await renderMarkdown({ result, context: first.context });
  if (output === STDIO) writeStdout(content);
  else writeFileAtomic(output, content, { force: options.force === true });
  if (!options.quiet) {
    if (output !== STDIO) writeStderr(renderSummary(result, first.context.messages, colorEnabled(process.stderr)));
    for (const s of result.team!.sections.filter((x) => x.disagree)) {
      const title = result.sections.find((r) => r.id === s.id)!.title;
      writeStderr(`respondents disagree on ${title}: ${s.min}% to ${s.max}%\n`);
    }
  }
  return ExitCode.ok;
}
