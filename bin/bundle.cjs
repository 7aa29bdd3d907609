'use strict';
/**
 * Loads the built CLI (dist/*.cjs, CommonJS chunks) with V8's code cache: each chunk's
 * bytecode, saved by the build beside it as CHUNK.cache, is reused instead of parsing and
 * compiling the source again at every start. V8 rejects a cache made by another Node version
 * or under other V8 flags, or for a source of another length; that only costs speed, as V8
 * then compiles the source. dist/ is the build's output: after changing a chunk, build again.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const wrapperStart = '(function (exports, require, module, __filename, __dirname) {';

/**
 * Run `entry` and every chunk it requires. `onScript(script, cacheFile)` sees each compiled
 * chunk (the build uses it to write the caches after a run).
 */
function loadBundle(entry, onScript) {
  const loaded = new Map();
  const load = (file) => {
    const known = loaded.get(file);
    if (known) return known.exports;
    const module = { exports: {} };
    loaded.set(file, module);
    const cacheFile = `${file}.cache`;
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // not built with a cache: compile from source
    }
    // The wrapper stays on the first line so that stack traces keep the chunk's line numbers.
    const script = new vm.Script(`${wrapperStart}${fs.readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
    if (onScript) onScript(script, cacheFile);
    const dir = path.dirname(file);
    // Chunks and assets are required by path; anything else is a Node built-in.
    const requireFrom = (id) => (id.startsWith('.') || path.isAbsolute(id) ? load(path.resolve(dir, id)) : require(id));
    script.runInThisContext()(module.exports, requireFrom, module, file, dir);
    return module.exports;
  };
  return load(entry);
}

module.exports = { loadBundle };
