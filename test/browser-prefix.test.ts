/**
 * The site served under a path prefix (`--path-prefix /clips/`, as on GitHub Pages project sites),
 * by a server that answers nothing outside the prefix: every page a reader reaches by clicking is
 * styled, every local link and asset on it resolves, and search still finds the seed article.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { serveStatic } from './support/static-server.ts';
import type { StaticServer } from './support/static-server.ts';
import { buildReaderSite, launchBrowser, openPage } from './support/browser.ts';
import type { OpenedPage, ReaderSite } from './support/browser.ts';

const PREFIX = '/clips/';

let site: ReaderSite;
let server: StaticServer;
let browser: Browser;

before(async () => {
  site = await buildReaderSite(['--path-prefix', PREFIX]);
  server = await serveStatic(site.output, { prefix: PREFIX });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

test('under /clips/, every page kind is styled and all its local links and assets resolve', async () => {
  const tab = await openPage(browser, server.url);
  const seen = new Set<string>();
  const kinds = [
    `main a[href^="${PREFIX}topics/"]`,
    `main a[href^="${PREFIX}articles/"]`,
    `main a[href^="${PREFIX}archive/"]`,
    `a[href="${PREFIX}archive/2023/08/"]`,
    `a[href="${PREFIX}archive/2023/"]`,
    `a[href="${PREFIX}archive/"]`,
  ];
  await checkPage(tab, seen);
  for (const selector of kinds) {
    const link = tab.page.locator(selector).first();
    const href = (await link.getAttribute('href')) ?? '';
    assert.ok(href.startsWith(PREFIX), `${tab.page.url()}: ${selector} links inside the prefix (${href})`);
    await Promise.all([tab.page.waitForURL((url) => url.pathname === href), link.click()]);
    await checkPage(tab, seen);
  }
  assert.deepEqual(tab.problems(), []);
  await tab.close();
});

test('under /clips/, the header search finds the seed article', async () => {
  const tab = await openPage(browser, server.url);
  await tab.page.locator('header').getByRole('searchbox').fill('朝鲜');
  await tab.page.locator('header').getByRole('searchbox').press('Enter');
  const hit = tab.page.locator(`main a[href^="${PREFIX}articles/"]`).filter({ hasText: '俄罗斯和朝鲜' }).first();
  await hit.waitFor({ state: 'visible', timeout: 15_000 });
  assert.deepEqual(tab.problems(), []);
  await tab.close();
});

/** The page is styled by the site's CSS, and every local href/src on it answers 200 (once per URL). */
async function checkPage(tab: OpenedPage, seen: Set<string>): Promise<void> {
  const where = tab.page.url();
  const styled = await tab.page
    .locator('body')
    .evaluate((body) => [...body.ownerDocument.styleSheets].some((sheet) => sheet.cssRules.length > 0));
  assert.ok(styled, `${where} has its stylesheet`);
  const refs = await tab.page
    .locator('[href], [src]')
    .evaluateAll((all) => all.map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''));
  for (const ref of refs) {
    const url = new URL(ref, where);
    if (url.origin !== new URL(server.url).origin) continue;
    const target = url.href.split('#')[0] ?? '';
    if (seen.has(target)) continue;
    seen.add(target);
    assert.ok(url.pathname.startsWith(PREFIX), `${where} links ${ref}, outside the prefix`);
    const status = (await fetch(target, { method: 'HEAD' })).status;
    assert.equal(status, 200, `${where} links ${ref}, which answers ${status}`);
  }
}
