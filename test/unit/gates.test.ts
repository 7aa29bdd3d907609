/** The quality gates (--min-score, --min-section): exact at the limit, whatever the rounding shows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { checkGates, parsePercent, parseSectionGate } from '../../src/core/thresholds.js';
import { readFixture } from '../helpers.js';
import { thrown } from '../problems.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
// 83/125 = 66.4% overall; errors 7/15 = 46.67% (shown as 46.7); staff 15/25 = 60%.
const full = scoreAnswers(q, loadAnswers(readFixture('full.yaml'), 'full.yaml', q));
const solo = scoreAnswers(q, loadAnswers(readFixture('solo.yaml'), 'solo.yaml', q));
const keys = (outcome: ReturnType<typeof checkGates>) => [...outcome.failures, ...outcome.notes].map((m) => [m.key, m.values]);

describe('--min-score', () => {
  it('passes a score exactly at the minimum, and fails one a tenth of a point below', () => {
    expect(checkGates(full, { minScore: 66.4, minSections: [] }).failures).toEqual([]);
    expect(keys(checkGates(full, { minScore: 66.5, minSections: [] }))).toEqual([['overallBelow', { percent: 66.4, min: 66.5 }]]);
    expect(checkGates(full, { minScore: 0, minSections: [] }).failures).toEqual([]);
    expect(checkGates(full, { minScore: 100, minSections: [] }).failures).toHaveLength(1);
  });

  it('is no gate when not given', () => {
    expect(checkGates({ ...full, overall: { score: 0, max: 125, percent: 0 } }, { minSections: [] })).toEqual({ failures: [], notes: [] });
  });
});

describe('--min-section', () => {
  it('compares the exact fraction: 46.67% fails a 46.7 gate though it shows as 46.7', () => {
    expect(keys(checkGates(full, { minSections: [{ section: 'errors', min: 46.7 }] }))).toEqual([['sectionBelow', { section: 'errors', percent: 46.7, min: 46.7 }]]);
    expect(checkGates(full, { minSections: [{ section: 'errors', min: 46.6 }] }).failures).toEqual([]);
  });

  it('passes a section exactly at the minimum, and checks every gate given', () => {
    const outcome = checkGates(full, {
      minSections: [
        { section: 'staff', min: 60 },
        { section: 'staff', min: 60.1 },
        { section: 'leadership', min: 81 },
      ],
    });
    expect(keys(outcome)).toEqual([
      ['sectionBelow', { section: 'staff', percent: 60, min: 60.1 }],
      ['sectionBelow', { section: 'leadership', percent: 80, min: 81 }],
    ]);
  });

  it('skips, with a note, the gate of a section that does not apply', () => {
    expect(checkGates(solo, { minScore: 72, minSections: [{ section: 'staff', min: 99 }] })).toEqual({
      failures: [],
      notes: [{ key: 'sectionSkipped', values: { section: 'staff' } }],
    });
  });
});

describe('reading the gates from the command line', () => {
  it('takes plain decimals from 0 to 100, both ends included', () => {
    expect(parsePercent('0', '--min-score')).toBe(0);
    expect(parsePercent('100', '--min-score')).toBe(100);
    expect(parsePercent('59.5', '--min-score')).toBe(59.5);
  });

  it('refuses anything else, hinting at the plain form when the number itself was fine', () => {
    expect(thrown(() => parsePercent('100.1', '--min-score'))).toBe('csq: --min-score expects a percentage from 0 to 100, got "100.1"');
    expect(thrown(() => parsePercent('-1', '--min-score'))).toBe('csq: --min-score expects a percentage from 0 to 100, got "-1"');
    expect(thrown(() => parsePercent('1e1', '--min-section'))).toBe('csq: --min-section expects a percentage from 0 to 100, got "1e1" (write it in plain decimal, such as 60 or 59.5)');
    expect(thrown(() => parsePercent('high', '--min-score'))).toBe('csq: --min-score expects a percentage from 0 to 100, got "high"');
    expect(thrown(() => parsePercent(' ', '--min-score'))).toBe('csq: --min-score expects a percentage from 0 to 100, got " "');
  });

  it('reads SECTION=PERCENT against the questionnaire’s ids, suggesting the nearest', () => {
    expect(parseSectionGate('errors=40', q)).toEqual({ section: 'errors', min: 40 });
    expect(thrown(() => parseSectionGate('errors=', q))).toBe('csq: --min-section expects a percentage from 0 to 100, got ""');
    expect(thrown(() => parseSectionGate('errors', q))).toBe('csq: --min-section expects ID=PERCENT, e.g. errors=60, got "errors"');
    expect(thrown(() => parseSectionGate('erors=40', q))).toBe('csq: --min-section: unknown section "erors" (did you mean "errors"?)');
    expect(thrown(() => parseSectionGate('zzzzzz=40', q))).toBe('csq: --min-section: unknown section "zzzzzz" (known: leadership, alignment, errors, information, outreach, staff, improvement)');
    expect(thrown(() => parseSectionGate('errors=4O', q))).toBe('csq: --min-section expects a percentage from 0 to 100, got "4O"');
    // The whole argument is ID=PERCENT: nothing before the id, nothing after a line break.
    expect(thrown(() => parseSectionGate('=errors=40', q))).toBe('csq: --min-section expects ID=PERCENT, e.g. errors=60, got "=errors=40"');
    expect(thrown(() => parseSectionGate('errors=40\n5', q))).toMatch(/^csq: --min-section expects ID=PERCENT, e\.g\. errors=60, got /);
    expect(parseSectionGate('errors=4.5', q)).toEqual({ section: 'errors', min: 4.5 });
  });
});
