// Mutation testing (`npm run mutate`): small bugs are planted in the code one at a time, and
// the unit and prompt tests must fail for each. Not part of `npm test`: a full run takes an
// hour or more. Mutants accepted as equivalent are listed, with the reason, in
// stryker.equivalent.md beside this file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'stryker.tsconfig.json',
  mutate: ['src/core/**/*.ts', 'src/io/**/*.ts', 'src/render/**/*.ts', 'src/prompts/**/*.ts'],
  // Constants evaluated once at load: each would need the whole suite per mutant.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  // A rerun tests only the mutants whose code or tests changed since the last one.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The machine is shared: two test processes at most.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
