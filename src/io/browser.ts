/**
 * Printing PDFs with a Chromium, Chrome or Edge already on the machine, driven by
 * puppeteer-core (never a browser of its own: csq downloads nothing). This module and
 * puppeteer-core load only for a PDF. One browser serves a whole batch; every page it opens
 * may fetch nothing (requests other than data: and about: are refused) and runs no script.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser } from 'puppeteer-core/internal/api/Browser.js';
import { CsqError, fail, problem } from '../errors.js';

export type PaperSize = 'a4' | 'letter';

/** Where a browser usually is, by platform: program names looked up on PATH, and full paths. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { names: string[]; paths: string[] } {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'];
    const roots = ['/Applications', ...(env.HOME ? [path.join(env.HOME, 'Applications')] : [])];
    return { names: ['chromium', 'google-chrome'], paths: roots.flatMap((root) => apps.map((app) => `${root}/${app}`)) };
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
    return { names: ['chrome.exe', 'msedge.exe', 'chromium.exe'], paths: roots.flatMap((root) => apps.map((app) => `${root}\\${app}`)) };
  }
  return {
    names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'],
    paths: ['/snap/bin/chromium', '/usr/lib/chromium/chromium', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'],
  };
}

/** A file that can be run (on Windows: that exists). */
export function isProgram(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to print with: CHROME_PATH if set (it must name a program), else the first of
 * the usual names on PATH, then the usual paths. None: exit 2, with how to install one.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, runnable: (file: string) => boolean = isProgram): string {
  const chosen = env.CHROME_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (runnable(chosen)) return chosen;
    fail('chrome-path-invalid', { path: chosen }, { hint: 'install-browser' });
  }
  const { names, paths } = browserCandidates(platform, env);
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const file = platform === 'win32' ? `${dir}\\${name}` : `${dir}/${name}`;
      if (runnable(file)) return file;
    }
  }
  const found = paths.find(runnable);
  if (found) return found;
  fail('no-browser', undefined, { hint: 'install-browser' });
}

export interface PrintOptions {
  paper: PaperSize;
  /** A section whose type is made as large as fits one page: `.pinup` or `.poster`. */
  fit?: { selector: string; sizes: readonly number[] };
}

const MM = 96 / 25.4;
const PAGES = { a4: { width: 210, height: 297 }, letter: { width: 215.9, height: 279.4 } };

/** What Chromium needs to print quietly: no first-run screens, no background traffic, no crash uploads. */
const BROWSER_ARGS = [
  '--headless',
  '--remote-debugging-pipe',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--hide-scrollbars',
  '--mute-audio',
];

interface Running {
  browser: Browser;
  child: ChildProcess;
  profile: string;
}

/**
 * One browser, many PDFs. Started on first use, and again if it went away. csq starts the
 * browser itself and speaks to it over a pipe through puppeteer-core's CDP connection (two of
 * its modules, at the exact version pinned): puppeteer-core's own launcher would bring its
 * download machinery, which csq never uses, into the bundle.
 */
export class Printer {
  private running: Promise<Running> | undefined;
  constructor(
    private readonly executable: string,
    private readonly margins: { top: number; side: number; bottom: number },
  ) {}

  private async launch(): Promise<Running> {
    const [{ _connectToCdpBrowser }, { PipeTransport }] = await Promise.all([import('puppeteer-core/internal/cdp/BrowserConnector.js'), import('puppeteer-core/internal/node/PipeTransport.js')]);
    // A profile of its own, removed at the end: nothing of the user's browser is read or changed.
    // Named by csq's pid, so that the next PDF removes one that a killed run left.
    removeStaleProfiles();
    const profile = fs.mkdtempSync(path.join(tmpdir(), `csq-browser-${process.pid}-`));
    // Chromium refuses to start its sandbox as root (containers, CI).
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const args = [...BROWSER_ARGS, ...(root ? ['--no-sandbox'] : []), `--user-data-dir=${profile}`, 'about:blank'];
    const child = spawn(this.executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    let said = '';
    child.stderr!.on('data', (chunk: Buffer) => (said = (said + chunk.toString()).slice(-2000)));
    const failed = (detail: string) => new CsqError(problem('browser-failed', { browser: this.executable, detail }, { hint: 'install-browser' }));
    try {
      const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
      const started = _connectToCdpBrowser(transport, '', { defaultViewport: null, protocolTimeout: 60_000 });
      const ended = new Promise<never>((_, reject) => {
        child.once('error', (error) => reject(failed(firstLine(error))));
        child.once('exit', (code, signal) => reject(failed(lastLine(said) || `exit ${code ?? signal}`)));
      });
      const late = new Promise<never>((_, reject) => setTimeout(() => reject(failed('no answer in 60 s')), 60_000).unref());
      const browser = await Promise.race([started, ended, late]);
      return { browser, child, profile };
    } catch (error) {
      child.kill('SIGKILL');
      removeProfile(profile);
      throw error instanceof CsqError ? error : failed(firstLine(error));
    }
  }

  private async open(): Promise<Browser> {
    const current = this.running && (await this.running.catch(() => undefined));
    if (current?.browser.connected) return current.browser;
    if (current) await stop(current);
    this.running = this.launch();
    return (await this.running).browser;
  }

  /** The HTML as a PDF: printed as a browser prints it (selectable text), or a problem naming `file`. */
  async print(html: string, options: PrintOptions, file: string): Promise<Uint8Array> {
    const browser = await this.open();
    let page: Page | undefined;
    try {
      page = await browser.newPage();
      page.setDefaultTimeout(60_000);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('about:')) void request.continue();
        else void request.abort('blockedbyclient');
      });
      const box = PAGES[options.paper];
      const width = box.width - 2 * this.margins.side;
      const height = box.height - this.margins.top - this.margins.bottom;
      await page.setViewport({ width: Math.floor(width * MM), height: Math.floor(height * MM) });
      await page.emulateMediaType('print');
      await page.setContent(html, { waitUntil: 'load' });
      if (options.fit) await fitOnePage(page, options.fit, height * MM);
      return await page.pdf({ format: options.paper === 'a4' ? 'A4' : 'Letter', printBackground: true, preferCSSPageSize: true, tagged: true });
    } catch (error) {
      if (error instanceof CsqError) throw error;
      throw new CsqError(problem('pdf-failed', { detail: firstLine(error) }, { file }));
    } finally {
      await page?.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const running = this.running && (await this.running.catch(() => undefined));
    this.running = undefined;
    if (running) await stop(running);
  }
}

/** Closes the browser (killed if it does not go within 5 s) and removes its profile. */
async function stop({ browser, child, profile }: Running): Promise<void> {
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  await browser.close().catch(() => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  removeProfile(profile);
}

/**
 * Profiles that runs killed before they could remove them (the browser itself ends when csq
 * does: its pipe closes). Only those of processes that are gone.
 */
function removeStaleProfiles(): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^csq-browser-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // alive (or another user's): not ours to remove
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') continue;
    }
    removeProfile(path.join(tmpdir(), name));
  }
}

function removeProfile(profile: string): void {
  try {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // A temp folder: the system cleans it up in the end.
  }
}

type Page = Awaited<ReturnType<Browser['newPage']>>;

/** The largest of `sizes` (pt) at which the section is at most one page high (with a little room for rounding). */
async function fitOnePage(page: Page, fit: NonNullable<PrintOptions['fit']>, pageHeight: number): Promise<void> {
  for (const size of fit.sizes) {
    const height = await page.evaluate(
      (selector, pt) => {
        const section = document.querySelector<HTMLElement>(selector);
        if (!section) return 0;
        section.style.setProperty('--fit', `${pt}pt`);
        return section.getBoundingClientRect().height;
      },
      fit.selector,
      size,
    );
    if (process.env.CSQ_FIT_DEBUG) console.error(size, height, pageHeight);
    if (height <= pageHeight * 0.97) return;
  }
}

/** The last line a program printed that says something. */
function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.slice(0, 300) ?? '';
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}
