/**
 * What rendering needs at run time: the helpers (Markdown, not HTML, escaping), the
 * compile options, and the budget every render runs under. Only Handlebars' small
 * runtime is loaded here; the compiler is needed only for users' own templates
 * (markdown.ts), since the bundled ones are precompiled.
 */
import type HandlebarsEnvironment from 'handlebars';
import RuntimeModule from 'handlebars/runtime.js';
import { InputError, type ProblemCode, type Values } from '../errors.js';
import { escapeMarkdown } from '../core/escape.js';
import { fill, type Message } from '../i18n/format.js';
import { writeStderr } from '../io/stdio.js';

/**
 * A hostile or buggy template must answer quickly and must not fill memory or the disk.
 * Nested loops are exponential (11 `{{#each}}` over 7 sections is 7^11 bodies), so the
 * limits act while rendering, and are counted, not timed, so the same template always
 * stops at the same place. A step is a helper call or a block body's run; a long body
 * costs more steps (its code is straight-line, so its length is its work), and so does
 * escaping a long text. Output is counted as each body returns. The clock is only a
 * safety net. The bundled plan takes about 1,000 steps and 10 KB.
 */
export const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;
export const MAX_RENDER_STEPS = 50_000;
// A backstop behind the step budget, which refuses runaway templates in a fraction of this on
// any machine: long enough that a loaded machine still meets the steps first (the same message).
export const MAX_RENDER_MS = 5000;
/** Measured to cost about what one helper call does. */
const CODE_CHARS_PER_STEP = 200;
const TEXT_CHARS_PER_STEP = 20;

/** A position in the template, as Handlebars gives it: line 1-based, column 0-based. */
interface Position {
  line: number;
  column: number;
}
interface Loc {
  start: Position;
  end?: Position;
}

/** The render in progress, with what it has used so far. Renders are synchronous, so there is one at a time. */
interface Render {
  file: string;
  source: string;
  steps: number;
  output: number;
  /** Output of the block bodies that returned inside the body now running: already counted. */
  nested: number;
  calls: number;
  deadline: number;
  /** Steps one run of each block body costs, by its number in the template spec. */
  bodySteps: number[];
}
let current: Render | undefined;

/** A located problem in a template; every template error is one of these, built where its position is known. */
export function templateProblem(file: string, at: Position | undefined, code: ProblemCode, values?: Values): InputError {
  return new InputError([{ file, line: at?.line ?? 1, column: (at?.column ?? 0) + 1, code, ...(values ? { values } : {}) }]);
}

function problemHere(loc: Loc | undefined, code: ProblemCode, values?: Values): InputError {
  return templateProblem(current?.file ?? 'template', loc?.start, code, values);
}

// A monotonic clock without the global `performance`, whose first use loads perf_hooks (~2 ms of every report).
const nowMs = () => Number(process.hrtime.bigint() / 1_000_000n);

function step(loc: Loc | undefined, steps = 1): Render {
  const render = current;
  if (!render) throw new Error('a template ran outside wrapTemplate, without its budget');
  render.steps += steps;
  if (render.steps > MAX_RENDER_STEPS) {
    throw problemHere(loc, 'template-too-many-steps', { count: MAX_RENDER_STEPS });
  }
  if (++render.calls % 16 === 0 && nowMs() > render.deadline) {
    throw problemHere(loc, 'template-too-slow', { ms: MAX_RENDER_MS });
  }
  return render;
}

function tooMuchOutput(loc: Loc | undefined): InputError {
  return problemHere(loc, 'template-too-much-output', { size: `${MAX_OUTPUT_CHARS / 1024 / 1024} MiB` });
}

type Program = ((this: unknown, context: unknown, options?: unknown) => unknown) & { program?: number };

/** The steps one run of a block body costs. */
function bodyCost(program: Program | undefined): number {
  const index = program?.program;
  return index === undefined ? 1 : (current!.bodySteps[index] ?? 1);
}

/** A block body (or its `{{else}}`) that counts its steps each time it runs, and the output it adds. */
function counted(program: Program, loc: Loc | undefined): Program {
  return function (this: unknown, context, options) {
    const render = step(loc, bodyCost(program));
    const outer = render.nested;
    render.nested = 0;
    const out = program.call(this, context, options);
    // A body's output includes that of the blocks inside it, which counted their own.
    const length = typeof out === 'string' ? out.length : out == null ? 0 : String(out).length;
    render.output += length - render.nested;
    if (render.output > MAX_OUTPUT_CHARS) throw tooMuchOutput(loc);
    render.nested = outer + length;
    return out;
  };
}

interface HelperOptions {
  name?: string;
  loc?: Loc;
  fn?: Program;
  inverse?: Program;
  hash?: Record<string, unknown>;
  data?: { root?: { texts?: Record<string, Message>; lang?: string } };
}
type Helper = (this: unknown, ...args: unknown[]) => unknown;

/** How a helper may be called: its number of arguments, and whether as a block (`{{#name}}`); undefined means any. */
interface Rule {
  params?: number;
  block?: boolean;
  /** It runs its body, or its `{{else}}`, once at most: charged when called, not counted run by run. */
  once?: boolean;
}

function describe(value: unknown): { term: 'nullWord' | 'list' | 'object' | 'aText' | 'number' | 'aBoolean' } {
  if (value === null) return { term: 'nullWord' };
  if (Array.isArray(value)) return { term: 'list' };
  if (typeof value === 'object') return { term: 'object' };
  return { term: typeof value === 'string' ? 'aText' : typeof value === 'number' ? 'number' : 'aBoolean' };
}

function requireValue(name: string, value: unknown, loc: Loc | undefined): unknown {
  if (value === undefined) throw problemHere(loc, 'template-needs-value', { name });
  return value;
}

const rules: Record<string, Rule> = {
  each: { params: 1, block: true },
  with: { params: 1, block: true, once: true },
  if: { params: 1, block: true, once: true },
  unless: { params: 1, block: true, once: true },
  lookup: { params: 2, block: false },
  // Called by Handlebars itself for `{{#field}}…{{/field}}`; templates cannot call it (COMPILE_OPTIONS).
  blockHelperMissing: { params: 1, block: true },
  text: { params: 1, block: false },
  t: { params: 1, block: false },
  add: { params: 2, block: false },
  eq: { params: 2, block: false },
  log: { block: false },
};

const helpers: Record<string, Helper> = {
  /** Any user string: escaped for Markdown; null prints nothing. */
  text(value, options) {
    const { loc } = options as HelperOptions;
    const v = requireValue('text', value, loc);
    if (v !== null && typeof v === 'object') throw problemHere(loc, 'template-text-of', { found: describe(v) });
    const text = v === null ? '' : String(v);
    step(loc, Math.floor(text.length / TEXT_CHARS_PER_STEP));
    return escapeMarkdown(text);
  },
  /**
   * The language's own words: `{{t "overall" percent=overall.percent}}` fills the catalogue's
   * `plan.overall`. The catalogue's Markdown is the plan's; every text value filled in is escaped.
   * The name is always a literal of the template (markdown.ts checks), so it may be quoted.
   */
  t(key, options) {
    const { loc, hash, data } = options as HelperOptions;
    const texts = data?.root?.texts ?? {};
    if (typeof key !== 'string' || !Object.hasOwn(texts, key)) throw problemHere(loc, 'template-no-text', { name: JSON.stringify(String(key)) });
    const values = Object.fromEntries(
      Object.entries(hash ?? {}).map(([name, value]) => {
        const v = requireValue('t', value, loc);
        if (v !== null && typeof v === 'object') throw problemHere(loc, 'template-t-value', { name, found: describe(v) });
        if (typeof v !== 'string') return [name, v === null ? '' : (v as number)];
        step(loc, Math.floor(v.length / TEXT_CHARS_PER_STEP));
        // Only a value that starts a line of the message can start a Markdown list or heading.
        const message = texts[key]!;
        const atLineStart = (typeof message === 'string' ? [message] : Object.values(message)).some((m) => new RegExp(`(^|\\n)\\{${name}\\}`).test(m));
        return [name, escapeMarkdown(v, atLineStart)];
      }),
    );
    return fill(texts[key]!, values, data?.root?.lang);
  },
  /** 1-based position in an {{#each}}: `{{add @index 1}}`. */
  add(a, b, options) {
    const { loc } = options as HelperOptions;
    for (const v of [a, b]) {
      if (typeof requireValue('add', v, loc) !== 'number') throw problemHere(loc, 'template-add-numbers', { found: describe(v) });
    }
    return (a as number) + (b as number);
  },
  /** `{{#if (eq a b)}}` */
  eq(a, b, options) {
    const { loc } = options as HelperOptions;
    return requireValue('eq', a, loc) === requireValue('eq', b, loc);
  },
  /** The template's own debugging output must never mix into `-o -`. */
  log(...args) {
    const line = args.slice(0, -1).map(String).join(' ');
    step((args.at(-1) as HelperOptions).loc, Math.floor(line.length / TEXT_CHARS_PER_STEP));
    writeStderr(`${line}\n`);
  },
};

export const KNOWN_HELPERS = Object.keys(helpers);

/** An error from inside a helper or a block body, as a located problem that does not quote the plan data. */
function located(error: unknown, loc: Loc | undefined, helper = 'the template'): InputError {
  if (error instanceof InputError) return error;
  const render = current;
  if (error instanceof HandlebarsException) {
    // At run time only strict mode's field check has a position (its message quotes the data: not shown).
    if (typeof error.lineNumber === 'number' && typeof error.column === 'number') {
      const start = { line: error.lineNumber, column: error.column };
      const written = render?.source ? slice(render.source, start, { line: error.endLineNumber ?? start.line, column: error.endColumn ?? start.column }) : '';
      return templateProblem(render?.file ?? 'template', start, written ? 'template-unknown-field' : 'template-unknown-field-unnamed', { field: written });
    }
    // Handlebars' own words, for what it alone knows: the one message csq cannot say in every language.
    return problemHere(loc, 'template-error', { detail: error.message });
  }
  if (error instanceof RangeError) {
    // V8 refuses a string over about 512 MiB: one body can repeat a long value that often before it returns.
    return /string length/i.test(error.message) ? tooMuchOutput(loc) : problemHere(loc, 'template-recursion');
  }
  // An engine error (TypeError…) may quote the data, so only its kind is named.
  return problemHere(loc, 'template-helper-failed', { helper, kind: error instanceof Error ? error.name : typeof error });
}

/** The template text from start to end, on one line. Linear in the template's length. */
function slice(source: string, start: Position, end: Position): string {
  const offset = (p: Position) => {
    let at = 0;
    for (let line = 1; line < p.line; line++) {
      const next = source.indexOf('\n', at);
      if (next === -1) return -1;
      at = next + 1;
    }
    return at + p.column;
  };
  const from = offset(start);
  const to = offset(end);
  return from < 0 || to <= from ? '' : source.slice(from, to).replace(/\s+/g, ' ');
}

/** A helper that keeps to its rule, spends the budget, counts its block bodies, and locates whatever it throws. */
function guarded(name: string, rule: Rule, helper: Helper): Helper {
  return function (this: unknown) {
    // `arguments`, not a rest parameter: no array to allocate on every call.
    const args = arguments as unknown as unknown[];
    const options = args[args.length - 1] as HelperOptions;
    const loc = options?.loc;
    const given = args.length - 1;
    if (rule.params !== undefined && given !== rule.params) {
      throw problemHere(loc, 'template-arguments', { name, count: rule.params, found: given });
    }
    if (rule.block !== undefined && rule.block !== Boolean(options.fn)) throw problemHere(loc, rule.block ? 'template-block-helper' : 'template-not-block-helper', { name });
    if (!options.fn) step(loc);
    else if (rule.once) step(loc, 1 + Math.max(bodyCost(options.fn), bodyCost(options.inverse)));
    else {
      step(loc);
      options.fn = counted(options.fn, loc);
      options.inverse = counted(options.inverse!, loc);
    }
    try {
      return helper.apply(this, args);
    } catch (error) {
      throw located(error, loc, name);
    }
  };
}

// Handlebars' built-in helpers, from an instance of their own: `unless` calls that instance's `if`,
// `{{#list}}` its `each`, with the block bodies already counted.
const builtins = (RuntimeModule as unknown as typeof HandlebarsEnvironment).create().helpers as Record<string, Helper>;

/** Handlebars' own error class; its instances carry a position when the template gave one. */
interface HandlebarsError extends Error {
  lineNumber?: number;
  column?: number;
  endLineNumber?: number;
  endColumn?: number;
}
const HandlebarsException = (RuntimeModule as unknown as { Exception: new (message: string) => HandlebarsError }).Exception;

/** Give a Handlebars environment csq's helpers and its guarded built-ins (and the `log` that keeps off stdout). */
export function registerHelpers(instance: Pick<typeof HandlebarsEnvironment, 'registerHelper'>): void {
  for (const [name, helper] of Object.entries({ ...builtins, ...helpers })) {
    instance.registerHelper(name, guarded(name, rules[name] ?? {}, helper) as Handlebars.HelperDelegate);
  }
}

// The runtime module is the same environment as the full one, less the compiler (its typings are empty).
const runtime = (RuntimeModule as unknown as typeof HandlebarsEnvironment).create();
registerHelpers(runtime);

export const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  // Handlebars' fallbacks are for itself: called from a template they only fail, without a position.
  knownHelpers: { ...Object.fromEntries(KNOWN_HELPERS.map((h) => [h, true])), helperMissing: false, blockHelperMissing: false },
} as const;

export type PlanTemplate = (data: unknown) => string;

/** Run a compiled template within the budget: errors located in the template file. */
export function wrapTemplate(compiled: (data: unknown) => string, file: string, source = '', bodySteps: number[] = []): PlanTemplate {
  return (data) => {
    const outer = current;
    current = { file, source, bodySteps, steps: 0, output: 0, nested: 0, calls: 0, deadline: nowMs() + MAX_RENDER_MS };
    try {
      const output = compiled(data);
      if (output.length > MAX_OUTPUT_CHARS) throw tooMuchOutput(undefined);
      return output;
    } catch (error) {
      throw located(error, undefined);
    } finally {
      current = outer;
    }
  };
}

/** A precompiled template (strict mode and known helpers baked in): the bundled ones, and users' once compiled. */
export function templateFromSpec(spec: unknown, file: string, source = ''): PlanTemplate {
  const bodies = Object.entries(spec as Record<string, unknown>).filter(([key, body]) => /^\d+$/.test(key) && typeof body === 'function');
  const bodySteps = new Array<number>(bodies.length).fill(1);
  for (const [key, body] of bodies) bodySteps[Number(key)] = 1 + Math.floor(String(body).length / CODE_CHARS_PER_STEP);
  return wrapTemplate(runtime.template(spec as TemplateSpecification), file, source, bodySteps);
}
