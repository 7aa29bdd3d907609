/** The languages csq speaks, how one is chosen, and the language csq speaks to the user in. */
import { CsqError, problem } from '../errors.js';
import { catalogue } from './catalogues.js';
import type { Messages } from './en.js';
import { PSEUDO_LANG, pseudoMessages } from './pseudo.js';

/** The languages csq speaks; each has a catalogue (catalogues.ts), loaded only when spoken. */
export const SUPPORTED_LANGS: readonly string[] = ['en', 'pt', 'pl', 'lt', 'uk', 'he'];
export const DEFAULT_LANG = 'en';
const loaded = new Map<string, Messages>();

/** The test language, made from English on first use; accepted by --lang, never chosen by a locale or listed. */
let pseudo: Messages | undefined;
const known = (lang: string) => SUPPORTED_LANGS.includes(lang) || lang === PSEUDO_LANG;

export function messagesFor(lang: string): Messages {
  if (lang === PSEUDO_LANG) return (pseudo ??= pseudoMessages(messagesFor(DEFAULT_LANG)));
  if (!SUPPORTED_LANGS.includes(lang)) throw unsupported(lang);
  let messages = loaded.get(lang);
  if (!messages) loaded.set(lang, (messages = catalogue(lang)));
  return messages;
}

function unsupported(lang: string): CsqError {
  return new CsqError(problem('unknown-lang', { lang, available: SUPPORTED_LANGS.join(', ') }));
}

/** The language from a locale such as pt_BR.UTF-8, if csq speaks it. */
export function langFromLocale(locale: string | undefined): string | undefined {
  const match = /^([a-z]{2,3})(?:[_-]|$)/i.exec(locale ?? '');
  const lang = match?.[1]?.toLowerCase();
  return lang && SUPPORTED_LANGS.includes(lang) ? lang : undefined;
}

/** --lang, else the answers file's lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function resolveLang(explicit: string | undefined, fromAnswers: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined) {
    if (!known(explicit)) throw unsupported(explicit);
    return explicit;
  }
  if (fromAnswers !== undefined && SUPPORTED_LANGS.includes(fromAnswers)) return fromAnswers;
  // POSIX precedence: the first one that is set wins, even if we do not speak it. With none
  // set (Windows, a bare service account), the system's own locale, as Intl reports it.
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || systemLocale();
  return langFromLocale(locale) ?? DEFAULT_LANG;
}

function systemLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}

let ui: Messages | undefined;

/**
 * The language csq speaks to the user in (problems, notes, help): --lang when it names a
 * language csq speaks, else the locale. A plan's language may differ (its answers' `lang`).
 */
export function setUiLang(explicit: string | undefined): void {
  ui = messagesFor(explicit !== undefined && known(explicit) ? explicit : resolveLang(undefined, undefined));
}

export function uiMessages(): Messages {
  return (ui ??= messagesFor(resolveLang(undefined, undefined)));
}
