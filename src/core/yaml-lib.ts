/**
 * The yaml package: the located parser and the editable Document. Only a file the fast parser
 * hands over, a problem to locate, or a walk that edits a file needs it; the built CLI puts
 * yaml-lib.built.ts in its place, which loads the package on first use (scripts/build.mjs).
 */
import * as yaml from 'yaml';

export type YamlLib = typeof yaml;

export function yamlLib(): YamlLib {
  return yaml;
}
