/**
 * The built CLI's yaml-lib.ts (scripts/build.mjs puts this module in its place): the bundler
 * turns this require into a call that runs the package's code on first use, so that a run
 * whose files the fast parser reads never loads it.
 */
import type { YamlLib } from './yaml-lib.js';

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= require('yaml') as YamlLib);
}
