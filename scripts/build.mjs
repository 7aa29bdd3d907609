/**
 * Builds dist/: the CLI bundled by esbuild into CommonJS chunks (commands and heavy
 * dependencies load only when used), the bundled questionnaires and templates checked and
 * precompiled, the licences of every bundled package, and BUILT with the build's id. The
 * same sources give the same dist/, byte for byte; csq keeps V8's bytecode at run time
 * instead (bin/bundle.cjs).
 */
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

/** The catalogues come from dist/assets, one language at a time (src/i18n/catalogues.built.ts). */
const cataloguesFromAssets = {
  name: 'catalogues-from-assets',
  setup(b) {
    b.onResolve({ filter: /^\.\/catalogues\.js$/ }, ({ importer }) =>
      importer.endsWith(path.join('src', 'i18n', 'index.ts')) ? { path: path.join(path.dirname(importer), 'catalogues.built.ts') } : undefined,
    );
  },
};

/**
 * The yaml package loads on first use (src/core/yaml-lib.built.ts): most runs read files that
 * the fast parser takes, and never need it.
 */
const yamlOnFirstUse = {
  name: 'yaml-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^\.\/yaml-lib\.js$/ }, ({ importer }) =>
      path.dirname(importer) === path.join(root, 'src', 'core') ? { path: path.join(root, 'src', 'core', 'yaml-lib.built.ts') } : undefined,
    );
  },
};

/**
 * puppeteer-core, bundled into the chunks that only a PDF loads, tries optional packages that
 * csq does not ship: ws its native speed-ups, debug supports-color. Each is absent, as in a plain
 * install of puppeteer-core, and each caller falls back on its own code.
 */
const absentOptional = {
  name: 'absent-optional',
  setup(b) {
    b.onResolve({ filter: /^(bufferutil|utf-8-validate|supports-color)$/ }, ({ path: name }) => ({ path: name, namespace: 'absent' }));
    b.onLoad({ filter: /.*/, namespace: 'absent' }, ({ path: name }) => ({
      contents: `const e = new Error(${JSON.stringify(`Cannot find module '${name}'`)}); e.code = 'MODULE_NOT_FOUND'; throw e;`,
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
  plugins: [zodEnglishOnly, lazyChildProcess, cataloguesFromAssets, yamlOnFirstUse, absentOptional],
  write: false,
  metafile: true,
  logLevel: 'warning',
  // Kept apart (FILE.LEGAL.txt among the outputs) and folded into the notices file below.
  legalComments: 'external',
  // Less source for V8 to read at every start.
  minify: !process.env.CSQ_NO_MINIFY,
});
const legalComments = [];
for (const file of split.outputFiles) {
  if (file.path.endsWith('.LEGAL.txt')) {
    legalComments.push(file.text.trim());
    continue;
  }
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
const { describeBuildError, writeAssets } = await import(pathToFileURL(assets).href);
try {
  writeAssets(root);
} catch (error) {
  console.error(describeBuildError(error));
  process.exit(1);
}
rmSync(assets);
// The precompiled templates minified too: Handlebars writes every helper lookup out in full.
for (const name of readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.cjs'))) {
  const file = path.join(dist, 'assets', name);
  const { code } = await transform(readFileSync(file, 'utf8'), { format: 'cjs', platform: 'node', target: 'node20', minify: !process.env.CSQ_NO_MINIFY, logLevel: 'warning' });
  writeFileSync(file, code);
}

// Everything bundled; at run time csq needs nothing but Node's built-in modules.
const external = Object.values(split.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path));
if (external.length > 0) throw new Error(`the bundle requires packages at run time: ${[...new Set(external)].join(', ')}`);

writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), notices(Object.keys(split.metafile.inputs), legalComments));

// Written last: bin/csq.cjs runs only a build that finished. The id names this build's code
// cache folder (bin/bundle.cjs): a hash of everything in dist/.
writeFileSync(path.join(dist, 'BUILT'), `csq ${version} ${buildId(dist)}\n`);

/** Every bundled package (from esbuild's inputs) with its name, version, licence and licence file. */
function notices(inputs, comments) {
  const dirs = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
    if (match) dirs.add(match[1]);
  }
  const sections = [...dirs].map((dir) => {
    const pkg = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    const own = readdirSync(path.join(root, dir)).filter((f) => /^(licen[cs]e|copying)(-[a-z0-9]+)?(\.(md|txt))?$/i.test(f)).sort()[0];
    // A package that states its licence but ships no text of it (puppeteer-core): the licence's own text, kept in scripts/licences.
    const standard = path.join(root, 'scripts', 'licences', `${pkg.license}.txt`);
    const licenceFile = own ? path.join(root, dir, own) : existsSync(standard) ? standard : undefined;
    if (!licenceFile) throw new Error(`${pkg.name} has no licence file to ship with the bundle`);
    const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const heading = [`${pkg.name} ${pkg.version}`, `License: ${pkg.license}`, ...(repository ? [`Repository: ${repository}`] : [])].join('\n');
    return { name: pkg.name, text: `${heading}\n\n${readFileSync(licenceFile, 'utf8').trim()}` };
  });
  sections.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rule = `\n\n${'-'.repeat(72)}\n\n`;
  const intro = `dist/ of csq bundles the following ${sections.length} packages. Their licences follow, each as the package ships it.`;
  const kept = comments.length ? [`Licence comments kept from the bundled source:\n\n${comments.join('\n\n')}`] : [];
  return `${[intro, ...sections.map((s) => s.text), ...kept].join(rule)}\n`;
}

/** A hash of every file in `dir` (names and contents, in a fixed order). */
function buildId(dir) {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  for (const file of files) {
    const content = readFileSync(path.join(dir, file));
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 16);
}
