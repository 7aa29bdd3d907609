/**
 * Dates, percents and lists as each language writes them, from Intl; UTC, so that every
 * machine writes the same. In the pseudo-locale en-XA they are English, accented. Given the
 * build's snapshot of Intl (intl-snapshot.ts), the common cases are written from it, exactly
 * as Intl would, without loading ICU.
 */
import { type IntlSnapshot, joinList, snapshotDate, snapshotIntl, snapshotPercent } from './intl-snapshot.js';
import { accent, PSEUDO_LANG } from './pseudo.js';

const intlLang = (lang: string) => (lang === PSEUDO_LANG ? 'en' : lang);
const shown = (lang: string, text: string) => (lang === PSEUDO_LANG ? accent(text) : text);

/**
 * One formatter per language and kind, made on first use: making one costs about as much as
 * scoring a file (ICU loads and resolves the locale each time), and a batch formats in every plan.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(kind: string, lang: string, make: (locale: string) => T): T {
  const key = `${kind} ${lang}`;
  let found = formatters.get(key) as T | undefined;
  if (!found) formatters.set(key, (found = make(intlLang(lang))));
  return found;
}

let snapshots: Readonly<Record<string, IntlSnapshot>> = {};
const snapshotOf = (lang: string): IntlSnapshot => snapshots[intlLang(lang)] ?? {};

/** The build's snapshot per language (dist/assets/intl.json), from the pipeline when it loads a language; {} for none. */
export function useIntlSnapshots(byLang: Readonly<Record<string, IntlSnapshot>>): void {
  snapshots = byLang;
}

/** A date of the answers (ISO) in the language's long form; anything else as it is. */
export function formatDate(iso: string | null, lang: string): string | null {
  if (!iso) return null;
  // A Result read again has its dates checked; anything else is shown as it is (and escaped).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(`${iso}T00:00:00Z`);
  const text = Number.isNaN(date.getTime()) ? undefined : snapshotDate(snapshotOf(lang).months, date);
  return shown(lang, text ?? formatter('date', lang, snapshotIntl.date).format(date));
}

/** A whole percent as the language writes it (66%, 66 %). */
export function formatPercent(percent: number, lang: string): string {
  return snapshotPercent(snapshotOf(lang).percent, percent) ?? formatter('percent', lang, snapshotIntl.percent).format(percent / 100);
}

/** Items joined as the language joins them ("a, b and c"). */
export function formatList(items: readonly string[], lang: string): string {
  const words = snapshotOf(lang).list;
  if (words && lang !== PSEUDO_LANG) return joinList(words, items);
  const parts = formatter('list', lang, snapshotIntl.list).formatToParts(items);
  return parts.map((part) => (part.type === 'literal' ? shown(lang, part.value) : part.value)).join('');
}

/** A number as the language writes it (50,000 · 50 000 · 66,4), with at most `decimals` decimals. */
export function formatNumber(value: number, lang: string, decimals = 0): string {
  return new Intl.NumberFormat(intlLang(lang), { maximumFractionDigits: decimals }).format(value);
}

/** A percent with up to one decimal (66.4%, 66,4 %), for exact comparisons. */
export function formatPercentDecimal(percent: number, lang: string): string {
  return new Intl.NumberFormat(intlLang(lang), { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** A change in points, signed (+26.7, −3, ±0 stays the caller's). */
export function formatSigned(value: number, lang: string): string {
  return new Intl.NumberFormat(intlLang(lang), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}
