/**
 * A run loads the messages of the language it speaks and no other: the built CLI keeps each
 * catalogue in an asset of its own (src/i18n/catalogues.built.ts), outside the code it loads.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesFor, SUPPORTED_LANGS } from '../../src/i18n/index.js';
import { csq, ROOT, tempDir } from '../helpers.js';

/** The assets a run of the built CLI reads, recorded by a preload. */
function assetsRead(args: string[], env: Record<string, string> = {}): { code: number | null; assets: string[] } {
  const dir = tempDir();
  const log = path.join(dir, 'read.log');
  const preload = path.join(dir, 'record-reads.cjs');
  writeFileSync(
    preload,
    `const fs = require('node:fs'); const read = fs.readFileSync; const seen = [];
fs.readFileSync = function (file, ...rest) { if (String(file).includes('assets')) seen.push(require('node:path').basename(String(file))); return read.call(this, file, ...rest); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, seen.join('\\n')));`,
  );
  const run = csq(args, { env: { NODE_OPTIONS: `--require ${preload}`, ...env } });
  return { code: run.code, assets: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('the messages a run loads', () => {
  it.each(SUPPORTED_LANGS)('are those of %s only, when the run speaks it', (lang) => {
    const { code, assets } = assetsRead(['report', '--example', '--lang', lang, '-o', '-']);
    expect(code).toBe(0);
    expect(assets.filter((a) => a.startsWith('messages.'))).toEqual([`messages.${lang}.json`]);
  });

  it('are none for --version alone, and the locale’s for --version with another option', () => {
    const alone = assetsRead(['--version'], { LANG: 'pl_PL.UTF-8' });
    expect(alone.code).toBe(0);
    expect(alone.assets).toEqual([]);
    const withOption = assetsRead(['--version', '--no-color'], { LANG: 'pl_PL.UTF-8' });
    expect(withOption.code).toBe(0);
    expect(withOption.assets).toEqual(['messages.pl.json']);
  });

  it('are in no chunk of the built code', () => {
    const code = [path.join(ROOT, 'dist', 'cli.cjs'), ...readdirSync(path.join(ROOT, 'dist', 'chunks')).map((f) => path.join(ROOT, 'dist', 'chunks', f))];
    const titles = SUPPORTED_LANGS.map((lang) => messagesFor(lang).plan.title);
    const found = code.flatMap((file) => titles.filter((title) => readFileSync(file, 'utf8').includes(title)).map((title) => `${path.basename(file)}: ${title}`));
    expect(found).toEqual([]);
  });
});
