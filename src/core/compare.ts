/**
 * Two Results of one questionnaire → the change per section and overall, in percentage points. Pure.
 * Changes are worked out from the exact scores (score ÷ max of each side), never from the
 * rounded percents: 7/15 → 11/15 is 46.7% → 73.3%, a change of 26.67 points, shown as +26.7.
 */
import type { Values } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import type { Result, Score } from './result.js';

/** Something compare says of a comparison: a key of the catalogue's `compare`, with its values. */
export interface CompareNote {
  key: keyof Messages['compare'];
  values: Values;
}

export interface Change {
  id: string;
  title: string;
  before: number | null;
  after: number | null;
  /** after − before in points, rounded to one decimal from the exact difference; null when either side does not apply. */
  change: number | null;
  /** Added with the customers' view, in a comparison where either side has a survey: the customers' score (percent) then and now. */
  customers?: { before: number | null; after: number | null; change: number | null };
}

/** One side's survey, as compare shows it. */
export interface SurveySide {
  responses: number;
  surveyed: string | null;
  nps: number | null;
}

/** An action of the earlier plan that was due before the later assessment. */
export interface ActionDue {
  action: string;
  area: string | null;
  owner: string | null;
  due: string;
  /** The later answers still list it (the same words): not done yet, or done and kept. */
  stillListed: boolean;
}

export interface Comparison {
  schemaVersion: 1;
  before: { organization: string | null; date: string | null };
  after: { organization: string | null; date: string | null };
  overall: Change;
  sections: Change[];
  /** Added with the action plan: the earlier actions due on or before the later date, by due date. */
  actionsDue: ActionDue[];
  /** Added with the customers' view: each side's survey, null on a side without one; absent when neither has one. */
  customers?: { before: SurveySide | null; after: SurveySide | null; npsChange: number | null };
}

interface Ratio {
  score: number;
  max: number;
}

/** A change in points as an exact fraction, num ÷ den with den > 0 (BigInt: scores × maxima × 100 stay exact). */
interface Exact {
  num: bigint;
  den: bigint;
}

type Scored = Pick<Score, 'score' | 'max'> | { score: number | null; max: number | null; applicable?: boolean };

function ratioOf(s: Scored | undefined): Ratio | null {
  if (!s || ('applicable' in s && s.applicable === false)) return null;
  return s.score === null || s.max === null || s.max <= 0 ? null : { score: s.score, max: s.max };
}

/** 100 × (a.score/a.max − b.score/b.max), exactly. */
function exactChange(before: Ratio | null, after: Ratio | null): Exact | null {
  if (before === null || after === null) return null;
  const num = 100n * (BigInt(after.score) * BigInt(before.max) - BigInt(before.score) * BigInt(after.max));
  return { num, den: BigInt(before.max) * BigInt(after.max) };
}

/** num ÷ den to `decimals` places, halves away from zero, as a number for display. */
function rounded({ num, den }: Exact, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const magnitude = num < 0n ? -num : num;
  const units = (2n * magnitude * scale + den) / (2n * den);
  const value = Number(units) / Number(scale);
  return num < 0n && units !== 0n ? -value : value;
}

function change(id: string, title: string, before: Scored | undefined, after: Scored | undefined, percents: [number | null, number | null]): Change {
  const exact = exactChange(ratioOf(before), ratioOf(after));
  return { id, title, before: percents[0], after: percents[1], change: exact === null ? null : rounded(exact, 1) };
}

export function compareResults(before: Result, after: Result, overallTitle: string): Comparison {
  const ids = [...new Set([...after.sections.map((s) => s.id), ...before.sections.map((s) => s.id)])];
  const surveyed = before.customers !== null || after.customers !== null;
  const customerScore = (r: Result, id: string) => r.customers?.areas.find((a) => a.id === id)?.score ?? null;
  const comparison: Comparison = {
    schemaVersion: 1,
    before: { organization: before.organization, date: before.date },
    after: { organization: after.organization, date: after.date },
    overall: change('overall', overallTitle, before.overall, after.overall, [before.overall.percent, after.overall.percent]),
    sections: ids.map((id) => {
      const b = before.sections.find((s) => s.id === id);
      const a = after.sections.find((s) => s.id === id);
      const row = change(id, (a ?? b)!.title, b, a, [b?.percent ?? null, a?.percent ?? null]);
      if (!surveyed) return row;
      const then = customerScore(before, id);
      const now = customerScore(after, id);
      return { ...row, customers: { before: then, after: now, change: difference(then, now) } };
    }),
    actionsDue: actionsDueBy(before, after),
  };
  if (!surveyed) return comparison;
  const side = (r: Result): SurveySide | null => (r.customers ? { responses: r.customers.responses, surveyed: r.customers.surveyed ?? null, nps: r.customers.nps.score } : null);
  const sides = { before: side(before), after: side(after) };
  return { ...comparison, customers: { ...sides, npsChange: difference(sides.before?.nps ?? null, sides.after?.nps ?? null) } };
}

/** after − before of two figures of one decimal (the tally's), to one decimal; null without both. */
export function difference(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

/** The earlier Result's dated actions due on or before the later one's date (ISO dates compare as text). */
function actionsDueBy(before: Result, after: Result): ActionDue[] {
  const by = after.date;
  if (by === null || before.actions === null) return [];
  const later = new Set((after.actions ?? []).map((a) => normalizeName(a.action)));
  return (
    before.actions
      .filter((a) => a.due !== null && a.due <= by)
      // The sort is stable: actions due on one day keep the order the answers gave them.
      .sort((x, y) => (x.due! < y.due! ? -1 : x.due! > y.due! ? 1 : 0))
      .map((a) => ({ action: a.action, area: a.area, owner: a.owner, due: a.due!, stillListed: later.has(normalizeName(a.action)) }))
  );
}

/** A limit in points (a plain decimal, as parsed from --fail-on-drop) as an exact fraction. */
function exactLimit(points: number): Exact {
  // Always matches: --fail-on-drop takes a plain non-negative decimal, and String() of one has this form.
  const [, whole, fraction = '', exponent = '0'] = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(points))!;
  const digits = BigInt(whole! + fraction);
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? { num: digits * 10n ** BigInt(shift), den: 1n } : { num: digits, den: 10n ** BigInt(-shift) };
}

export interface Drop {
  change: Change;
  /** The drop in points, with as many decimals as it takes to show that it is beyond the limit; null: just over it. */
  points: number | null;
}

/** Every change that dropped by more than `points`, compared exactly: a drop of 26.67 is beyond 26.6. */
export function dropsBeyond(before: Result, after: Result, comparison: Comparison, points: number): Drop[] {
  const limit = exactLimit(points);
  const rows: [Change, Scored | undefined, Scored | undefined][] = [
    [comparison.overall, before.overall, after.overall],
    ...comparison.sections.map((c): [Change, Scored | undefined, Scored | undefined] => [
      c,
      before.sections.find((s) => s.id === c.id),
      after.sections.find((s) => s.id === c.id),
    ]),
  ];
  return rows.flatMap(([row, b, a]) => {
    const exact = exactChange(ratioOf(b), ratioOf(a));
    if (exact === null) return [];
    const drop = { num: -exact.num, den: exact.den };
    // drop > limit ⇔ drop.num × limit.den > limit.num × drop.den (both denominators positive).
    if (drop.num * limit.den <= limit.num * drop.den) return [];
    return [{ change: row, points: showDrop(drop, points) }];
  });
}

function showDrop(drop: Exact, limit: number): number | null {
  for (let decimals = 1; decimals <= 6; decimals++) {
    const value = rounded(drop, decimals);
    if (value > limit) return value;
  }
  return null;
}

/** Notes on a comparison that may be the wrong way round or of two businesses; the result still stands. */
export function comparisonWarnings(before: Result, after: Result, names: { before: string; after: string }): CompareNote[] {
  const warnings: CompareNote[] = [];
  const same = (a: string, b: string) => normalizeName(a) === normalizeName(b);
  if (before.organization !== null && after.organization !== null && !same(before.organization, after.organization)) {
    warnings.push({ key: 'differentOrganizations', values: { before: names.before, a: quote(before.organization), after: names.after, b: quote(after.organization) } });
  }
  const isoDate = /^\d{4}-\d{2}-\d{2}$/;
  if (before.date !== null && after.date !== null && isoDate.test(before.date) && isoDate.test(after.date) && after.date < before.date) {
    warnings.push({ key: 'reverseDates', values: { after: names.after, afterDate: after.date, before: names.before, beforeDate: before.date } });
  }
  return warnings;
}

/** Names compared without case, accents' composition or spacing: "Acme  cleaning" is "Acme Cleaning". */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A user's text quoted for one line on a terminal: no newline, control or direction character gets through. */
function quote(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
