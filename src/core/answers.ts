/**
 * The answers format, declared once. The zod schema built here is the TypeScript type,
 * the validator, the key order of autosave (answers-yaml.ts), the `csq init` template
 * (answers-template.ts) and the JSON Schema (`csq schema answers`): each field's
 * metadata (`fieldMeta`) says what those need beyond its type.
 *
 * Absent, `""` and `[]` mean "not answered yet"; `null` means "asked, and left empty".
 */
import * as z from 'zod/mini';
import { InputError, type Problem } from '../errors.js';
import { customersProblems, customersSchema } from './customers.js';
import { checkWithSchema, type Complaint } from './issues.js';
import { KEEP_SCHEMAS } from './lazy.js';
import { langCode, meta } from './meta.js';

export { fieldMeta, keysOf, metaOf, schemaAt, unwrap, type FieldMeta } from './meta.js';
import { isApplicable, own, resolveProfile, type Questionnaire } from './questionnaire.js';
import { formatPath, locate, type PathSegment } from './locate.js';
import { parseYaml, type YamlSource } from './yaml.js';
import { MAX_CUSTOMERS_PER_MONTH, MAX_LIST_ITEMS, MAX_NAME_CHARS, MAX_TEXT_CHARS } from './limits.js';
import { BUYING_RHYTHMS } from './resurvey.js';

export const COMMUNICATION_SKILLS = ['greet', 'value', 'ask', 'listen', 'help', 'invite'] as const;
export type CommunicationSkill = (typeof COMMUNICATION_SKILLS)[number];

/** A free-text answer: "" not answered yet, null asked and left empty. Bounded (limits.ts), as every list, so that any valid answers' Result reads back. */
const text = (max = MAX_TEXT_CHARS) => z.optional(z.nullable(z.string().check(z.maxLength(max))));
const list = (max = MAX_LIST_ITEMS) => z.optional(z.nullable(z.array(z.string().check(z.maxLength(MAX_TEXT_CHARS))).check(z.maxLength(max))));
const isoDate = () => z.iso.date();

function buildAnswersSchema(q: Questionnaire) {
  const { min, max } = q.scale;
  const rating = z.int().check(z.minimum(min), z.maximum(max));
  const ratings = z.strictObject(
    Object.fromEntries(
      q.sections.map((section) => [
        section.id,
        meta(z.optional(z.strictObject(Object.fromEntries(section.statements.map((st) => [st.id, meta(z.optional(rating), { text: st.text, rating: { min, max } })])))), {
          text: section.title,
        }),
      ]),
    ),
  );
  const sectionId = z.enum(q.sections.map((s) => s.id) as [string, ...string[]]);
  const policy = z.strictObject({
    name: meta(z.string().check(z.maxLength(MAX_TEXT_CHARS), z.regex(/\S/)), { singleLine: true, problems: { invalid_format: 'empty' } }),
    friendly: z.boolean(),
    necessary: z.boolean(),
    note: text(),
  });
  const action = z.strictObject({
    /** The area it improves: a section id; none for a policy or the kickoff meeting. */
    area: z.optional(sectionId),
    action: meta(z.string().check(z.maxLength(MAX_TEXT_CHARS), z.regex(/\S/)), { singleLine: true, problems: { invalid_format: 'empty' } }),
    owner: meta(text(MAX_NAME_CHARS), { singleLine: true }),
    due: z.optional(z.nullable(isoDate())),
    /** How we will know it is done or working. */
    measure: text(),
    target: text(),
  });
  return z.strictObject({
    questionnaire: meta(z.optional(z.literal(q.id)), { doc: 'questionnaire' }),
    lang: meta(z.optional(langCode()), { doc: 'lang' }),
    organization: meta(z.optional(z.string().check(z.maxLength(MAX_NAME_CHARS))), { doc: 'organization', singleLine: true }),
    respondent: meta(text(MAX_NAME_CHARS), { doc: 'respondent', singleLine: true }),
    date: meta(z.optional(isoDate()), { doc: 'date', example: '2026-11-23' }),
    profile: meta(z.optional(z.strictObject(Object.fromEntries(q.profile.map((p) => [p.id, meta(z.optional(z.boolean()), { text: p.question })])))), {
      doc: 'profile',
    }),
    // How often to survey the customers again (core/resurvey.ts): the method's volume and value.
    business: meta(
      z.optional(
        z.nullable(
          z.strictObject({
            buys: meta(z.optional(z.enum(BUYING_RHYTHMS)), { doc: 'business.buys', example: 'weekly' }),
            customersPerMonth: meta(z.optional(z.int().check(z.minimum(0), z.maximum(MAX_CUSTOMERS_PER_MONTH))), { doc: 'business.customersPerMonth', example: '400' }),
          }),
        ),
      ),
      { doc: 'business' },
    ),
    ratings: meta(ratings, { doc: 'ratings', flowItems: true }),
    improve: meta(z.optional(z.array(sectionId).check(z.minLength(1), z.maxLength(3))), { doc: 'improve', example: `[${q.sections.slice(0, 2).map((s) => s.id).join(', ')}]` }),
    actions: meta(z.optional(z.nullable(z.array(action).check(z.maxLength(MAX_LIST_ITEMS)))), { doc: 'actions', flowItems: true }),
    review: meta(z.optional(z.nullable(isoDate())), { doc: 'review', example: '2027-06-01' }),
    requirements: meta(
      z.optional(
        z.strictObject({
          internal: meta(list(), { doc: 'requirements.internal' }),
          employees: meta(list(), { doc: 'requirements.employees', staffOnly: true }),
          topRequests: meta(list(3), { doc: 'requirements.topRequests' }),
        }),
      ),
      { doc: 'requirements' },
    ),
    vision: meta(text(), { doc: 'vision' }),
    visionNotes: meta(
      z.optional(
        z.strictObject({
          tenYears: text(),
          fiveThings: list(5),
          customerShoes: text(),
          picture: text(),
        }),
      ),
      { doc: 'visionNotes', omitFromInit: true },
    ),
    policies: meta(z.optional(z.nullable(z.array(policy).check(z.maxLength(MAX_LIST_ITEMS)))), { doc: 'policies', flowItems: true }),
    communication: meta(z.optional(z.strictObject(Object.fromEntries(COMMUNICATION_SKILLS.map((k) => [k, text()])))), { doc: 'communication' }),
    education: meta(
      z.optional(
        z.strictObject({
          kickoff: meta(z.optional(z.nullable(z.union([isoDate(), z.literal('')]))), { doc: 'education.kickoff' }),
          owner: meta(text(), { singleLine: true }),
          training: text(),
        }),
      ),
      { doc: 'education', staffOnly: true },
    ),
    // The customers' view, as `csq survey tally` writes it: what `--customers customers.json` gives, kept with the answers.
    customers: meta(z.optional(customersSchema()), { doc: 'customers', omitFromInit: true }),
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
  if (!schema || !KEEP_SCHEMAS) schemas.set(q, (schema = buildAnswersSchema(q)));
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
  const add = (path: PathSegment[], complaint: Complaint, key = false) => problems.push({ file: source.file, ...locate(source, path, key), path: formatPath(path), ...complaint });

  const raw = source.data as Record<string, unknown>;
  // Checked on its own first: answers for another questionnaire make every other message noise.
  if (typeof raw.questionnaire === 'string' && raw.questionnaire !== q.id) {
    add(['questionnaire'], { code: 'other-questionnaire', values: { found: raw.questionnaire, expected: q.id }, hint: 'pass-questionnaire' });
    throw new InputError(problems);
  }
  const schema = answersSchema(q);
  const { data, problems: schemaProblems } = checkWithSchema(schema, source, (parent, key): Complaint =>
    parent.length === 1 && parent[0] === 'ratings'
      ? { code: 'unknown-section', values: { key } }
      : parent.length === 2 && parent[0] === 'ratings'
        ? { code: 'unknown-statement', values: { key, section: String(parent[1]) } }
        : { code: 'unknown-key', values: { key } },
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
        add(['ratings', section.id], { code: 'section-not-applicable', values: { section: section.id, question: section.when! }, hint: 'remove-or-set-profile', hintValues: { question: section.when! } }, true);
      }
      continue;
    }
    if (!check.complete || (given !== undefined && !isRecord(given))) continue;
    const missing = section.statements.filter((st) => !isRecord(given) || !(st.id in given)).map((st) => st.id);
    if (missing.length === section.statements.length && !isRecord(given)) {
      add(['ratings'], { code: 'missing-section', values: { section: section.id, count: section.statements.length }, hint: 'run-init-ids' }, true);
    } else if (missing.length > 0) {
      add(['ratings', section.id], { code: 'missing-ratings', values: { ids: missing.join(', '), count: missing.length } });
    }
  }
  if (Array.isArray(raw.improve)) {
    const seen = new Set<unknown>();
    raw.improve.forEach((id, i) => {
      const section = q.sections.find((s) => s.id === id);
      if (seen.has(id)) add(['improve', i], { code: 'listed-twice', values: { id: String(id) } });
      else if (section && !isApplicable(section, profile)) add(['improve', i], { code: 'improve-not-applicable', values: { section: String(id), question: section.when! } });
      seen.add(id);
    });
  }
  if (data?.customers) problems.push(...customersProblems(data.customers, source, q, ['customers']));
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
