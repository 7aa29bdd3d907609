/**
 * Set up by vitest.mutate.config.ts for `npm run mutate` only. Instrumented code runs several
 * times slower, on a shared machine: performance.now() (the render budget's clock, and the
 * tests' timings) runs at a tenth of real speed there, so that what a mutant changes (steps,
 * sizes, messages) decides a test, never the machine's load.
 */
const realNow = performance.now.bind(performance);
const origin = realNow();
performance.now = () => origin + (realNow() - origin) / 10;
