/**
 * Users' templates that no corpus file should hold: generated, deep or long ones. Each must be
 * refused with a located problem (exit 2) quickly; the bounds are for correctness (no hang, no
 * quadratic step), not benchmarks.
 */
import { problemMessage } from '../../src/render/problems.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { loadAnswers } from '../../src/core/answers.js';
import { buildPlan } from '../../src/core/plan.js';
import { loadQuestionnaire } from '../../src/core/questionnaire.js';
import { scoreAnswers } from '../../src/core/scoring.js';
import { ExitCode, InputError } from '../../src/errors.js';
import { en } from '../../src/i18n/en.js';
import { compileTemplate } from '../../src/render/markdown.js';
import { readFixture } from '../helpers.js';
import { printed, thrown } from '../problems.js';

const csq = loadQuestionnaire(readFileSync('questionnaires/csq.en.yaml', 'utf8'), 'csq.en.yaml');
const answers = readFixture('full.yaml');
const result = scoreAnswers(csq, loadAnswers(answers, 'full.yaml', csq));
const data = { ...buildPlan(result, csq, en), result };

/**
 * A guard against a hang or a runaway render (the 11 nested loops once ran for 196 s), not a
 * measure of speed: the budget that refuses these is counted in steps, and speed is in the bench.
 */
const HANG_GUARD_MS = 10_000;

/** Compiles and renders `source` as t.hbs; the refusal, and how long it took. */
function refusal(source: string): { message: string; error: unknown; ms: number } {
  const started = performance.now();
  try {
    compileTemplate(source, 't.hbs')(data);
  } catch (error) {
    return { message: printed(error), error, ms: performance.now() - started };
  }
  throw new Error('the template was rendered, not refused');
}

/** One located problem in t.hbs, exit code 2. */
function expectLocated(error: unknown, message: RegExp) {
  expect(error).toBeInstanceOf(InputError);
  const { problems, exitCode } = error as InputError;
  expect(exitCode).toBe(ExitCode.invalid);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: 't.hbs', line: expect.any(Number), column: expect.any(Number) });
  expect(problemMessage(problems[0]!, en)).toMatch(message);
}

const nestedEach = (levels: number, body: string) => `${'{{#each @root.sections}}'.repeat(levels)}${body}${'{{/each}}'.repeat(levels)}`;
const BUDGET = /^t\.hbs:1:\d+ the template takes more than 50000 steps to render \(loops inside loops\?\)$/;
const TOO_DEEP = 'blocks and sub-expressions are nested more than 100 deep';

describe('the render budget acts while rendering', () => {
  for (const levels of [11, 30, 100]) {
    for (const [kind, body] of [
      ['a body', '- {{text title}}\n'],
      ['an empty body', ''],
    ] as const) {
      it(`refuses ${levels} nested loops over the sections with ${kind} by its budget`, () => {
        const { message, error, ms } = refusal(nestedEach(levels, body));
        expect(ms).toBeLessThan(HANG_GUARD_MS);
        expect(message).toMatch(BUDGET);
        expectLocated(error, /^the template takes more than/);
      });
    }
  }

  it('stops at 4 MiB of output, long before rendering all of it', () => {
    // 7^5 bodies of 20 KiB: 330 MiB if rendered to the end.
    const { message, error, ms } = refusal(nestedEach(5, 'x'.repeat(20 * 1024)));
    expect(ms).toBeLessThan(HANG_GUARD_MS);
    expect(message).toMatch(/^t\.hbs:1:\d+ the template produces more than 4 MiB of output$/);
    expectLocated(error, /4 MiB/);
  });

  it('counts a long body as the work it is, though it prints nothing', () => {
    // 7^6 runs of 4,000 empty fields each: minutes to render to the end.
    const { message, error, ms } = refusal(nestedEach(6, '{{@root.team}}'.repeat(4000)));
    expect(ms).toBeLessThan(HANG_GUARD_MS);
    expect(message).toBe('t.hbs:1:121 the template takes more than 50000 steps to render (loops inside loops?)');
    expectLocated(error, /steps/);
  });

  it('counts escaping a long text as the work it is, though it prints nothing', () => {
    const blank = { ...data, vision: { ...data.vision, text: '\n'.repeat(60_000) } };
    const template = compileTemplate(nestedEach(8, '{{text @root.vision.text}}'), 't.hbs');
    const started = performance.now();
    expect(thrown(() => template(blank))).toBe('t.hbs:1:193 the template takes more than 50000 steps to render (loops inside loops?)');
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  });

  it('has a clock as a safety net, read while rendering', () => {
    // A machine so slow that every reading of the clock is a second later: a modest loop then takes too long.
    const template = compileTemplate(nestedEach(3, '{{text title}}'), 't.hbs');
    let now = 0n;
    const clock = vi.spyOn(process.hrtime, 'bigint').mockImplementation(() => (now += 1_000_000_000n));
    try {
      expect(thrown(() => template(data))).toMatch(/^t\.hbs:1:\d+ the template takes more than 5000 ms to render$/);
    } finally {
      clock.mockRestore();
    }
  });

  it('still renders loops of a normal size, to the end', () => {
    const output = compileTemplate(nestedEach(3, 'x'), 't.hbs')(data);
    expect(output).toBe('x'.repeat(7 ** 3));
  });
});

describe('nesting the compiler cannot take', () => {
  it('refuses 3,000 nested sub-expressions (18 KB) as a located error', () => {
    const { message, error, ms } = refusal(`{{add ${'(add '.repeat(3000)}1 1${')'.repeat(3000)} 1}}`);
    expect(ms).toBeLessThan(HANG_GUARD_MS);
    expect(message).toBe(`t.hbs:1:507 ${TOO_DEEP}`);
    expectLocated(error, /nested more than 100 deep/);
  });

  it('refuses 16,000 nested sub-expressions, about the most a 64 KiB template holds, before parsing them', () => {
    // Handlebars' parser alone takes time quadratic in the nesting: minutes here.
    const source = `{{text ${'(a '.repeat(16_000)}1${')'.repeat(16_000)}}}`;
    expect(source.length).toBeLessThan(64 * 1024);
    const { message, ms } = refusal(source);
    expect(ms).toBeLessThan(HANG_GUARD_MS);
    expect(message).toBe(`t.hbs:1:308 ${TOO_DEEP}`);
  });

  it('refuses 3,000 nested blocks and a chain of 3,000 {{else if}}', () => {
    const blocks = refusal(`${'{{#if true}}'.repeat(3000)}${'{{/if}}'.repeat(3000)}`);
    expect(blocks.ms).toBeLessThan(HANG_GUARD_MS);
    expect(blocks.message).toBe(`t.hbs:1:1201 ${TOO_DEEP}`);
    const chain = refusal(`{{#if improveChosen}}${'\n{{else if improveChosen}}'.repeat(3000)}\n{{/if}}`);
    expect(chain.ms).toBeLessThan(HANG_GUARD_MS);
    expect(chain.message).toBe(`t.hbs:101:1 ${TOO_DEEP}`);
  });

  it('refuses a path of 31,000 parts as a located error', () => {
    const { message, ms } = refusal(`{{${'a.'.repeat(31_000)}b}}`);
    expect(ms).toBeLessThan(HANG_GUARD_MS);
    expect(message).toBe('t.hbs:1:3 a path has more than 100 parts');
  });

  it('still compiles a template nested 100 deep', () => {
    const source = `${'{{#if organization}}'.repeat(100)}deep${'{{/if}}'.repeat(100)}`;
    expect(compileTemplate(source, 't.hbs')(data)).toBe('deep');
  });
});

describe('errors on a 63 KB line are located in linear time', () => {
  const line = 'x'.repeat(63_000);
  for (const [what, source, expected] of [
    ['a missing field at its end', `${line}{{nope.x.y}}`, 't.hbs:1:63003 field "nope.x.y" is not defined in the plan data'],
    ['a line of dotted words, then a missing field', `${'a.'.repeat(31_500)}{{nope.x.y}}`, 't.hbs:1:63003 field "nope.x.y" is not defined in the plan data'],
    ['a field of a text', `{{#with organization}}${line}{{name.first}}{{/with}}`, 't.hbs:1:63025 field "name.first" is not defined in the plan data'],
    ['a syntax error at its end', `${line}{{#if}`, /^t\.hbs:1:63006 template syntax error: Expecting /],
    ['a helper given too many arguments', `${line}{{text organization respondent}}`, 't.hbs:1:63001 text needs 1 argument, but has 2'],
  ] as const) {
    it(what, () => {
      const { message, error, ms } = refusal(source);
      expect(ms).toBeLessThan(HANG_GUARD_MS);
      if (typeof expected === 'string') expect(message).toBe(expected);
      else expect(message).toMatch(expected);
      expectLocated(error, /\S/);
    });
  }
});

describe('template errors', () => {
  /** Every text the user typed in the answers file, at least 4 characters long. */
  const typed = (function strings(value: unknown): string[] {
    if (typeof value === 'string') return value.length >= 4 ? [value] : [];
    return value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
  })(parse(answers));

  // Each once came out without a position, or with the user's data in it.
  const mistakes: [string, string][] = [
    ['{{#with organization}}{{name}}{{/with}}', 't.hbs:1:25 field "name" is not defined in the plan data'],
    ['{{#each priorities}}{{#each moreIdeas}}{{title}}{{/each}}{{/each}}', 't.hbs:1:42 field "title" is not defined in the plan data'],
    ['{{#each policies.groups}}{{#each policies}}{{text missing this}}{{/each}}{{/each}}', 't.hbs:1:44 text needs 1 argument, but has 2'],
    ['{{#each policies.groups}}{{#each policies}}{{text missing}}{{/each}}{{/each}}', 't.hbs:1:44 text needs a value, but its argument is not defined'],
    ['{{text result}}', 't.hbs:1:1 text needs a text or a number, but its argument is an object'],
    ['{{#each sections}}{{add title 1}}{{/each}}', 't.hbs:1:19 add needs two numbers, but one argument is a text'],
    ['{{#each}}x{{/each}}', 't.hbs:1:1 each needs 1 argument, but has 0'],
    ['{{#with}}x{{/with}}', 't.hbs:1:1 with needs 1 argument, but has 0'],
    ['{{#if organization respondent}}x{{/if}}', 't.hbs:1:1 if needs 1 argument, but has 2'],
    ['{{#unless}}x{{/unless}}', 't.hbs:1:1 unless needs 1 argument, but has 0'],
    ['{{each sections}}', 't.hbs:1:1 each is a block helper: write {{#each …}}…{{/each}}'],
    ['{{if organization}}', 't.hbs:1:1 if is a block helper: write {{#if …}}…{{/if}}'],
    ['{{#text organization}}x{{/text}}', 't.hbs:1:1 text is not a block helper: write {{text …}}'],
    ['{{lookup}}', 't.hbs:1:1 lookup needs 2 arguments, but has 0'],
    ['{{#each sections}}{{lookup this}}{{/each}}', 't.hbs:1:19 lookup needs 2 arguments, but has 1'],
    ['{{lookup organization "a" "b"}}', 't.hbs:1:1 lookup needs 2 arguments, but has 3'],
    ['{{#lookup sections 0}}{{title}}{{/lookup}}', 't.hbs:1:1 lookup is not a block helper: write {{lookup …}}'],
    ['{{blockHelperMissing sections}}', 't.hbs:1:1 unknown helper (csq knows: text, t, add, eq, log, and the built-ins): blockHelperMissing'],
    ['{{helperMissing}}', 't.hbs:1:3 field "helperMissing" is not defined in the plan data'],
    ['{{#each sections}}{{title.first.letter}}{{/each}}', 't.hbs:1:21 field "title.first.letter" is not defined in the plan data'],
    ['{{#each priorities}}{{#each weakest}}{{@root.organization.name}}{{/each}}{{/each}}', 't.hbs:1:40 field "@root.organization.name" is not defined in the plan data'],
    ['{{#if sections.length}}{{overall.percent}}{{/if}}\n{{nothing.percent.x}}', 't.hbs:2:3 field "nothing.percent.x" is not defined in the plan data'],
    ['x\n{{!-- never closed', 't.hbs:2:1 template syntax error: unrecognized text (an unclosed comment?)'],
    ['{{t organization}}', 't.hbs:1:1 t takes the name of a text in quotes, as in {{t "overall"}}'],
    ['{{#each improve}}{{text (t title)}}{{/each}}', 't.hbs:1:25 t takes the name of a text in quotes, as in {{t "overall"}}'],
    ['{{t "overal"}}', 't.hbs:1:1 t: no text named "overal" in the plan\'s words'],
    ['{{#t "title"}}x{{/t}}', 't.hbs:1:1 t is not a block helper: write {{t …}}'],
    ['{{t "title" organization=nothing}}', 't.hbs:1:1 t needs a value, but its argument is not defined'],
    ['{{t "title" organization=sections}}', 't.hbs:1:1 t needs texts or numbers, but organization= is a list'],
  ];
  for (const [source, expected] of mistakes) {
    it(`locates ${source.replace(/\n/g, '⏎')}, quoting none of the user's data`, () => {
      const { message, error } = refusal(source);
      expect(message).toBe(expected);
      for (const text of typed) expect(message).not.toContain(text);
      expectLocated(error, /\S/);
    });
  }
});
