/**
 * The documents beside Markdown and JSON: HTML, PDF and CSV, for report and team, and the
 * poster. markdown-it, the HTML shell and the charts load only for HTML or PDF; puppeteer-core
 * only for PDF.
 */
import * as path from 'node:path';
import { buildPlan } from '../core/plan.js';
import { fail } from '../errors.js';
import type { Printer } from '../io/browser.js';
import type { Paper } from '../render/html.js';
import { renderMarkdown, viewOfCustomers, viewOfHistory, type Scored } from './inputs.js';

export type { Paper } from '../render/html.js';

/** What report and team write. */
export const REPORT_FORMATS = ['markdown', 'json', 'html', 'pdf', 'csv'] as const;


/** What a document needs from a run: the Result and the language it is rendered in. */
type Source = Pick<Scored, 'result' | 'context' | 'history'>;

export function parsePaper(value: string | undefined): Paper | undefined {
  if (value === undefined) return undefined;
  const paper = value.toLowerCase();
  if (paper === 'a4' || paper === 'letter') return paper;
  fail('paper-unknown', { paper: value });
}

/** The format an output file's extension names, for those that name one unambiguously. */
export function formatFromExtension(file: string | undefined, known: readonly string[]): string | undefined {
  if (file === undefined) return undefined;
  const ext = path.extname(file).toLowerCase();
  const format = ext === '.htm' ? 'html' : ext === '.md' ? 'markdown' : ext.slice(1);
  return known.includes(format) ? format : undefined;
}

export async function planHtml(source: Source, paper?: Paper): Promise<string> {
  const html = await import('../render/html.js');
  const markdown = await renderMarkdown(source);
  const plan = buildPlan(source.result, source.context.questionnaire, source.context.messages);
  return html.planHtml(markdown, plan, source.result, source.context.messages, paper, { customers: viewOfCustomers(source), history: viewOfHistory(source) });
}

export async function posterHtml(source: Source, paper?: Paper): Promise<string> {
  const html = await import('../render/html.js');
  return html.posterHtml(buildPlan(source.result, source.context.questionnaire, source.context.messages), source.context.messages, paper);
}

/**
 * The browser, found before any input is read: without one, nothing is written and the exit
 * code is 2. It starts on the first print.
 */
export async function openPrinter(): Promise<Printer> {
  const { findBrowser, Printer } = await import('../io/browser.js');
  const { PAGE } = await import('../render/html.js');
  return new Printer(findBrowser(), PAGE.margin);
}

export async function planPdf(printer: Printer, source: Source, paper: Paper, file: string): Promise<Uint8Array> {
  const { PIN_SIZES } = await import('../render/html.js');
  return printer.print(await planHtml(source, paper), { paper, fit: { selector: '.pinup', sizes: PIN_SIZES } }, file);
}

export async function posterPdf(printer: Printer, source: Source, paper: Paper, file: string): Promise<Uint8Array> {
  const { POSTER_SIZES } = await import('../render/html.js');
  return printer.print(await posterHtml(source, paper), { paper, fit: { selector: '.poster', sizes: POSTER_SIZES } }, file);
}
