/** The questionnaire format (design.md §2): schema, semantic checks, and lookups. */
import * as z from 'zod';
import { InputError, type Problem } from '../errors.js';
import { formatPath, locate, parseYaml, type PathSegment, type YamlSource } from './source.js';
import { checkWithSchema } from './issues.js';
import { lazySchema } from './lazy.js';
import { MAX_ID_CHARS, MAX_IDEAS_PER_SECTION, MAX_PROFILE_QUESTIONS, MAX_SCALE, MAX_SECTIONS, MAX_STATEMENTS_PER_SECTION, MAX_TEXT_CHARS } from './limits.js';

// The bundled questionnaires are validated at build time: only a user's questionnaire needs this.
export const questionnaireSchema = lazySchema(() => {
  const id = z.string().max(MAX_ID_CHARS).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id of lowercase letters, digits and hyphens');
  const text = z.string().trim().min(1).max(MAX_TEXT_CHARS);
  return z.strictObject({
    id,
    version: z.int().min(1),
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code such as en or pt-BR'),
    title: text,
    // Bounded so that every score and sum stays a small exact integer.
    scale: z.strictObject({
      min: z.int().min(0, 'a scale starts at 0 or above').max(MAX_SCALE),
      max: z.int().min(1).max(MAX_SCALE, `a scale ends at ${MAX_SCALE} or below`),
      labels: z.record(z.string(), text),
    }),
    profile: z
      .array(z.strictObject({ id, question: text, default: z.boolean().default(true) }))
      .max(MAX_PROFILE_QUESTIONS)
      .default([]),
    sections: z
      .array(
        z.strictObject({
          id,
          title: text,
          summary: text.optional(),
          when: id.optional(),
          statements: z.array(z.strictObject({ id, text })).min(1, 'at least one statement').max(MAX_STATEMENTS_PER_SECTION),
          ideas: z.array(text).max(MAX_IDEAS_PER_SECTION).default([]),
        }),
      )
      .min(1, 'at least one section')
      .max(MAX_SECTIONS),
  });
});

export type Questionnaire = z.output<ReturnType<typeof questionnaireSchema>>;
export type Section = Questionnaire['sections'][number];

/** Parse and validate questionnaire text; every problem of the file is reported at once. */
export function loadQuestionnaire(text: string, file: string): Questionnaire {
  return validateQuestionnaire(parseYaml(text, file));
}

export function validateQuestionnaire(source: YamlSource): Questionnaire {
  const { data, problems } = checkWithSchema(questionnaireSchema(), source);
  if (data) problems.push(...semanticProblems(source, data));
  if (problems.length > 0 || !data) throw new InputError(problems);
  return data;
}

function semanticProblems(source: YamlSource, q: Questionnaire): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: PathSegment[], message: string, key = false, hint?: string) =>
    problems.push({ file: source.file, ...locate(source, path, key), path: formatPath(path), message, ...(hint ? { hint } : {}) });

  if (q.scale.min >= q.scale.max) problem(['scale'], `min (${q.scale.min}) must be below max (${q.scale.max})`);
  else {
    for (let value = q.scale.min; value <= q.scale.max; value++) {
      if (!(String(value) in q.scale.labels)) problem(['scale', 'labels'], `no label for ${value}`, false, 'every point of the scale needs a label');
    }
    // The keys as written: zod drops a `__proto__` key from a record without a word.
    for (const key of Object.keys((source.data as { scale: { labels: object } }).scale.labels)) {
      const value = Number(key);
      if (!Number.isInteger(value) || value < q.scale.min || value > q.scale.max) {
        problem(['scale', 'labels', key], `label "${key}" is not a point of the scale ${q.scale.min}–${q.scale.max}`, true);
      }
    }
  }
  duplicates(q.profile.map((p) => p.id)).forEach((i) => problem(['profile', i, 'id'], `duplicate profile id "${q.profile[i]!.id}"`));
  duplicates(q.sections.map((s) => s.id)).forEach((i) => problem(['sections', i, 'id'], `duplicate section id "${q.sections[i]!.id}"`));
  const profileIds = q.profile.map((p) => p.id);
  q.sections.forEach((section, s) => {
    duplicates(section.statements.map((st) => st.id)).forEach((i) =>
      problem(['sections', s, 'statements', i, 'id'], `duplicate statement id "${section.statements[i]!.id}" in section ${section.id}`),
    );
    if (section.when !== undefined && !profileIds.includes(section.when)) {
      const known = profileIds.length ? `known: ${profileIds.join(', ')}` : 'the questionnaire has no profile questions';
      problem(['sections', s, 'when'], `"${section.when}" names no profile question (${known})`);
    }
  });
  if (!q.sections.some((s) => s.when === undefined)) {
    problem(['sections'], 'at least one section must apply to everyone (have no `when`)');
  }
  return problems;
}

function duplicates(ids: string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((value, index) => (seen.has(value) ? [index] : (seen.add(value), [])));
}

/** obj[key] only if obj itself has it: an id such as `constructor` must not find Object.prototype's. */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Default profile answers, overridden by the user's. */
export function resolveProfile(q: Questionnaire, given: Readonly<Record<string, boolean | undefined>> = {}): Record<string, boolean> {
  return Object.fromEntries(q.profile.map((p) => [p.id, own(given, p.id) ?? p.default]));
}

export function isApplicable(section: Section, profile: Record<string, boolean>): boolean {
  return section.when === undefined || profile[section.when] === true;
}

export function scaleLabel(q: Questionnaire, value: number): string {
  return q.scale.labels[String(value)] ?? String(value);
}
