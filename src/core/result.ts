/** The Result (ARCHITECTURE.md): the stable, versioned intermediate that JSON output and every renderer share. */
import * as z from 'zod';
import { lazySchema } from './lazy.js';
import { langCode } from './meta.js';
import { customersSchema } from './customers.js';
import { BUYING_RHYTHMS } from './resurvey.js';
import { MAX_CUSTOMERS_PER_MONTH, MAX_ID_CHARS, MAX_LIST_ITEMS, MAX_NAME_CHARS, MAX_RESPONDENTS, MAX_SCALE, MAX_SECTIONS, MAX_STATEMENTS_PER_SECTION, MAX_TEXT_CHARS } from './limits.js';

export const RESULT_SCHEMA_VERSION = 1;

export const POLICY_ACTIONS = ['drop', 'make-friendlier', 'keep-and-strengthen', 'add-more'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** The highest score a Result can hold: every point of the largest scale, every statement, every respondent. */
export const MAX_SCORE = MAX_SCALE * MAX_SECTIONS * MAX_STATEMENTS_PER_SECTION * MAX_RESPONDENTS;

// Only a saved Result that is read again needs this. As strict as the answers it is made from:
// the same bounds, dates as dates; result-check.ts adds what the numbers must add up to.
export const resultSchema = lazySchema(() => {
  const text = z.string().max(MAX_TEXT_CHARS);
  const name = z.string().max(MAX_NAME_CHARS);
  const id = z.string().min(1).max(MAX_ID_CHARS);
  const lang = langCode();
  const isoDate = z.iso.date();
  const count = z.int().min(0).max(MAX_SCORE);
  const percent = z.number().min(0).max(100);
  const rating = z.int().min(0).max(MAX_SCALE);
  const list = z.array(text).max(MAX_LIST_ITEMS);
  const score = z.strictObject({ score: count, max: count, percent });
  return z
    .strictObject({
      schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
      questionnaire: z.strictObject({ id, version: z.int().min(1), lang }),
      lang: lang.describe('The language the plan is rendered in.'),
      organization: name.nullable(),
      respondent: name.nullable(),
      date: isoDate.nullable(),
      profile: z.record(id, z.boolean()),
      overall: score,
      sections: z
        .array(
          z.strictObject({
            id,
            title: text,
            applicable: z.boolean(),
            score: count.nullable(),
            max: count.nullable(),
            percent: percent.nullable(),
            ratings: z.record(id, rating),
          }),
        )
        .min(1)
        .max(MAX_SECTIONS),
      improve: z.array(id).max(3),
      improveChosen: z.boolean().describe('true when the answers chose the areas; false when they are the three lowest.'),
      // A team's lists merge every respondent's (each item once): as many top requests as other items.
      requirements: z.strictObject({ internal: list, employees: list, topRequests: list }),
      vision: text.nullable(),
      visionNotes: z.strictObject({
        tenYears: text.nullable(),
        fiveThings: z.array(text).max(5),
        customerShoes: text.nullable(),
        picture: text.nullable(),
      }),
      policies: z
        .array(z.strictObject({ name: text, friendly: z.boolean(), necessary: z.boolean(), note: text.nullable(), action: z.enum(POLICY_ACTIONS) }))
        .max(MAX_LIST_ITEMS),
      communication: z.strictObject({
        greet: text.nullable(),
        value: text.nullable(),
        ask: text.nullable(),
        listen: text.nullable(),
        help: text.nullable(),
        invite: text.nullable(),
      }),
      education: z.strictObject({ kickoff: isoDate.nullable(), owner: text.nullable(), training: text.nullable() }).nullable(),
      // Added with the action plan: a Result saved before it has neither (no actions given, no review date).
      actions: z
        .array(z.strictObject({ area: id.nullable(), action: text, owner: name.nullable(), due: isoDate.nullable(), measure: text.nullable(), target: text.nullable() }))
        .max(MAX_LIST_ITEMS)
        .nullable()
        .default(null)
        .describe('The actions the answers give, in their order; null when they give none (the plan then suggests some).'),
      review: isoDate.nullable().default(null).describe('The date of the next assessment.'),
      // Added with the customers' view: a Result saved before it has none.
      business: z
        .strictObject({ buys: z.enum(BUYING_RHYTHMS).nullable(), customersPerMonth: z.int().min(0).max(MAX_CUSTOMERS_PER_MONTH).nullable() })
        .nullable()
        .default(null)
        .describe('How often a typical customer buys, and how many customers a month: they set when to survey the customers again. Null when the answers do not say.'),
      customers: customersSchema()
        .nullable()
        .default(null)
        .describe('The customers’ own view, as csq survey tally writes it (customers.json): from the answers’ customers: block or --customers. Null without one.'),
      team: z
        .strictObject({
          respondents: z.int().min(1).max(MAX_RESPONDENTS),
          names: z.array(name.nullable()).max(MAX_RESPONDENTS),
          sections: z
            .array(
              z.strictObject({
                id,
                mean: percent,
                min: percent,
                max: percent,
                spread: percent,
                disagree: z.boolean(),
                statements: z.record(id, z.number().min(0).max(MAX_SCALE)),
              }),
            )
            .max(MAX_SECTIONS),
          // Added with the action plan: a combined Result saved before it has none.
          policies: z
            .array(
              z.strictObject({
                name: text,
                judgments: z.array(z.strictObject({ respondent: z.int().min(0).max(MAX_RESPONDENTS - 1), friendly: z.boolean(), necessary: z.boolean() })).max(MAX_RESPONDENTS),
              }),
            )
            .max(MAX_LIST_ITEMS)
            .default([])
            .describe('The policies respondents judged differently: each judgment with the index of its respondent in names.'),
        })
        .optional()
        .describe('Only in a combined Result (csq team): respondents, per section the spread of their percents, and the policies they judged differently.'),
    })
    .describe('A scored customer service assessment (csq Result).');
});

export type Result = z.output<ReturnType<typeof resultSchema>>;
export type SectionResult = Result['sections'][number];
export type Score = Result['overall'];
