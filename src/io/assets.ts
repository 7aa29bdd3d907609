/** What the build prepares in dist/assets (scripts/assets.ts): checked and compiled once, not at every run. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from './files.js';

// The built CLI's own `require` (bin/bundle.cjs), which code-caches the assets like any chunk.
declare const require: ((file: string) => unknown) | undefined;

/** dist/assets/NAME.json, data, or undefined when there is none (running from source: the unit tests). */
export function builtData<T>(name: string): T | undefined {
  const file = path.join(packageRoot(), 'dist', 'assets', `${name}.json`);
  // Parsing JSON costs less than running the same object as code, even code-cached.
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** dist/assets/NAME.cjs, code (a precompiled template), or undefined when there is none. */
export function builtAsset<T>(name: string): T | undefined {
  const file = path.join(packageRoot(), 'dist', 'assets', `${name}.cjs`);
  if (!existsSync(file)) return undefined;
  const load = typeof require === 'function' ? require : process.getBuiltinModule('node:module').createRequire(import.meta.url);
  return load(file) as T;
}
