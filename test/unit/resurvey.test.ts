/**
 * When to survey again: the rhythm of buying sets the interval, a small volume lengthens it to
 * the first step that serves 100 customers (10 answers at one in ten), a year at most.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, nextSurvey } from '../../src/core/resurvey.js';

describe('nextSurvey', () => {
  it('asks as often as customers buy: daily every month, weekly every three, monthly every six, yearly every twelve', () => {
    expect(nextSurvey({ buys: 'daily' }, '2026-11-30')).toEqual({ months: 1, date: '2026-12-30', reason: 'rhythm' });
    expect(nextSurvey({ buys: 'weekly' }, '2026-11-30')).toEqual({ months: 3, date: '2027-02-28', reason: 'rhythm' });
    expect(nextSurvey({ buys: 'monthly' }, '2026-11-30')).toEqual({ months: 6, date: '2027-05-30', reason: 'rhythm' });
    expect(nextSurvey({ buys: 'yearly' }, '2026-11-30')).toEqual({ months: 12, date: '2027-11-30', reason: 'rhythm' });
  });

  it('without a rhythm, twice a year, and says it is the default', () => {
    expect(nextSurvey(null, '2026-01-15')).toEqual({ months: 6, date: '2026-07-15', reason: 'default' });
    expect(nextSurvey(undefined, '2026-01-15')).toEqual({ months: 6, date: '2026-07-15', reason: 'default' });
    expect(nextSurvey({}, '2026-01-15')).toEqual({ months: 6, date: '2026-07-15', reason: 'default' });
  });

  it('waits for 100 customers: exactly 100 in the rhythm’s interval is enough, 99 is not', () => {
    expect(nextSurvey({ buys: 'daily', customersPerMonth: 100 }, null)).toEqual({ months: 1, date: null, reason: 'rhythm' });
    expect(nextSurvey({ buys: 'daily', customersPerMonth: 99 }, null)).toEqual({ months: 3, date: null, reason: 'volume' });
    // 34 a month: 102 in three months; 33: 99, so six.
    expect(nextSurvey({ buys: 'daily', customersPerMonth: 34 }, null).months).toBe(3);
    expect(nextSurvey({ buys: 'daily', customersPerMonth: 33 }, null).months).toBe(6);
    expect(nextSurvey({ buys: 'weekly', customersPerMonth: 17 }, null).months).toBe(6);
    expect(nextSurvey({ buys: 'weekly', customersPerMonth: 16 }, null).months).toBe(12);
  });

  it('never asks sooner than the rhythm for a large volume, nor later than a year for a tiny one', () => {
    expect(nextSurvey({ buys: 'monthly', customersPerMonth: 1_000_000 }, null)).toEqual({ months: 6, date: null, reason: 'rhythm' });
    expect(nextSurvey({ buys: 'daily', customersPerMonth: 0 }, '2026-03-01')).toEqual({ months: 12, date: '2027-03-01', reason: 'volume' });
    // A year is the rhythm's own interval: the volume changes nothing.
    expect(nextSurvey({ buys: 'yearly', customersPerMonth: 1 }, null)).toEqual({ months: 12, date: null, reason: 'rhythm' });
    expect(nextSurvey({ customersPerMonth: 5 }, null)).toEqual({ months: 12, date: null, reason: 'volume' });
    expect(nextSurvey({ customersPerMonth: 5000 }, null)).toEqual({ months: 6, date: null, reason: 'default' });
  });
});

describe('addMonths', () => {
  it('keeps the day, and takes the month’s last day when the month is shorter', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-10-31', 1)).toBe('2026-11-30');
  });

  it('crosses the year: December plus one is January, any month plus twelve is the same month', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-07-04', 12)).toBe('2027-07-04');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('0999-12-01', 1)).toBe('1000-01-01');
  });
});
