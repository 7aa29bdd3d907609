/** Loads what a run needs for one language: questionnaire, texts and, when rendering, the plan template. */
import * as path from 'node:path';
import { loadQuestionnaire, type Questionnaire } from '../core/questionnaire.js';
import { DEFAULT_LANG, messagesFor } from '../i18n/index.js';
import type { IntlSnapshot } from '../i18n/intl-snapshot.js';
import { useIntlSnapshots } from '../i18n/intl.js';
import { PSEUDO_LANG, pseudoQuestionnaire } from '../i18n/pseudo.js';
import type { Messages } from '../i18n/en.js';
import { builtAsset, builtData } from '../io/assets.js';
import { readBundled, readTextFile } from '../io/files.js';
import type { PlanTemplate } from '../render/template-runtime.js';

export interface LangContext {
  lang: string;
  questionnaire: Questionnaire;
  messages: Messages;
  /** Loaded on first use: validating or comparing never needs Handlebars. */
  template: () => Promise<PlanTemplate>;
}

export interface ContextOptions {
  lang: string;
  /** A user's questionnaire file instead of the bundled one. */
  questionnaireFile?: string;
  /** A user's Handlebars template instead of the bundled one. */
  templateFile?: string;
}

/** The plan template: one per output format, in every language (its words come from the catalogue). */
export const PLAN_TEMPLATE = 'templates/plan.md.hbs';

export function bundledQuestionnaire(lang: string): Questionnaire {
  if (lang === PSEUDO_LANG) return pseudoQuestionnaire(bundledQuestionnaire(DEFAULT_LANG));
  const built = builtData<Questionnaire>(`csq.${lang}`);
  if (built) return built;
  const file = `questionnaires/csq.${lang}.yaml`;
  return loadQuestionnaire(readBundled(file), file);
}

async function bundledTemplate(): Promise<PlanTemplate> {
  const built = builtAsset<unknown>(path.basename(PLAN_TEMPLATE, '.hbs'));
  if (built) return (await import('../render/template-runtime.js')).templateFromSpec(built, PLAN_TEMPLATE);
  return (await import('../render/markdown.js')).compileTemplate(readBundled(PLAN_TEMPLATE), PLAN_TEMPLATE);
}

async function userTemplate(file: string): Promise<PlanTemplate> {
  const { name, text } = readTextFile(file);
  return (await import('../render/markdown.js')).compileTemplate(text, name);
}

const cache = new Map<string, LangContext>();
let intlSnapshotsRead = false;

export function loadContext(options: ContextOptions): LangContext {
  const key = JSON.stringify(options);
  const cached = cache.get(key);
  if (cached) return cached;
  if (!intlSnapshotsRead) {
    intlSnapshotsRead = true;
    useIntlSnapshots(builtData<Record<string, IntlSnapshot>>('intl') ?? {});
  }
  const questionnaire = options.questionnaireFile
    ? (({ name, text }) => loadQuestionnaire(text, name))(readTextFile(options.questionnaireFile))
    : bundledQuestionnaire(options.lang);
  let template: Promise<PlanTemplate> | undefined;
  const context: LangContext = {
    lang: options.lang,
    questionnaire,
    messages: messagesFor(options.lang),
    template: () => (template ??= options.templateFile ? userTemplate(options.templateFile) : bundledTemplate()),
  };
  cache.set(key, context);
  return context;
}
