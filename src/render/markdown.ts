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
  // compile() is lazy: helper and strict-mode errors surface on the first render, still before any write.
  return wrapTemplate(instance.compile(ast, COMPILE_OPTIONS), file, source);
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

