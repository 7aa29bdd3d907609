'use strict';
// A worker thread of a batch (src/pipeline/workers.ts): runs the chunk of the built CLI it is
// given, loaded as bin/csq.cjs loads the CLI, with the same code cache.
const fs = require('node:fs');
const path = require('node:path');
const { threadId, workerData } = require('node:worker_threads');
const { cacheFolder, loadBundle } = require('./bundle.cjs');

const built = fs.readFileSync(path.join(__dirname, '..', 'dist', 'BUILT'), 'utf8');
loadBundle(workerData.entry, cacheFolder(built.trim().split(' ').at(-1)), `.t${threadId}`);
