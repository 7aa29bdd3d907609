/**
 * The commented answers template `csq init` writes, generated from the answers
 * declaration (answers.ts): every field in its order with its explanation, every
 * id with the statement's text, and the scale. Pure.
 */
import type * as z from 'zod/mini';
import { fill, type Messages } from '../i18n/en.js';
import { answersSchema, keysOf, metaOf, schemaAt, unwrap } from './answers.js';
import { isApplicable, type Questionnaire } from './questionnaire.js';

export interface TemplateOptions {
  /** The profile answers to write (and so which sections appear). */
  profile: Record<string, boolean>;
  /** Where editors find the JSON Schema (yaml-language-server). */
  schemaUrl: string;
  /** The language of the comments, also written as the file's `lang`. */
  lang: string;
}

interface Line {
  text: string;
  comment?: string;
  /** A commented-out example: aligned on its own, not widening the others. */
  example?: boolean;
}

export function answersTemplate(q: Questionnaire, messages: Messages, options: TemplateOptions, schema: z.ZodMiniType = answersSchema(q)): string {
  const m = messages.answers;
  const scale = Object.entries(q.scale.labels)
    .map(([value, label]) => `${value} ${label}`)
    .join(' · ');
  const header = [
    `# yaml-language-server: $schema=${options.schemaUrl}`,
    `# ${fill(m.init.header, { title: q.title, id: q.id, min: q.scale.min, max: q.scale.max })}`,
    `#   ${scale}`,
    `# ${m.init.then}`,
  ];
  const staff = options.profile.staff !== false;
  const doc = (key: string) => (Object.hasOwn(m.docs, key) ? (m.docs as Record<string, string>)[key] : undefined);
  const values: Record<string, string> = { questionnaire: q.id, lang: options.lang };

  /** The lines of one mapping's fields (nested mappings indented); comments aligned per mapping. */
  const block = (object: z.ZodMiniType | undefined, path: string[], indent: string): string[] => {
    const entries: (Line | string[])[] = [];
    for (const key of keysOf(object)) {
      const field = schemaAt(object!, [key])!;
      const info = metaOf(field);
      const name = [...path, key].join('.');
      if (info.omitFromInit || (info.staffOnly && !staff)) continue;
      const comment = info.doc ? doc(info.doc) : info.text;
      const type = (unwrap(field) as { def?: { type?: string } }).def?.type;
      if (info.example !== undefined) {
        entries.push({ text: `${indent}# ${key}: ${info.example}`, comment, example: true });
      } else if (name === 'ratings') {
        entries.push({ text: `${indent}${key}:`, comment }, ratingLines(q, options.profile, `${indent}  `));
      } else if (type === 'object') {
        entries.push({ text: `${indent}${key}:`, comment }, block(field, [...path, key], `${indent}  `));
      } else if (type === 'array') {
        entries.push({ text: `${indent}${key}: []`, comment });
      } else if (type === 'boolean') {
        entries.push({ text: `${indent}${key}: ${options.profile[key] ?? q.profile.find((p) => p.id === key)?.default ?? true}`, comment });
      } else {
        entries.push({ text: `${indent}${key}: ${values[name] ?? '""'}`, comment: values[name] === undefined ? comment : undefined });
      }
    }
    const lines = entries.filter((e): e is Line => !Array.isArray(e));
    const width = Math.max(0, ...lines.filter((l) => l.comment && !l.example).map((l) => l.text.length));
    return entries.flatMap((e) => (Array.isArray(e) ? e : [e.comment ? `${e.text.padEnd(width)}   # ${e.comment}` : e.text]));
  };
  return `${[...header, ...block(schema, [], '')].join('\n')}\n`;
}

/** Each applicable section under its title, each statement id with its text, ready for a number. */
function ratingLines(q: Questionnaire, profile: Record<string, boolean>, indent: string): string[] {
  return q.sections
    .filter((section) => isApplicable(section, profile))
    .flatMap((section) => {
      const width = Math.max(...section.statements.map((st) => st.id.length));
      return [
        `${indent}# ${section.title}`,
        `${indent}${section.id}:`,
        ...section.statements.map((st) => `${indent}  ${`${st.id}:`.padEnd(width + 1)}     # ${st.text}`),
      ];
    });
}
