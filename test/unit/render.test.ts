import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { escapeMarkdown } from '../../src/core/escape.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { en } from '../../src/i18n/en.js';
import { compileTemplate } from '../../src/render/markdown.js';
import { CsqError } from '../../src/errors.js';
import { readFixture } from '../helpers.js';
import { printed } from '../problems.js';

const csq = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
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
    expect(escapeMarkdown('Fish & Chips &amp;')).toBe('Fish \\& Chips \\&amp;');
    expect(escapeMarkdown('Plain words, stay plain.')).toBe('Plain words, stay plain.');
  });
});

describe('the bundled plan', () => {
  it('covers every step of the method for a business with staff', () => {
    const plan = render(readFixture('full.yaml'));
    const headings = [...plan.matchAll(/^#{1,3} (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Customer service plan: Acme Cleaning',
      'A. Your customer service quotient',
      'Areas to improve',
      "B. Understand your customers' requirements",
      'C. Customer vision and service policies',
      'Our customer vision',
      'Policies',
      'D. Deal effectively with customers',
      'Communication',
      'Problem solving',
      'E. Educate your staff',
    ]);
    expect(plan).toContain('**Overall CSQ: 66%** (83 of 125 points, over 7 of 7 areas)');
    expect(plan).toContain('| Error reduction | 7 | 15 | 47% | `█████░░░░░` |');
    expect(plan).toContain('#### 1. Error reduction (47%)');
    expect(plan).toContain('- We constantly ask our customers for feedback. — *2, Rarely*');
    expect(plan).toContain('#### Unfriendly and unnecessary: Drop it immediately.');
    expect(plan).toContain("- **We don't do windows**: Clients hire someone else for windows, and then for everything else.");
    expect(plan).toContain('| Kickoff meeting | 2026-12-01 |');
  });

  it('leaves out staff education and marks the staff section for a one-person business', () => {
    const plan = render(readFixture('solo.yaml'));
    expect(plan).toContain('| Skilled and empowered staff | – | – | not applicable | |');
    expect(plan).not.toContain('E. Educate your staff');
    expect(plan).toContain('**Overall CSQ: 72%** (72 of 100 points, over 6 of 7 areas)');
    // With nothing filled in, each exercise shows its guidance instead.
    expect(plan).toContain('*No vision written yet.*');
    expect(plan).toContain('1. It is ten years from now');
    expect(plan).toContain('*No policies listed yet.*');
    expect(plan).toContain('The exercise, still to do:');
  });

  it('advises shortening a long vision', () => {
    const vision = 'We will be the best and friendliest and most reliable cleaning company that anyone in the whole region has ever seen, with the happiest staff, the fairest prices and the shiniest floors.';
    const plan = render(`${readFixture('solo.yaml')}vision: ${vision}\n`);
    expect(plan).toContain('*At 32 words this vision is long.');
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
    const requirements = tables(plan).find((t) => t[0]![0] === 'Our own data and experience show')!;
    expect(requirements.slice(1)).toEqual([
      ['a | b | c', '# heading?'],
      ['`code` and &lt;b&gt;bold&lt;/b&gt;', '- list?<br>- more'],
    ]);
  });

  it('gives byte-identical output for the same input', () => {
    expect(render(readFixture('full.yaml'))).toBe(render(readFixture('full.yaml')));
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
