/**
 * What rendering needs at run time: the helpers (Markdown, not HTML, escaping), the
 * compile options, and the wrapper that locates template errors and caps output.
 * Only Handlebars' small runtime is loaded here; the compiler is needed only for
 * users' own templates (markdown.ts), since the bundled ones are precompiled.
 */
import type HandlebarsEnvironment from 'handlebars';
import RuntimeModule from 'handlebars/runtime.js';
import { CsqError, ExitCode } from '../errors.js';
import { escapeMarkdown } from '../core/escape.js';
import { fill, type Message } from '../i18n/format.js';
import { writeStderr } from '../io/stdio.js';

/** A hostile or buggy template must not fill the disk. */
export const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;

type HelperOptions = {
  loc?: { start: { line: number; column: number } };
  name?: string;
  hash?: Record<string, unknown>;
  data?: { root?: { texts?: Record<string, Message>; lang?: string } };
};

function requireValue(value: unknown, options: HelperOptions): unknown {
  if (value === undefined) {
    const at = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
    throw new Error(`${options.name ?? 'helper'} needs a value, but its argument is not defined${at}`);
  }
  return value;
}

const helpers: Record<string, (...args: never[]) => unknown> = {
  /** Any user string: escaped for Markdown; null prints nothing. */
  text(value: unknown, options: HelperOptions) {
    const v = requireValue(value, options);
    return v === null ? '' : escapeMarkdown(String(v));
  },
  /**
   * The language's own words: `{{t "overall" percent=overall.percent}}` fills the catalogue's
   * `plan.overall`. The catalogue's Markdown is the plan's; every text value filled in is escaped.
   */
  t(key: unknown, options: HelperOptions) {
    const texts = options.data?.root?.texts ?? {};
    if (typeof key !== 'string' || !Object.hasOwn(texts, key)) {
      const at = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
      throw new Error(`t: no text named ${JSON.stringify(String(key))} in the plan's words${at}`);
    }
    const values = Object.fromEntries(
      Object.entries(options.hash ?? {}).map(([name, value]) => {
        const v = requireValue(value, options);
        return [name, typeof v === 'string' ? escapeMarkdown(v) : v === null ? '' : (v as string | number)];
      }),
    );
    return fill(texts[key]!, values, options.data?.root?.lang);
  },
  /** 1-based position in an {{#each}}: `{{add @index 1}}`. */
  add(a: unknown, b: unknown, options: HelperOptions) {
    return Number(requireValue(a, options)) + Number(requireValue(b, options));
  },
  /** `{{#if (eq a b)}}` */
  eq(a: unknown, b: unknown, options: HelperOptions) {
    return requireValue(a, options) === requireValue(b, options);
  },
  /** The template's own debugging output must never mix into `-o -`. */
  log(...args: unknown[]) {
    writeStderr(`${args.slice(0, -1).map(String).join(' ')}\n`);
  },
};

export const KNOWN_HELPERS = Object.keys(helpers);

/** Give a Handlebars environment csq's helpers (and the `log` that keeps off stdout). */
export function registerHelpers(instance: Pick<typeof HandlebarsEnvironment, 'registerHelper'>): void {
  for (const [name, fn] of Object.entries(helpers)) instance.registerHelper(name, fn as Handlebars.HelperDelegate);
}

// The runtime module is the same environment as the full one, less the compiler (its typings are empty).
const runtime = (RuntimeModule as unknown as typeof HandlebarsEnvironment).create();
registerHelpers(runtime);

export const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(KNOWN_HELPERS.map((h) => [h, true])),
} as const;

export type PlanTemplate = (data: unknown) => string;

/** Run a compiled template: errors located in the template file, output capped. */
export function wrapTemplate(compiled: (data: unknown) => string, file: string, source = ''): PlanTemplate {
  return (data) => {
    let output: string;
    try {
      output = compiled(data);
    } catch (error) {
      throw templateError(error, file, source);
    }
    if (output.length > MAX_OUTPUT_CHARS) {
      throw new CsqError(`${file}: the template produced more than ${MAX_OUTPUT_CHARS / 1024 / 1024} MiB of output`, ExitCode.invalid);
    }
    return output;
  };
}

/** A template precompiled at build time (strict mode and known helpers baked in). */
export function templateFromSpec(spec: unknown, file: string): PlanTemplate {
  return wrapTemplate(runtime.template(spec as TemplateSpecification), file);
}

/** Handlebars messages end in " - line:column" (column 0-based); turn that into file:line:column. */
export function templateError(error: unknown, file: string, source = ''): CsqError {
  if (error instanceof RangeError) return new CsqError(`${file}: the template recursed too deeply`, ExitCode.invalid);
  // Strict mode does not check the first part of a dotted path (`{{a.b}}` with no `a`); find it in the source.
  const property = error instanceof TypeError ? /reading '([^']+)'/.exec(error.message)?.[1] : undefined;
  if (property) {
    const escaped = property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The path before `.property` (or `/property`): `a.b`, `../x`, `@root.y`.
    const match = new RegExp(`([^\\s{}()=#/][^\\s{}()=#]*?|(?:\\.\\./)+[\\w@.-]*?)[./]${escaped}\\b`).exec(source);
    if (match) {
      const lines = source.slice(0, match.index).split('\n');
      return new CsqError(`${file}:${lines.length}:${lines.at(-1)!.length + 1} field "${match[1]}" is not defined in the plan data`, ExitCode.invalid);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  const located = /^([\s\S]*?) - (\d+):(\d+)$/.exec(message);
  if (located) {
    const [, what, line, column] = located;
    // Name the whole path as written (`overal.percent`), not just its last part.
    const written = /^"[^"]+" not defined in /.test(what!) ? /^[\w@.\/-]+/.exec(source.split('\n')[Number(line) - 1]?.slice(Number(column)) ?? '')?.[0] : undefined;
    const text = written ? `field "${written}" is not defined in the plan data` : tidy(what!);
    return new CsqError(`${file}:${line}:${Number(column) + 1} ${text}`, ExitCode.invalid);
  }
  const parse = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parse) {
    const [, line, rest] = parse;
    const expecting = rest!.split('\n').at(-1) ?? '';
    return new CsqError(`${file}:${line}:1 template syntax error: ${expecting.replace(/^-+\^?\s*/, '')}`, ExitCode.invalid);
  }
  return new CsqError(`${file}: ${tidy(message)}`, ExitCode.invalid);
}

function tidy(message: string): string {
  return message
    .replace(/ in \[object Object\]$/, ' in the plan data')
    .replace(/^"([^"]+)" not defined in/, 'field "$1" is not defined in')
    .replace('You specified knownHelpersOnly, but used the unknown helper', `unknown helper (csq knows: ${KNOWN_HELPERS.join(', ')}, and the built-ins):`);
}
