'use strict';
/**
 * Build step: `node scripts/code-cache.cjs ARGS…` runs the built CLI once with ARGS, then
 * saves each loaded chunk's bytecode as CHUNK.cache. A run reuses the caches of earlier
 * runs, so a sequence of runs (scripts/build.mjs) leaves caches that cover every path taken.
 */
const fs = require('node:fs');
const path = require('node:path');
const { loadBundle } = require('../bin/bundle.cjs');

const scripts = [];
process.argv.splice(1, 1, path.join(__dirname, '..', 'bin', 'csq.cjs'));
// The walk runs only in a terminal. Claim one, so that it loads its prompts and shows the first
// question; stdin is empty, so that question ends at once and the walk stops there.
if (process.argv[2] === 'assess') process.stdin.isTTY = true;
process.on('exit', () => {
  for (const { script, cacheFile } of scripts) fs.writeFileSync(cacheFile, script.createCachedData());
});
loadBundle(path.join(__dirname, '..', 'dist', 'cli.cjs'), (script, cacheFile) => scripts.push({ script, cacheFile }));
