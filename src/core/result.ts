/** The Result (ARCHITECTURE.md): the stable, versioned intermediate that JSON output and every renderer share. */
import * as z from 'zod/mini';
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
  const text = z.string().check(z.maxLength(MAX_TEXT_CHARS));
  const name = z.string().check(z.maxLength(MAX_NAME_CHARS));
  const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS));
  const lang = langCode();
  const isoDate = z.iso.date();
  const count = z.int().check(z.minimum(0), z.maximum(MAX_SCORE));
  const percent = z.number().check(z.minimum(0), z.maximum(100));
  const rating = z.int().check(z.minimum(0), z.maximum(MAX_SCALE));
  const list = z.array(text).check(z.maxLength(MAX_LIST_ITEMS));
  const score = z.strictObject({ score: count, max: count, percent });
  return z
    .strictObject({
      schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
      questionnaire: z.strictObject({ id, version: z.int().check(z.minimum(1)), lang }),
      lang: lang.check(z.describe('The language the plan is rendered in.')),
      organization: z.nullable(name),
      respondent: z.nullable(name),
      date: z.nullable(isoDate),
      profile: z.record(id, z.boolean()),
      overall: score,
      sections: z
        .array(
          z.strictObject({
            id,
            title: text,
            applicable: z.boolean(),
            score: z.nullable(count),
            max: z.nullable(count),
            percent: z.nullable(percent),
            ratings: z.record(id, rating),
          }),
        )
        .check(z.minLength(1), z.maxLength(MAX_SECTIONS)),
      improve: z.array(id).check(z.maxLength(3)),
      improveChosen: z.boolean().check(z.describe('true when the answers chose the areas; false when they are the three lowest.')),
      // A team's lists merge every respondent's (each item once): as many top requests as other items.
      requirements: z.strictObject({ internal: list, employees: list, topRequests: list }),
      vision: z.nullable(text),
      visionNotes: z.strictObject({
        tenYears: z.nullable(text),
        fiveThings: z.array(text).check(z.maxLength(5)),
        customerShoes: z.nullable(text),
        picture: z.nullable(text),
      }),
      policies: z
        .array(z.strictObject({ name: text, friendly: z.boolean(), necessary: z.boolean(), note: z.nullable(text), action: z.enum(POLICY_ACTIONS) }))
        .check(z.maxLength(MAX_LIST_ITEMS)),
      communication: z.strictObject({
        greet: z.nullable(text),
        value: z.nullable(text),
        ask: z.nullable(text),
        listen: z.nullable(text),
        help: z.nullable(text),
        invite: z.nullable(text),
      }),
      education: z.nullable(z.strictObject({ kickoff: z.nullable(isoDate), owner: z.nullable(text), training: z.nullable(text) })),
      // Added with the action plan: a Result saved before it has neither (no actions given, no review date).
      actions: z
        ._default(
          z.nullable(
            z
              .array(z.strictObject({ area: z.nullable(id), action: text, owner: z.nullable(name), due: z.nullable(isoDate), measure: z.nullable(text), target: z.nullable(text) }))
              .check(z.maxLength(MAX_LIST_ITEMS)),
          ),
          null,
        )
        .check(z.describe('The actions the answers give, in their order; null when they give none (the plan then suggests some).')),
      review: z._default(z.nullable(isoDate), null).check(z.describe('The date of the next assessment.')),
      // Added with the customers' view: a Result saved before it has none.
      business: z
        ._default(
          z.nullable(
            z.strictObject({ buys: z.nullable(z.enum(BUYING_RHYTHMS)), customersPerMonth: z.nullable(z.int().check(z.minimum(0), z.maximum(MAX_CUSTOMERS_PER_MONTH))) }),
          ),
          null,
        )
        .check(z.describe('How often a typical customer buys, and how many customers a month: they set when to survey the customers again. Null when the answers do not say.')),
      customers: z
        ._default(z.nullable(customersSchema()), null)
        .check(
          z.describe('The customers’ own view, as csq survey tally writes it (customers.json): from the answers’ customers: block or --customers. Null without one.'),
        ),
      team: z
        .optional(
          z.strictObject({
            respondents: z.int().check(z.minimum(1), z.maximum(MAX_RESPONDENTS)),
            names: z.array(z.nullable(name)).check(z.maxLength(MAX_RESPONDENTS)),
            sections: z
              .array(
                z.strictObject({
                  id,
                  mean: percent,
                  min: percent,
                  max: percent,
                  spread: percent,
                  disagree: z.boolean(),
                  statements: z.record(id, z.number().check(z.minimum(0), z.maximum(MAX_SCALE))),
                }),
              )
              .check(z.maxLength(MAX_SECTIONS)),
            // Added with the action plan: a combined Result saved before it has none.
            policies: z
              ._default(
                z
                  .array(
                    z.strictObject({
                      name: text,
                      judgments: z
                        .array(z.strictObject({ respondent: z.int().check(z.minimum(0), z.maximum(MAX_RESPONDENTS - 1)), friendly: z.boolean(), necessary: z.boolean() }))
                        .check(z.maxLength(MAX_RESPONDENTS)),
                    }),
                  )
                  .check(z.maxLength(MAX_LIST_ITEMS)),
                [],
              )
              .check(z.describe('The policies respondents judged differently: each judgment with the index of its respondent in names.')),
          }),
        )
        .check(z.describe('Only in a combined Result (csq team): respondents, per section the spread of their percents, and the policies they judged differently.')),
    })
    .check(z.describe('A scored customer service assessment (csq Result).'));
});

export type Result = z.output<ReturnType<typeof resultSchema>>;
export type SectionResult = Result['sections'][number];
export type Score = Result['overall'];
