/** Property-based tests: random answers, well-formed and not, through the whole pipeline. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { COMMUNICATION_SKILLS, loadAnswers, type Answers } from '../../src/core/answers.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { InputError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { compileTemplate } from '../../src/render/markdown.js';
import { CLI, propertyRuns, tempDir } from '../helpers.js';

const q = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const template = compileTemplate(readFileSync('templates/plan.md.hbs', 'utf8'), 'plan.md.hbs');
const md = new MarkdownIt({ html: true });


/** Text a user might type, heavy on what Markdown and HTML would act on. */
const TOKENS = ['a', 'Z', 'é', ' ', '  ', '|', '#', '## ', '\n', '\n# ', '\n- ', '\n1. ', '<', '>', '`', '```', '*', '_', '[', ']', '(x)', '-', '1.', '&', '&amp;', '\\', '!', '~', '{{x}}', '<img src=x onerror=alert(1)>', '<script>', '---', '\t', '"', "'", ':', ': '];
const userText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((parts) => parts.join(''));
const nonEmptyText = userText.filter((t) => t.trim() !== '');

const answersArb = fc.boolean().chain((staff) =>
  fc.record({
    organization: userText,
    respondent: userText,
    profile: fc.constant({ staff }),
    ratings: fc.record(
      Object.fromEntries(
        q.sections
          .filter((s) => staff || s.when === undefined)
          .map((s) => [s.id, fc.record(Object.fromEntries(s.statements.map((st) => [st.id, fc.integer({ min: 1, max: 5 })])))]),
      ),
    ),
    requirements: fc.record({ internal: fc.array(userText, { maxLength: 4 }), employees: fc.array(userText, { maxLength: 3 }), topRequests: fc.array(userText, { maxLength: 3 }) }),
    vision: userText,
    visionNotes: fc.record({ tenYears: userText, fiveThings: fc.array(userText, { maxLength: 5 }), customerShoes: userText, picture: userText }),
    policies: fc.array(fc.record({ name: nonEmptyText, friendly: fc.boolean(), necessary: fc.boolean(), note: userText }), { maxLength: 5 }),
    communication: fc.record(Object.fromEntries(COMMUNICATION_SKILLS.map((k) => [k, userText]))),
    education: fc.record({ owner: userText, training: userText }),
    actions: fc.array(
      fc.record(
        {
          area: fc.constantFrom(...q.sections.filter((s) => staff || s.when === undefined).map((s) => s.id)),
          action: nonEmptyText,
          owner: userText,
          due: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          measure: userText,
        },
        { requiredKeys: ['action'] },
      ),
      { maxLength: 6 },
    ),
  }),
);

/** What the reader should see of a user's text: its non-empty lines, whitespace folded. */
const expected = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('\n');
/** What a rendered cell or heading shows, back as text. */
const shown = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .join('\n');

function headings(html: string, level: number): string[] {
  return [...html.matchAll(new RegExp(`<h${level}>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) => m[1]!);
}

describe('valid random answers', () => {
  it('score between 0 and 100 and render a plan whose structure no user text can break', () => {
    fc.assert(
      fc.property(answersArb, (generated) => {
        const answers = loadAnswers(stringify(generated), 'random.yaml', q);
        const result = scoreAnswers(q, answers as Answers);
        for (const s of [result.overall, ...result.sections.filter((x) => x.applicable)]) {
          expect(s.percent).toBeGreaterThanOrEqual(0);
          expect(s.percent).toBeLessThanOrEqual(100);
        }
        const plan = template({ ...buildPlan(result, q, en), result });
        const html = md.render(plan);
        const staff = generated.profile.staff;
        expect(headings(html, 1)).toHaveLength(1);
        const model = buildPlan(result, q, en);
        expect(headings(html, 2)).toEqual([
          'What we will do',
          'Post this: how we treat every customer',
          'Post this: four steps when a customer has a problem',
          'A. Your customer service quotient',
          'B. Your customers’ requirements',
          'C. Vision and policies',
          'D. Dealing with customers',
          ...(staff ? ['E. Educating your staff'] : []),
          ...(model.moreIdeas.length > 0 ? ['More ideas'] : []),
        ]);
        // One heading per priority, nothing else: no user text became a heading.
        expect(headings(html, 3)).toHaveLength(result.improve.length);
        expect(headings(html, 4)).toEqual([]);
        // Every table keeps its column count on every row: no user `|` or newline split a cell.
        for (const [, table] of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
          const widths = [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => (row!.match(/<t[hd][ >]/g) ?? []).length);
          expect(new Set(widths).size).toBe(1);
        }
        // Every user string reads back exactly: not cut by a `|`, not turned into markup.
        const skillsTable = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!).find((t) => t.includes('<th>What we will do</th>'))!;
        const communication = [...skillsTable.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
          .slice(1)
          .map(([, row]) => shown([...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)][1]![1]!));
        // An empty answer shows the method's tip instead, in italics.
        expect(communication).toEqual(COMMUNICATION_SKILLS.map((k) => expected(generated.communication[k]!) || `<em>${en.method.skills[k].tip}</em>`));
        const organization = expected(generated.organization);
        expect(shown(headings(html, 1)[0]!)).toBe(organization ? `Customer service plan: ${organization}` : 'Customer service plan');
        // The vision stays one quoted paragraph: a leading `- ` or `1. ` must not turn it into a list.
        const vision = expected(generated.vision);
        if (vision) {
          const quote = /<blockquote>\s*<p><strong>Our vision:<\/strong> ([\s\S]*?)<\/p>\s*<\/blockquote>/.exec(html)![1]!;
          expect(shown(quote)).toBe(vision);
        }
        // The actions, each in its own row, by due date (stable for equal dates), each read back whole.
        const actionTable = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!).find((t) => t.includes('<th>Action</th>'));
        const byDue = generated.actions.map((a, i) => ({ a, i })).sort((x, y) => Number(x.a.due === undefined) - Number(y.a.due === undefined) || (x.a.due! < y.a.due! ? -1 : x.a.due! > y.a.due! ? 1 : 0) || x.i - y.i);
        const cells = [...(actionTable ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map(([, row]) => shown([...row!.matchAll(/<td>([\s\S]*?)<\/td>/g)][0]![1]!));
        // An empty list is not answered yet: the plan suggests actions from the answers instead.
        if (generated.actions.length === 0) expect(cells).toEqual(model.actions.map((a) => expected(a.action) + (a.suggested ? ' <em>(suggested)</em>' : '')));
        else expect(cells).toEqual(byDue.map(({ a }) => expected(a.action)));
        // No user HTML got through as markup.
        expect(html).not.toMatch(/<img|<script/);
      }),
      propertyRuns(200),
    );
  });
});

describe('random documents', () => {
  const isCleanRejection = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      expect(error.problems.length).toBeGreaterThan(0);
      for (const p of error.problems) expect(p.line).toBeGreaterThan(0);
    }
  };

  it('any YAML value is either valid answers or located problems, never a crash', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => isCleanRejection(() => loadAnswers(stringify(value), 'random.yaml', q))),
      propertyRuns(500),
    );
  });

  it('valid answers with one part replaced by anything are handled cleanly', () => {
    const keys = ['organization', 'profile', 'ratings', 'improve', 'requirements', 'vision', 'visionNotes', 'policies', 'communication', 'education', 'date', 'lang'];
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...keys), fc.jsonValue(), (answers, key, value) =>
        isCleanRejection(() => loadAnswers(stringify({ ...answers, [key]: value }), 'random.yaml', q)),
      ),
      propertyRuns(300),
    );
  });

  it('any text at all is handled cleanly', () => {
    const yamlish = fc.array(fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', ',', '"', "'", '&x', '*x', '!', '#', '|', '>', '%YAML 1.1\n', '---\n', '\t', '1', '?', 'ratings', 'leadership'), { maxLength: 40 });
    fc.assert(
      fc.property(yamlish, (parts) => isCleanRejection(() => loadAnswers(parts.join(''), 'random.yaml', q))),
      propertyRuns(500),
    );
  });
});

describe('random documents through the built CLI', () => {
  it('never exit 3 and never print a stack trace', () => {
    const dir = tempDir();
    const samples = fc.sample(fc.oneof(fc.jsonValue().map((v) => stringify(v)), answersArb.map((a) => stringify(a))), { numRuns: 30, seed: 42 });
    samples.forEach((text, i) => {
      const file = path.join(dir, `random-${i}.yaml`);
      writeFileSync(file, text);
      const run = spawnSync(process.execPath, [CLI, 'report', file, '-o', path.join(dir, `plan-${i}.md`)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect([0, 2], `${file}: ${run.stderr}`).toContain(run.status);
      expect(run.stderr).not.toMatch(/\n\s+at |internal error|node:internal/);
    });
  });
});
