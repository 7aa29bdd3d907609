/**
 * npm's `prepare` script: it runs on `npm ci` and `npm install` in a checkout, on `npm pack`,
 * and when csq is installed from a folder or a git URL. It installs the build's own tools when
 * they are missing, then builds dist/ (scripts/build.mjs).
 *
 * Installs from a folder or a git URL run it in a checkout with no node_modules: npm links a
 * folder without installing its dependencies, and under --global npm prepares a git dependency
 * without them too (npm/cli#8440). The build then installs its devDependencies itself, exactly
 * as package-lock.json says, with no install scripts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, realpathSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// npm writes node_modules/.package-lock.json once it has installed a tree here.
if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  process.stderr.write('csq: installing the tools that build it (package-lock.json)…\n');
  // The install that runs this script may be a global one: this one is local to csq's folder.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(global|location|prefix)$/i.test(key)) delete env[key];
  const args = ['ci', '--global=false', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
  const npm = process.env.npm_execpath;
  const run = npm && /\.[cm]?js$/.test(npm)
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] })
    : spawnSync('npm', args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (run.status !== 0) {
    process.stderr.write(`csq: npm ci failed (${run.error?.message ?? `exit ${run.status}`}); csq cannot be built.\n`);
    process.exit(1);
  }
}

await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href);
keepGlobalGitInstall();

/**
 * `npm install --global GIT-URL` prepares the package in a temporary clone, but the nested
 * install it runs there inherits --global and links the clone into the global folder; npm then
 * unpacks the package through that link into the clone, which it deletes, leaving a dangling
 * link (npm/cli#4148, #6984). Replace such a link with an empty folder for npm to unpack into.
 */
function keepGlobalGitInstall() {
  const prefix = process.env.npm_config_prefix;
  const temp = path.dirname(root);
  const inGitClone = path.basename(root).startsWith('git-clone') && path.basename(temp) === 'tmp' && path.basename(path.dirname(temp)) === '_cacache';
  if (process.env.npm_config_global !== 'true' || !prefix || !inGitClone) return;
  const name = process.env.npm_package_name ?? 'csq';
  const link = process.platform === 'win32' ? path.join(prefix, 'node_modules', name) : path.join(prefix, 'lib', 'node_modules', name);
  try {
    if (!lstatSync(link).isSymbolicLink() || realpathSync(link) !== realpathSync(root)) return;
  } catch {
    return; // no link (yet): nothing to undo
  }
  unlinkSync(link);
  mkdirSync(link);
}
