/** CSV cells and rows, the SVG bar chart, and where csq looks for a browser: pure code, in process. */
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvResultRow, csvRow } from '../../src/core/csv.js';
import { CsqError } from '../../src/errors.js';
import { browserCandidates, findBrowser } from '../../src/io/browser.js';
import { csvDocument } from '../../src/pipeline/csv-table.js';
import { scoreFile } from '../../src/pipeline/inputs.js';
import { barChart, shortLabel, trendChart } from '../../src/render/chart.js';
import { fixture } from '../helpers.js';
import { markup } from '../html-markup.js';

describe('CSV', () => {
  it('quotes as RFC 4180 says: a quote, a comma, a line break or edge spaces', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(66.7)).toBe('66.7');
    expect(csvCell('ação ✓')).toBe('ação ✓');
  });

  it('neutralises every cell a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = csvCell(`${start}HYPERLINK("http://x","y")`);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell('\tlead')).toBe("'\tlead");
    // In the middle a sign is harmless.
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('ends every row with CRLF and names the sections by id', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
    expect(csvHeader(['errors', 'staff'])).toBe('file,organization,respondent,date,overall,errors,staff,improve\r\n');
  });

  it('writes one row per Result: overall, each area, the areas chosen; an area that does not apply is empty', () => {
    const full = scoreFile(fixture('full.yaml'), {});
    const solo = scoreFile(fixture('solo.yaml'), {});
    const ids = full.result.sections.map((s) => s.id);
    expect(csvResultRow('full.yaml', full.result, ids)).toBe('full.yaml,Acme Cleaning,Jane Doe,2026-11-23,66.4,80,70,46.7,66.7,73.3,60,66.7,errors staff information\r\n');
    const doc = csvDocument([{ file: 'full.yaml', result: full.result }, { file: 'solo.yaml', result: solo.result }]);
    expect(doc.startsWith('\uFEFFfile,organization,respondent,date,overall,leadership,alignment,errors,information,outreach,staff,improvement,improve\r\n')).toBe(true);
    const soloRow = doc.split('\r\n')[2]!.split(',');
    expect(soloRow[10]).toBe(''); // staff: not applicable
    expect(doc.endsWith('\r\n')).toBe(true);
    expect(doc.split('\r\n')).toHaveLength(4);
  });
});

describe('the bar chart', () => {
  const rows = [
    { label: 'Leadership', value: 80, valueText: '80%' },
    { label: '<script>alert(1)</script> & "x"', value: 40, valueText: '40%', priority: 1 },
    { label: 'Staff', value: null, valueText: 'not applicable' },
  ];
  const chart = (rtl = false, extra = {}) => barChart({ id: 'c', title: 'Score <per> area', desc: 'A & B', rows, rtl, legend: { priority: 'Priority' }, ...extra });

  it('escapes every text, and carries a title and description', () => {
    const svg = chart();
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(svg).toContain('<title id="c-title">Score &lt;per&gt; area</title><desc id="c-desc">A &amp; B</desc>');
    expect(svg).toContain('role="img" aria-labelledby="c-title c-desc"');
    const { tags } = markup(svg);
    expect([...tags].sort()).toEqual(['desc', 'g', 'rect', 'svg', 'text', 'title']);
  });

  it('draws each bar as long as its percent, marks the priorities, and none for an area that does not apply', () => {
    const svg = chart();
    const bars = [...svg.matchAll(/<rect class="(bar|bar-priority)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    // Plot width 640 − 250 − 64 − 16 = 310: 80% is 248, 40% is 124; the legend's swatch is 14 wide.
    expect(bars).toEqual([
      ['bar', 250, 248],
      ['bar-priority', 250, 124],
      ['bar-priority', 250, 14],
    ]);
    expect(svg).toContain('>1. &lt;script&gt;alert(1)&lt;/script…</text>');
    expect(svg).toContain('>not applicable</text>');
  });

  it('mirrors for a right-to-left language', () => {
    const svg = chart(true);
    const first = /<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
    // Ends where the plot starts on the right: 640 − 250.
    expect(Number(first[1]) + Number(first[2])).toBe(390);
    expect(svg).toContain('direction="rtl"');
    // Right to left, a label ends (on its left) where the plot starts, and reads from the right edge.
    expect(svg).toContain('<text class="label" x="398" y="23" text-anchor="end" dominant-baseline="middle">Leadership</text>');
    expect(svg).toContain('<text class="value" x="72" y="23" text-anchor="start" dominant-baseline="middle">80%</text>');
  });

  it('draws a team’s spread and compare’s earlier bar', () => {
    const team = barChart({ id: 't', title: 't', desc: 'd', rtl: false, legend: { spread: 'Spread' }, rows: [{ label: 'A', value: 50, valueText: '50%', range: { min: 20, max: 90 } }] });
    // From 20% (250 + 62) to 90% (250 + 279), across a row from y 8 to 38.
    expect(team).toContain('<path class="spread" d="M312 11V35M312 23H529M529 11V35"/>');
    const compare = barChart({ id: 'k', title: 't', desc: 'd', rtl: false, legend: { before: 'Before', after: 'After' }, rows: [{ label: 'A', value: 60, valueText: '60%', before: { value: 30, valueText: '30%' } }] });
    expect(compare).toMatch(/<rect class="bar-before" x="250" y="[\d.]+" width="78.6"/); // a plot of 262: room for "30% → 60%"
    expect(compare).toMatch(/<rect class="bar" x="250" y="[\d.]+" width="157.2"/);
    expect(compare).toContain('>30% → 60%</text>');
  });

  it('shortens a long label and keeps the whole of it in the tooltip', () => {
    expect(shortLabel('short')).toBe('short');
    expect(Array.from(shortLabel('x'.repeat(100)))).toHaveLength(28);
    const svg = barChart({ id: 'l', title: 't', desc: 'd', rtl: false, legend: {}, rows: [{ label: 'y'.repeat(60), value: 1, valueText: '1%' }] });
    expect(svg).toContain(`<title>${'y'.repeat(60)}: 1%</title>`);
  });
});

describe('finding a browser', () => {
  const only = (...files: string[]) => (file: string) => files.includes(file);
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      if (error instanceof CsqError) return error.problems.map((p) => [p.code, p.hint, p.values]);
      throw error;
    }
    throw new Error('expected a CsqError');
  };

  it('takes CHROME_PATH first, and refuses one that is not a program', () => {
    expect(findBrowser({ CHROME_PATH: '/opt/my/chrome', PATH: '/usr/bin' }, 'linux', only('/opt/my/chrome', '/usr/bin/chromium'))).toBe('/opt/my/chrome');
    expect(code(() => findBrowser({ CHROME_PATH: '/nope', PATH: '/usr/bin' }, 'linux', only('/usr/bin/chromium')))).toEqual([['chrome-path-invalid', 'install-browser', { path: '/nope' }]]);
  });

  it('looks up the usual names on PATH in order, then the usual paths', () => {
    expect(findBrowser({ PATH: '/a:/b' }, 'linux', only('/b/chromium', '/a/google-chrome'))).toBe('/b/chromium');
    expect(findBrowser({ PATH: '/a' }, 'linux', only('/a/microsoft-edge'))).toBe('/a/microsoft-edge');
    expect(findBrowser({ PATH: '' }, 'linux', only('/snap/bin/chromium'))).toBe('/snap/bin/chromium');
    expect(findBrowser({ PATH: '', HOME: '/Users/me' }, 'darwin', only('/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium'))).toBe('/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(findBrowser({ PATH: '' }, 'darwin', only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'))).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const win = { Path: 'C:\\bin', PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' };
    expect(findBrowser(win, 'win32', only('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'))).toBe('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(findBrowser(win, 'win32', only('C:\\bin\\chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'))).toBe('C:\\bin\\chrome.exe');
    expect(browserCandidates('win32', win).paths).toContain('C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('says how to install one when there is none', () => {
    expect(code(() => findBrowser({ PATH: '/usr/bin' }, 'linux', () => false))).toEqual([['no-browser', 'install-browser', undefined]]);
  });
});

describe('the trend chart', () => {
  const chart = (rows: Parameters<typeof trendChart>[0]['rows'], rtl = false) =>
    trendChart({ id: 'trend', title: 'Trend', desc: 'All of it', rows, rtl, legend: { owner: 'Yours', customers: 'Theirs' } });
  const row = (values: (number | null)[], customers?: (number | null)[]) => ({ label: 'Errors', values, ...(customers ? { customers } : {}), lastText: 'x', title: 'Errors: …' });
  const paths = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<path class="${cls}" d="([^"]*)"/>`, 'g'))].map((m) => m[1]!);
  // The legend's sample lines are horizontal (H); the figures' lines are not.
  const lines = (svg: string, cls: string) => paths(svg, cls).filter((d) => !d.includes('H'));

  it('draws each area’s figures left to right on its 0–100% band, oldest first', () => {
    // Three assessments across the plot (x 256 to 554), 0% at the band's foot (y 50), 100% at its head (y 14).
    const svg = chart([row([0, 50, 100])]);
    expect(lines(svg, 'trend')).toEqual(['M256 50L405 32L554 14']);
    expect(svg.match(/class="trend-dot"/g)).toHaveLength(3);
    // The second row's band is one row lower (48 units); a figure past 100% stays on the band.
    expect(lines(chart([row([0]), row([120, -5])]), 'trend')).toEqual(['M256 50', 'M256 62L554 98']);
  });

  it('breaks a line where an assessment has no figure, and puts no dot there', () => {
    const svg = chart([row([10, null, 30, 40])]);
    expect(lines(svg, 'trend')).toEqual(['M256 46.4', 'M454.7 39.2L554 35.6']);
    expect(svg.match(/class="trend-dot"/g)).toHaveLength(3);
  });

  it('mirrors right to left: the oldest at the right', () => {
    expect(lines(chart([row([0, 50, 100])], true), 'trend')).toEqual(['M384 50L235 32L86 14']);
    expect(chart([row([0])], true)).toContain('direction="rtl"');
  });

  it('draws the customers’ line, and their legend, only where they have a figure', () => {
    const theirs = chart([row([20, 40], [null, 70])]);
    // 70% at the second of two assessments: x 554, y 50 − 36 × 0.7; its legend after "Yours" (40 + 5 × 7 units on).
    expect(paths(theirs, 'trend-customers')).toEqual(['M554 24.8', 'M325 70H339']);
    expect(theirs).toContain('>Theirs</text>');
    const none = chart([row([20, 40], [null, null])]);
    expect(paths(none, 'trend-customers')).toEqual([]);
    expect(none).not.toContain('Theirs');
    expect(none).toContain('>Yours</text>');
  });

  it('escapes every text, and carries its title and description', () => {
    const svg = trendChart({ id: 'a"b', title: '<T>', desc: '&', rows: [{ ...row([1]), label: '<b>', title: '"q"' }], rtl: false, legend: { owner: '<o>', customers: 'c' } });
    expect(svg).toContain('aria-labelledby="a&quot;b-title a&quot;b-desc"');
    expect(svg).toContain('<title id="a&quot;b-title">&lt;T&gt;</title><desc id="a&quot;b-desc">&amp;</desc>');
    expect(svg).toContain('<title>&quot;q&quot;</title>');
    expect(svg).toContain('>&lt;b&gt;</text>');
    expect(svg).toContain('>&lt;o&gt;</text>');
    expect(svg).not.toMatch(/<b>|<o>/);
  });
});
