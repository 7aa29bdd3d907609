/**
 * docs/screenshots/: the first page of the example's plan and its poster, in English and
 * Portuguese, as csq prints them. csq writes each PDF with the browser it finds (CHROME_PATH,
 * or chromium and the like); poppler's pdftoppm turns its first page into a PNG.
 * Usage: npm run build && node scripts/screenshots.mjs
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs', 'screenshots');
const example = path.join(root, 'examples', 'acme-cleaning.yaml');
const temp = mkdtempSync(path.join(tmpdir(), 'csq-screenshots-'));
mkdirSync(out, { recursive: true });

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.error}):\n${result.stderr}`);
}

try {
  for (const lang of ['en', 'pt']) {
    for (const [name, command] of [['plan', 'report'], ['poster', 'poster']]) {
      const pdf = path.join(temp, `${name}-${lang}.pdf`);
      run(process.execPath, [path.join(root, 'bin', 'csq.cjs'), command, example, '--lang', lang, '--paper', 'a4', '-o', pdf, '-q']);
      // The first page at 80 dpi: A4 is 661 × 935 pixels.
      run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(out, `${name}-${lang}`)]);
      console.log(path.relative(root, path.join(out, `${name}-${lang}.png`)));
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
