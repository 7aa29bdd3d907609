/**
 * The gap between the owner's view and the customers': customers.json (csq survey tally)
 * read back and checked, and what the plan shows of it beside the owner's own scores. Pure.
 * (Gap 1 of the service-quality gaps model: what the owner believes against what customers say.)
 */
import { InputError } from '../errors.js';
import type { Messages } from '../i18n/en.js';
import { fill } from '../i18n/format.js';
import { formatDate, formatList, formatNumber, formatPercent } from '../i18n/intl.js';
import { MIN_SURVEY_RESPONSES } from './limits.js';
import { nextSurvey } from './resurvey.js';
import { normalizeRequest } from './tally.js';
import { checkWithSchema } from './issues.js';
import { customersProblems, customersSchema, type CustomersIn } from './customers.js';

export type { CustomersIn } from './customers.js';
import type { Questionnaire } from './questionnaire.js';
import type { Result } from './result.js';
import { wholePercentOf } from './scoring.js';
import type { YamlSource } from './yaml.js';
import { bar } from './plan.js';

/** customers.json, read and checked against the questionnaire in use. */
export function validateCustomers(source: YamlSource, q: Questionnaire): CustomersIn {
  const { data, problems } = checkWithSchema(customersSchema(), source);
  if (data) problems.push(...customersProblems(data, source, q));
  if (problems.length > 0 || !data) throw new InputError(problems);
  return data;
}

/** What the plan shows: a row per area that applies, the priorities by the customers, their requests, and what the owner's lists missed. */
export function customersView(result: Result, customers: CustomersIn, q: Questionnaire, messages: Messages) {
  const lang = messages.lang;
  const t = messages.plan;
  const byId = new Map(customers.areas.map((a) => [a.id, a]));
  const percent = (x: number | null) => (x === null ? '–' : formatPercent(Math.round(x), lang));
  // The areas that apply to the business, in the questionnaire's order (the Result's).
  const rows = result.sections
    .filter((own) => own.applicable)
    .map((own) => {
      const ours = wholePercentOf(own.score!, own.max!);
      const theirs = byId.get(own.id);
      const score = theirs?.score ?? null;
      const gap = score === null ? null : Math.round(score) - ours;
      return {
        id: own.id,
        title: own.title,
        ours: percent(ours),
        customers: percent(score),
        gap: gap === null ? '–' : gap > 0 ? `+${gap}` : String(gap),
        importance: theirs?.importance.weight == null ? '–' : formatPercent(Math.round(theirs.importance.weight * 100), lang),
        competitor: percent(theirs?.competitor.score ?? null),
        /** The numbers themselves, for the HTML chart. */
        oursValue: ours,
        customersValue: score,
        oursBar: bar(ours, 100),
        customersBar: score === null ? '' : bar(score, 100),
        // What customers miss most, weighted by how much it matters to them: importance × the shortfall from 100%.
        need: score === null ? null : (theirs?.importance.weight ?? 1) * (100 - score),
      };
    });
  // An area the customers miss nothing in is no priority of theirs.
  const ranked = rows
    .filter((r) => r.need !== null && r.need > 0)
    .sort((a, b) => b.need! - a.need!)
    .slice(0, 3);
  const ownItems = [...result.requirements.internal, ...result.requirements.employees, ...result.requirements.topRequests].map(normalizeRequest);
  const top = customers.requests.slice(0, 3);
  const missed = customers.requests
    .slice(0, 10)
    .filter((r) => !ownItems.some((item) => item.includes(normalizeRequest(r.text)) || normalizeRequest(r.text).includes(item)))
    .slice(0, 5)
    .map((r) => r.text);
  const title = (id: string) => q.sections.find((s) => s.id === id)?.title ?? id;
  const business = result.business ?? undefined;
  const next = nextSurvey(business && { buys: business.buys ?? undefined, customersPerMonth: business.customersPerMonth ?? undefined }, customers.surveyed ?? null);
  const rhythm = { daily: t.buysDaily, weekly: t.buysWeekly, monthly: t.buysMonthly, yearly: t.buysYearly };
  return {
    /** When to ask again (core/resurvey.ts): the months, the date, and why, for the template's words. */
    resurvey: {
      months: next.months,
      date: formatDate(next.date, lang),
      reason: next.reason,
      rhythm: business?.buys ? rhythm[business.buys] : '',
      customersPerMonth: business?.customersPerMonth == null ? '' : formatNumber(business.customersPerMonth, lang),
      minResponses: MIN_SURVEY_RESPONSES,
    },
    rows,
    responses: customers.responses,
    anecdotal: customers.anecdotal,
    nps: customers.nps.score === null ? null : fill(t.customersNps, { nps: customers.nps.score, margin: customers.nps.margin ?? 0, count: customers.nps.answers }, lang),
    priorities: formatList(
      ranked.map((r) => r.title),
      lang,
    ),
    /** The customers' priorities, most needed first: their section ids. */
    priorityIds: ranked.map((r) => r.id),
    ownPriorities: formatList(result.improve.map(title), lang),
    samePriorities: ranked.map((r) => r.id).join() === result.improve.join(),
    requests: top.map((r) => fill(t.customersRequest, { text: r.text, count: r.count }, lang)),
    missed,
  };
}

export type CustomersView = ReturnType<typeof customersView>;

