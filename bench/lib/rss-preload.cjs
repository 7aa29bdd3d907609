// Loaded with `node --require` in the resource runs only: at exit, append this process's peak
// resident set size (KiB) and the CPU time it used (ms, user + system, every thread), both from
// getrusage, to the file named by CSQ_BENCH_RSS_FILE.
'use strict';
const file = process.env.CSQ_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    require('node:fs').appendFileSync(file, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
  });
}
