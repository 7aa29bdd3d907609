/**
 * Builds dist/: the CLI bundled by esbuild into CommonJS chunks (commands and heavy
 * dependencies load only when used), the bundled questionnaires and templates checked and
 * precompiled, and a V8 code cache for the chunks (bin/bundle.cjs).
 */
import { build, transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
rmSync(dist, { recursive: true, force: true });

/** zod bundles messages in 40-odd languages; csq's messages are its own, so keep English only. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      importer.includes(`${path.sep}zod${path.sep}`) ? { path: path.join(path.dirname(importer), '..', 'locales', 'en.js') } : undefined,
    );
  },
};

/**
 * commander requires child_process at load time, for executable subcommands csq does not
 * have; loading it (with net, dgram and streams) costs every start. Load it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, ({ importer }) =>
      importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// esbuild splits code into chunks only for ES modules: split first, then turn each chunk into
// CommonJS, which Node loads faster and which V8 can code-cache (bin/bundle.cjs).
const split = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  define: { __CSQ_VERSION__: JSON.stringify(version) },
  plugins: [zodEnglishOnly, lazyChildProcess],
  write: false,
  logLevel: 'warning',
  legalComments: 'none',
  // Less source for V8 to read at every start.
  minify: !process.env.CSQ_NO_MINIFY,
});
for (const file of split.outputFiles) {
  const { code } = await transform(file.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import() of a chunk becomes require(), which bin/bundle.cjs resolves.
    supported: { 'dynamic-import': false },
    // import.meta.url, computed only where it is read (two places), not in every chunk's start-up.
    define: { 'import.meta': '__csqImportMeta' },
    banner: "'use strict'; const __csqImportMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
    minify: !process.env.CSQ_NO_MINIFY,
    logLevel: 'warning',
  });
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, code);
}

// Bundled questionnaires validated and templates precompiled, so a run parses neither.
const assets = path.join(dist, 'build-assets.mjs');
await build({ absWorkingDir: root, entryPoints: ['scripts/assets.ts'], outfile: assets, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
const { writeAssets } = await import(pathToFileURL(assets).href);
writeAssets(root);
rmSync(assets);

// The code cache: bytecode of what these runs compile, for every chunk they load.
const work = mkdtempSync(path.join(tmpdir(), 'csq-build-'));
const example = path.join(root, 'examples', 'acme-cleaning.yaml');
// Each run with the exit code it must end with: a run that fails would leave its chunks uncached.
const runs = [
  ['--help'],
  ['report', '--example', '-o', path.join(work, 'plan.md')],
  ['report', '--example', '--format', 'json', '--lang', 'pt'],
  ['report', '--example', '--template', path.join(root, 'templates', 'plan.md.hbs')],
  ['validate', example],
  ['init', '--force', path.join(work, 'answers.yaml')],
  ['schema', 'answers'],
  ['compare', example, example],
  ['team', example, example],
  ['assess'], // stdin is empty: the walk stops at its first question, as on Ctrl-C (130)
];
try {
  for (const args of runs) {
    const expected = args[0] === 'assess' ? 130 : 0;
    // No NODE_OPTIONS: V8 takes a cache only under the flags it was made with.
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'code-cache.cjs'), ...args], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    });
    if (run.status !== expected) throw new Error(`code cache: csq ${args.join(' ')} exited ${run.status}, not ${expected}:\n${run.stderr}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
// Written last: bin/csq.cjs runs only a build that finished.
writeFileSync(path.join(dist, 'BUILT'), `csq ${version}\n`);
