/**
 * Every language's messages, from source. The build puts each catalogue in an asset of its own
 * instead (catalogues.built.ts), so that a run loads only the language it speaks.
 */
import { en, type Messages } from './en.js';
import { he } from './he.js';
import { lt } from './lt.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { uk } from './uk.js';

const catalogues: Record<string, Messages> = { en, pt, pl, lt, uk, he };

export function catalogue(lang: string): Messages {
  const messages = catalogues[lang];
  if (!messages) throw new Error(`no catalogue for ${lang}`);
  return messages;
}
