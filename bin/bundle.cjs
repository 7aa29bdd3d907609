'use strict';
/**
 * Loads the built CLI (dist/*.cjs, CommonJS chunks) and keeps V8's bytecode of every chunk in a
 * per-user cache folder, so that later starts neither parse nor compile csq again.
 *
 * Not Node's module.enableCompileCache(): that cache is made when a file is compiled, before it
 * runs, so it holds the top level only and every function is compiled again at its first call in
 * every process. The bytecode kept here is taken when csq exits and holds every function the run
 * used (bench/README.md has the figures). A chunk's cache is written by the first run that loads
 * the chunk, and again only when V8 rejects it (V8 flags changed). The folder is named after the
 * build (dist/BUILT) and the Node version, so a cache never meets other source or another V8.
 * Every failure here only costs speed: a missing, unwritable or broken cache is compiled around.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const wrapperStart = '(function (exports, require, module, __filename, __dirname) {';
/** Cache folders of other builds kept beside the current one (other installs, earlier builds). */
const KEEP_OTHER_BUILDS = 4;

/**
 * The cache folder for this build under this Node, or undefined for none:
 * $XDG_CACHE_HOME/csq/code/BUILD-nodeVERSION-ARCH (else ~/.cache, ~/Library/Caches, %LOCALAPPDATA%).
 * NODE_DISABLE_COMPILE_CACHE, Node's switch for its own compile cache, turns it off.
 */
function cacheFolder(buildId) {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE || !/^[0-9a-f]{8,64}$/.test(buildId)) return undefined;
  let base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  if (!base && process.platform === 'win32') base = env.LOCALAPPDATA;
  if (!base) {
    let home = env.HOME;
    try {
      home ||= require('node:os').homedir();
    } catch {
      return undefined; // no home folder: no cache
    }
    if (!home) return undefined;
    base = process.platform === 'darwin' ? path.join(home, 'Library', 'Caches') : path.join(home, '.cache');
  }
  return path.join(base, 'csq', 'code', `${buildId}-node${process.versions.node}-${process.arch}`);
}

/** Writes each script's bytecode (at exit, so it covers what the run compiled); never throws. */
function saveCaches(folder, pending, tag) {
  try {
    if (fs.mkdirSync(folder, { recursive: true, mode: 0o700 }) !== undefined) pruneOtherBuilds(folder);
  } catch {
    return; // no writable cache folder: csq only starts slower
  }
  for (const { script, cacheFile } of pending) {
    // A temp file renamed into place: a reader sees a whole cache or none.
    const temp = `${cacheFile}.${process.pid}${tag}.tmp`;
    try {
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, cacheFile);
    } catch {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }
}

/** A new build's folder was just made: remove all but the newest few folders of other builds. */
function pruneOtherBuilds(folder) {
  const parent = path.dirname(folder);
  const others = [];
  for (const name of fs.readdirSync(parent)) {
    if (name === path.basename(folder) || !/^[0-9a-f]{8,64}-node/.test(name)) continue;
    try {
      others.push({ name, mtime: fs.statSync(path.join(parent, name)).mtimeMs });
    } catch {
      // removed meanwhile
    }
  }
  others.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of others.slice(KEEP_OTHER_BUILDS)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
}

/**
 * Run `entry` and every chunk it requires, with each chunk's bytecode from `folder` when there is
 * one. `tag` tells apart the temp files of threads of one process (a batch's workers).
 */
function loadBundle(entry, folder, tag = '') {
  const root = path.dirname(entry);
  const loaded = new Map();
  const pending = [];
  const load = (file) => {
    const known = loaded.get(file);
    if (known) return known.exports;
    const module = { exports: {} };
    loaded.set(file, module);
    const cacheFile = folder && path.join(folder, `${path.relative(root, file).split(path.sep).join('~')}.cache`);
    let cachedData;
    if (cacheFile) {
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {
        cachedData = undefined; // not cached yet
      }
    }
    // The wrapper stays on the first line so that stack traces keep the chunk's line numbers.
    const script = new vm.Script(`${wrapperStart}${fs.readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
    if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
      if (pending.length === 0) process.once('exit', () => saveCaches(folder, pending, tag));
      pending.push({ script, cacheFile });
    }
    const dir = path.dirname(file);
    // Chunks and assets are required by path; anything else is a Node built-in.
    const requireFrom = (id) => (id.startsWith('.') || path.isAbsolute(id) ? load(path.resolve(dir, id)) : require(id));
    script.runInThisContext()(module.exports, requireFrom, module, file, dir);
    return module.exports;
  };
  return load(entry);
}

module.exports = { cacheFolder, loadBundle };
