/**
 * The HTML and PDF documents in a real headless Chromium: nothing fetched, no console error,
 * nothing wider than the page, the page to pin up and the poster one printed page each in A4
 * and Letter, and a PDF's text holding what the owner wrote. One browser serves this file.
 * Needs Chromium (CHROME_PATH, or `chromium` on PATH) and poppler's pdfinfo and pdftotext:
 * under CI a missing one fails, elsewhere these tests are skipped with a warning.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Printer } from '../../src/io/browser.js';
import { PAGE } from '../../src/render/html.js';
import { csq, fixture, needsTool, tempDir } from '../helpers.js';

const chrome = process.env.CHROME_PATH || 'chromium';
const hasBrowser = needsTool(chrome, ['--version'], 'the browser tests (HTML and PDF in Chromium)');
const hasPoppler = needsTool('pdfinfo', ['-v'], 'the PDF checks (pages and text, with poppler-utils)') && needsTool('pdftotext', ['-v'], 'the PDF text checks (poppler-utils)');
const executable = hasBrowser ? (spawnSync('sh', ['-c', `command -v "${chrome}"`], { encoding: 'utf8' }).stdout.trim() || chrome) : chrome;

const MM = 96 / 25.4;
const PAPERS = { a4: { format: 'A4', width: PAGE.a4.width }, letter: { format: 'Letter', width: PAGE.letter.width } } as const;
const full = fixture('full.yaml');
const example = path.join(process.cwd(), 'examples', 'acme-cleaning.yaml');
const hostile = fixture('hostile', 'text.yaml');
const team = ['owner.yaml', 'manager.yaml', 'clerk.yaml'].map((f) => fixture('team', f));

const pages = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
/** The PDF's text in content order, each run of white space one space. */
const pdfText = (pdf: string, page?: number) =>
  spawnSync('pdftotext', ['-raw', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

describe.skipIf(!hasBrowser || !hasPoppler)('in a real headless Chromium', () => {
  let browser: Browser;
  const dir = tempDir();
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: executable, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The file opened as a user opens it, every request and console error recorded. */
  async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    const url = pathToFileURL(file).href;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() !== url && !/^(data|about):/.test(request.url())) requests.push(request.url());
      void (request.url() === url || /^(data|about):/.test(request.url()) ? request.continue() : request.abort());
    });
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  /** Elements that reach past the page's content box at a printed page's width. */
  async function wider(page: Page, widthMm: number): Promise<string[]> {
    await page.emulateMediaType('print');
    await page.setViewport({ width: Math.floor((widthMm - 2 * PAGE.margin.side) * MM), height: 1000 });
    return page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const out = document.documentElement.scrollWidth > limit ? [`document ${document.documentElement.scrollWidth} > ${limit}`] : [];
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.right > limit + 0.5 || box.left < -0.5) out.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class')} ${Math.round(box.left)}–${Math.round(box.right)} of ${limit}`);
      }
      return out;
    });
  }

  const documents: [string, string[]][] = [
    ['plan.html', ['report', full, '--format', 'html']],
    ['plan-pt.html', ['report', example, '--format', 'html', '--lang', 'pt']],
    ['plan-he.html', ['report', example, '--format', 'html', '--lang', 'he']],
    ['hostile.html', ['report', hostile, '--format', 'html']],
    ['team.html', ['team', ...team, '--format', 'html']],
    ['poster.html', ['poster', example, '--format', 'html']],
    ['poster-hostile.html', ['poster', hostile, '--format', 'html']],
    ['compare.html', ['compare', fixture('solo.yaml'), full, '--format', 'html']],
  ];

  it('opens every document with no request, no console error, and nothing wider than A4 or Letter', async () => {
    for (const [name, args] of documents) {
      const file = path.join(dir, name);
      const run = csq([...args, '-q'].filter((a) => a !== '-q' || args[0] !== 'compare'));
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      writeFileSync(file, run.stdout);
      const { page, requests, errors } = await open(file);
      expect(requests, name).toEqual([]);
      expect(errors, name).toEqual([]);
      for (const paper of Object.values(PAPERS)) expect(await wider(page, paper.width), `${name} on ${paper.format}`).toEqual([]);
      await page.close();
    }
  });

  it('creates no element, attribute or script from the hostile-text corpus', async () => {
    const file = path.join(dir, 'hostile-dom.html');
    writeFileSync(file, csq(['report', hostile, '--format', 'html']).stdout);
    const { page } = await open(file);
    const found = await page.evaluate(() => ({
      scripts: document.scripts.length,
      links: document.querySelectorAll('a, img, iframe, object, embed, link, form, input, video, audio, source, base').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on') || n === 'href' || n === 'src'),
      styles: document.querySelectorAll('style').length,
      text: document.body.textContent ?? '',
    }));
    expect(found).toMatchObject({ scripts: 0, links: 0, handlers: [], styles: 1 });
    expect(found.text).toContain('<script>alert(1)</script>');
    expect(found.text).toContain('[click](javascript:alert(7))');
    await page.close();
  });

  it('prints the page to pin up, as written to the HTML file, on exactly one page of A4 and of Letter', async () => {
    for (const [name, args] of [['full', [full]], ['example', [example]], ['example-pt', [example, '--lang', 'pt']], ['example-he', [example, '--lang', 'he']], ['team', team]] as const) {
      const file = path.join(dir, `pin-${name}.html`);
      const run = csq([name === 'team' ? 'team' : 'report', ...args, '--format', 'html', '-q']);
      writeFileSync(file, run.stdout);
      for (const paper of Object.values(PAPERS)) {
        const { page } = await open(file);
        // Only the page to pin up, and what follows it to show where it breaks.
        await page.addStyleTag({ content: '.method, .post { display: none !important; }' });
        const pdf = path.join(dir, `pin-${name}-${paper.format}.pdf`);
        writeFileSync(pdf, await page.pdf({ format: paper.format }));
        expect(pages(pdf), `${name} on ${paper.format}`).toBe(1);
        await page.close();
      }
    }
  });

  it('prints csq’s PDF with the page to pin up alone on page 1, in A4 and Letter', () => {
    for (const paper of ['a4', 'letter']) {
      for (const input of [example, team[0]!]) {
        const pdf = path.join(dir, `report-${paper}-${path.basename(input)}.pdf`);
        const run = csq(['report', input, '-o', pdf, '--paper', paper, '-q']);
        expect(run.code, run.stderr).toBe(0);
        const first = pdfText(pdf, 1);
        expect(first).toMatch(/Next assessment|Set a date for the next assessment/);
        expect(first).not.toContain('Post this');
        expect(pdfText(pdf, 2)).toMatch(/ Page 2 of \d+ Post this: how we treat every customer/);
        expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toContain(paper === 'a4' ? '(A4)' : '(letter)');
      }
    }
  });

  it('keeps the posts off the page to pin up when the hostile corpus makes that page too full for one', () => {
    const pdf = path.join(dir, 'report-hostile.pdf');
    expect(csq(['report', hostile, '-o', pdf, '-q']).code).toBe(0);
    const texts = Array.from({ length: pages(pdf) }, (_, i) => pdfText(pdf, i + 1));
    const post = texts.findIndex((t) => t.includes('Post this: how we treat every customer'));
    expect(post).toBeGreaterThan(0);
    expect(texts[post]).toMatch(/ Page \d+ of \d+ Post this: how we treat every customer/);
    expect(texts.slice(0, post).join(' ')).toContain('What we will do');
  });

  it('prints the poster on one page of A4 and of Letter, in English and Portuguese, the hostile corpus too', () => {
    for (const paper of ['a4', 'letter']) {
      for (const [input, lang] of [[example, paper === 'a4' ? 'en' : 'pt'], [hostile, 'en']] as const) {
        const pdf = path.join(dir, `poster-${paper}-${lang}-${path.basename(input)}.pdf`);
        const run = csq(['poster', input, '-o', pdf, '--paper', paper, '--lang', lang, '-q']);
        expect(run.code, run.stderr).toBe(0);
        expect(pages(pdf), `${input} ${lang} ${paper}`).toBe(1);
      }
    }
    const text = pdfText(path.join(dir, 'poster-letter-pt-acme-cleaning.yaml.pdf'));
    expect(text).toContain('Spotless, on time, every time.');
    expect(text).toContain('Receba bem os clientes');
  });

  it('prints the paper survey, with the competitor question, on at most two pages of A4 and of Letter', async () => {
    for (const paper of ['a4', 'letter']) {
      for (const lang of ['en', 'pt', 'uk', 'he']) {
        const pdf = path.join(dir, `survey-${paper}-${lang}.pdf`);
        const run = csq(['survey', 'make', '--lang', lang, '--paper', paper, '--competitor', 'Bob’s Bakery', '-o', pdf]);
        expect(run.code, run.stderr).toBe(0);
        expect(pages(pdf), `${lang} ${paper}`).toBeLessThanOrEqual(2);
      }
    }
    expect(pdfText(path.join(dir, 'survey-a4-en.pdf'))).toContain('And how does Bob’s Bakery do on this?');
    const html = path.join(dir, 'survey.html');
    expect(csq(['survey', 'make', '-o', html]).code).toBe(0);
    const { page, requests, errors } = await open(html);
    expect([requests, errors]).toEqual([[], []]);
    for (const size of Object.values(PAPERS)) expect(await wider(page, size.width), size.format).toEqual([]);
    await page.close();
  });

  it('puts the organization, the vision and every action in the PDF’s text', () => {
    const pdf = path.join(dir, 'text.pdf');
    expect(csq(['report', example, '-o', pdf, '-q']).code).toBe(0);
    const text = pdfText(pdf);
    const answers = readFileSync(example, 'utf8');
    expect(text).toContain('Acme Cleaning');
    expect(text).toContain('Spotless, on time, every time.');
    const actions = [...answers.matchAll(/action: ([^,]+(?:, [^:]+?)?), owner:/g)].map((m) => m[1]!);
    expect(actions.length).toBeGreaterThanOrEqual(6);
    for (const action of actions) expect(text).toContain(action);
  });

  it('prints a batch with one browser; a bad file does not stop the others', () => {
    const out = path.join(dir, 'batch');
    const run = csq(['report', full, fixture('broken.yaml'), example, '--out-dir', out, '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${fixture('broken.yaml')}:`);
    expect(readdirSync(out).sort()).toEqual(['acme-cleaning.pdf', 'full.pdf']);
    for (const name of readdirSync(out)) expect(readFileSync(path.join(out, name)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('removes the browser profile a killed run left, and only one whose run is gone', () => {
    // A pid above the kernel's maximum is no process; this test's own is alive.
    const gone = path.join(tmpdir(), 'csq-browser-4194305-test');
    const alive = path.join(tmpdir(), `csq-browser-${process.pid}-test`);
    for (const folder of [gone, alive]) mkdirSync(folder, { recursive: true });
    try {
      expect(csq(['report', full, '-o', path.join(dir, 'stale.pdf'), '-q']).code).toBe(0);
      expect(existsSync(gone)).toBe(false);
      expect(existsSync(alive)).toBe(true);
    } finally {
      rmSync(alive, { recursive: true, force: true });
    }
  });

  it('fetches nothing while printing, whatever the HTML asks for', async () => {
    let hits = 0;
    const server = createServer((_, response) => {
      hits++;
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const printer = new Printer(executable, PAGE.margin);
    try {
      const html = `<!doctype html><link rel="stylesheet" href="${base}/a.css"><style>@import url(${base}/b.css); body { background: url(${base}/c.png) }</style><img src="${base}/d.png"><iframe src="${base}/e"></iframe><script src="${base}/f.js"></script><p>text</p>`;
      const pdf = await printer.print(html, { paper: 'a4' }, 'x.pdf');
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // The same browser prints again.
      await printer.print('<p>again</p>', { paper: 'letter' }, 'y.pdf');
    } finally {
      await printer.close();
      server.close();
    }
    expect(hits).toBe(0);
  });
});
