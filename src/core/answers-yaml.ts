/** Answers → a tidy YAML file in a fixed key order (what the walk autosaves). Pure. */
import { Document, isMap } from 'yaml';
import type { Answers } from './answers.js';

const KEY_ORDER: (keyof Answers)[] = [
  'questionnaire',
  'lang',
  'organization',
  'respondent',
  'date',
  'profile',
  'ratings',
  'improve',
  'requirements',
  'vision',
  'visionNotes',
  'policies',
  'communication',
  'education',
];

export function stringifyAnswers(answers: Answers, header: string): string {
  const ordered = Object.fromEntries(KEY_ORDER.filter((k) => answers[k] !== undefined).map((k) => [k, answers[k]]));
  const doc = new Document(ordered);
  // One line per section of ratings and per policy, as people write them by hand.
  for (const path of [['ratings'], ['policies']]) {
    const node = doc.getIn(path, true);
    if (node && typeof node === 'object' && 'items' in node) {
      for (const item of (node as { items: unknown[] }).items) {
        const value = isMap(item) ? item : (item as { value?: unknown }).value;
        if (isMap(value)) value.flow = true;
      }
    }
  }
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}
