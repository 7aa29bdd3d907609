/** `csq assess` (and plain `csq`): the interactive walk, autosaved, resumable, then the plan. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Document } from 'yaml';
import { answersSchema, missingRatings, validateAnswers, type Answers } from '../core/answers.js';
import { stringifyAnswers, updateAnswersDocument } from '../core/answers-yaml.js';
import { isApplicable, resolveProfile, type Questionnaire } from '../core/questionnaire.js';
import { scoreAnswers } from '../core/scoring.js';
import { parseYaml } from '../core/yaml.js';
import { loadContext, type LangContext } from '../pipeline/context.js';
import { ExitCode, fail, InputError } from '../errors.js';
import { formatProblems } from '../render/problems.js';
import { fill } from '../i18n/en.js';
import { resolveLang } from '../i18n/index.js';
import { ensureDir, readTextFile, writeFileAtomic } from '../io/files.js';
import { today } from '../io/clock.js';
import { acquireLock, type Lock } from '../io/lock.js';
import { createInquirerPrompter, type Prompter } from '../prompts/prompter.js';
import { isWalkComplete, walk } from '../prompts/walk.js';
import { colorEnabled, renderSummary } from '../render/terminal.js';
import { renderMarkdown } from '../pipeline/inputs.js';
import { writeStderr } from '../io/stdio.js';

export interface AssessOptions {
  answers?: string;
  out?: string;
  force?: boolean;
  lang?: string;
  questionnaire?: string;
}

const ANSWERS_SUFFIX = '-answers.yaml';

/** An answers file on disk, parsed: its Document is edited in place on every save. */
interface Opened {
  file: string;
  answers: Answers;
  doc: Document.Parsed;
}

export async function assess(options: AssessOptions): Promise<number> {
  // Never prompt without a terminal: a silent pipe would hang for ever.
  if (!process.stdin.isTTY) {
    fail('assess-needs-terminal');
  }
  const outDir = options.out ?? '.';
  ensureDir(outDir);
  const given = options.answers;
  const prefill = given && fs.existsSync(given) ? readTextFile(given, { editable: true }) : undefined;
  const lang = resolveLang(options.lang, prefill ? langOf(prefill.text, prefill.name) : undefined);
  const context = loadContext({ lang, questionnaireFile: options.questionnaire });
  const q = context.questionnaire;
  const prompter = await createInquirerPrompter({ output: process.stdout, messages: context.messages });
  const w = context.messages.walk;

  let opened: Opened | undefined;
  let file: string | undefined = given;
  if (prefill) {
    opened = open(prefill.name, prefill.text, q);
  } else if (!given) {
    const chosen = await chooseUnfinished(prompter, context, outDir);
    if (typeof chosen === 'number') return chosen;
    opened = chosen;
    file = chosen?.file;
  }

  let lock: Lock | undefined;
  const lockFile = (target: string) => {
    const outcome = acquireLock(target);
    if ('heldBy' in outcome) fail('answers-locked', { file: target, pid: outcome.heldBy });
    lock = outcome.lock;
  };
  if (file !== undefined) lockFile(file);
  try {
    const answers = opened?.answers ?? newAnswers(context);
    if (opened) {
      if (isWalkComplete(q, answers)) {
        prompter.say(fill(w.complete, { file: opened.file }));
      } else if (isStarted(answers)) {
        prompter.say(fill(w.resumeAnswers, { file: opened.file, ...progress(q, answers) }));
      }
    }

    // Autosave: the first write never replaces an existing file; later ones replace our own.
    let created = file !== undefined && fs.existsSync(file);
    const save = () => {
      if (file === undefined) {
        if (!answers.organization) return;
        file = uniquePath(outDir, slug(answers.organization), ANSWERS_SUFFIX);
        lockFile(file);
      }
      const text = opened ? updateAnswersDocument(opened.doc, answers, answersSchema(q)) : stringifyAnswers(answers, answersHeader(file), answersSchema(q));
      writeFileAtomic(file, text, { force: created, savesEditedFile: true });
      created = true;
    };
    // SIGTERM and SIGHUP kill the process before any catch runs: save synchronously here.
    const onSignal = () => {
      try {
        save();
      } finally {
        lock?.release();
        restoreTerminal();
        writeStderr(`\n${savedMessage(context, file)}`);
        process.exit(ExitCode.interrupted);
      }
    };
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
    for (const s of signals) process.on(s, onSignal);
    let writePlan: boolean;
    try {
      writePlan = await walk({ questionnaire: q, messages: context.messages, prompter, answers, save });
      save();
    } catch (error) {
      save();
      if (error instanceof Error && error.name === 'ExitPromptError') {
        writeStderr(`\n${savedMessage(context, file)}`);
        return ExitCode.interrupted;
      }
      if (file) writeStderr(savedMessage(context, file));
      throw error;
    } finally {
      for (const s of signals) process.off(s, onSignal);
    }

    const answersFile = file!;
    if (!writePlan) {
      writeStderr(`${savedMessage(context, answersFile)}\n`);
      return ExitCode.ok;
    }
    const result = scoreAnswers(q, validateAnswers(parseYaml(fs.readFileSync(answersFile, 'utf8'), answersFile), q), lang);
    const plan = await choosePlanPath(prompter, context, outDir, answersFile, options.force === true);
    writeFileAtomic(plan, await renderMarkdown({ result, context }), { force: true });
    writeStderr(`\n${renderSummary(result, context.messages, colorEnabled(process.stderr))}`);
    writeStderr(`${fill(w.wrote, { plan, answers: answersFile })}\n`);
    return ExitCode.ok;
  } finally {
    lock?.release();
  }
}

function langOf(text: string, name: string): string | undefined {
  const { lang } = parseYaml(text, name).data as { lang?: unknown };
  return typeof lang === 'string' ? lang : undefined;
}

/** A file's answers so far (they may be partial; everything present must still be valid). */
function open(file: string, text: string, q: Questionnaire): Opened {
  const source = parseYaml(text, file);
  const answers = validateAnswers(source, q, { complete: false });
  return { file, doc: source.doc, answers: { ...answers, ratings: answers.ratings ?? {} } };
}

function isStarted(answers: Answers): boolean {
  return Boolean(answers.organization) || Object.keys(answers.ratings).length > 0;
}

function newAnswers(context: LangContext): Answers {
  return { questionnaire: context.questionnaire.id, lang: context.lang, date: today(), ratings: {} };
}

function progress(q: Questionnaire, answers: Answers) {
  const profile = resolveProfile(q, answers.profile);
  const total = q.sections.filter((s) => isApplicable(s, profile)).reduce((n, s) => n + s.statements.length, 0);
  return { rated: total - missingRatings(q, answers).length, total };
}

type Unfinished = { file: string; mtime: number } & ({ opened: Opened } | { problems: InputError });

/** Answers files in the folder that a walk can continue, newest first, and those it cannot until fixed. */
function findUnfinished(dir: string, q: Questionnaire): Unfinished[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(ANSWERS_SUFFIX))
    .map((name) => path.join(dir, name))
    .flatMap((file): Unfinished[] => {
      const mtime = fs.statSync(file).mtimeMs;
      try {
        const { name, text } = readTextFile(file, { editable: true });
        const opened = open(name, text, q);
        return isWalkComplete(q, opened.answers) ? [] : [{ file, mtime, opened }];
      } catch (error) {
        // Another questionnaire's answers are not ours to continue; a broken file is offered with its problems.
        if (error instanceof InputError && !error.problems.some((p) => p.path === 'questionnaire')) return [{ file, mtime, problems: error }];
        return [];
      }
    })
    .sort((a, b) => b.mtime - a.mtime);
}

/**
 * The resume menu: continue an unfinished assessment, start a new one, or rename or discard
 * one. A file that no longer validates is listed too; choosing it shows its problems.
 * Returns the file to continue, undefined for a new one, or an exit code.
 */
async function chooseUnfinished(prompter: Prompter, context: LangContext, dir: string): Promise<Opened | undefined | number> {
  const q = context.questionnaire;
  const w = context.messages.walk;
  for (;;) {
    const unfinished = findUnfinished(dir, q);
    if (unfinished.length === 0) return undefined;
    const label = (u: Unfinished) =>
      'opened' in u
        ? fill(w.resumeChoice, { organization: u.opened.answers.organization || w.unnamed, file: u.file, ...progress(q, u.opened.answers) })
        : fill(w.resumeInvalid, { file: u.file, count: u.problems.problems.length }, context.lang);
    const choice = await prompter.select<string>({
      message: w.resumeWhich,
      choices: [
        ...unfinished.map((u) => ({ name: label(u), value: u.file })),
        { name: w.startNew, value: '' },
        ...(unfinished.some((u) => 'opened' in u) ? [{ name: w.renameOrDiscard, value: '\u0000manage' }] : []),
      ],
    });
    if (choice === '') return undefined;
    if (choice === '\u0000manage') {
      await manage(prompter, context, unfinished.filter((u): u is Unfinished & { opened: Opened } => 'opened' in u), label);
      continue;
    }
    const picked = unfinished.find((u) => u.file === choice)!;
    if ('opened' in picked) return picked.opened;
    writeStderr(`${fill(w.invalidFile, { file: picked.file })}\n${formatProblems(picked.problems.problems, context.messages)}\n`);
    return ExitCode.invalid;
  }
}

async function manage(prompter: Prompter, context: LangContext, unfinished: (Unfinished & { opened: Opened })[], label: (u: Unfinished) => string): Promise<void> {
  const w = context.messages.walk;
  const file = await prompter.select<string>({ message: w.manageWhich, choices: unfinished.map((u) => ({ name: label(u), value: u.file })) });
  const { opened } = unfinished.find((u) => u.file === file)!;
  const action = await prompter.select<string>({
    message: fill(w.resumeWhat, { file }),
    choices: [
      { name: w.resumeRename, value: 'rename' },
      { name: w.resumeDiscard, value: 'discard' },
    ],
  });
  const outcome = acquireLock(file);
  if ('heldBy' in outcome) fail('answers-locked', { file, pid: outcome.heldBy });
  try {
    if (action === 'discard') {
      if (await prompter.confirm({ message: fill(w.discardConfirm, { file }), default: false })) {
        fs.rmSync(file);
        prompter.say(fill(w.discarded, { file }));
      }
      return;
    }
    const organization = (await prompter.input({ message: w.newName, validate: (v) => (v.trim() ? true : w.required) })).replace(/\s+/g, ' ').trim();
    opened.answers.organization = organization;
    const target = uniquePath(path.dirname(file), slug(organization), ANSWERS_SUFFIX);
    // The new file is whole before the old one goes.
    writeFileAtomic(target, updateAnswersDocument(opened.doc, opened.answers, answersSchema(context.questionnaire)), { force: false });
    fs.rmSync(file);
    prompter.say(fill(w.renamed, { organization, file: target }));
  } finally {
    outcome.lock.release();
  }
}

/** Letters that NFKD does not take apart into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ø: 'o', œ: 'oe', æ: 'ae', ß: 'ss', þ: 'th', ð: 'd' };

/**
 * A file name from a business name: Latin letters without their accents ("Pão" → pao,
 * "Złoty" → zloty), other scripts' letters kept as they are (Hebrew, Cyrillic), the rest dashes.
 */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(/[łđħıøœæßþð]/g, (c) => UNDECOMPOSED[c]!)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // At most 60 characters, whole code points, no dash left at the end.
  const cut = [...s].slice(0, 60).join('').replace(/-+$/, '');
  return cut || 'csq';
}

/** `dir/base-answers.yaml`, or `dir/base-2-answers.yaml` … if taken. */
function uniquePath(dir: string, base: string, suffix: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${n === 1 ? base : `${base}-${n}`}${suffix}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

async function choosePlanPath(prompter: Prompter, context: LangContext, dir: string, answersFile: string, force: boolean): Promise<string> {
  const base = path.basename(answersFile).replace(/(-answers)?\.ya?ml$/i, '');
  const plan = path.join(dir, `${base}-plan.md`);
  if (force || !fs.existsSync(plan)) return plan;
  if (await prompter.confirm({ message: fill(context.messages.walk.replace, { file: plan }), default: false })) return plan;
  return uniquePath(dir, `${base}-plan`, '.md');
}

function answersHeader(file: string): string {
  return ` csq answers, saved after every answer.\n Continue: csq assess --answers ${file}\n Plan:     csq report ${file} -o plan.md`;
}

function savedMessage(context: LangContext, file: string | undefined): string {
  if (!file) return '';
  const w = context.messages.walk;
  return `${fill(w.saved, { file })}\n${fill(w.resumeHint, { file })}\n`;
}

/** After a signal the prompt never gets to clean up: leave the terminal as we found it. */
function restoreTerminal(): void {
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.stdout.write('\x1b[?2004l\x1b[?25h');
}
