/** Filling a catalogue's messages: `{name}` placeholders, and plural forms chosen by Intl.PluralRules. */

/** A message with one text per plural category of its language (CLDR: zero, one, two, few, many, other). */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | Plural;
export type Values = Record<string, string | number>;

const rules = new Map<string, Intl.PluralRules>();

/** The text of `message` for `count` in `lang`: its category's form, else `other`. */
export function pluralForm(message: Message, count: number, lang: string): string {
  if (typeof message === 'string') return message;
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
  return message[rule.select(count)] ?? message.other;
}

/** Fill `{name}` placeholders; a plural message takes its form from `values.count`. */
export function fill(message: Message, values: Values = {}, lang = 'en'): string {
  const template = typeof message === 'string' ? message : pluralForm(message, Number(values.count), lang);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const fallbacks = new WeakSet<object>();

/**
 * A section a translation leaves in another language (English, say) for now, on purpose:
 * `problems: fallback(en.problems)`. csq works as before; `isFallback` tells such a section
 * apart (the catalogue tests check that none is left).
 */
export function fallback<T extends object>(section: T): T {
  const copy = { ...section };
  fallbacks.add(copy);
  return copy;
}

export function isFallback(section: object): boolean {
  return fallbacks.has(section);
}

/**
 * Text of a fixed direction inside a right-to-left message, so that a terminal or a browser
 * shows it in one piece: `ltr` for what always reads left to right (a path, an option, an id,
 * a command, a range), `isolate` for text of either direction (a name someone typed), which
 * then takes the direction of its first letter. Unicode isolates (LRI or FSI … PDI).
 * For csq's own output only: csq refuses these characters in what it reads
 * (core/characters.ts), so never in a message that ends up in a file csq reads again (an
 * action the walk saves, a comment of `csq init`), nor in the plan, which is a document.
 */
export const ltr = (text: string): string => `\u2066${text}\u2069`;
export const isolate = (text: string): string => `\u2068${text}\u2069`;
