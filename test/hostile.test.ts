// Hostile seeds: no script from a seed file may ever run in a reader's browser, and a broken seed never
// takes the other articles down. Three levels: parseArticle + the checker rules on every fixture; the
// real CLI building hostile + malformed + real seeds, checked with parse5; every hostile page in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { parseArticle } from '../src/article/parse-article.ts';
import { checkHtmlFragment, checkHtmlPage, checkOutput } from './support/check-output.ts';
import type { Finding } from './support/check-output.ts';
import {
  HOSTILE_DIR, MALFORMED_DIR, PARSE_OPTIONS, REAL_DIR, REAL_FILES,
  bodyText, listTree, readExpected, runCli,
} from './support/hostile-build.ts';
import type { Expectation } from './support/hostile-build.ts';
import { CHROMIUM, launchBrowser } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const hostile = await readExpected(HOSTILE_DIR);
const malformed = await readExpected(MALFORMED_DIR);
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; base-uri 'none'">`;
const minimalPage = (body: string): string => `<!doctype html><html><head>${CSP}<title>t</title></head><body><main>${body}</main></body></html>`;
const show = (findings: readonly Finding[]): string => findings.map((f) => `${f.file}:${f.line ?? '?'}: ${f.problem}  [${f.excerpt}]`).join('\n');

describe('parseArticle on every hostile fixture', () => {
  test('there are at least 60 fixtures, each with a distinct URL and marker', () => {
    assert.ok(Object.keys(hostile).length >= 60);
    const markers = Object.values(hostile).flatMap((e) => (e.marker ? [e.marker] : []));
    assert.equal(new Set(markers).size, markers.length);
  });

  for (const [file, expected] of Object.entries(hostile)) {
    test(`${file}: ${expected.vector ?? ''}`, async () => {
      const bytes = await readFile(join(HOSTILE_DIR, file));
      const { article, problems } = parseArticle(bytes, file, PARSE_OPTIONS);
      if (!expected.accepted) {
        assert.equal(article, undefined, 'expected the file to be rejected');
        const error = problems.find((p) => p.severity === 'error');
        assert.ok(error, 'a rejected file names its error');
        assert.equal(error.line, expected.line);
        assert.ok(error.message.includes(expected.reason ?? ''), `reason "${error.message}" should mention "${expected.reason}"`);
        return;
      }
      assert.ok(article, `expected the file to be accepted, got ${JSON.stringify(problems)}`);
      assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
      for (const html of new Set([article.bodyHtml, ...article.captures.map((c) => c.bodyHtml)])) {
        const findings = [...checkHtmlFragment(html, `${file} bodyHtml`), ...checkHtmlPage(minimalPage(html), `${file} in a page`)];
        assert.equal(show(findings), '', 'sanitized body must contain nothing active');
      }
      assert.deepEqual(clobberingNames(article.bodyHtml), [], 'ids and names from a seed must be dropped or prefixed (DOM clobbering)');
      assert.ok(bodyText(minimalPage(article.bodyHtml)).includes(expected.marker!), `marker "${expected.marker}" must survive sanitizing`);
      assert.ok(article.text.includes(expected.marker!), 'marker must be in the plain text');
      if (article.hero) assert.match(article.hero.src, /^https?:\/\//i, 'hero image must be an http(s) URL');
      assert.match(article.canonicalUrl, /^https?:\/\//i);
      assert.ok(!/[\u0000-\u001f]/.test(article.title), 'title carries no control characters');
    });
  }
});

/** id/name attribute values in a body that could clobber page globals (anything not "user-content-" prefixed). */
function clobberingNames(html: string): string[] {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterTypes.ParentNode): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      for (const attr of child.attrs) {
        if ((attr.name === 'id' || attr.name === 'name') && !attr.value.startsWith('user-content-')) found.push(`${attr.name}="${attr.value}"`);
      }
      visit(child);
    }
  };
  visit(parseFragment(html));
  return found;
}

interface Build {
  readonly work: string;
  readonly output: string;
  readonly log: string;
  readonly code: number | null;
  /** Built HTML pages: relative path → visible body text. */
  readonly pages: ReadonlyMap<string, string>;
}

describe('the real CLI building hostile + malformed + real seeds', () => {
  let build: Build;
  before(async () => {
    const work = await mkdtemp(join(tmpdir(), 'clippings-hostile-'));
    const input = join(work, 'input');
    const output = join(work, 'site');
    for (const [dir, expected, sub] of [[HOSTILE_DIR, hostile, 'hostile'], [MALFORMED_DIR, malformed, 'malformed']] as const) {
      await mkdir(join(input, sub), { recursive: true });
      for (const file of Object.keys(expected)) await copyFile(join(dir, file), join(input, sub, file));
    }
    await mkdir(join(input, 'real'));
    for (const file of REAL_FILES) await copyFile(join(REAL_DIR, file), join(input, 'real', file.replace('/', '-')));
    const run = await runCli(['build', '--input', input, '--output', output, '--time-zone', 'Asia/Shanghai']);
    const pages = new Map<string, string>();
    if (existsSync(output)) {
      for (const path of await listTree(output)) {
        if (path.endsWith('.html')) pages.set(path, bodyText(await readFile(join(output, path), 'utf8')));
      }
    }
    build = { work, output, log: run.output, code: run.code, pages };
  });
  after(async () => {
    if (build && !process.env.KEEP_OUTPUT) await rm(build.work, { recursive: true, force: true });
  });

  test('the build completes with exit code 0 despite the broken files', () => {
    assert.equal(build.code, 0, build.log);
    assert.ok(build.pages.size > 0, 'the build wrote pages');
  });

  test('checkOutput finds nothing active anywhere in the output', async () => {
    const ownScripts = (await listTree(build.output)).filter((p) => /\.m?js$/.test(p));
    const findings = await checkOutput(build.output, { ownScripts });
    assert.equal(show(findings), '');
  });

  test('every accepted hostile and malformed file has its marker text on a page', () => {
    const missing: string[] = [];
    for (const [file, expected] of [...Object.entries(hostile), ...Object.entries(malformed)]) {
      if (!expected.accepted || !expected.marker || expected.supersededBy) continue;
      if (![...build.pages.values()].some((text) => text.includes(expected.marker!))) missing.push(`${file} (${expected.marker})`);
    }
    assert.deepEqual(missing, []);
  });

  test('the summary names every rejected file with its line and reason', () => {
    const lines = build.log.split('\n');
    const missing: string[] = [];
    const check = (sub: string, file: string, expected: Expectation): void => {
      const at = `${sub}/${file}:${expected.line}: `;
      if (!lines.some((line) => line.includes(at) && line.includes(expected.reason ?? ''))) missing.push(`${at}… ${expected.reason}`);
    };
    for (const [file, expected] of Object.entries(hostile)) if (!expected.accepted) check('hostile', file, expected);
    for (const [file, expected] of Object.entries(malformed)) if (!expected.accepted) check('malformed', file, expected);
    assert.deepEqual(missing, [], build.log);
  });

  test('in Chromium: no hostile page opens a dialog, logs an error, sets window.__xss or fetches active content', { timeout: 420_000 }, async () => {
    const markers = Object.values(hostile).flatMap((e) => (e.accepted && e.marker ? [e.marker] : []));
    // Each hostile article page, plus the listing/search pages that show titles and summaries.
    const articlePages = [...build.pages].filter(([path, text]) => path.startsWith('articles/') && markers.some((m) => text.includes(m))).map(([path]) => path);
    assert.ok(articlePages.length >= markers.length, `expected a page per accepted fixture, found ${articlePages.length}`);
    const listings = [...build.pages.keys()].filter((path) => !path.startsWith('articles/') && (path.split('/').length <= 2 || path.startsWith('search/')));
    const failures = await visitAll(build.output, [...listings, ...articlePages]);
    assert.equal(failures.join('\n'), '');
  });
});

test('the browser check itself catches a planted payload (negative control)', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-planted-'));
  try {
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title><img src="nope.png" onerror="alert(1);window.__xss=1"><script src="https://evil.example/x.js"></script>');
    const failures = await visitAll(dir, ['index.html']);
    assert.ok(failures.some((f) => f.includes('dialog alert')), failures.join('\n'));
    assert.ok(failures.some((f) => f.includes('window.__xss is number')), failures.join('\n'));
    assert.ok(failures.some((f) => f.includes('tried to load a script from https://evil.example/x.js')), failures.join('\n'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * Opens each page in ONE Chromium tab (fast enough for ~100 pages on a loaded machine) and returns what
 * went wrong: dialogs, uncaught errors, console errors, window.__xss, and blocked requests for anything
 * but passive media (a script, frame, object or stylesheet from a seed would show up here). Remote
 * images are blocked by design (no network in tests) and not counted.
 */
async function visitAll(dir: string, paths: readonly string[]): Promise<string[]> {
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  const failures: string[] = [];
  let current = '';
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      const request = route.request();
      const url = request.url();
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return route.continue();
      if (!['image', 'media', 'font'].includes(request.resourceType())) failures.push(`${current}: tried to load a ${request.resourceType()} from ${url}`);
      return route.abort('failed');
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      failures.push(`${current}: dialog ${dialog.type()} "${dialog.message()}"`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => failures.push(`${current}: page error ${error.message}`));
    page.on('console', (message) => {
      const where = message.location().url;
      const blockedRemote = /^Failed to load resource: net::ERR_FAILED/.test(message.text()) && where !== '' && !where.startsWith(server.url);
      if (message.type() === 'error' && !blockedRemote) failures.push(`${current}: console error ${message.text()}`);
    });
    for (const path of paths) {
      current = path;
      await page.goto(server.url + path.replace(/index\.html$/, ''), { waitUntil: 'load' });
      // Let toggle/animation/media events fire, and sweep the mouse over the page once.
      await page.mouse.move(5, 5);
      await page.mouse.move(640, 600, { steps: 3 });
      await page.waitForTimeout(30);
      const xss = await page.evaluate(() => typeof (globalThis as { __xss?: unknown }).__xss);
      if (xss !== 'undefined') failures.push(`${path}: window.__xss is ${xss}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return failures;
}

test('fixture folders hold only the listed files (plus README, expected.json, generator)', async () => {
  for (const [dir, expected] of [[HOSTILE_DIR, hostile], [MALFORMED_DIR, malformed]] as const) {
    const extra = (await readdir(dir)).filter((f) => !(f in expected) && !['README.md', 'expected.json', 'make-fixtures.mjs'].includes(f));
    assert.deepEqual(extra, []);
  }
});
