/**
 * The customers' view as csq reads it back: customers.json (csq survey tally), or the same data
 * as a `customers:` block in an answers file. One schema and one set of checks for both. Pure.
 */
import * as z from 'zod';
import type { Problem } from '../errors.js';
import { lazySchema } from './lazy.js';
import { formatPath, locate, type PathSegment } from './locate.js';
import type { Questionnaire } from './questionnaire.js';
import type { YamlSource } from './yaml.js';

const figure = z.number().min(0).max(100).nullable();
const count = z.int().min(0);

/** customers.json as csq survey tally writes it. Fields csq does not read are kept (an answers file saved again keeps its whole block), and allowed: they are only ever added. */
export const customersSchema = lazySchema(() =>
  z.looseObject({
    schemaVersion: z.literal(1),
    questionnaire: z.string(),
    // Added with the re-survey date: a tally written before it has none.
    surveyed: z.iso.date().nullable().optional(),
    responses: count,
    anecdotal: z.boolean(),
    areas: z.array(
      z.looseObject({
        id: z.string(),
        answers: count,
        score: figure,
        spread: z.number().min(0).nullable(),
        importance: z.looseObject({ answers: count, mean: z.number().nullable(), weight: z.number().min(0).max(1).nullable() }),
        competitor: z.looseObject({ answers: count, score: figure }),
      }),
    ),
    nps: z.looseObject({ answers: count, score: z.number().min(-100).max(100).nullable(), margin: z.number().min(0).nullable() }),
    requests: z.array(z.looseObject({ text: z.string().max(2000), count: z.int().min(1) })).max(1000),
  }),
);

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
