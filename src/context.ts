/** Loads what a run needs for one language: questionnaire, texts and plan template (cached per run). */
import { loadQuestionnaire, type Questionnaire } from './core/questionnaire.js';
import { messagesFor } from './i18n/index.js';
import type { Messages } from './i18n/en.js';
import { readBundled, readTextFile } from './io/files.js';
import { compileTemplate, type PlanTemplate } from './render/markdown.js';

export interface LangContext {
  lang: string;
  questionnaire: Questionnaire;
  messages: Messages;
  template: PlanTemplate;
}

export interface ContextOptions {
  lang: string;
  /** A user's questionnaire file instead of the bundled one. */
  questionnaireFile?: string;
  /** A user's Handlebars template instead of the bundled one. */
  templateFile?: string;
}

const cache = new Map<string, LangContext>();

export function bundledQuestionnaire(lang: string): Questionnaire {
  const file = `questionnaires/csq.${lang}.yaml`;
  return loadQuestionnaire(readBundled(file), file);
}

export function loadContext(options: ContextOptions): LangContext {
  const key = JSON.stringify(options);
  const cached = cache.get(key);
  if (cached) return cached;
  const questionnaire = options.questionnaireFile
    ? (({ name, text }) => loadQuestionnaire(text, name))(readTextFile(options.questionnaireFile))
    : bundledQuestionnaire(options.lang);
  const template = options.templateFile
    ? (({ name, text }) => compileTemplate(text, name))(readTextFile(options.templateFile))
    : compileTemplate(readBundled(`templates/plan.${options.lang}.md.hbs`), `templates/plan.${options.lang}.md.hbs`);
  const context = { lang: options.lang, questionnaire, messages: messagesFor(options.lang), template };
  cache.set(key, context);
  return context;
}
