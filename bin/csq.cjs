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
const entry = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!require('node:fs').existsSync(entry)) {
  process.stderr.write('csq is not built yet: run `npm run build` (or `npm start`) first.\n');
  process.exitCode = 2;
} else {
  require('./bundle.cjs').loadBundle(entry);
}
