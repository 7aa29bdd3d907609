#!/usr/bin/env node
'use strict';
// CommonJS on purpose: Node starts a CommonJS entry faster than an ES module.
// Older Node versions fail deep inside dependencies; say so plainly instead.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  process.stderr.write(`csq needs Node.js 20.17 or newer; this is ${process.version}.\n`);
  process.exit(2);
}
const path = require('node:path');
const dist = path.join(__dirname, '..', 'dist');
// The build writes BUILT last: without it dist/ is missing or half-written.
if (!require('node:fs').existsSync(path.join(dist, 'BUILT'))) {
  process.stderr.write('csq is not built yet: run `npm run build` (or `npm start`) first.\n');
  process.exitCode = 2;
} else {
  require('./bundle.cjs').loadBundle(path.join(dist, 'cli.cjs'));
}
