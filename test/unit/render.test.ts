import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { escapeMarkdown } from '../../src/core/escape.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { messagesFor } from '../../src/i18n/index.js';
import { compileTemplate } from '../../src/render/markdown.js';
import { CsqError } from '../../src/errors.js';
import { readFixture } from '../helpers.js';
import { printed } from '../problems.js';

const csq = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const pt = loadQuestionnaire(readFileSync('questionnaires/csq.pt.yaml', 'utf8'), 'csq.pt.yaml');
const template = compileTemplate(readFileSync('templates/plan.md.hbs', 'utf8'), 'plan.md.hbs');
// HTML on, as GitHub renders it: raw user HTML would pass through, so escaping must stop it.
const md = new MarkdownIt({ html: true });

function render(text: string): string {
  const result = scoreAnswers(csq, loadAnswers(text, 'a.yaml', csq));
  return template({ ...buildPlan(result, csq, en), result });
}

/** Every table in the rendered HTML, as rows of cell texts. */
function tables(markdown: string): string[][][] {
  const html = md.render(markdown);
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, t]) =>
    [...t!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => c!)),
  );
}

describe('escapeMarkdown', () => {
  it('backslash-escapes what Markdown would act on, and keeps line breaks as <br>', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('`code` *em* _em_ [link](x)')).toBe('\\`code\\` \\*em\\* \\_em\\_ \\[link\\](x)');
    expect(escapeMarkdown('line one\n# line two\r\n\nthree')).toBe('line one<br>\\# line two<br>three');
    expect(escapeMarkdown('Fish & Chips &amp; &#60; &x;')).toBe('Fish & Chips \\&amp; \\&\\#60; \\&x;');
    expect(escapeMarkdown('Wow! ![x](y)')).toBe('Wow! !\\[x\\](y)');
    expect(escapeMarkdown('Plain words, stay plain.')).toBe('Plain words, stay plain.');
  });

  it('escapes a list marker or an underline only where a line starts, an ordered list only up to nine digits', () => {
    expect(escapeMarkdown('+ plus')).toBe('\\+ plus');
    expect(escapeMarkdown('=== underline')).toBe('\\=== underline');
    expect(escapeMarkdown('   - indented')).toBe('\\- indented');
    expect(escapeMarkdown('a-b + c = d')).toBe('a-b + c = d');
    expect(escapeMarkdown('10. ten')).toBe('10\\. ten');
    expect(escapeMarkdown('123456789) nine digits')).toBe('123456789\\) nine digits');
    expect(escapeMarkdown('1234567890. ten digits')).toBe('1234567890. ten digits');
    expect(escapeMarkdown('v1. not a number')).toBe('v1. not a number');
    expect(escapeMarkdown('Route 66. Go')).toBe('Route 66. Go');
    // In the middle of a line only the first line is not at a line start.
    expect(escapeMarkdown('- x', false)).toBe('- x');
    expect(escapeMarkdown('1. x', false)).toBe('1. x');
    expect(escapeMarkdown('a\n- b\n2. c', false)).toBe('a<br>\\- b<br>2\\. c');
  });

  it('escapes every inline special, and & only where it starts an entity, in any case', () => {
    expect(escapeMarkdown('a ~b~ {c} \\d')).toBe('a \\~b\\~ \\{c\\} \\\\d');
    expect(escapeMarkdown('&AMP; &#x1F; &nbsp x & y &;')).toBe('\\&AMP; \\&\\#x1F; &nbsp x & y &;');
  });
});

describe('the bundled plan', () => {
  it('leads with the page to pin up, then the two things to post, then the method', () => {
    const plan = render(readFixture('full.yaml'));
    const headings = [...plan.matchAll(/^#{1,3} (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Customer service plan: Acme Cleaning',
      'What we will do',
      'Post this: how we treat every customer',
      'Post this: four steps when a customer has a problem',
      'A. Your customer service quotient',
      '1. Error reduction (47%)',
      '2. Skilled and empowered staff (60%)',
      '3. Using customer information (67%)',
      'B. Your customers’ requirements',
      'C. Vision and policies',
      'D. Dealing with customers',
      'E. Educating your staff',
      'More ideas',
    ]);
    const page = plan.slice(0, plan.indexOf('## Post this'));
    expect(page).toContain('> **Our vision:** Spotless, on time, every time.');
    expect(page).toContain('**Customer service quotient: 66%.** Strengths: Leadership and commitment (80%).');
    expect(page).toContain('**Priorities:** 1. Error reduction (47%) · 2. Skilled and empowered staff (60%) · 3. Using customer information (67%).');
    // The cut of the three lowest fell inside a tie: the plan says so.
    expect(page).toContain('Using customer information and Improving products, services and processes score the same');
    expect(page).toContain('| Kickoff meeting: launch the vision, and end it with next actions, owners and deadlines | Staff education | Jane Doe | December 1, 2026 | – |');
    expect(page.split('\n').length).toBeLessThanOrEqual(60);
    expect(plan).toContain('| **Error reduction** | 7 / 15 | 47% | `█████░░░░░` |');
    expect(plan).toContain('- We constantly ask our customers for feedback. (2, Almost never)');
    expect(plan).toContain("- **Unfriendly and unnecessary**: We don't do windows (Clients hire someone else for windows, and then for everything else.). *Drop it immediately.*");
    expect(plan).toContain('| Kickoff meeting | December 1, 2026 |');
  });

  it('lists only weak statements as the weakest, lowest first', () => {
    const plan = render(readFixture('full.yaml'));
    const weakest = [...plan.matchAll(/^- .* \((\d), [^)]*\)$/gm)].map((m) => Number(m[1]));
    expect(weakest.length).toBeGreaterThan(0);
    expect(weakest.every((r) => r <= 3)).toBe(true);
  });

  it('sorts the actions by due date, the undated last, in the order given', () => {
    const plan = render(`${readFixture('solo.yaml')}actions:
  - { area: errors, action: Third, due: 2027-03-01 }
  - { action: Undated one }
  - { area: errors, action: First, owner: Sam, due: 2027-01-15, measure: complaints logged, target: every one }
  - { action: Undated two }
  - { area: improvement, action: Second, due: 2027-02-01 }
review: 2027-06-01
`);
    const rows = tables(plan).find((t) => t[0]![0] === 'Action')!;
    expect(rows.slice(1).map((r) => r[0])).toEqual(['First', 'Second', 'Third', 'Undated one', 'Undated two']);
    expect(rows[1]).toEqual(['First', 'Error reduction', 'Sam', 'January 15, 2027', 'complaints logged (target: every one)']);
    expect(plan).toContain('Next assessment: June 1, 2027');
    // Actions of the owner's own: none is suggested.
    expect(plan).not.toContain('(suggested)');
  });

  it('writes no staff, team or meeting for a one-person business outside the scores table', () => {
    const text = `${readFixture('solo.yaml')}requirements: { internal: [Late invoices], topRequests: [Clear invoices] }\npolicies:\n  - { name: No refunds, friendly: false, necessary: false }\n  - { name: Tax deadlines, friendly: false, necessary: true }\n`;
    for (const [lang, words] of [
      ['en', /\b(staff|employees?|team|managers?|meetings?|colleagues|everyone who serves|whole organization)\b/i],
      ['pt', /\b(equipe|funcionári[oa]s?|gerentes?|reuni(ão|ões)|toda a organização)\b/i],
    ] as const) {
      const q = lang === 'en' ? csq : pt;
      const result = scoreAnswers(q, loadAnswers(text, 'a.yaml', q), lang);
      const plan = template({ ...buildPlan(result, q, messagesFor(lang)), result });
      const outsideScores = plan.split('\n').filter((line) => !(line.startsWith('|') && line.includes(q.sections.find((s) => s.id === 'staff')!.title)));
      expect(outsideScores.filter((line) => words.test(line)), lang).toEqual([]);
      expect(plan).toContain(q.sections.find((s) => s.id === 'staff')!.title);
    }
  });

  it('leaves out staff education and marks the staff section for a one-person business', () => {
    const plan = render(readFixture('solo.yaml'));
    expect(plan).toContain('| Skilled and empowered staff | – | not applicable | |');
    expect(plan).not.toContain('E. Educating your staff');
    expect(plan).toContain('**Customer service quotient: 72%.**');
    expect(plan).toContain('| **Overall** | 72 / 100 | 72% |');
    // With nothing filled in, each exercise shows its guidance instead.
    expect(plan).toContain('No vision yet: see C below.');
    expect(plan).toContain('No vision yet. A vision is a short, vivid picture');
    expect(plan).toContain('1. It is ten years from now');
    expect(plan).toContain('No policies listed yet');
  });

  it('advises shortening a long vision', () => {
    const vision = 'We will be the best and friendliest and most reliable cleaning company that anyone in the whole region has ever seen, with the happiest staff, the fairest prices and the shiniest floors.';
    const plan = render(`${readFixture('solo.yaml')}vision: ${vision}\n`);
    expect(plan).toContain('At 32 words it is long; csq suggests 25 or fewer');
  });

  it('keeps hostile user strings inside their cells and out of headings and HTML', () => {
    const text = `${readFixture('solo.yaml').replace('organization: Solo Bookkeeping', 'organization: "Evil | Co\\n# Heading <script>x</script>"')}
requirements:
  internal: ["a | b | c", "\`code\` and <b>bold</b>"]
  topRequests: ["# heading?", "- list?\\n- more"]
communication:
  greet: "| pipe | at | start"
vision: "Line one\\n## Injected heading\\n<img src=x onerror=alert(1)>"
policies:
  - { name: "| x |", friendly: false, necessary: false, note: "---" }
actions:
  - { action: "| cell | break", owner: "<b>me</b>", due: 2027-01-01, measure: "# not a heading" }
`;
    const plan = render(text);
    const html = md.render(plan);
    expect(html).not.toMatch(/<script|<img|<b>/);
    const headings = [...html.matchAll(/<h[1-6]>(.*?)<\/h[1-6]>/g)].map((m) => m[1]);
    // Only the template's own headings: nothing the user typed became one.
    expect(headings.filter((h) => /heading/i.test(h!))).toHaveLength(1);
    expect(headings[0]).toBe('Customer service plan: Evil | Co<br># Heading &lt;script&gt;x&lt;/script&gt;');
    for (const table of tables(plan)) {
      const width = table[0]!.length;
      for (const row of table) expect(row).toHaveLength(width);
    }
    const actions = tables(plan).find((t) => t[0]![0] === 'Action')!;
    expect(actions[1]).toEqual(['| cell | break', '–', '&lt;b&gt;me&lt;/b&gt;', 'January 1, 2027', '# not a heading']);
    expect(html).toContain('a | b | c · `code` and &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('1. # heading? · 2. - list?<br>- more');
  });
});

describe('user templates', () => {
  const compileError = (source: string) => {
    try {
      compileTemplate(source, 'my.hbs')({ a: 1, result: {} });
    } catch (error) {
      if (error instanceof CsqError) return printed(error);
      throw error;
    }
    throw new Error('expected an error');
  };
  it('reports syntax errors, unknown fields and helpers with the template line', () => {
    expect(compileError('ok\n{{#if a}}\n{{/each}}')).toBe('my.hbs:2:4 if doesn\'t match each');
    expect(compileError('ok\n  {{missing}}')).toBe('my.hbs:2:5 field "missing" is not defined in the plan data');
    expect(compileError('{{shout a}}')).toMatch(/^my.hbs:1:1 unknown helper \(csq knows: text, t, add, eq, log, and the built-ins\): shout$/);
    expect(compileError('x\n{{text nope}}')).toBe('my.hbs:2:1 text needs a value, but its argument is not defined');
    expect(compileError('{{#*inline "p"}}{{> p}}{{/inline}}{{> p}}')).toBe('my.hbs:1:1 partials and decorators are not supported in csq templates');
    expect(compileError('{{#if}')).toMatch(/^my.hbs:1:6 template syntax error: Expecting .*, got 'INVALID'$/);
  });
  it('refuses a misspelt field given to a block helper', () => {
    expect(compileError('x\n{{#each sectons}}{{/each}}')).toBe('my.hbs:2:9 field "sectons" is not defined in the plan data');
    expect(compileError('{{#if organisaton}}y{{/if}}')).toBe('my.hbs:1:7 field "organisaton" is not defined in the plan data');
    expect(compileError('{{#with nope}}y{{/with}}')).toBe('my.hbs:1:9 field "nope" is not defined in the plan data');
    expect(compileError('{{#unless nope}}y{{/unless}}')).toBe('my.hbs:1:11 field "nope" is not defined in the plan data');
    expect(compileError('{{#if (eq a 2)}}{{else if nope}}{{/if}}')).toBe('my.hbs:1:27 field "nope" is not defined in the plan data');
    expect(compileError('{{#each result.sectons}}{{/each}}')).toBe('my.hbs:1:9 field "result.sectons" is not defined in the plan data');
  });
  it('still renders blocks over empty, null, false and undefined-valued fields', () => {
    const t = compileTemplate(
      '[{{#each improve}}x{{else}}none{{/each}}][{{#if vision}}v{{else}}no vision{{/if}}][{{#with vision}}w{{else}}no with{{/with}}]' +
        '[{{#unless flag}}f{{/unless}}{{#unless vision}}n{{/unless}}{{#unless empty}}e{{/unless}}{{#unless unset}}u{{/unless}}{{#unless improve}}i{{/unless}}]' +
        '[{{#each list}}{{#if @first}}first {{/if}}{{#with this}}{{.}}{{/with}}{{#unless @last}},{{/unless}}{{/each}}]',
      'my.hbs',
    );
    expect(t({ improve: [], vision: null, flag: false, empty: '', unset: undefined, list: ['a', 'b'] })).toBe('[none][no vision][no with][fneui][first a,b]');
  });
  it('cannot reach prototypes, process or require', () => {
    const t = compileTemplate(
      '[{{a.constructor}}][{{lookup a "constructor"}}][{{lookup (lookup a "constructor") "name"}}][{{a.__proto__}}][{{#with a.constructor}}{{name}}{{/with}}]',
      'my.hbs',
    );
    expect(t({ a: {} })).toBe('[][][][][]');
    // The pre-4.6 code-execution payload: constructor.constructor is Function.
    expect(() => compileTemplate('{{a.constructor.constructor "return process"}}', 'my.hbs')({ a: {} })).toThrow(CsqError);
    expect(() => compileTemplate('{{#with "s" as |s|}}{{s.constructor.constructor}}{{/with}}', 'my.hbs')({})).toThrow(CsqError);
  });
});
