/**
 * The built CLI's catalogues (scripts/build.mjs puts this module in place of catalogues.ts):
 * each language is an asset of its own in dist/assets, loaded on first use.
 */
import type { Messages } from './en.js';
import { builtData } from '../io/assets.js';

export function catalogue(lang: string): Messages {
  const messages = builtData<Messages>(`messages.${lang}`);
  if (!messages) throw new Error(`no catalogue for ${lang}`);
  return messages;
}
