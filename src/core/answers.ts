/** The answers format (design.md §3): one schema per questionnaire, so ids are checked and editors can complete them. */
import * as z from 'zod';
import { InputError, type Problem } from '../errors.js';
import { checkWithSchema, describeValue } from './issues.js';
import { isApplicable, own, resolveProfile, type Questionnaire } from './questionnaire.js';
import { formatPath, locate, parseYaml, type PathSegment, type YamlSource } from './source.js';

export const COMMUNICATION_SKILLS = ['greet', 'value', 'ask', 'listen', 'help', 'invite'] as const;
export type CommunicationSkill = (typeof COMMUNICATION_SKILLS)[number];

export interface Policy {
  name: string;
  friendly: boolean;
  necessary: boolean;
  note?: string;
}

/** What the walk saves and what consultants write. Absent = not asked yet; empty = asked and skipped. */
export interface Answers {
  questionnaire?: string;
  lang?: string;
  organization?: string;
  respondent?: string;
  date?: string;
  profile?: Record<string, boolean>;
  ratings: Record<string, Record<string, number>>;
  improve?: string[];
  requirements?: { internal?: string[]; employees?: string[]; topRequests?: string[] };
  vision?: string;
  visionNotes?: { tenYears?: string; fiveThings?: string[]; customerShoes?: string; picture?: string };
  policies?: Policy[];
  communication?: Partial<Record<CommunicationSkill, string>>;
  education?: { kickoff?: string; owner?: string; training?: string };
}

// One schema per questionnaire, built once: a batch of thousands of files shares it.
const schemas = new WeakMap<Questionnaire, ReturnType<typeof buildAnswersSchema>>();

export function answersSchema(q: Questionnaire) {
  let schema = schemas.get(q);
  if (!schema) schemas.set(q, (schema = buildAnswersSchema(q)));
  return schema;
}

function buildAnswersSchema(q: Questionnaire) {
  const { min, max } = q.scale;
  const text = z.string();
  const list = z.array(z.string());
  const isoDate = z.iso.date();
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
    .max(max, { error: (issue) => `${issue.input} is outside the scale ${min}–${max}` })
    .describe(`A rating from ${min} (${q.scale.labels[String(min)]}) to ${max} (${q.scale.labels[String(max)]}).`);
  const ratings = z.strictObject(
    Object.fromEntries(
      q.sections.map((section) => [
        section.id,
        z
          .strictObject(Object.fromEntries(section.statements.map((st) => [st.id, rating.describe(st.text).optional()])))
          .describe(section.title)
          .optional(),
      ]),
    ),
  );
  const sectionId = z.enum(q.sections.map((s) => s.id) as [string, ...string[]]);
  return z
    .strictObject({
      questionnaire: text.describe(`The questionnaire id (${q.id}).`).optional(),
      lang: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code such as en or pt').optional(),
      organization: text.optional(),
      respondent: text.optional(),
      date: isoDate.describe('Printed in the plan; leave it out for reproducible output.').optional(),
      profile: z.strictObject(Object.fromEntries(q.profile.map((p) => [p.id, z.boolean().describe(p.question).optional()]))).optional(),
      ratings,
      improve: z.array(sectionId).min(1).max(3).describe('1–3 section ids to improve; default: the three lowest.').optional(),
      requirements: z
        .strictObject({ internal: list.optional(), employees: list.optional(), topRequests: list.max(3).optional() })
        .optional(),
      vision: text.optional(),
      visionNotes: z
        .strictObject({ tenYears: text.optional(), fiveThings: list.max(5).optional(), customerShoes: text.optional(), picture: text.optional() })
        .optional(),
      policies: z
        .array(z.strictObject({ name: text.trim().min(1), friendly: z.boolean(), necessary: z.boolean(), note: text.optional() }))
        .optional(),
      communication: z.strictObject(Object.fromEntries(COMMUNICATION_SKILLS.map((k) => [k, text.optional()]))).optional(),
      education: z.strictObject({ kickoff: isoDate.or(z.literal('')).optional(), owner: text.optional(), training: text.optional() }).optional(),
    })
    .describe(`Answers to the ${q.title} questionnaire (${q.id}).`);
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
