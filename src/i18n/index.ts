/** The languages csq speaks, and how one is chosen. */
import { CsqError } from '../errors.js';
import { en, type Messages } from './en.js';
import { pt } from './pt.js';

const catalogues: Record<string, Messages> = { en, pt };

export const SUPPORTED_LANGS = Object.keys(catalogues);
export const DEFAULT_LANG = 'en';

export function messagesFor(lang: string): Messages {
  const messages = catalogues[lang];
  if (!messages) throw unsupported(lang);
  return messages;
}

function unsupported(lang: string): CsqError {
  return new CsqError(`language "${lang}" is not available (available: ${SUPPORTED_LANGS.join(', ')})`);
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
    if (!SUPPORTED_LANGS.includes(explicit)) throw unsupported(explicit);
    return explicit;
  }
  if (fromAnswers !== undefined && SUPPORTED_LANGS.includes(fromAnswers)) return fromAnswers;
  // POSIX precedence: the first one that is set wins, even if we do not speak it.
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return langFromLocale(locale) ?? DEFAULT_LANG;
}
