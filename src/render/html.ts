/**
 * HTML documents: the Markdown plan (the same template, model and catalogue) rendered by
 * markdown-it with raw HTML off, so nothing a user typed can become markup, inside a shell of
 * csq's own: inline CSS for screen and print, inline SVG charts, no script, nothing fetched
 * (a Content-Security-Policy says so to the browser too). The pin-up page is the plan up to
 * its first "post this" heading: a section of its own, one printed page.
 */
import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
import { escapeHtml } from '../core/escape.js';
import type { Comparison } from '../core/compare.js';
import type { CustomersView } from '../core/gap.js';
import type { HistoryView } from '../core/history.js';
import type { PlanModel } from '../core/plan.js';
import type { Result } from '../core/result.js';
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { formatDate, formatList, formatPercent, formatPercentDecimal } from '../i18n/intl.js';
import { barChart, trendChart, type ChartRow } from './chart.js';

export type Paper = 'a4' | 'letter';

/** Languages written right to left. */
const RTL = new Set(['he', 'ar', 'fa', 'ur', 'yi']);
export const isRtl = (lang: string) => RTL.has(lang.split('-')[0]!);

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Everything the shell puts around a body: the language, the running header and footer, the paper. */
export interface Shell {
  lang: string;
  title: string;
  organization: string | null;
  date: string | null;
  messages: Messages;
  /** The paper to set in @page; absent, the printer's own (the layout fits both). */
  paper?: Paper;
  kind: 'plan' | 'poster' | 'compare' | 'survey';
  body: string;
}

/** A text as a CSS string whose every character is inert: no quote, backslash or `</style>` can end it. */
export function cssString(text: string): string {
  let out = '"';
  for (const c of text) out += /[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

/** "Page {page} of {pages}" as CSS content: the words as strings, the numbers as counters. */
export function pageCounter(message: string): string {
  return message
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** Page size and margins, in mm. Width and height of the printable box fit both papers. */
export const PAGE = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
  margin: { top: 16, side: 14, bottom: 16 },
} as const;

const CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --rule: #d5dae1; --accent: #0b5cad; --priority: #c2410c; --track: #eef1f5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; font: 11pt/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 0 0 .4em; }
h2 { font-size: 1.2em; margin: 1.2em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid var(--rule); break-after: avoid; }
h3 { font-size: 1.05em; margin: 1em 0 .3em; break-after: avoid; }
p, ul, ol { margin: .4em 0; }
blockquote { margin: .6em 0; padding: .5em .9em; border-inline-start: 4px solid var(--accent); background: #f4f7fb; font-size: 1.15em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; break-inside: avoid; }
th, td { border: 1px solid var(--rule); padding: .25em .45em; text-align: start; vertical-align: top; }
td { overflow-wrap: anywhere; }
table.actions, table.skills, table.scores, table.education, table.changes { table-layout: fixed; }
.actions th:nth-child(1) { width: 30%; } .actions th:nth-child(2) { width: 16%; } .actions th:nth-child(3) { width: 16%; } .actions th:nth-child(4) { width: 15%; }
.skills th:nth-child(1) { width: 42%; }
.scores th:nth-child(1) { width: 46%; } .scores th:nth-child(2) { width: 17%; } .scores th:nth-child(3) { width: 12%; }
.education td:first-child { width: 30%; }
.changes th:nth-child(1) { width: 34%; }
/* With the customers' three columns beside the owner's: a narrower area column. */
.changes th:nth-child(1):nth-last-child(7) { width: 18%; }
td[style*="right"] { text-align: end; }
th { background: #f4f6f9; }
tr { break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: .85em; white-space: pre; color: var(--accent); }
hr { border: 0; border-top: 1px solid var(--rule); margin: 1.2em 0; }
figure { margin: .8em 0; break-inside: avoid; }
figcaption { color: var(--muted); font-size: .85em; }
svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; }
svg .label, svg .value, svg .legend { font: 12px system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; fill: var(--ink); }
svg .priority .label { font-weight: bold; }
svg .track { fill: var(--track); }
svg .bar { fill: var(--accent); }
svg .bar-before { fill: #9cb9d9; }
svg .bar-priority { fill: var(--priority); }
svg .spread { stroke: var(--ink); stroke-width: 2; fill: none; }
svg .trend { stroke: var(--accent); stroke-width: 2; fill: none; }
svg .trend-dot { fill: var(--accent); }
svg .trend-customers { stroke: var(--priority); stroke-width: 2; stroke-dasharray: 4 3; fill: none; }
svg .trend-customers-dot { fill: var(--priority); }
.pinup { font-size: var(--fit, 11pt); }
.pinup h1 { font-size: 1.5em; }
.poster { font-size: var(--fit, 16pt); }
.poster h1 { font-size: 1.9em; text-align: center; }
.poster .vision { font-size: 1.45em; font-weight: bold; text-align: center; border: 0; background: none; margin: .3em 0 .8em; }
.poster h2 { font-size: 1.15em; }
.poster table td:first-child { width: 38%; }
.poster .blank { display: block; border-bottom: 1px solid var(--muted); height: 1.6em; }
.poster ol { padding-inline-start: 1.4em; }
.survey { font-size: 9.5pt; line-height: 1.3; }
@media print { .survey { columns: 2; column-gap: 1.6em; } }
.survey h1 { font-size: 1.5em; column-span: all; }
.survey h2 { font-size: 1.1em; margin: .8em 0 .3em; break-after: avoid; }
.survey p, .survey ol { margin: .25em 0; }
.survey li { margin: .15em 0; break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .pinup { break-after: page; }
  .post { break-after: page; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The running header and footer: organization, date, page number; @page margin boxes, where the browser prints them. */
function pageCss(shell: Shell): string {
  const m = PAGE.margin;
  const size = shell.paper ? ` size: ${shell.paper === 'a4' ? 'A4' : 'letter'};` : '';
  const start = isRtl(shell.lang) ? 'right' : 'left';
  const end = isRtl(shell.lang) ? 'left' : 'right';
  const box = 'font: 8pt system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #5b6472;';
  const org = shell.organization ? ` @top-${start} { content: ${cssString(shell.organization)}; ${box} }` : '';
  const date = shell.date ? ` @top-${end} { content: ${cssString(shell.date)}; ${box} }` : '';
  const page = ` @bottom-center { content: ${pageCounter(shell.messages.html.page)}; ${box} }`;
  return `@page {${size} margin: ${m.top}mm ${m.side}mm ${m.bottom}mm;${org}${date}${page} }`;
}

export function htmlDocument(shell: Shell): string {
  const dir = isRtl(shell.lang) ? 'rtl' : 'ltr';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(shell.lang)}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Nothing is fetched: no script, font, image or style from anywhere; only the inline style and data: images.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(shell.title)}</title>`,
    `<style>${CSS}${pageCss(shell)}</style>`,
    '</head>',
    `<body class="doc-${shell.kind}">`,
    shell.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const render = (tokens: Token[]) => md.renderer.render(tokens, md.options, {});

/**
 * Each table of the plan gets a class from the heading it follows, so that its columns get
 * widths of their own (a fixed layout: a long word wraps inside its column, never widens the page).
 */
function classifyTables(tokens: Token[], classes: Record<string, string>): void {
  let heading = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') heading = tokens[i + 1]!.content.trim();
    if (token.type === 'table_open') {
      const cls = classes[heading];
      if (cls) token.attrSet('class', cls);
    }
  }
}

/** HTML placed among rendered tokens: before the token at the index. */
type Figure = [index: number, html: string];

/** tokens[from, to) rendered, with each figure in that range placed before its token. */
function renderWith(tokens: Token[], from: number, to: number, figures: readonly Figure[]): string {
  const parts: string[] = [];
  let at = from;
  for (const [index, html] of figures.filter(([i]) => i >= from && i <= to).sort((a, b) => a[0] - b[0])) {
    parts.push(render(tokens.slice(at, index)), html);
    at = index;
  }
  parts.push(render(tokens.slice(at, to)));
  return parts.join('');
}

/** Just after the first table that follows the heading (any level) whose text is `text`; -1 if none. */
function tableEnd(tokens: Token[], text: string): number {
  const heading = tokens.findIndex((t, i) => t.type === 'heading_open' && tokens[i + 1]!.content.trim() === text.trim());
  if (heading < 0) return -1;
  const close = tokens.findIndex((t, i) => i > heading && t.type === 'table_close');
  return close < 0 ? -1 : close + 1;
}

/** The index of the first level-2 heading whose text is `text`, at or after `from`; -1 if none. */
function headingIndex(tokens: Token[], text: string, from = 0): number {
  for (let i = from; i < tokens.length - 1; i++) {
    if (tokens[i]!.type === 'heading_open' && tokens[i]!.tag === 'h2' && tokens[i + 1]!.content.trim() === text.trim()) return i;
  }
  return -1;
}

/**
 * How large the pin-up page's type can be and still fit one page of A4 or Letter, from how
 * much it holds: a conservative estimate, since a file has no script to measure itself. The
 * PDF is measured in the browser instead (render/pdf.ts).
 */
export function fitEstimate(markdown: string, sizes: readonly number[], lines: { width: number; height: number }): number {
  const paragraphs = markdown.split('\n');
  for (const size of sizes) {
    // At `size` pt an average character is about half an em wide; a line is 1.45 em high.
    const em = (size * 25.4) / 72;
    const perLine = Math.floor(lines.width / (em * 0.52));
    let used = 0;
    for (const line of paragraphs) {
      if (line.trim() === '') {
        used += 0.4;
        continue;
      }
      const cells = line.startsWith('|') ? line.split('|').slice(1, -1) : [line];
      if (/^\|[-:| ]+\|$/.test(line)) continue;
      // A table row is as tall as its longest cell in its share of the width; headings are larger.
      const share = Math.floor(perLine / Math.max(1, cells.length)) - 2;
      const rows = Math.max(...cells.map((c) => Math.ceil(Array.from(c.trim()).length / Math.max(4, share)) || 1));
      used += (line.startsWith('#') ? 1.9 : 1) * rows + (cells.length > 1 ? 0.35 : 0.1);
    }
    if (used * em * 1.45 <= lines.height) return size;
  }
  return sizes.at(-1)!;
}

/** The printable box that A4 and Letter share, in mm. */
export function printableBox(paper?: Paper): { width: number; height: number } {
  const m = PAGE.margin;
  const width = paper ? PAGE[paper].width : Math.min(PAGE.a4.width, PAGE.letter.width);
  const height = paper ? PAGE[paper].height : Math.min(PAGE.a4.height, PAGE.letter.height);
  return { width: width - 2 * m.side, height: height - m.top - m.bottom };
}

/** Type sizes, in pt, that the pin-up page and the poster try, largest first. */
export const PIN_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5] as const;
export const POSTER_SIZES = [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6] as const;

const fitStyle = (size: number) => ` style="--fit: ${size}pt"`;

/** The plan's per-area chart: the priorities marked, a team's spread drawn. */
export function planChart(plan: PlanModel, result: Result, messages: Messages): string {
  const h = messages.html;
  const team = new Map((result.team?.sections ?? []).map((s) => [s.id, s]));
  const rows: ChartRow[] = plan.sections.map((s) => {
    const spread = team.get(s.id);
    const percent = s.applicable ? result.sections.find((r) => r.id === s.id)!.percent : null;
    const priority = plan.priorities.find((p) => p.id === s.id)?.number;
    return {
      label: s.title,
      value: percent,
      valueText: s.percent ?? messages.plan.notApplicable,
      ...(priority !== undefined ? { priority } : {}),
      ...(spread ? { range: { min: spread.min, max: spread.max } } : {}),
    };
  });
  const areas = formatList(
    rows.map((r) => {
      const spread = r.range ? ` ${fill(h.chartRange, { min: formatPercent(r.range.min, plan.lang), max: formatPercent(r.range.max, plan.lang) })}` : '';
      return `${fill(messages.plan.areaPercent, { title: r.label, percent: r.valueText })}${spread}`;
    }),
    plan.lang,
  );
  const desc = fill(h.chartDesc, { areas, priorities: formatList(plan.priorities.map((p) => p.title), plan.lang) });
  const svg = barChart({ id: 'chart-areas', title: h.chartTitle, desc, rows, rtl: isRtl(plan.lang), legend: { priority: h.chartPriority, spread: h.chartSpread } });
  return `<figure>${svg}<figcaption>${escapeHtml(result.team ? h.chartCaptionTeam : h.chartCaption)}</figcaption></figure>\n`;
}

/** The customers' view: per area, the owner's score above the customers', their priorities marked. */
export function gapChart(view: CustomersView, messages: Messages): string {
  const h = messages.html;
  const lang = messages.lang;
  const rows: ChartRow[] = view.rows.map((r) => {
    const priority = view.priorityIds.indexOf(r.id);
    return {
      label: r.title,
      value: r.customersValue,
      valueText: r.customers,
      before: { value: r.oursValue, valueText: r.ours },
      ...(priority >= 0 ? { priority: priority + 1 } : {}),
    };
  });
  const areas = formatList(
    view.rows.map((r) => fill(h.gapArea, { title: r.title, ours: r.ours, customers: r.customers })),
    lang,
  );
  const desc = view.priorities ? `${areas}. ${fill(h.gapDescPriorities, { areas: view.priorities })}` : areas;
  const svg = barChart({
    id: 'chart-gap',
    title: h.gapTitle,
    desc,
    rows,
    rtl: isRtl(lang),
    joiner: ' · ',
    legend: { before: messages.plan.tableOurs, after: messages.plan.tableCustomers, priority: h.gapPriority },
  });
  return `<figure>${svg}<figcaption>${escapeHtml(h.gapCaption)}</figcaption></figure>\n`;
}

/** The trend per area across the assessments: the owner's line, and the customers' where they were asked. */
export function historyChart(view: HistoryView, messages: Messages): string {
  const h = messages.html;
  const lang = messages.lang;
  const theirs = new Map((view.customers ?? []).map((r) => [r.id, r]));
  const rows = view.rows.map((r) => {
    const customers = theirs.get(r.id);
    const title = `${r.title}: ${r.values.join(' → ')}${customers ? ` · ${messages.plan.tableCustomers} ${customers.values.join(' → ')}` : ''}`;
    return { label: r.title, values: r.numbers, ...(customers ? { customers: customers.numbers } : {}), lastText: r.values.at(-1)!, title, strong: r.overall };
  });
  const desc = fill(h.trendDesc, { dates: formatList(view.columns, lang), areas: formatList(rows.map((r) => r.title), lang) });
  const svg = trendChart({ id: 'chart-trend', title: h.trendTitle, desc, rows, rtl: isRtl(lang), legend: { owner: messages.plan.tableOurs, customers: messages.plan.tableCustomers } });
  return `<figure>${svg}<figcaption>${escapeHtml(fill(h.trendCaption, { from: view.columns[0]!, to: view.columns.at(-1)! }))}</figcaption></figure>\n`;
}

/** The plan as a document: the pin-up page, the two things to post, then the method with the chart. */
export function planHtml(markdown: string, plan: PlanModel, result: Result, messages: Messages, paper?: Paper, views: { customers?: CustomersView | undefined; history?: HistoryView | undefined } = {}): string {
  const { customers, history } = views;
  const tokens = md.parse(markdown, {});
  const t = messages.plan;
  classifyTables(tokens, { [t.headingActions]: 'actions', [t.headingPostCommunication]: 'skills', [t.headingA]: 'scores', [t.headingE]: 'education' });
  const post = headingIndex(tokens, messages.plan.headingPostCommunication);
  const chartAt = headingIndex(tokens, messages.plan.headingA, Math.max(0, post));
  const chart = planChart(plan, result, messages);
  // The gap chart follows the customers' table: the first table after their heading.
  const gapAt = customers ? tableEnd(tokens, t.customersHeading) : -1;
  const figures: Figure[] = gapAt < 0 ? [] : [[gapAt, gapChart(customers!, messages)]];
  // The trend follows the history's first table, the owner's.
  const trendAt = history ? tableEnd(tokens, t.historyHeading) : -1;
  if (trendAt >= 0) figures.push([trendAt, historyChart(history!, messages)]);
  let body: string;
  if (post < 0) {
    // A template of the user's own: no page to pin up that csq can find; the chart goes first.
    body = `<main>\n${chart}${renderWith(tokens, 0, tokens.length, figures)}</main>`;
  } else {
    // The posts end at the rule before the method.
    let hr = tokens.findIndex((t, i) => i > post && t.type === 'hr');
    if (hr < 0) hr = tokens.length;
    const pin = markdown.split('\n').slice(0, tokens[post]!.map?.[0] ?? 0).join('\n');
    const size = fitEstimate(pin, PIN_SIZES, printableBox(paper));
    const method = chartAt < 0 ? [chart, renderWith(tokens, hr, tokens.length, figures)] : [renderWith(tokens, hr, tokens.length, [[chartAt + 3, chart], ...figures])];
    body = [
      `<section class="pinup"${fitStyle(size)}>\n${render(tokens.slice(0, post))}</section>`,
      `<section class="post">\n${render(tokens.slice(post, hr))}</section>`,
      `<section class="method">\n${method.join('')}</section>`,
    ].join('\n');
  }
  const title = plan.organization ? fill(messages.plan.titleFor, { organization: plan.organization }) : messages.plan.title;
  return htmlDocument({ lang: plan.lang, title, organization: plan.organization, date: plan.date, messages, kind: 'plan', body, ...(paper ? { paper } : {}) });
}

/** One page for the wall: the vision, the six skills with what we will do, the four steps. */
export function posterHtml(plan: PlanModel, messages: Messages, paper?: Paper): string {
  const t = messages.plan;
  const e = escapeHtml;
  const inline = (text: string) => md.renderInline(text);
  const blank = '<span class="blank"></span>';
  // On the wall, the business's own name says whose it is.
  const title = plan.organization ?? t.title;
  const vision = plan.vision.text ? `<p class="vision">${e(plan.vision.text)}</p>` : `<p class="vision">${e(t.ourVision)}</p>${blank}${blank}`;
  const skills = plan.communication
    .map((s) => `<tr><td><strong>${e(s.name)}</strong><br>${e(fill(t.quoted, { text: s.voice }))}</td><td>${s.plan ? e(s.plan) : `${blank}${blank}`}</td></tr>`)
    .join('\n');
  const steps = plan.problemSteps.map((s) => `<li><strong>${e(s.name)}</strong>: ${e(s.detail)}</li>`).join('\n');
  // Sized by how much the owner wrote: the six plans and the vision are the variable part.
  const estimate = [`# ${title}`, plan.vision.text ?? '', '', ...plan.communication.map((s) => `| ${s.name} ${s.voice} | ${s.plan || '\n'} |`), '', ...plan.problemSteps.map((s) => `${s.name} ${s.detail}`)].join('\n');
  const size = fitEstimate(estimate, POSTER_SIZES, { width: printableBox(paper).width, height: printableBox(paper).height * 0.92 });
  const body = [
    `<section class="poster"${fitStyle(size)}>`,
    `<h1>${e(title)}</h1>`,
    vision,
    `<h2>${inline(t.headingPostCommunication)}</h2>`,
    `<table><thead><tr><th>${inline(t.tableSkill)}</th><th>${inline(t.tableWhatWeWillDo)}</th></tr></thead><tbody>\n${skills}\n</tbody></table>`,
    `<h2>${inline(t.headingPostProblems)}</h2>`,
    `<ol>\n${steps}\n</ol>`,
    '</section>',
  ].join('\n');
  return htmlDocument({ lang: plan.lang, title, organization: plan.organization, date: plan.date, messages, kind: 'poster', body, ...(paper ? { paper } : {}) });
}

/** The customer survey on paper: its text version (core/survey.ts) in the document shell. */
export function surveyHtml(markdown: string, messages: Messages, paper?: Paper): string {
  const body = `<section class="survey">\n${render(md.parse(markdown, {}))}</section>`;
  return htmlDocument({ lang: messages.lang, title: messages.survey.title, organization: null, date: null, messages, kind: 'survey', body, ...(paper ? { paper } : {}) });
}

function compareTokens(markdown: string): Token[] {
  const tokens = md.parse(markdown, {});
  const first = tokens.find((t) => t.type === 'table_open');
  first?.attrSet('class', 'changes');
  return tokens;
}

/** compare: before and after per area, side by side in one chart, then compare's own table. */
export function compareHtml(comparison: Comparison, markdown: string, messages: Messages): string {
  const h = messages.html;
  const lang = messages.lang;
  const pct = (p: number | null) => (p === null ? messages.compare.notApplicable : formatPercentDecimal(p, lang));
  const rows: ChartRow[] = [comparison.overall, ...comparison.sections].map((c) => ({
    label: c.title,
    value: c.after,
    valueText: pct(c.after),
    before: { value: c.before, valueText: pct(c.before) },
  }));
  const desc = formatList(rows.map((r) => fill(h.compareArea, { title: r.label, before: r.before!.valueText, after: r.valueText })), lang);
  const side = (date: string | null, plain: string, dated: string) => (date ? fill(dated, { date }) : plain);
  const { before, after } = comparison;
  const svg = barChart({
    id: 'chart-compare',
    title: h.compareTitle,
    desc,
    rows,
    rtl: isRtl(lang),
    legend: { before: side(before.date, messages.compare.before, messages.compare.beforeOn), after: side(after.date, messages.compare.after, messages.compare.afterOn) },
  });
  const organization = after.organization ?? before.organization;
  const title = organization ? fill(h.compareTitleFor, { organization }) : h.compareTitle;
  const figures = [`<figure>${svg}<figcaption>${escapeHtml(h.compareCaption)}</figcaption></figure>\n`];
  if (comparison.customers) {
    // The customers' own scores over time: an area neither survey has an answer for is left out.
    const theirs: ChartRow[] = comparison.sections
      .filter((c) => c.customers && (c.customers.before !== null || c.customers.after !== null))
      .map((c) => ({ label: c.title, value: c.customers!.after, valueText: pct(c.customers!.after), before: { value: c.customers!.before, valueText: pct(c.customers!.before) } }));
    if (theirs.length > 0) {
      const areas = formatList(theirs.map((r) => fill(h.compareArea, { title: r.label, before: r.before!.valueText, after: r.valueText })), lang);
      const chart = barChart({ id: 'chart-compare-customers', title: h.compareCustomersTitle, desc: areas, rows: theirs, rtl: isRtl(lang), legend: { before: messages.compare.customersBefore, after: messages.compare.customersAfter } });
      figures.push(`<figure>${chart}<figcaption>${escapeHtml(h.compareCustomersCaption)}</figcaption></figure>\n`);
    }
  }
  const body = `<main>\n<h1>${escapeHtml(title)}</h1>\n${figures.join('')}${render(compareTokens(markdown))}</main>`;
  return htmlDocument({ lang, title, organization, date: formatDate(after.date, lang), messages, kind: 'compare', body });
}
