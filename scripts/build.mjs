// Bundles the CLI into dist/ with esbuild: one entry, commands split into lazily loaded chunks.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __CSQ_VERSION__: JSON.stringify(version) },
  // CommonJS dependencies (handlebars) call require(); give the ESM bundle a real one.
  banner: { js: "import { createRequire as __csqCreateRequire } from 'node:module'; const require = __csqCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  // Less source for V8 to parse at every start.
  minify: !process.env.CSQ_NO_MINIFY,
  keepNames: true,
});

// Bundled questionnaires validated and templates precompiled, so a run parses neither.
const assets = new URL('../dist/build-assets.mjs', import.meta.url);
await build({ entryPoints: ['scripts/assets.ts'], outfile: fileURLToPath(assets), bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
const { writeAssets } = await import(assets.href);
writeAssets(fileURLToPath(new URL('..', import.meta.url)));
rmSync(assets);
