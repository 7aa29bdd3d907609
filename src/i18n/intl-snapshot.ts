/**
 * How a language writes a whole percent, a date and a list, taken from Intl once, at build time
 * (scripts/assets.ts), and kept only where it gives exactly what Intl gives. Making the first
 * Intl formatter in a process loads ICU's data, about 10 ms, a third of a report's own cost;
 * with the snapshot a report in these languages makes none.
 */

export interface IntlSnapshot {
  /** A whole percent, `{n}` for the number (50%, 50 %). */
  percent?: string;
  /** The long date of each month, `{d}` for the day and `{y}` for the year (years 1000–9999 only). */
  months?: string[];
  list?: ListWords;
}

/** The words between list items: of two items; of three or more, after the first, between, before the last. */
export interface ListWords {
  pair: string;
  start: string;
  middle: string;
  end: string;
}

export const snapshotIntl = {
  percent: (lang: string) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
  date: (lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }),
  list: (lang: string) => new Intl.ListFormat(lang, { type: 'conjunction' }),
};

/** The snapshot's percent, or undefined where it cannot say (the caller asks Intl). */
export function snapshotPercent(pattern: string | undefined, percent: number): string | undefined {
  return pattern && Number.isInteger(percent) && percent >= 0 && percent <= 100 ? pattern.replace('{n}', String(percent)) : undefined;
}

export function snapshotDate(months: readonly string[] | undefined, date: Date): string | undefined {
  const year = date.getUTCFullYear();
  if (!months || !(year >= 1000 && year <= 9999)) return undefined;
  return months[date.getUTCMonth()]!.replace('{d}', String(date.getUTCDate())).replace('{y}', String(year));
}

export function joinList(words: ListWords, items: readonly string[]): string {
  if (items.length === 2) return `${items[0]}${words.pair}${items[1]}`;
  return items.map((item, i) => (i === 0 ? item : `${i === 1 ? words.start : i === items.length - 1 ? words.end : words.middle}${item}`)).join('');
}

/** Dates every snapshot is checked on: every day of a common and a leap year, and the ends of the range. */
function probeDates(): Date[] {
  const dates = [new Date(Date.UTC(1000, 0, 1)), new Date(Date.UTC(9999, 11, 31))];
  for (const year of [2026, 2028]) for (let day = 0; day < 366; day++) dates.push(new Date(Date.UTC(year, 0, 1 + day)));
  return dates;
}

/** Items lists are checked on: words in several scripts, digits, quotes, spaces, an empty item. */
const PROBE_ITEMS = ['Greet', 'ação', 'łąka', 'žodis', 'слово', 'שירות', '42', '“x”', 'a b', ''];

/** The snapshot of `lang`, each part only if it gives Intl's own text on every probe. */
export function makeSnapshot(lang: string): IntlSnapshot {
  const snapshot: IntlSnapshot = {};
  const percent = snapshotIntl.percent(lang);
  const percentPattern = percent.format(0.37).replace('37', '{n}');
  if (Array.from({ length: 101 }, (_, n) => n).every((n) => percentPattern.replace('{n}', String(n)) === percent.format(n / 100))) snapshot.percent = percentPattern;

  const date = snapshotIntl.date(lang);
  const months = Array.from({ length: 12 }, (_, m) => date.format(new Date(Date.UTC(2222, m, 15))).replace('2222', '{y}').replace('15', '{d}'));
  if (probeDates().every((d) => snapshotDate(months, d) === date.format(d))) snapshot.months = months;

  const list = snapshotIntl.list(lang);
  const literals = (items: string[]) => list.formatToParts(items).filter((part) => part.type === 'literal').map((part) => part.value);
  const [pair] = literals(['A', 'B']);
  const [start, middle, end] = literals(['A', 'B', 'C', 'D']);
  if (pair !== undefined && start !== undefined && middle !== undefined && end !== undefined) {
    const words = { pair, start, middle, end };
    const samples: string[][] = [];
    for (let n = 0; n <= 5; n++) for (let shift = 0; shift < PROBE_ITEMS.length; shift++) samples.push(Array.from({ length: n }, (_, i) => PROBE_ITEMS[(shift + i * 3) % PROBE_ITEMS.length]!));
    if (samples.every((items) => joinList(words, items) === list.format(items))) snapshot.list = words;
  }
  return snapshot;
}
