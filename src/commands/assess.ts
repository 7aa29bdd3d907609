/** `csq assess` (and plain `csq`): the interactive walk, autosaved, resumable, then the plan. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { missingRatings, validateAnswers, type Answers } from '../core/answers.js';
import { stringifyAnswers } from '../core/answers-yaml.js';
import { isApplicable, resolveProfile, type Questionnaire } from '../core/questionnaire.js';
import { scoreAnswers } from '../core/scoring.js';
import { parseYaml } from '../core/source.js';
import { loadContext, type LangContext } from '../context.js';
import { CsqError, ExitCode } from '../errors.js';
import { fill } from '../i18n/en.js';
import { resolveLang } from '../i18n/index.js';
import { ensureDir, readTextFile, writeFileAtomic } from '../io/files.js';
import { createInquirerPrompter, type Prompter } from '../prompts/prompter.js';
import { isWalkComplete, walk } from '../prompts/walk.js';
import { colorEnabled, renderSummary } from '../render/terminal.js';
import { renderMarkdown } from './load.js';
import { writeStderr } from '../io/stdio.js';

export interface AssessOptions {
  answers?: string;
  out?: string;
  force?: boolean;
  lang?: string;
  questionnaire?: string;
}

const ANSWERS_SUFFIX = '-answers.yaml';

export async function assess(options: AssessOptions): Promise<number> {
  // Never prompt without a terminal: a silent pipe would hang for ever.
  if (!process.stdin.isTTY) {
    throw new CsqError(
      'csq assess asks questions and needs a terminal. Without one, use `csq report answers.yaml` for a plan, and `csq init` for an answers template to fill in.',
    );
  }
  const outDir = options.out ?? '.';
  ensureDir(outDir);
  const given = options.answers;
  const prefill = given && fs.existsSync(given) ? readTextFile(given) : undefined;
  const lang = resolveLang(options.lang, prefill ? langOf(prefill.text, prefill.name) : undefined);
  const context = loadContext({ lang, questionnaireFile: options.questionnaire });
  const prompter = await createInquirerPrompter({ output: process.stdout, messages: context.messages });
  const w = context.messages.walk;

  let file: string | undefined = given;
  let answers: Answers;
  if (prefill) {
    answers = validatePartial(prefill.text, prefill.name, context.questionnaire);
    if (isWalkComplete(context.questionnaire, answers)) {
      if (!(await prompter.confirm({ message: fill(w.complete, { file: given! }), default: true }))) return ExitCode.ok;
    } else if (answers.organization !== undefined || Object.keys(answers.ratings).length > 0) {
      prompter.say(fill(w.resumeAnswers, { file: given!, ...progress(context.questionnaire, answers) }));
    }
  } else if (given) {
    answers = newAnswers(context);
  } else {
    const resumable = findUnfinished(outDir, context.questionnaire);
    const choice = resumable.length
      ? await prompter.select<string>({
          message: w.resumeWhich,
          choices: [
            ...resumable.map(({ file: f, answers: a }) => ({
              name: fill(w.resumeChoice, { organization: a.organization || w.unnamed, file: f, ...progress(context.questionnaire, a) }),
              value: f,
            })),
            { name: w.startNew, value: '' },
          ],
        })
      : '';
    const resumed = resumable.find((r) => r.file === choice);
    file = resumed?.file;
    answers = resumed?.answers ?? newAnswers(context);
  }

  // Autosave: the first write never replaces an existing file; later ones replace our own.
  let created = file !== undefined && fs.existsSync(file);
  const save = () => {
    if (file === undefined) {
      if (answers.organization === undefined) return;
      file = uniquePath(outDir, slug(answers.organization), ANSWERS_SUFFIX);
    }
    writeFileAtomic(file, stringifyAnswers(answers, answersHeader(file)), { force: created });
    created = true;
  };
  // SIGTERM and SIGHUP kill the process before any catch runs: save synchronously here.
  const onSignal = () => {
    try {
      save();
    } finally {
      restoreTerminal();
      writeStderr(`\n${savedMessage(context, file)}`);
      process.exit(ExitCode.interrupted);
    }
  };
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  for (const s of signals) process.on(s, onSignal);
  try {
    await walk({ questionnaire: context.questionnaire, messages: context.messages, prompter, answers, save });
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
  const result = scoreAnswers(context.questionnaire, validateAnswers(parseYaml(fs.readFileSync(answersFile, 'utf8'), answersFile), context.questionnaire), lang);
  const plan = await choosePlanPath(prompter, context, outDir, answersFile, options.force === true);
  writeFileAtomic(plan, await renderMarkdown({ result, context }), { force: true });
  writeStderr(`\n${renderSummary(result, context.messages, colorEnabled(process.stderr))}`);
  writeStderr(`${fill(w.wrote, { plan, answers: answersFile })}\n`);
  return ExitCode.ok;
}

function langOf(text: string, name: string): string | undefined {
  const { lang } = parseYaml(text, name).data as { lang?: unknown };
  return typeof lang === 'string' ? lang : undefined;
}

/** Prefilled answers may be partial; everything present must still be valid. */
function validatePartial(text: string, name: string, q: Questionnaire): Answers {
  const answers = validateAnswers(parseYaml(text, name), q, { complete: false });
  return { ...answers, ratings: answers.ratings ?? {} };
}

function newAnswers(context: LangContext): Answers {
  return { questionnaire: context.questionnaire.id, lang: context.lang, date: today(), ratings: {} };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function progress(q: Questionnaire, answers: Answers) {
  const profile = resolveProfile(q, answers.profile);
  const total = q.sections.filter((s) => isApplicable(s, profile)).reduce((n, s) => n + s.statements.length, 0);
  return { rated: total - missingRatings(q, answers).length, total };
}

/** Unfinished answers files in the folder, newest first; unreadable ones are not ours to resume. */
function findUnfinished(dir: string, q: Questionnaire): { file: string; answers: Answers }[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(ANSWERS_SUFFIX))
    .map((name) => path.join(dir, name))
    .flatMap((file) => {
      try {
        const { name, text } = readTextFile(file);
        const answers = validatePartial(text, name, q);
        return isWalkComplete(q, answers) ? [] : [{ file, answers, mtime: fs.statSync(file).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.mtime - a.mtime)
    .map(({ file, answers }) => ({ file, answers }));
}

export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'csq';
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
  process.stdout.write('\x1b[?25h');
}
