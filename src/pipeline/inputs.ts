/** The shared input pipeline: one input file (answers or a saved Result) → a Result in a language, and the plan rendered from it. */
import { validateAnswers, type Answers } from '../core/answers.js';
import { customersView, validateCustomers, type CustomersIn, type CustomersView } from '../core/gap.js';
import { historyView, type HistoryView } from '../core/history.js';
import { buildPlan } from '../core/plan.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { Result } from '../core/result.js';
import { validateResult } from '../core/result-check.js';
import { scoreAnswers } from '../core/scoring.js';
import { parseYaml, type YamlSource } from '../core/yaml.js';
import { loadContext, type LangContext } from './context.js';
import { resolveLang } from '../i18n/index.js';
import { readTextFile } from '../io/files.js';

export interface InputOptions {
  lang?: string;
  questionnaire?: string;
  template?: string;
}

export interface Scored {
  file: string;
  result: Result;
  context: LangContext;
  /** Present when the input was an answers file (not a saved Result). */
  answers?: Answers;
  /** `--history DIR`: the earlier assessments, oldest first; the plan shows the trend per area. */
  history?: Result[];
}

export function isResultData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'schemaVersion' in data;
}

/** An answers file or a saved Result: only a Result may be larger than MAX_INPUT_BYTES. */
export function readSource(file: string): YamlSource {
  const { name, text } = readTextFile(file, { kind: 'answers-or-result' });
  return parseYaml(text, name);
}

export function scoreFile(file: string, options: InputOptions): Scored {
  return scoreSource(readSource(file), options);
}

/** An answers file or a saved Result, read: scored, or checked and rendered again in the language asked. */
export function scoreSource(source: YamlSource, options: InputOptions): Scored {
  const data = source.data as { lang?: unknown };
  const lang = resolveLang(options.lang, typeof data.lang === 'string' ? data.lang : undefined);
  const context = loadContext({ lang, questionnaireFile: options.questionnaire, templateFile: options.template });
  if (isResultData(source.data)) {
    const saved = validateResult(source, context.questionnaire);
    // Rendered again, perhaps in another language: titles come from the questionnaire in use.
    const titles = new Map(context.questionnaire.sections.map((s) => [s.id, s.title]));
    const sections = saved.sections.map((s) => ({ ...s, title: titles.get(s.id) ?? s.title }));
    return { file: source.file, result: { ...saved, lang, sections }, context };
  }
  const answers = validateAnswers(source, context.questionnaire);
  return { file: source.file, result: scoreAnswers(context.questionnaire, answers, lang), context, answers };
}

/** The data a plan template sees: the plan model, plus the raw Result for custom templates. */
export async function renderMarkdown(source: Pick<Scored, 'result' | 'context' | 'history'>): Promise<string> {
  const { result, context } = source;
  const template = await context.template();
  return template({ ...buildPlan(result, context.questionnaire, context.messages), customers: viewOfCustomers(source) ?? false, history: viewOfHistory(source) ?? false, result });
}

/** The trend per area, with `--history`. */
export function viewOfHistory({ result, context, history }: Pick<Scored, 'result' | 'context' | 'history'>): HistoryView | undefined {
  return history && history.length > 0 ? historyView([...history, result], context.messages) : undefined;
}

/** What the plan shows of the customers' view (the Result's `customers`), when there is one. */
export function viewOfCustomers({ result, context }: Pick<Scored, 'result' | 'context'>): CustomersView | undefined {
  return result.customers ? customersView(result, result.customers, context.questionnaire, context.messages) : undefined;
}

/** customers.json, checked against the questionnaire in use. */
export function readCustomers(file: string, q: Questionnaire): CustomersIn {
  return validateCustomers(readSource(file), q);
}

export function renderJson(result: Result): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
