/**
 * Browser harness for the reader tests: Debian's Chromium driven by playwright-core (no tool may
 * download its own browser), pages that record every console error, uncaught page error and dialog
 * so a test can assert that none happened, and no request ever leaves 127.0.0.1.
 *
 * ```ts
 * await withBrowser(async (browser) => {
 *   const tab = await openPage(browser, server.url, { colorScheme: 'dark' });
 *   assert.deepEqual(tab.problems(), []);
 *   await tab.close();
 * });
 * ```
 *
 * Also here: `buildReaderSite()`, the small real archive every browser test reads.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

/** Runs `fn` with a fresh headless Chromium and always closes it. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

export interface OpenOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly colorScheme?: 'light' | 'dark';
  readonly javaScriptEnabled?: boolean;
  /** Only for tests that inject their own script (axe): lifts the site's Content-Security-Policy. */
  readonly bypassCSP?: boolean;
  /**
   * For screenshots: answer remote image requests with a local grey placeholder (16:9 SVG) instead
   * of aborting them, so pages are laid out as a reader with a network would see them.
   */
  readonly placeholderImages?: boolean;
}

export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors, uncaught page errors and dialogs so far, as readable lines; [] when clean. */
  problems(): string[];
  /** Non-local URLs the page tried to load (blocked, never fetched). */
  readonly blocked: readonly string[];
  close(): Promise<void>;
}

/**
 * Opens `url` in a new context (one page) and waits for `load`. Every request that is not to
 * 127.0.0.1 is aborted, so remote images in archived articles never reach the network.
 */
export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    bypassCSP: options.bypassCSP ?? false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (isLocal(target)) return route.continue();
    blocked.push(target);
    if (options.placeholderImages && route.request().resourceType() === 'image') {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER });
    }
    return route.abort('failed');
  });

  const page = await context.newPage();
  const found: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !isBlockedLoad(message)) {
      found.push(`console error: ${message.text()} (at ${message.location().url || page.url()})`);
    }
  });
  page.on('pageerror', (error) => found.push(`page error: ${error.message} (at ${page.url()})`));
  page.on('dialog', (dialog) => {
    found.push(`dialog ${dialog.type()}: ${dialog.message()} (at ${page.url()})`);
    void dialog.dismiss().catch(() => undefined);
  });

  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    context,
    problems: () => [...found],
    blocked,
    close: () => context.close(),
  };
}

const PLACEHOLDER =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">' +
  '<rect width="1200" height="675" fill="#9aa0a6"/><path d="M0 0L1200 675M1200 0L0 675" stroke="#80868b" stroke-width="6"/></svg>';

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/**
 * Aborting a remote image makes Chromium log "Failed to load resource: net::ERR_FAILED" as a console
 * error of the page, located at the remote URL. That is our own blocking, not a fault of the site
 * (the live site would load the image), so it is not counted. A failed load of a LOCAL resource
 * (a missing stylesheet, a broken search index file) still is.
 */
function isBlockedLoad(message: ConsoleMessage): boolean {
  const where = message.location().url;
  return /^Failed to load resource: net::ERR_FAILED/.test(message.text()) && where !== '' && !isLocal(where);
}

/** Root of the repository (this file is test/support/browser.ts). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The real articles of the reader fixture, read at test time from the shared corpus (never copied
 * into the repository). August 2020, Asia/Shanghai: 7 outlets, several topics, several articles on
 * one day (2020-08-19: three RFI, three VOA, one RFA), bodies with images (BBC has five, DW nine).
 */
export const READER_CORPUS_FILES: readonly string[] = [
  'rfi/1597416991000-f70802da.md',
  'rfi/1597445838000-0a271a05.md',
  'rfi/1597510569000-40af2fd6.md',
  'rfi/1597715701000-59178fd6.md',
  'rfi/1597787762000-34eed34e.md',
  'rfi/1597830898000-1db8d7bf.md',
  'rfi/1597841779000-74e5b263.md',
  'dw/1597478035000-c1a057a1.md',
  'dw/1597506848000-23dae014.md',
  'voa/1597772482000-5be63f29.md',
  'voa/1597786883000-91b45e5d.md',
  'voa/1597819280000-4906d103.md',
  'bbc/1597417465000-a7bbb220.md',
  'rfa/1597781400000-dda7b029.md',
  'nytimes/1597373072000-86c3b030.md',
  'zaobao/1597567620000-f62e51cc.md',
];

/** The bundled seed: RFI, 2023-08-30, about 俄罗斯和朝鲜. */
export const SEED_FILE = '000_08cb497c288dbfaf.txt';

export interface ReaderSite {
  /** The built site. */
  readonly output: string;
  /** The CLI's own output, for failure messages. */
  readonly log: string;
  remove(): Promise<void>;
}

/** Builds the reader fixture with the real CLI into a temp dir, time zone pinned to Asia/Shanghai. */
export async function buildReaderSite(extraArgs: readonly string[] = []): Promise<ReaderSite> {
  const work = await mkdtemp(join(tmpdir(), 'clippings-reader-'));
  const input = join(work, 'content');
  const output = join(work, 'site');
  await mkdir(input);
  await copyFile(join(REPO, 'content', SEED_FILE), join(input, SEED_FILE));
  const corpus = join(REPO, '..', 'shared', 'corpus', 'real');
  for (const file of READER_CORPUS_FILES) {
    // Flatten to one folder; the file names are unique (timestamp-hash).
    await copyFile(join(corpus, file), join(input, `${file.split('/')[0]}-${basename(file)}`));
  }
  const args = ['bin/clippings.js', 'build', '--input', input, '--output', output, '--time-zone', 'Asia/Shanghai'];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...args, ...extraArgs], {
      cwd: REPO,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { output, log: stdout + stderr, remove: () => rm(work, { recursive: true, force: true }) };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw new Error(`clippings build failed for the reader fixture`, { cause: error });
  }
}

/** The `href` of the first element matching `selector` in the HTML served at `pageUrl` (read with a real parser). */
export async function firstHref(pageUrl: string, selector: string): Promise<string> {
  const response = await fetch(pageUrl);
  if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
  const found = select(selector, fromHtml(await response.text()));
  const href = found?.properties['href'];
  if (typeof href !== 'string') throw new Error(`${pageUrl}: no element matches ${selector} with an href`);
  return href;
}
