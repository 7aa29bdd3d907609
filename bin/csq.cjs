#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node starts a CommonJS entry faster than an ES module.
// Older Node versions fail deep inside dependencies; say so plainly instead.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  process.stderr.write(`csq needs Node.js 20.17 or newer; this is ${process.version}.\n`);
  process.exit(2);
}
const fs = require('node:fs');
const path = require('node:path');
const dist = path.join(__dirname, '..', 'dist');
// The build writes BUILT last ("csq VERSION BUILD-ID"): without it dist/ is missing or half-written.
let built;
try {
  built = fs.readFileSync(path.join(dist, 'BUILT'), 'utf8');
} catch {
  built = undefined;
}
if (built === undefined) {
  process.stderr.write('csq is not built yet: run `npm run build` (or `npm start`) first.\n');
  process.exitCode = 2;
} else if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  // What commander would print, without loading it: scripts and editors ask this often.
  process.stdout.write(`${built.trim().split(' ')[1]}\n`);
} else {
  const { cacheFolder, loadBundle } = require('./bundle.cjs');
  loadBundle(path.join(dist, 'cli.cjs'), cacheFolder(built.trim().split(' ').at(-1)));
}
