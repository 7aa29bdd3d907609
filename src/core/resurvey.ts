/**
 * When to survey the customers again. Pure. The method's rule: customer data is ongoing, and how
 * often depends on volume and value: a fast-food restaurant continuously, a maker of large
 * equipment yearly. csq reads both from how often a typical customer buys (often and cheap, or
 * seldom and dear), then makes sure the interval serves enough customers for a survey that is
 * more than anecdotes.
 */
import { MIN_SURVEY_RESPONSES } from './limits.js';

/** How often a typical customer buys from the business: the answers' `business.buys`. */
export const BUYING_RHYTHMS = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type BuyingRhythm = (typeof BUYING_RHYTHMS)[number];

/** Months between surveys for each rhythm: "continuously" is a short survey every month. */
export const RESURVEY_MONTHS: Record<BuyingRhythm, number> = { daily: 1, weekly: 3, monthly: 6, yearly: 12 };
/** Without a rhythm: twice a year, the middle of the method's range. */
export const DEFAULT_RESURVEY_MONTHS = 6;
/**
 * The share of customers who answer a survey, assumed low on purpose (one in ten): an interval
 * must serve MIN_SURVEY_RESPONSES ÷ this many customers for the next survey to be more than anecdotes.
 */
export const ASSUMED_RESPONSE_RATE = 0.1;

export interface Business {
  buys?: BuyingRhythm | undefined;
  customersPerMonth?: number | undefined;
}

export interface Resurvey {
  months: number;
  /** The date `months` after the survey, as YYYY-MM-DD; null without the survey's date. */
  date: string | null;
  /** Why this interval: the rhythm, the rhythm lengthened for a small volume, or csq's default. */
  reason: 'rhythm' | 'volume' | 'default';
}

/** The next survey: after `surveyed` (YYYY-MM-DD, or null when unknown), for the business as described. */
export function nextSurvey(business: Business | null | undefined, surveyed: string | null): Resurvey {
  // The rhythms run from the most frequent, so their months ascend.
  const steps = BUYING_RHYTHMS.map((r) => RESURVEY_MONTHS[r]);
  const base = business?.buys ? RESURVEY_MONTHS[business.buys] : DEFAULT_RESURVEY_MONTHS;
  let months = base;
  const perMonth = business?.customersPerMonth;
  if (perMonth !== undefined) {
    const needed = MIN_SURVEY_RESPONSES / ASSUMED_RESPONSE_RATE;
    // The shortest step, no shorter than the rhythm's, that serves enough customers; a year at most.
    months = steps.find((m) => m >= base && m * perMonth >= needed) ?? steps.at(-1)!;
  }
  const reason = months > base ? 'volume' : business?.buys ? 'rhythm' : 'default';
  return { months, date: surveyed === null ? null : addMonths(surveyed, months), reason };
}

/** A calendar date `months` later; a day the month lacks becomes its last (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}
