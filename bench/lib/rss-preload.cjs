// Loaded with `node --require` in the memory runs only: at exit, append this process's
// peak resident set size (KiB, from getrusage) to the file named by CSQ_BENCH_RSS_FILE.
'use strict';
const file = process.env.CSQ_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
