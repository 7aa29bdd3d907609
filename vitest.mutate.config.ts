import { defineConfig } from 'vitest/config';

// `npm run mutate` runs the tests that load src/ in-process: only they can kill a mutant (the
// end-to-end tests run the built bundle, which no mutant reaches).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/prompt/**/*.test.ts'],
    // Not the end-to-end block of properties.test.ts either: it runs the built bundle.
    testNamePattern: /^(?!random documents through the built CLI)/,
    env: { CSQ_MUTATE: '1' },
    setupFiles: ['test/setup.ts', 'test/mutate-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
