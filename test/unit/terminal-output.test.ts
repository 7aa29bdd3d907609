/**
 * What csq prints for people (src/render/terminal.ts, compare.ts, color.ts): the summary after
 * a report, a comparison as text and as Markdown, and when there is colour.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { compareResults } from '../../src/core/compare.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { colorEnabled, setColor } from '../../src/render/color.js';
import { compareMarkdown, compareText } from '../../src/render/compare.js';
import { plainLine } from '../../src/core/characters.js';
import { renderSummary } from '../../src/render/terminal.js';
import { readFixture } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const score = (text: string) => scoreAnswers(q, loadAnswers(text, 'a.yaml', q));
const full = score(readFixture('full.yaml'));
const solo = score(readFixture('solo.yaml'));
const ERRORS = 'errors: { review-complaints: 3, ask-feedback: 2, eliminate-errors: 2 }';
const better = score(readFixture('full.yaml').replace(ERRORS, 'errors: { review-complaints: 4, ask-feedback: 4, eliminate-errors: 3 }').replace('date: 2026-11-23', 'date: 2027-05-23'));

const titleOf = (id: string) => q.sections.find((s) => s.id === id)!.title;
/** The longest area title: the column every bar starts after. */
const WIDTH = Math.max(...q.sections.map((s) => s.title.length));

describe('the summary after a report', () => {
  it('shows each area’s bar and whole percent, aligned, the priorities marked', () => {
    const row = (id: string, cells: number, percent: string, mark: string) => `  ${titleOf(id).padEnd(WIDTH)}  ${'█'.repeat(cells)}${'░'.repeat(10 - cells)} ${percent}% ${mark}`;
    expect(renderSummary(full, en, false)).toBe(
      [
        'Overall CSQ: 66% · Acme Cleaning',
        row('leadership', 8, ' 80', ' '),
        row('alignment', 7, ' 70', ' '),
        row('errors', 5, ' 47', '◀'),
        row('information', 7, ' 67', '◀'),
        row('outreach', 7, ' 73', ' '),
        row('staff', 6, ' 60', '◀'),
        row('improvement', 7, ' 67', ' '),
        `Areas to improve: ${titleOf('errors')}, ${titleOf('staff')}, ${titleOf('information')}`,
        '',
      ].join('\n'),
    );
    expect(renderSummary(solo, en, false)).toContain(`  ${titleOf('leadership').padEnd(WIDTH)}  ${'█'.repeat(10)} 100%  \n`);
  });

  it('greys out an area that does not apply, and names no organization it was not given', () => {
    const summary = renderSummary({ ...solo, organization: null }, en, false);
    expect(summary.split('\n')[0]).toBe('Overall CSQ: 72%');
    expect(summary).toContain(`  ${titleOf('staff').padEnd(WIDTH)}  ${'·'.repeat(10)}  not applicable\n`);
  });

  it('colours each bar by its percent: green from 80, yellow from 60, red below', () => {
    const coloured = renderSummary(full, en, true);
    const line = (title: string) => coloured.split('\n').find((l) => l.includes(title))!;
    expect(line('Leadership')).toContain('\u001b[32m████████░░\u001b[39m'); // 80: green
    expect(line('Customer outreach')).toContain('\u001b[33m'); // 73: yellow
    expect(line('Skilled')).toContain('\u001b[33m██████░░░░'); // 60: yellow
    expect(line('Error reduction')).toContain('\u001b[31m'); // 47: red
    expect(coloured.split('\n')[0]).toBe('\u001b[1mOverall CSQ: 66%\u001b[22m · Acme Cleaning');
    expect(line('Error reduction')).toContain('\u001b[1m◀\u001b[22m');
    expect(renderSummary(full, en, false)).not.toContain('\u001b[');
  });
});

describe('a comparison', () => {
  const comparison = compareResults(full, better, 'Overall CSQ');

  it('as text: each area before → after with its change, rises and drops marked', () => {
    const width = Math.max(WIDTH, 'Overall CSQ'.length);
    const text = compareText(comparison, en, false).split('\n');
    expect(text[0]).toBe('Acme Cleaning 2026-11-23 → 2027-05-23');
    expect(text[1]).toBe(`${'Overall CSQ'.padEnd(width)}   66.4% →  69.6%    +3.2 ▲`);
    expect(text).toContain(`${titleOf('errors').padEnd(width)}   46.7% →  73.3%   +26.7 ▲`);
    expect(text).toContain(`${titleOf('leadership').padEnd(width)}     80% →    80%      ±0`);
    expect(text).toHaveLength(2 + 7 + 1);
    expect(text.at(-1)).toBe('');
    const back = compareText(compareResults(better, full, 'Overall CSQ'), en, false);
    expect(back).toContain(`${titleOf('errors').padEnd(width)}   73.3% →  46.7%   -26.7 ▼`);
  });

  it('as text: an area that does not apply on one side shows n/a', () => {
    const text = compareText(compareResults(full, { ...solo, organization: 'Acme Cleaning' }, 'Overall CSQ'), en, false);
    expect(text).toContain(`${titleOf('staff').padEnd(WIDTH)}     60% →    n/a     n/a\n`);
  });

  it('as text: colour for the header, rises, drops and no change', () => {
    const coloured = compareText(compareResults(better, full, 'Overall CSQ'), en, true);
    expect(coloured.split('\n')[0]).toBe('\u001b[1mAcme Cleaning 2027-05-23 → 2026-11-23\u001b[22m');
    expect(coloured).toContain('\u001b[31m -26.7 ▼\u001b[39m');
    expect(coloured).toContain('\u001b[2m    ±0\u001b[22m');
    expect(compareText(comparison, en, true)).toContain('\u001b[32m +26.7 ▲\u001b[39m');
  });

  it('as text: undated sides and a title with line breaks stay on their lines', () => {
    const text = compareText(compareResults({ ...full, date: null, organization: 'Acme\nCleaning\t Ltd' }, { ...better, date: null }, 'Overall CSQ'), en, false);
    expect(text.split('\n')[0]).toBe('Acme Cleaning Ltd before → after');
    expect(plainLine('  a\r\n\tb  ')).toBe('a b');
  });

  it('as Markdown: a table with the dates in its header, the overall row in bold', () => {
    const same = (id: string, percent: string) => `| ${titleOf(id)} | ${percent} | ${percent} | ±0 |`;
    expect(compareMarkdown(comparison, en).split('\n')).toEqual([
      '| Area | Before (2026-11-23) | After (2027-05-23) | Change (points) |',
      '|---|--:|--:|--:|',
      '| **Overall CSQ** | 66.4% | 69.6% | +3.2 |',
      same('leadership', '80%'),
      same('alignment', '70%'),
      `| ${titleOf('errors')} | 46.7% | 73.3% | +26.7 |`,
      same('information', '66.7%'),
      same('outreach', '73.3%'),
      same('staff', '60%'),
      same('improvement', '66.7%'),
      '',
    ]);
  });

  it('as Markdown: undated sides plainly, a title escaped in its cell', () => {
    const md = compareMarkdown(compareResults({ ...full, date: null }, { ...better, date: null }, 'All | *areas*'), en).split('\n');
    expect(md[0]).toBe('| Area | Before | After | Change (points) |');
    expect(md[2]).toBe('| **All \\| \\*areas\\*** | 66.4% | 69.6% | +3.2 |');
  });
});

describe('colour', () => {
  afterEach(() => setColor(undefined as unknown as boolean));
  const tty = { isTTY: true };

  it('is on for a terminal, off for anything else or a dumb terminal', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(tty, { TERM: 'xterm' })).toBe(true);
  });

  it('follows NO_COLOR (unless empty), then FORCE_COLOR (0 and false turn it off)', () => {
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({}, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colorEnabled({}, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled({}, { FORCE_COLOR: '' })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(tty, { FORCE_COLOR: 'FALSE' })).toBe(false);
  });

  it('obeys --no-color and --color over the environment', () => {
    setColor(false);
    expect(colorEnabled(tty, { FORCE_COLOR: '1' })).toBe(false);
    setColor(true);
    expect(colorEnabled({}, { NO_COLOR: '1' })).toBe(true);
  });
});
