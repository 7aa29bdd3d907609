// Mutation testing (`npm run mutate`): small bugs are planted in the code one at a time, and
// the unit and prompt tests must fail for each. Not part of `npm test`: a full run takes an
// hour or more; an incremental rerun tests only what changed. Mutants accepted as equivalent
// are listed, with the reason, in stryker.equivalent.md beside this file.
// The last lines it prints are the score per folder and in total (scripts/stryker-score.mjs).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'stryker.tsconfig.json',
  // The pure core, file and terminal access, rendering, and the walk (which saves after every answer).
  // Not yaml-lib.built.ts: only the built CLI runs it, which no mutant reaches.
  mutate: ['src/core/**/*.ts', '!src/core/yaml-lib.built.ts', 'src/io/**/*.ts', 'src/render/**/*.ts', 'src/prompts/walk.ts'],
  // Constants evaluated once at load: each would need the whole suite per mutant.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  // A rerun tests only the mutants whose code or tests changed since the last one.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // One test runner beside the type checker: a shared two-core machine. On a machine of your
  // own, `npm run mutate -- --concurrency 4`.
  concurrency: 1,
  timeoutMS: 20_000,
  appendPlugins: ['./scripts/stryker-score.mjs'],
  reporters: ['clear-text', 'progress', 'html', 'json', 'score'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
