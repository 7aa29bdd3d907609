/** The Result (design.md §4): the stable, versioned intermediate that JSON output and every renderer share. */
import * as z from 'zod';
import { lazySchema } from './lazy.js';

export const RESULT_SCHEMA_VERSION = 1;

export const POLICY_ACTIONS = ['drop', 'make-friendlier', 'keep-and-strengthen', 'add-more'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

// Only a saved Result that is read again needs this.
export const resultSchema = lazySchema(() => {
  const score = z.strictObject({ score: z.int().min(0), max: z.int().min(0), percent: z.number().min(0).max(100) });
  return z
    .strictObject({
      schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
      questionnaire: z.strictObject({ id: z.string(), version: z.int(), lang: z.string() }),
      lang: z.string().describe('The language the plan is rendered in.'),
      organization: z.string().nullable(),
      respondent: z.string().nullable(),
      date: z.string().nullable(),
      profile: z.record(z.string(), z.boolean()),
      overall: score,
      sections: z.array(
        z.strictObject({
          id: z.string(),
          title: z.string(),
          applicable: z.boolean(),
          score: z.int().nullable(),
          max: z.int().nullable(),
          percent: z.number().nullable(),
          ratings: z.record(z.string(), z.int()),
        }),
      ),
      improve: z.array(z.string()),
      improveChosen: z.boolean().describe('true when the answers chose the areas; false when they are the three lowest.'),
      requirements: z.strictObject({ internal: z.array(z.string()), employees: z.array(z.string()), topRequests: z.array(z.string()) }),
      vision: z.string().nullable(),
      visionNotes: z.strictObject({
        tenYears: z.string().nullable(),
        fiveThings: z.array(z.string()),
        customerShoes: z.string().nullable(),
        picture: z.string().nullable(),
      }),
      policies: z.array(
        z.strictObject({ name: z.string(), friendly: z.boolean(), necessary: z.boolean(), note: z.string().nullable(), action: z.enum(POLICY_ACTIONS) }),
      ),
      communication: z.strictObject({
        greet: z.string().nullable(),
        value: z.string().nullable(),
        ask: z.string().nullable(),
        listen: z.string().nullable(),
        help: z.string().nullable(),
        invite: z.string().nullable(),
      }),
      education: z.strictObject({ kickoff: z.string().nullable(), owner: z.string().nullable(), training: z.string().nullable() }).nullable(),
      team: z
        .strictObject({
          respondents: z.int().min(1),
          names: z.array(z.string().nullable()),
          sections: z.array(
            z.strictObject({
              id: z.string(),
              mean: z.number(),
              min: z.number(),
              max: z.number(),
              spread: z.number(),
              disagree: z.boolean(),
              statements: z.record(z.string(), z.number()),
            }),
          ),
        })
        .optional()
        .describe('Only in a combined Result (csq team): respondents, and per section the spread of their percents.'),
    })
    .describe('A scored customer service assessment (csq Result).');
});

export type Result = z.output<ReturnType<typeof resultSchema>>;
export type SectionResult = Result['sections'][number];
export type Score = Result['overall'];
