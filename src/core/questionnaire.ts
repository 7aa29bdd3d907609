/** The questionnaire format (ARCHITECTURE.md): schema, semantic checks, and lookups. */
import * as z from 'zod/mini';
import { InputError, type Problem } from '../errors.js';
import { formatPath, locate, type PathSegment } from './locate.js';
import { parseYaml, type YamlSource } from './yaml.js';
import { checkWithSchema, type Complaint } from './issues.js';
import { lazySchema } from './lazy.js';
import { langCode, meta } from './meta.js';
import { MAX_ID_CHARS, MAX_IDEAS_PER_SECTION, MAX_PROFILE_QUESTIONS, MAX_SCALE, MAX_SECTIONS, MAX_STATEMENTS_PER_SECTION, MAX_TEXT_CHARS } from './limits.js';

// The bundled questionnaires are validated at build time: only a user's questionnaire needs this.
export const questionnaireSchema = lazySchema(() => {
  const id = meta(z.string().check(z.maxLength(MAX_ID_CHARS), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)), { problems: { invalid_format: 'not-an-id' } });
  const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEXT_CHARS));
  return z.strictObject({
    id,
    version: z.int().check(z.minimum(1)),
    lang: langCode(),
    title: text,
    // Bounded so that every score and sum stays a small exact integer.
    scale: z.strictObject({
      min: meta(z.int().check(z.minimum(0), z.maximum(MAX_SCALE)), { problems: { too_small: 'scale-below-zero' } }),
      max: meta(z.int().check(z.minimum(1), z.maximum(MAX_SCALE)), { problems: { too_big: 'scale-too-high' } }),
      labels: z.record(z.string(), text),
    }),
    profile: z._default(z.array(z.strictObject({ id, question: text, default: z._default(z.boolean(), true) })).check(z.maxLength(MAX_PROFILE_QUESTIONS)), []),
    sections: meta(
      z.array(
        z.strictObject({
          id,
          title: text,
          summary: z.optional(text),
          /** The customer survey's question on how much this area matters to them (csq survey). */
          importance: z.optional(text),
          when: z.optional(id),
          /** Word beginnings in the owner's own data that point to this area ("complain" for complaints). */
          cues: z.optional(z.array(text).check(z.maxLength(MAX_IDEAS_PER_SECTION))),
          statements: meta(
            z
              .array(
                z.strictObject({
                  id,
                  text,
                  // The customer survey's wording ("They make it easy …"), or null where a customer cannot judge it
                  // (staff are respected). Optional for a questionnaire without a survey; once there is one, every
                  // statement and section must say (semanticProblems), so that none is left out by oversight.
                  customer: z.optional(z.union([text, z.null()])),
                  // The wording for an answer of no to a profile question: `without: { staff: I know … }`.
                  without: z.optional(z.record(id, text)),
                }),
              )
              .check(z.minLength(1), z.maxLength(MAX_STATEMENTS_PER_SECTION)),
            { problems: { too_small: 'no-statements' } },
          ),
          ideas: z._default(
            z
              .array(
                z.pipe(
                  z.union([
                    text,
                    z.strictObject({
                      text,
                      /** The statements it helps with: ranked by how low the owner rated them. */
                      statements: z.optional(z.array(id).check(z.minLength(1))),
                      /** Only when this profile answer is yes (`when: staff`), or no (`unless: staff`). */
                      when: z.optional(id),
                      unless: z.optional(id),
                    }),
                  ]),
                  z.transform((idea) => (typeof idea === 'string' ? { text: idea } : idea)),
                ),
              )
              .check(z.maxLength(MAX_IDEAS_PER_SECTION)),
            [],
          ),
        }),
      )
      .check(z.minLength(1), z.maxLength(MAX_SECTIONS)),
      { problems: { too_small: 'no-sections' } },
    ),
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
  const problem = (path: PathSegment[], complaint: Complaint, key = false) => problems.push({ file: source.file, ...locate(source, path, key), path: formatPath(path), ...complaint });

  if (q.scale.min >= q.scale.max) problem(['scale'], { code: 'scale-upside-down', values: { min: q.scale.min, max: q.scale.max } });
  else {
    for (let value = q.scale.min; value <= q.scale.max; value++) {
      if (!(String(value) in q.scale.labels)) problem(['scale', 'labels'], { code: 'no-label', values: { value }, hint: 'label-every-point' });
    }
    // The keys as written: zod drops a `__proto__` key from a record without a word.
    for (const key of Object.keys((source.data as { scale: { labels: object } }).scale.labels)) {
      const value = Number(key);
      if (!Number.isInteger(value) || value < q.scale.min || value > q.scale.max) {
        problem(['scale', 'labels', key], { code: 'label-off-scale', values: { key, min: q.scale.min, max: q.scale.max } }, true);
      }
    }
  }
  duplicates(q.profile.map((p) => p.id)).forEach((i) => problem(['profile', i, 'id'], { code: 'duplicate-profile-id', values: { id: q.profile[i]!.id } }));
  duplicates(q.sections.map((s) => s.id)).forEach((i) => problem(['sections', i, 'id'], { code: 'duplicate-section-id', values: { id: q.sections[i]!.id } }));
  const profileIds = q.profile.map((p) => p.id);
  q.sections.forEach((section, s) => {
    duplicates(section.statements.map((st) => st.id)).forEach((i) =>
      problem(['sections', s, 'statements', i, 'id'], { code: 'duplicate-statement-id', values: { id: section.statements[i]!.id, section: section.id } }),
    );
    const statementIds = section.statements.map((st) => st.id);
    section.statements.forEach((st, i) => {
      for (const question of Object.keys(st.without ?? {})) {
        if (!profileIds.includes(question)) problem(['sections', s, 'statements', i, 'without', question], { code: 'names-no-profile-question', values: { name: question } }, true);
      }
    });
    section.ideas.forEach((idea, i) => {
      (idea.statements ?? []).forEach((id, k) => {
        if (!statementIds.includes(id)) problem(['sections', s, 'ideas', i, 'statements', k], { code: 'idea-unknown-statement', values: { id, section: section.id } });
      });
      for (const key of ['when', 'unless'] as const) {
        const question = idea[key];
        if (question !== undefined && !profileIds.includes(question)) problem(['sections', s, 'ideas', i, key], { code: 'names-no-profile-question', values: { name: question } });
      }
    });
    if (section.when !== undefined && !profileIds.includes(section.when)) {
      problem(
        ['sections', s, 'when'],
        profileIds.length
          ? { code: 'when-names-nothing', values: { when: section.when, known: profileIds.join(', ') } }
          : { code: 'when-without-profile', values: { when: section.when } },
      );
    }
  });
  if (!q.sections.some((s) => s.when === undefined)) problem(['sections'], { code: 'no-section-for-everyone' });
  if (hasSurvey(q)) {
    // All or none: a statement without a customer wording would silently drop out of the survey.
    q.sections.forEach((section, s) => {
      if (section.importance === undefined) problem(['sections', s, 'importance'], { code: 'required', hint: 'survey-all-or-none' });
      section.statements.forEach((st, i) => {
        if (st.customer === undefined) problem(['sections', s, 'statements', i, 'customer'], { code: 'required', hint: 'survey-all-or-none' });
      });
    });
  }
  return problems;
}

/** Whether the questionnaire carries a customer survey (any customer wording or importance question). */
export function hasSurvey(q: Questionnaire): boolean {
  return q.sections.some((s) => s.importance !== undefined || s.statements.some((st) => st.customer !== undefined));
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

export type Statement = Section['statements'][number];
export type Idea = Section['ideas'][number];

/** A statement in the words that fit the business: its `without` wording when that profile answer is no. */
export function statementText(statement: Statement, profile: Record<string, boolean>): string {
  for (const [question, text] of Object.entries(statement.without ?? {})) if (profile[question] === false) return text;
  return statement.text;
}

/** Whether an idea fits the business: `when: staff` needs staff, `unless: staff` needs none. */
export function ideaApplies(idea: Idea, profile: Record<string, boolean>): boolean {
  return (idea.when === undefined || profile[idea.when] === true) && (idea.unless === undefined || profile[idea.unless] === false);
}

export function scaleLabel(q: Questionnaire, value: number): string {
  return q.scale.labels[String(value)] ?? String(value);
}
