/**
 * The customers' view as csq reads it back: customers.json (csq survey tally), or the same data
 * as a `customers:` block in an answers file. One schema and one set of checks for both. Pure.
 */
import * as z from 'zod/mini';
import type { Problem } from '../errors.js';
import { lazySchema } from './lazy.js';
import { formatPath, locate, type PathSegment } from './locate.js';
import type { Questionnaire } from './questionnaire.js';
import type { YamlSource } from './yaml.js';

/** customers.json as csq survey tally writes it. Fields csq does not read are kept (an answers file saved again keeps its whole block), and allowed: they are only ever added. */
export const customersSchema = lazySchema(() => {
  const figure = z.nullable(z.number().check(z.minimum(0), z.maximum(100)));
  const count = z.int().check(z.minimum(0));
  return z.looseObject({
    schemaVersion: z.literal(1),
    questionnaire: z.string(),
    // Added with the re-survey date: a tally written before it has none.
    surveyed: z.optional(z.nullable(z.iso.date())),
    responses: count,
    anecdotal: z.boolean(),
    areas: z.array(
      z.looseObject({
        id: z.string(),
        answers: count,
        score: figure,
        spread: z.nullable(z.number().check(z.minimum(0))),
        importance: z.looseObject({ answers: count, mean: z.nullable(z.number()), weight: z.nullable(z.number().check(z.minimum(0), z.maximum(1))) }),
        competitor: z.looseObject({ answers: count, score: figure }),
      }),
    ),
    nps: z.looseObject({ answers: count, score: z.nullable(z.number().check(z.minimum(-100), z.maximum(100))), margin: z.nullable(z.number().check(z.minimum(0))) }),
    requests: z.array(z.looseObject({ text: z.string().check(z.maxLength(2000)), count: z.int().check(z.minimum(1)) })).check(z.maxLength(1000)),
  });
});

export type CustomersIn = z.output<ReturnType<typeof customersSchema>>;

/** customers.json has a schemaVersion like a saved Result; its areas and NPS tell it apart. */
export function isCustomersData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'schemaVersion' in data && 'areas' in data && 'nps' in data;
}

/** What the schema cannot say: the tally is of this questionnaire, and each area is one of its sections. `at` is where the data sits in its file. */
export function customersProblems(data: CustomersIn, source: YamlSource, q: Questionnaire, at: readonly PathSegment[] = []): Problem[] {
  const problem = (path: PathSegment[], rest: Pick<Problem, 'code' | 'values'>): Problem => ({ file: source.file, ...locate(source, [...at, ...path]), path: formatPath([...at, ...path]), ...rest });
  const problems: Problem[] = [];
  if (data.questionnaire !== q.id) problems.push(problem(['questionnaire'], { code: 'customers-other-questionnaire', values: { found: data.questionnaire, expected: q.id } }));
  const known = new Set(q.sections.map((s) => s.id));
  data.areas.forEach((area, i) => {
    if (!known.has(area.id)) problems.push(problem(['areas', i, 'id'], { code: 'unknown-section', values: { key: area.id } }));
  });
  return problems;
}
