/**
 * Compiling templates: users' own (`--template`), and the bundled ones at build time, so that
 * both are checked and compiled alike. Everything is checked and compiled before anything is
 * written; partials are refused (single files; recursion is a hang). The full Handlebars
 * compiler is loaded only here.
 */
import Handlebars from 'handlebars';
import { InputError, type Problem } from '../errors.js';
import { COMPILE_OPTIONS, KNOWN_HELPERS, templateFromSpec, templateProblem, type PlanTemplate } from './template-runtime.js';

export type { PlanTemplate } from './template-runtime.js';

/**
 * Real templates nest blocks and sub-expressions a few deep. Handlebars' parser takes time
 * quadratic in the nesting (4 s at 3,000 levels) and its compiler recurses, overflowing the
 * stack at about 3,000; a path's parts nest in the generated code the same way.
 */
export const MAX_TEMPLATE_NESTING = 100;

const instance = Handlebars.create();
/** What the typings leave out: the code generator (meant to be extended) and the generated parser, with its lexer. */
const internals = instance as unknown as {
  JavaScriptCompiler: new () => CodeGenerator;
  Parser: { lexer: Lexer; symbols_: Record<string, number> };
};
interface Lexer {
  yy?: object;
  done?: boolean;
  EOF: number;
  yylloc?: { first_line: number; first_column: number };
  setInput(source: string): void;
  lex(): number;
}

type Code = unknown;
interface CodeGenerator {
  source: { currentLocation?: unknown };
  popStack(): Code;
  push(code: Code): void;
  useRegister(name: string): void;
  aliasable(name: string): Code;
  quotedString(text: string): Code;
  nameLookup(parent: Code, name: string, type: string): Code;
}

/**
 * Strict mode checks only the last part of a path: `{{a.b}}` with no `a`, or with `a` a text,
 * then fails with a TypeError that has no position (and, for a text, quotes it). Here every
 * part is checked, at the path's own position, so each such mistake is a located error. A
 * part that has a value costs one lookup; Handlebars' check (`container.strict`, which builds
 * the position) runs only for a part that is null or missing.
 */
class StrictPathCompiler extends internals.JavaScriptCompiler {
  resolvePath(type: string, parts: string[], startPartIndex: number, _falsy: boolean, strict: boolean): void {
    let value = this.popStack();
    const loc = JSON.stringify(this.source.currentLocation) ?? 'undefined';
    for (let i = startPartIndex; i < parts.length; i++) {
      if (i === parts.length - 1 && !strict) {
        value = this.nameLookup(value, parts[i]!, type);
        continue;
      }
      this.useRegister('csqParent');
      this.useRegister('csqValue');
      const name = this.quotedString(parts[i]!);
      // Object(): a text or a number has no fields, and `in` would throw on it.
      const check = [this.aliasable('container.strict'), '(Object(csqParent), ', name, ', ', loc, ')'];
      value = ['(csqParent = ', value, ', csqParent != null && (csqValue = ', this.nameLookup('csqParent', parts[i]!, type), ') != null ? csqValue : ', check, ')'];
    }
    this.push(value);
  }
}
(StrictPathCompiler.prototype as unknown as { compiler: unknown }).compiler = StrictPathCompiler;
internals.JavaScriptCompiler = StrictPathCompiler;

/** The precompiled template (the JavaScript source of a template spec), or an InputError with its first problem, located. */
export function precompileTemplate(source: string, file: string): string {
  const tooDeep = nestingProblem(source, file);
  if (tooDeep) throw new InputError([tooDeep]);
  let ast: hbs.AST.Program;
  try {
    // Whitespace control (`~`, standalone lines) is left to precompile(), which applies it once.
    ast = instance.parseWithoutProcessing(source);
  } catch (error) {
    throw syntaxError(error, file, source);
  }
  const problem = firstProblem(ast, file);
  if (problem) throw new InputError([problem]);
  try {
    return instance.precompile(ast, { ...COMPILE_OPTIONS, knownHelpers: { ...COMPILE_OPTIONS.knownHelpers } }) as unknown as string;
  } catch (error) {
    throw compileError(error, file);
  }
}

export function compileTemplate(source: string, file: string): PlanTemplate {
  // The same code Handlebars' compile() would evaluate, through the same runtime as the bundled templates.
  const spec: unknown = new Function(`return ${precompileTemplate(source, file)};`)();
  return templateFromSpec(spec, file, source);
}

/**
 * How deep blocks and sub-expressions nest, from the lexer's tokens alone, before the parser
 * runs: the first token beyond the limit is the problem. `{{else if}}` nests a block that the
 * one `{{/if}}` closes.
 */
function nestingProblem(source: string, file: string): Problem | undefined {
  const { lexer, symbols_: token } = internals.Parser;
  const scan = Object.create(lexer) as Lexer;
  scan.yy = {};
  scan.setInput(source);
  const opens = new Set([token.OPEN_BLOCK, token.OPEN_INVERSE, token.OPEN_RAW_BLOCK, token.OPEN_PARTIAL_BLOCK]);
  const closes = new Set([token.OPEN_ENDBLOCK, token.END_RAW_BLOCK]);
  const blocks: number[] = []; // per open block, the levels its close ends
  let depth = 0;
  for (;;) {
    let t: number;
    try {
      t = scan.lex();
    } catch {
      return undefined; // a syntax error, which the parser reports with its position
    }
    if (t === token.EOF || t === scan.EOF) return undefined;
    if (t === token.OPEN_SEXPR) depth += 1;
    else if (t === token.CLOSE_SEXPR) depth -= 1;
    else if (opens.has(t)) {
      blocks.push(1);
      depth += 1;
    } else if (t === token.OPEN_INVERSE_CHAIN && blocks.length > 0) {
      blocks[blocks.length - 1]! += 1;
      depth += 1;
    } else if (closes.has(t)) depth -= blocks.pop() ?? 0;
    if (depth > MAX_TEMPLATE_NESTING) {
      const at = scan.yylloc!;
      return { file, line: at.first_line, column: at.first_column + 1, code: 'template-nesting', values: { max: MAX_TEMPLATE_NESTING } };
    }
  }
}

/** What a template may call: csq's helpers and Handlebars' built-ins. */
const KNOWN = new Set([...KNOWN_HELPERS, 'if', 'unless', 'each', 'with', 'lookup', 'log']);

interface Node {
  hash?: unknown;
  type?: string;
  loc?: { start: { line: number; column: number } };
  path?: { type: string; original?: unknown };
  params?: { type: string; strict?: boolean }[];
  parts?: string[];
}

/**
 * One pass over the syntax tree, with a stack of its own: partials and decorators refused,
 * paths bounded, `t` given a literal name, and block arguments made strict. Strict mode checks `{{name}}` but not a
 * helper's arguments, so `{{#each sectons}}` or `{{#if organisaton}}` rendered nothing. Set
 * the compiler's own strict flag (the one it sets for `{{name}}`) on each block's path
 * arguments: a name missing from the data is then an error, while null, false, empty or
 * undefined-valued fields still pass.
 */
function firstProblem(ast: hbs.AST.Program, file: string): Problem | undefined {
  const problems: Problem[] = [];
  const at = (node: Node) => ({ file, line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 });
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const node = value as Node;
    if (node.type && /Partial|Decorator/.test(node.type)) {
      problems.push({ ...at(node), code: 'template-partial' });
      continue;
    }
    if (node.type === 'PathExpression' && node.parts!.length > MAX_TEMPLATE_NESTING) {
      problems.push({ ...at(node), code: 'template-path-parts', values: { max: MAX_TEMPLATE_NESTING } });
    }
    if (node.type === 'BlockStatement') for (const param of node.params ?? []) if (param.type === 'PathExpression') param.strict = true;
    // A text's name is the template's own, so an error may quote it; a value from the data may not be.
    if (node.path?.type === 'PathExpression' && node.path.original === 't' && node.params?.[0] && node.params[0].type !== 'StringLiteral') {
      problems.push({ ...at(node), code: 'template-t-literal' });
    }
    // knownHelpersOnly: a call of a helper csq does not have fails to compile, with no position. Name it here.
    const call = node.type === 'SubExpression' || ((node.type === 'MustacheStatement' || node.type === 'BlockStatement') && ((node.params?.length ?? 0) > 0 || node.hash !== undefined));
    if (call && node.path?.type === 'PathExpression' && !KNOWN.has(String(node.path.original))) {
      // Named as Handlebars names it: the first part of the path.
      const name = String((node.path as { parts?: string[] }).parts?.[0] ?? node.path.original);
      problems.push({ ...at(node), code: 'template-unknown-helper', values: { name, known: KNOWN_HELPERS.join(', ') } });
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc' && child && typeof child === 'object') stack.push(child);
  }
  // The stack visits the tree out of order: report the first in the file.
  return problems.sort((a, b) => a.line! - b.line! || a.column! - b.column!)[0];
}

/** The parser's errors: Handlebars' own (with a position), or the generated parser's (the position is the lexer's). */
function syntaxError(error: unknown, file: string, source: string): InputError {
  const position = exceptionPosition(error);
  if (position) return templateProblem(file, position, 'template-error', { detail: exceptionText(error as Error, position) });
  const message = error instanceof Error ? error.message : String(error);
  const { lexer } = internals.Parser;
  let at = lexer.yylloc && { line: lexer.yylloc.first_line, column: lexer.yylloc.first_column };
  if (lexer.done) {
    // The template ended too early: point just after its last character, not at the blank lines after it.
    const lines = source.trimEnd().split('\n');
    at = { line: lines.length, column: lines.at(-1)!.length };
  }
  // "Parse error on line 2:\n…\n----^\nExpecting 'ID', …, got 'CLOSE'": the last line says what was wrong.
  // The parser's own words for what it expected: the one part csq cannot say in every language.
  if (!message.startsWith('Parse error')) return templateProblem(file, at, 'template-unrecognized');
  return templateProblem(file, at, 'template-syntax', { detail: message.split('\n').at(-1)! });
}

function compileError(error: unknown, file: string): InputError {
  if (error instanceof RangeError) return templateProblem(file, undefined, 'template-nests-too-deeply');
  const position = exceptionPosition(error);
  return templateProblem(file, position, 'template-error', { detail: error instanceof Error ? exceptionText(error, position) : String(error) });
}

function exceptionPosition(error: unknown): { line: number; column: number } | undefined {
  const e = error as { lineNumber?: unknown; column?: unknown };
  return typeof e.lineNumber === 'number' && typeof e.column === 'number' ? { line: e.lineNumber, column: e.column } : undefined;
}

/** Handlebars appends " - line:column" to a located message; the position is reported apart. */
function exceptionText(error: Error, position: { line: number; column: number } | undefined): string {
  const suffix = position ? ` - ${position.line}:${position.column}` : '';
  return suffix && error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
}
