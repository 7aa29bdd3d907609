/**
 * `csq survey make` (the customer survey: Markdown, or the CSV header of its responses) and
 * `csq survey tally` (responses → customers.json, with a summary on stderr).
 */
import * as path from 'node:path';
import { plainLine } from '../core/characters.js';
import { csvLine, csvRecords } from '../core/csv-reader.js';
import { hasSurvey, resolveProfile, type Questionnaire } from '../core/questionnaire.js';
import { headerIndex, normalizeText, surveyHeader, surveyMarkdown } from '../core/survey.js';
import { tally, type Customers } from '../core/tally.js';
import { CsqError, ExitCode, fail, InputError, problem } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { messagesFor, resolveLang, SUPPORTED_LANGS, uiMessages } from '../i18n/index.js';
import { STDIO, readTextFile, recordInputs, writeFileAtomic } from '../io/files.js';
import { today } from '../io/clock.js';
import { writeStderr, writeStdout } from '../io/stdio.js';
import * as z from 'zod/mini';
import { bundledQuestionnaire, loadContext } from '../pipeline/context.js';
import { openPrinter, parsePaper } from '../pipeline/documents.js';
import { formatProblem } from '../render/problems.js';
import { MIN_SURVEY_RESPONSES } from '../core/limits.js';

export interface SurveyMakeOptions {
  output?: string;
  paper?: string;
  competitor?: string;
  lang?: string;
  staff: boolean;
  questionnaire?: string;
  force?: boolean;
}

function surveyed(questionnaire: Questionnaire, file: string | undefined): Questionnaire {
  // A user's questionnaire may have no survey yet: say which field to add, at its first statement.
  if (!hasSurvey(questionnaire)) throw new InputError([{ file: file ?? questionnaire.lang, path: 'sections[0].statements[0].customer', code: 'required', hint: 'survey-all-or-none' }]);
  return questionnaire;
}

export async function surveyMake(options: SurveyMakeOptions): Promise<number> {
  const output = options.output ?? STDIO;
  const ext = output === STDIO ? '.md' : path.extname(output).toLowerCase();
  if (!['.md', '.markdown', '.txt', '.csv', '.html', '.htm', '.pdf'].includes(ext)) fail('survey-output-format', { file: output });
  const paper = parsePaper(options.paper);
  // The browser is found first: without one, nothing is read or written (exit 2).
  const printer = ext === '.pdf' ? await openPrinter() : undefined;
  try {
    const lang = resolveLang(options.lang, undefined);
    const context = loadContext({ lang, questionnaireFile: options.questionnaire });
    const questionnaire = surveyed(context.questionnaire, options.questionnaire);
    const surveyOptions = { profile: resolveProfile(questionnaire, { staff: options.staff }), ...(options.competitor === undefined ? {} : { competitor: options.competitor }) };
    let content: string | Uint8Array;
    if (ext === '.csv') content = csvLine(surveyHeader(questionnaire, surveyOptions));
    else {
      content = surveyMarkdown(questionnaire, context.messages, surveyOptions);
      if (['.html', '.htm', '.pdf'].includes(ext)) {
        const html = (await import('../render/html.js')).surveyHtml(content, context.messages, paper);
        content = printer ? await printer.print(html, { paper: paper ?? 'a4' }, output) : html;
      }
    }
    if (output === STDIO) writeStdout(content as string);
    else {
      writeFileAtomic(output, content, { force: options.force === true });
      writeStderr(`${fill(uiMessages().output.wrote, { file: output })}\n`);
    }
    return ExitCode.ok;
  } finally {
    await printer?.close();
  }
}

export interface SurveyTallyOptions {
  output?: string;
  lang?: string;
  questionnaire?: string;
  strict?: boolean;
  /** The day the survey closed (default: today): the plan dates the next survey from it. */
  date?: string;
  force?: boolean;
  quiet?: boolean;
}

export async function surveyTally(files: string[], options: SurveyTallyOptions): Promise<number> {
  const output = options.output ?? STDIO;
  if (output !== STDIO && path.extname(output).toLowerCase() !== '.json') fail('survey-tally-output', { file: output });
  if (options.date !== undefined && !z.iso.date().safeParse(options.date).success) fail('date-option-invalid', { found: options.date });
  const surveyedOn = options.date ?? today();
  const lang = resolveLang(options.lang, undefined);
  const context = loadContext({ lang, questionnaireFile: options.questionnaire });
  const reference = surveyed(context.questionnaire, options.questionnaire);
  // A header may be in any language csq speaks; with a user's questionnaire, in its own.
  const translations = options.questionnaire
    ? [{ questionnaire: reference, messages: context.messages }]
    : SUPPORTED_LANGS.map((l) => ({ questionnaire: bundledQuestionnaire(l), messages: messagesFor(l) }));
  const labels = new Map<string, number>();
  for (const { questionnaire } of translations) for (const [value, label] of Object.entries(questionnaire.scale.labels)) labels.set(normalizeText(label), Number(value));

  // The same responses twice would count every customer twice.
  const seen = new Set<string>();
  for (const file of files) {
    const key = file === STDIO ? file : path.resolve(file);
    if (seen.has(key)) fail('listed-twice', { id: file });
    seen.add(key);
  }
  recordInputs(files);
  const tables = files.map((file) => {
    const { name, text } = readTextFile(file, { kind: 'responses' });
    return { file: name, records: csvRecords(text) };
  });
  const result = tally(reference, headerIndex(reference, translations), tables, { labels, surveyed: surveyedOn });
  if (result.fatal.length > 0) throw new InputError([...result.fatal, ...result.problems]);
  const ui = uiMessages();
  // Each file's problems, then how many more it has: bounded however many rows are bad.
  for (const { file } of tables) {
    const own = result.problems.filter((p) => p.file === file);
    if (own.length > 0) writeStderr(`${own.map((p) => formatProblem(p, ui)).join('\n')}\n`);
    const more = result.moreProblems.get(file) ?? 0;
    if (more > 0) writeStderr(`${fill(ui.problems.more, { count: more, file }, ui.lang)}\n`);
  }
  if (result.customers.responses === 0) throw new CsqError(problem('survey-no-responses', undefined, { file: files.length === 1 ? tables[0]!.file : undefined }));
  if (options.strict && result.customers.skipped > 0) return ExitCode.invalid;

  const json = `${JSON.stringify(result.customers, null, 2)}\n`;
  if (output === STDIO) writeStdout(json);
  else writeFileAtomic(output, json, { force: options.force === true });
  if (result.customers.anecdotal) writeStderr(`${fill(ui.survey.anecdotes, { count: result.customers.responses, min: MIN_SURVEY_RESPONSES }, ui.lang)}\n`);
  if (!options.quiet) writeStderr(summary(result.customers, result.ignoredColumns, context.questionnaire, ui, output));
  return ExitCode.ok;
}

function summary(c: Customers, ignored: string[], q: Questionnaire, m: Messages, output: string): string {
  const s = m.survey;
  const lines: string[] = [];
  if (ignored.length > 0) lines.push(fill(s.ignoredColumns, { columns: ignored.map((name) => plainLine(name.length > 40 ? `${name.slice(0, 40)}…` : name)).join(', ') }, m.lang));
  lines.push(fill(s.counted, { count: c.responses, files: c.files.join(', ') }, m.lang));
  if (c.surveyed) lines.push(fill(s.surveyed, { date: c.surveyed }, m.lang));
  if (c.skipped > 0) lines.push(fill(s.skipped, { count: c.skipped }, m.lang));
  lines.push(c.nps.score === null ? s.npsNone : fill(s.nps, { nps: c.nps.score, margin: c.nps.margin!, count: c.nps.answers }, m.lang));
  for (const area of c.areas) {
    const title = q.sections.find((section) => section.id === area.id)?.title ?? area.id;
    const figures: string[] = [];
    if (area.score !== null) figures.push(fill(s.areaScore, { percent: area.score, spread: area.spread ?? 0, count: area.answers }, m.lang));
    if (area.importance.weight !== null) figures.push(fill(s.areaImportance, { weight: Math.round(area.importance.weight * 1000) / 10 }, m.lang));
    if (area.competitor.score !== null) figures.push(fill(s.areaCompetitor, { percent: area.competitor.score }, m.lang));
    lines.push(fill(s.area, { title, figures: figures.length > 0 ? figures.join('; ') : s.areaNone }, m.lang));
  }
  if (c.requests.length > 0) {
    lines.push(fill(s.topRequests, { items: c.requests.slice(0, 3).map((r) => fill(s.request, { text: r.text, count: r.count }, m.lang)).join('; ') }, m.lang));
  }
  if (output !== STDIO) lines.push(fill(m.output.wrote, { file: output }, m.lang));
  return `${lines.join('\n')}\n`;
}
