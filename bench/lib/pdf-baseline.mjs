/**
 * The PDF rows' baseline: the same Chromium, driven by the same puppeteer-core, printing COUNT
 * trivial pages (one new page each, as csq opens one per file) into OUT, then closing. What it
 * costs is what any tool that prints with a browser pays: start it, open pages, print, stop.
 * Usage: node pdf-baseline.mjs BROWSER COUNT OUT
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import puppeteer from 'puppeteer-core';

const [executablePath, count, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({ executablePath, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
try {
  for (let i = 0; i < Number(count); i++) {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><p>A trivial page.</p>');
    writeFileSync(path.join(out, `${i}.pdf`), await page.pdf({ format: 'A4' }));
    await page.close();
  }
} finally {
  await browser.close();
}
