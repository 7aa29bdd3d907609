/**
 * Bar charts as inline SVG (no script, no font, nothing fetched): one bar per area, 0–100%.
 * Every text in them is escaped; each chart carries its text equivalent (<title>, <desc>),
 * and the plan's table beside it holds the same numbers. Right-to-left languages mirror it.
 */
import { escapeHtml } from '../core/escape.js';

export interface ChartRow {
  label: string;
  /** The percent shown (0–100), null when the area does not apply. */
  value: number | null;
  /** The bar's number as the language writes it, or the words for "not applicable". */
  valueText: string;
  /** A priority's number: the bar is marked. */
  priority?: number;
  /** A team's lowest and highest percents. */
  range?: { min: number; max: number };
  /** compare: the earlier value, drawn as a second, lighter bar above. */
  before?: { value: number | null; valueText: string };
}

export interface ChartOptions {
  /** Unique in the document: the ids of the title and description. */
  id: string;
  title: string;
  desc: string;
  rows: readonly ChartRow[];
  rtl: boolean;
  /** Between a pair's two numbers: compare's change is "before → after". */
  joiner?: string;
  /** Legend entries, each shown when some row uses it. */
  legend: { priority?: string; spread?: string; before?: string; after?: string };
}

const WIDTH = 640;
const LABEL = 250;
/** Room for the number after a bar: "80%", or compare's "53.3% → 66.7%". */
const VALUE = 64;
const PAIR_VALUE = 112;
const ROW = 30;
const PAIR_ROW = 40;
/** A trend's row is taller: its band is the 0–100% scale, so a change of a few points shows. */
const TREND_ROW = 48;
const TOP = 8;
const LEGEND = 26;
const MAX_LABEL_CHARS = 28;

const e = escapeHtml;
const clamp = (v: number) => Math.max(0, Math.min(100, v));
const n = (v: number) => String(Math.round(v * 10) / 10);

/** A long title shortened for the chart; the whole title stays in the row's tooltip and in the table. */
export function shortLabel(label: string): string {
  const chars = Array.from(label);
  return chars.length <= MAX_LABEL_CHARS ? label : `${chars.slice(0, MAX_LABEL_CHARS - 1).join('').trimEnd()}…`;
}

export function barChart(options: ChartOptions): string {
  const { rows, rtl, legend } = options;
  const joiner = options.joiner ?? ' → ';
  const paired = rows.some((r) => r.before);
  const rowHeight = paired ? PAIR_ROW : ROW;
  const PLOT = WIDTH - LABEL - (paired ? PAIR_VALUE : VALUE) - 16;
  const hasPriority = rows.some((r) => r.priority !== undefined);
  const hasSpread = rows.some((r) => r.range);
  const legendItems = [
    ...(paired && legend.before ? [{ cls: 'bar-before', text: legend.before }] : []),
    ...(paired && legend.after ? [{ cls: 'bar', text: legend.after }] : []),
    ...(hasPriority && legend.priority ? [{ cls: 'bar-priority', text: legend.priority }] : []),
    ...(hasSpread && legend.spread ? [{ cls: 'spread', text: legend.spread }] : []),
  ];
  const height = TOP + rows.length * rowHeight + (legendItems.length ? LEGEND : 0) + 4;
  // Positions measured from the start of a line: the left in LTR, the right in RTL.
  const x = (from: number) => (rtl ? WIDTH - from : from);
  // With direction="rtl" on the chart, `start` is a text's right end: the anchors mirror with the positions.
  const anchor = (start: boolean) => (start ? 'start' : 'end');
  const plotX = (percent: number) => LABEL + (PLOT * clamp(percent)) / 100;
  const rect = (from: number, to: number, y: number, h: number, cls: string) => {
    const a = x(from);
    const b = x(to);
    return `<rect class="${cls}" x="${n(Math.min(a, b))}" y="${n(y)}" width="${n(Math.abs(b - a))}" height="${n(h)}"/>`;
  };
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = TOP + i * rowHeight;
    const mid = y + rowHeight / 2;
    const marked = row.priority !== undefined;
    const label = shortLabel(`${marked ? `${row.priority}. ` : ''}${row.label}`);
    parts.push(`<g class="row${marked ? ' priority' : ''}"><title>${e(`${row.label}: ${row.before ? `${row.before.valueText}${joiner}` : ''}${row.valueText}`)}</title>`);
    parts.push(`<text class="label" x="${n(x(LABEL - 8))}" y="${n(mid)}" text-anchor="${anchor(false)}" dominant-baseline="middle">${e(label)}</text>`);
    parts.push(rect(LABEL, LABEL + PLOT, y + 4, rowHeight - 8, 'track'));
    if (row.before) {
      const h = (rowHeight - 12) / 2;
      if (row.before.value !== null) parts.push(rect(LABEL, plotX(row.before.value), y + 4, h, 'bar-before'));
      if (row.value !== null) parts.push(rect(LABEL, plotX(row.value), y + 8 + h, h, marked ? 'bar-priority' : 'bar'));
    } else if (row.value !== null) {
      parts.push(rect(LABEL, plotX(row.value), y + 6, rowHeight - 12, marked ? 'bar-priority' : 'bar'));
    }
    if (row.range) {
      const a = x(plotX(row.range.min));
      const b = x(plotX(row.range.max));
      parts.push(`<path class="spread" d="M${n(a)} ${n(y + 3)}V${n(y + rowHeight - 3)}M${n(a)} ${n(mid)}H${n(b)}M${n(b)} ${n(y + 3)}V${n(y + rowHeight - 3)}"/>`);
    }
    const valueText = row.before ? `${row.before.valueText}${joiner}${row.valueText}` : row.valueText;
    parts.push(`<text class="value" x="${n(x(LABEL + PLOT + 8))}" y="${n(mid)}" text-anchor="${anchor(true)}" dominant-baseline="middle">${e(valueText)}</text></g>`);
  });
  const y = TOP + rows.length * rowHeight + 8;
  parts.push(...legendParts(legendItems, y, x, (cls, from) => (cls === 'spread' ? pathElement(`M${n(x(from))} ${n(y + 6)}H${n(x(from + 14))}`, 'spread') : rect(from, from + 14, y, 12, cls))));
  return chartSvg(options, height, parts);
}

/** The legend's entries side by side from the plot's start, each its sample, then its text. */
function legendParts(items: readonly { cls: string; text: string }[], y: number, x: (from: number) => number, sample: (cls: string, from: number) => string): string[] {
  const parts: string[] = [];
  let from = LABEL;
  for (const item of items) {
    parts.push(sample(item.cls, from), `<text class="legend" x="${n(x(from + 20))}" y="${n(y + 6)}" text-anchor="start" dominant-baseline="middle">${e(item.text)}</text>`);
    from += 40 + Array.from(item.text).length * 7;
  }
  return parts;
}

const pathElement = (d: string, cls: string) => `<path class="${cls}" d="${d}"/>`;

/** The chart's frame: its box, mirrored for right to left, and its text equivalent. */
function chartSvg(options: { id: string; title: string; desc: string; rtl: boolean }, height: number, parts: readonly string[]): string {
  const id = e(options.id);
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${n(height)}" role="img" aria-labelledby="${id}-title ${id}-desc"${options.rtl ? ' direction="rtl"' : ''}>` +
    `<title id="${id}-title">${e(options.title)}</title><desc id="${id}-desc">${e(options.desc)}</desc>${parts.join('')}</svg>`
  );
}

export interface TrendRow {
  label: string;
  /** One per assessment, oldest first; null where the area does not apply or has no answer. */
  values: readonly (number | null)[];
  /** The customers' figures, the same way; absent without a survey. */
  customers?: readonly (number | null)[];
  /** The latest value as the language writes it. */
  lastText: string;
  /** The row's text equivalent, for its tooltip. */
  title: string;
  strong?: boolean;
}

export interface TrendOptions {
  id: string;
  title: string;
  desc: string;
  rows: readonly TrendRow[];
  rtl: boolean;
  legend: { owner: string; customers: string };
}

/**
 * One line per area across the assessments, oldest at the start of the line: the owner's solid,
 * the customers' dashed, each on the same 0–100% band. A gap in a line is an assessment without
 * a figure for that area.
 */
export function trendChart(options: TrendOptions): string {
  const { rows, rtl } = options;
  const count = Math.max(1, ...rows.map((r) => r.values.length));
  const PLOT = WIDTH - LABEL - VALUE - 16;
  const hasCustomers = rows.some((r) => r.customers?.some((v) => v !== null));
  const height = TOP + rows.length * TREND_ROW + LEGEND + 4;
  const x = (from: number) => (rtl ? WIDTH - from : from);
  const at = (i: number) => LABEL + 6 + (count === 1 ? 0 : ((PLOT - 12) * i) / (count - 1));
  const y = (top: number, percent: number) => top + TREND_ROW - 6 - ((TREND_ROW - 12) * clamp(percent)) / 100;
  /** The line through the figures, broken where one is missing, with a dot on each. */
  const line = (values: readonly (number | null)[], top: number, cls: string) => {
    const segments: string[] = [];
    let path = '';
    values.forEach((v, i) => {
      if (v === null) {
        path = '';
        return;
      }
      path = `${path === '' ? 'M' : `${path}L`}${n(x(at(i)))} ${n(y(top, v))}`;
      if (i === values.length - 1 || values[i + 1] === null) segments.push(path);
    });
    const dots = values.map((v, i) => (v === null ? '' : `<circle class="${cls}-dot" cx="${n(x(at(i)))}" cy="${n(y(top, v))}" r="2.5"/>`)).join('');
    return `${segments.map((d) => pathElement(d, cls)).join('')}${dots}`;
  };
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const top = TOP + i * TREND_ROW;
    const mid = top + TREND_ROW / 2;
    parts.push(`<g class="row${row.strong ? ' priority' : ''}"><title>${e(row.title)}</title>`);
    parts.push(`<text class="label" x="${n(x(LABEL - 8))}" y="${n(mid)}" text-anchor="end" dominant-baseline="middle">${e(shortLabel(row.label))}</text>`);
    const a = x(LABEL);
    const b = x(LABEL + PLOT);
    parts.push(`<rect class="track" x="${n(Math.min(a, b))}" y="${n(top + 3)}" width="${n(PLOT)}" height="${n(TREND_ROW - 6)}"/>`);
    if (row.customers) parts.push(line(row.customers, top, 'trend-customers'));
    parts.push(line(row.values, top, 'trend'));
    parts.push(`<text class="value" x="${n(x(LABEL + PLOT + 8))}" y="${n(mid)}" text-anchor="start" dominant-baseline="middle">${e(row.lastText)}</text></g>`);
  });
  const legendY = TOP + rows.length * TREND_ROW + 8;
  const items = [{ cls: 'trend', text: options.legend.owner }, ...(hasCustomers ? [{ cls: 'trend-customers', text: options.legend.customers }] : [])];
  parts.push(...legendParts(items, legendY, x, (cls, from) => pathElement(`M${n(x(from))} ${n(legendY + 6)}H${n(x(from + 14))}`, cls)));
  return chartSvg(options, height, parts);
}
