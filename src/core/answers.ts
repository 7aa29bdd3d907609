/**
 * The answers format, declared once. The zod schema built here is the TypeScript type,
 * the validator, the key order of autosave (answers-yaml.ts), the `csq init` template
 * (answers-template.ts) and the JSON Schema (`csq schema answers`): each field's
 * metadata (`fieldMeta`) says what those need beyond its type.
 *
 * Absent, `""` and `[]` mean "not answered yet"; `null` means "asked, and left empty".
 */
import * as z from 'zod';
import { InputError, type Problem } from '../errors.js';
import { checkWithSchema, describeValue } from './issues.js';
import { isApplicable, own, resolveProfile, type Questionnaire } from './questionnaire.js';
import { formatPath, locate, parseYaml, type PathSegment, type YamlSource } from './source.js';
import { MAX_LIST_ITEMS, MAX_NAME_CHARS, MAX_TEXT_CHARS } from './limits.js';

export const COMMUNICATION_SKILLS = ['greet', 'value', 'ask', 'listen', 'help', 'invite'] as const;
export type CommunicationSkill = (typeof COMMUNICATION_SKILLS)[number];

/** What `csq init`, autosave and the JSON Schema need to know of a field, beyond its type. */
export interface FieldMeta {
  /** Its explanation: a key of the catalogue's `answers.docs` (an init comment, a JSON Schema description). */
  doc?: string;
  /** Or the text itself (a statement's wording, which comes from the questionnaire). */
  text?: string;
  /** `csq init` writes it as a commented-out example instead of a placeholder to fill in. */
  example?: string;
  /** `csq init` leaves it out (filled in by the walk or by csq itself). */
  omitFromInit?: boolean;
  /** Only asked of a business with staff: `csq init --no-staff` leaves it out. */
  staffOnly?: boolean;
  /** Autosave writes each item of this list or mapping on one line, as people write them by hand. */
  flowItems?: boolean;
  /** A single line of text: pasted line breaks become spaces. */
  singleLine?: boolean;
}

export const fieldMeta = z.registry<FieldMeta>();
const meta = <T extends z.ZodType>(schema: T, m: FieldMeta): T => {
  fieldMeta.add(schema, m);
  return schema;
};

/** A free-text answer: "" not answered yet, null asked and left empty. Bounded (limits.ts), as every list, so that any valid answers' Result reads back. */
const text = (max = MAX_TEXT_CHARS) => z.string().max(max).nullable().optional();
const list = (max = MAX_LIST_ITEMS) => z.array(z.string().max(MAX_TEXT_CHARS)).max(max).nullable().optional();
const isoDate = () => z.iso.date();

function buildAnswersSchema(q: Questionnaire) {
  const { min, max } = q.scale;
  const rating = z
    .int({
      error: (issue) =>
        issue.input === undefined
          ? 'required'
          : issue.input === null
            ? `not rated yet: write a rating from ${min} to ${max}`
            : `expected a rating, a whole number from ${min} to ${max}, found ${describeValue(issue.input)}${typeof issue.input === 'string' && /^\s*\d+\s*$/.test(issue.input) ? ' (remove the quotes)' : ''}`,
    })
    .min(min, { error: (issue) => `${issue.input} is outside the scale ${min}–${max}` })
    .max(max, { error: (issue) => `${issue.input} is outside the scale ${min}–${max}` });
  const ratings = z.strictObject(
    Object.fromEntries(
      q.sections.map((section) => [
        section.id,
        meta(z.strictObject(Object.fromEntries(section.statements.map((st) => [st.id, meta(rating.optional(), { text: st.text })]))).optional(), {
          text: section.title,
        }),
      ]),
    ),
  );
  const sectionId = z.enum(q.sections.map((s) => s.id) as [string, ...string[]]);
  const policy = z.strictObject({
    name: meta(z.string().max(MAX_TEXT_CHARS).regex(/\S/, 'must not be empty'), { singleLine: true }),
    friendly: z.boolean(),
    necessary: z.boolean(),
    note: text(),
  });
  return z.strictObject({
    questionnaire: meta(z.literal(q.id).optional(), { doc: 'questionnaire' }),
    lang: meta(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code such as en or pt').optional(), { doc: 'lang' }),
    organization: meta(z.string().max(MAX_NAME_CHARS).optional(), { doc: 'organization', singleLine: true }),
    respondent: meta(text(MAX_NAME_CHARS), { doc: 'respondent', singleLine: true }),
    date: meta(isoDate().optional(), { doc: 'date', example: '2026-11-23' }),
    profile: meta(z.strictObject(Object.fromEntries(q.profile.map((p) => [p.id, meta(z.boolean().optional(), { text: p.question })]))).optional(), {
      doc: 'profile',
    }),
    ratings: meta(ratings, { doc: 'ratings', flowItems: true }),
    improve: meta(z.array(sectionId).min(1).max(3).optional(), { doc: 'improve', example: `[${q.sections.slice(0, 2).map((s) => s.id).join(', ')}]` }),
    requirements: meta(
      z
        .strictObject({
          internal: meta(list(), { doc: 'requirements.internal' }),
          employees: meta(list(), { doc: 'requirements.employees', staffOnly: true }),
          topRequests: meta(list(3), { doc: 'requirements.topRequests' }),
        })
        .optional(),
      { doc: 'requirements' },
    ),
    vision: meta(text(), { doc: 'vision' }),
    visionNotes: meta(
      z
        .strictObject({
          tenYears: text(),
          fiveThings: list(5),
          customerShoes: text(),
          picture: text(),
        })
        .optional(),
      { doc: 'visionNotes', omitFromInit: true },
    ),
    policies: meta(z.array(policy).max(MAX_LIST_ITEMS).nullable().optional(), { doc: 'policies', flowItems: true }),
    communication: meta(z.strictObject(Object.fromEntries(COMMUNICATION_SKILLS.map((k) => [k, text()]))).optional(), { doc: 'communication' }),
    education: meta(
      z
        .strictObject({
          kickoff: meta(isoDate().or(z.literal('')).nullable().optional(), { doc: 'education.kickoff' }),
          owner: meta(text(), { singleLine: true }),
          training: text(),
        })
        .optional(),
      { doc: 'education', staffOnly: true },
    ),
  });
}

export type AnswersSchema = ReturnType<typeof buildAnswersSchema>;

/** What the walk saves and what consultants write (the ids in `ratings` come from the questionnaire). */
export type Answers = Omit<z.output<AnswersSchema>, 'ratings' | 'profile' | 'communication'> & {
  profile?: Record<string, boolean | undefined>;
  ratings: Record<string, Record<string, number | undefined> | undefined>;
  communication?: Partial<Record<CommunicationSkill, string | null>>;
};
export type Policy = NonNullable<Answers['policies']>[number];

// One schema per questionnaire, built once: a batch of thousands of files shares it.
const schemas = new WeakMap<Questionnaire, AnswersSchema>();

export function answersSchema(q: Questionnaire): AnswersSchema {
  let schema = schemas.get(q);
  if (!schema) schemas.set(q, (schema = buildAnswersSchema(q)));
  return schema;
}

/** Whether a value counts as answered: absent, `""` and `[]` are placeholders still to fill in. */
export function isAnswered(value: unknown): boolean {
  return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

export interface AnswersCheck {
  /** Require a rating for every applicable statement (a report does; a walk resuming does not). */
  complete: boolean;
}

/** Parse and validate answers text against a questionnaire; all problems of the file at once. */
export function loadAnswers(text: string, file: string, q: Questionnaire, check: AnswersCheck = { complete: true }): Answers {
  return validateAnswers(parseYaml(text, file), q, check);
}

export function validateAnswers(source: YamlSource, q: Questionnaire, check: AnswersCheck = { complete: true }): Answers {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string, hint?: string, key = false) =>
    problems.push({ file: source.file, ...locate(source, path, key), path: formatPath(path), message, ...(hint ? { hint } : {}) });

  const raw = source.data as Record<string, unknown>;
  // Checked on its own first: answers for another questionnaire make every other message noise.
  if (typeof raw.questionnaire === 'string' && raw.questionnaire !== q.id) {
    add(['questionnaire'], `these answers are for questionnaire "${raw.questionnaire}", not "${q.id}"`, 'pass the matching one with --questionnaire');
    throw new InputError(problems);
  }
  const schema = answersSchema(q);
  const { data, problems: schemaProblems } = checkWithSchema(schema, source, (parent, key) =>
    parent.length === 1 && parent[0] === 'ratings'
      ? `unknown section "${key}"`
      : parent.length === 2 && parent[0] === 'ratings'
        ? `unknown statement "${key}" in section ${String(parent[1])}`
        : `unknown key "${key}"`,
  );
  problems.push(...schemaProblems);

  // Completeness and applicability, checked on the raw data so they are reported beside any schema problems.
  const profile = resolveProfile(q, isRecord(raw.profile) ? (raw.profile as Record<string, boolean>) : {});
  // Without a ratings mapping the schema has said all there is to say.
  const ratings = isRecord(raw.ratings) ? raw.ratings : undefined;
  for (const section of ratings ? q.sections : []) {
    const given = ratings![section.id];
    const applicable = isApplicable(section, profile);
    if (!applicable) {
      if (isRecord(given) && Object.keys(given).length > 0) {
        add(['ratings', section.id], `section ${section.id} does not apply because profile.${section.when} is false, but it has ratings`, `remove them, or set profile.${section.when}: true`, true);
      }
      continue;
    }
    if (!check.complete || (given !== undefined && !isRecord(given))) continue;
    const missing = section.statements.filter((st) => !isRecord(given) || !(st.id in given)).map((st) => st.id);
    if (missing.length === section.statements.length && !isRecord(given)) {
      add(['ratings'], `missing section ${section.id} (${section.statements.length} ratings)`, 'run `csq init` to see every id', true);
    } else if (missing.length > 0) {
      add(['ratings', section.id], `missing rating${missing.length > 1 ? 's' : ''} for ${missing.join(', ')}`);
    }
  }
  if (Array.isArray(raw.improve)) {
    const seen = new Set<unknown>();
    raw.improve.forEach((id, i) => {
      const section = q.sections.find((s) => s.id === id);
      if (seen.has(id)) add(['improve', i], `"${id}" is listed twice`);
      else if (section && !isApplicable(section, profile)) add(['improve', i], `section ${id} does not apply (profile.${section.when} is false)`);
      seen.add(id);
    });
  }
  if (problems.length > 0 || !data) throw new InputError(problems);
  return data as Answers;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every applicable statement that has no rating yet, in questionnaire order. */
export function missingRatings(q: Questionnaire, answers: Answers): { section: string; statement: string }[] {
  const profile = resolveProfile(q, answers.profile);
  return q.sections
    .filter((section) => isApplicable(section, profile))
    .flatMap((section) =>
      section.statements.filter((st) => own(own(answers.ratings, section.id), st.id) === undefined).map((st) => ({ section: section.id, statement: st.id })),
    );
}

/** The schema of the field at `path` (unwrapping optional and nullable wrappers on the way), if any. */
export function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (const segment of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } } | undefined)?.def;
    if (def?.type === 'object') node = def.shape?.[String(segment)];
    else if (def?.type === 'array') node = def.element;
    else return undefined;
  }
  return node;
}

/** The schema inside optional, nullable and default wrappers. */
export function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let node = schema;
  for (;;) {
    const def = (node as { def?: { type?: string; innerType?: z.ZodType } } | undefined)?.def;
    if (def && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) node = def.innerType;
    else return node;
  }
}

/** The metadata of a field, looked up on the field's schema as declared (with its wrappers). */
export function metaOf(schema: z.ZodType | undefined): FieldMeta {
  let node = schema;
  while (node) {
    const found = fieldMeta.get(node);
    if (found) return found;
    const inner = (node as { def?: { innerType?: z.ZodType } }).def?.innerType;
    node = inner;
  }
  return {};
}

/** The keys of an object schema, in declaration order (the order of every file csq writes). */
export function keysOf(schema: z.ZodType | undefined): string[] {
  const def = (unwrap(schema) as { def?: { type?: string; shape?: Record<string, unknown> } } | undefined)?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
