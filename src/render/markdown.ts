/**
 * Compiling users' own templates (`--template`): parse eagerly so every error comes
 * before anything is written, and refuse partials (single files; recursion is a hang).
 * The full Handlebars compiler is loaded only here.
 */
import Handlebars from 'handlebars';
import { CsqError, ExitCode } from '../errors.js';
import { COMPILE_OPTIONS, registerHelpers, templateError, wrapTemplate, type PlanTemplate } from './template-runtime.js';

export type { PlanTemplate } from './template-runtime.js';

const instance = Handlebars.create();
registerHelpers(instance);

export function compileTemplate(source: string, file: string): PlanTemplate {
  let ast: hbs.AST.Program;
  try {
    ast = instance.parse(source);
  } catch (error) {
    throw templateError(error, file, source);
  }
  const partial = findPartial(ast);
  if (partial) {
    throw new CsqError(`${file}:${partial.line}:${partial.column + 1} partials and decorators are not supported in csq templates`, ExitCode.invalid);
  }
  strictBlockArguments(ast);
  // compile() is lazy: helper and strict-mode errors surface on the first render, still before any write.
  return wrapTemplate(instance.compile(ast, COMPILE_OPTIONS), file, source);
}

/**
 * Strict mode checks `{{name}}` but not a helper's arguments, so `{{#each sectons}}` or
 * `{{#if organisaton}}` rendered nothing. Set the compiler's own strict flag (the one it
 * sets for `{{name}}`) on each block's path arguments: a name missing from the data is
 * then an error, while null, false, empty or undefined-valued fields still pass.
 */
function strictBlockArguments(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; params?: { type: string; strict?: boolean }[] };
  if (n.type === 'BlockStatement') {
    for (const param of n.params ?? []) if (param.type === 'PathExpression') param.strict = true;
  }
  for (const value of Object.values(node)) strictBlockArguments(value);
}

function findPartial(node: unknown): { line: number; column: number } | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as { type?: string; loc?: { start: { line: number; column: number } } };
  if (n.type && /Partial|Decorator/.test(n.type)) return n.loc?.start ?? { line: 1, column: 0 };
  for (const value of Object.values(node)) {
    if (value && typeof value === 'object' && value !== n.loc) {
      const found = Array.isArray(value) ? value.map(findPartial).find(Boolean) : findPartial(value);
      if (found) return found;
    }
  }
  return undefined;
}

