// Bundles the CLI into dist/ with esbuild: one entry, commands split into lazily loaded chunks.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

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
});
