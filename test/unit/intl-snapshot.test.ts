/**
 * The built CLI writes percents, dates and lists from a snapshot of Intl taken at build time
 * (src/i18n/intl-snapshot.ts). It must write exactly what Intl writes, in every language.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCaser } from '../../src/core/ideas.js';
import { SUPPORTED_LANGS } from '../../src/i18n/index.js';
import { formatDate, formatList, formatPercent, useIntlSnapshots } from '../../src/i18n/intl.js';
import { propertyRuns } from '../helpers.js';
import { joinList, makeSnapshot, snapshotDate, snapshotIntl, snapshotPercent } from '../../src/i18n/intl-snapshot.js';

const words = fc.constantFrom('Greet', 'ação', 'łąka', 'žodis', 'слово', 'שירות', 'Ünal', '12', '“quoted”', 'two words', 'İstanbul', '');
const isoDay = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });

describe.each(SUPPORTED_LANGS)('the Intl snapshot of %s', (lang) => {
  const snapshot = makeSnapshot(lang);
  const intl = { percent: snapshotIntl.percent(lang), date: snapshotIntl.date(lang), list: snapshotIntl.list(lang) };

  it('has a percent and dates, and writes them as Intl does', () => {
    expect(snapshot.percent).toBeDefined();
    expect(snapshot.months).toHaveLength(12);
    for (let n = 0; n <= 100; n++) expect(snapshotPercent(snapshot.percent, n)).toBe(intl.percent.format(n / 100));
    fc.assert(fc.property(isoDay, (d) => snapshotDate(snapshot.months, d) === intl.date.format(d)), propertyRuns(2000));
  });

  it('leaves to Intl what it cannot write: fractions, and years outside 1000–9999', () => {
    expect(snapshotPercent(snapshot.percent, 66.5)).toBeUndefined();
    expect(snapshotPercent(snapshot.percent, 101)).toBeUndefined();
    expect(snapshotDate(snapshot.months, new Date(Date.UTC(999, 2, 1)))).toBeUndefined();
  });

  it('joins lists as Intl does, or has no list words', () => {
    if (!snapshot.list) return;
    fc.assert(fc.property(fc.array(words, { maxLength: 7 }), (items) => joinList(snapshot.list!, items) === intl.list.format(items)), propertyRuns(1000));
  });

  it('gives the formatting functions the same text as Intl', () => {
    const items = ['Greet', 'שירות', 'ação', 'x'];
    const withIntl = [formatPercent(7, lang), formatDate('2027-01-09', lang), formatList(items, lang), formatList(items.slice(0, 2), lang)];
    useIntlSnapshots({ [lang]: snapshot });
    try {
      expect([formatPercent(7, lang), formatDate('2027-01-09', lang), formatList(items, lang), formatList(items.slice(0, 2), lang)]).toEqual(withIntl);
    } finally {
      useIntlSnapshots({});
    }
    expect(withIntl[0]).toBe(intl.percent.format(0.07));
  });
});

describe('the Intl snapshot', () => {
  it('keeps no list words for Hebrew, whose "and" takes a hyphen before a word in another script', () => {
    expect(new Intl.ListFormat('he', { type: 'conjunction' }).format(['a', 'b'])).toBe('a ו-b');
    expect(makeSnapshot('he').list).toBeUndefined();
  });
});

describe('lower case for matching cues', () => {
  it('is the default lower case in every language but Lithuanian, for every character', () => {
    for (const lang of SUPPORTED_LANGS.filter((l) => l !== 'lt')) {
      const lower = lowerCaser(lang);
      const differs: string[] = [];
      for (let cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xd800 && cp < 0xe000) continue;
        const c = String.fromCodePoint(cp);
        if (lower(c) !== c.toLocaleLowerCase(lang)) differs.push(`${lang} U+${cp.toString(16)}`);
      }
      expect(differs).toEqual([]);
    }
  });

  it('is Lithuanian lower case in Lithuanian, which keeps the dot of an accented capital I', () => {
    expect(lowerCaser('lt')('\u00cc')).toBe('i\u0307\u0300');
    expect('\u00cc'.toLowerCase()).toBe('\u00ec');
  });
});
