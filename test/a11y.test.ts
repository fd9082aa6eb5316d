/**
 * Accessibility with axe-core in Chromium: every kind of page of the reader fixture, in light and
 * dark color schemes, has no `serious` or `critical` violation (contrast included, so the dark
 * theme is checked for real). axe is injected as a script, which the site's CSP (`script-src 'self'`)
 * would refuse, so these pages, and only these, are opened with `bypassCSP`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Browser } from 'playwright-core';
import { serveStatic } from './support/static-server.ts';
import type { StaticServer } from './support/static-server.ts';
import { buildReaderSite, firstHref, launchBrowser, openPage } from './support/browser.ts';
import type { ReaderSite } from './support/browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let site: ReaderSite;
let server: StaticServer;
let browser: Browser;
const pages: Record<string, string> = {};

before(async () => {
  site = await buildReaderSite();
  server = await serveStatic(site.output);
  browser = await launchBrowser();
  const u = server.url;
  Object.assign(pages, {
    home: u,
    'topic index': `${u}topics/`,
    topic: new URL(await firstHref(`${u}topics/`, 'main a[href^="/topics/"]:not([href="/topics/"])'), u).href,
    'article (seed)': new URL(await firstHref(`${u}archive/2023/08/31/`, 'main a[href^="/articles/"]'), u).href,
    'article (BBC, images)': new URL(await firstHref(`${u}archive/2020/08/14/`, 'main a[href^="/articles/"]'), u).href,
    'outlet index': `${u}outlets/`,
    outlet: new URL(await firstHref(`${u}outlets/`, 'main a[href^="/outlets/"]:not([href="/outlets/"])'), u).href,
    archive: `${u}archive/`,
    year: `${u}archive/2020/`,
    month: `${u}archive/2020/08/`,
    day: `${u}archive/2020/08/19/`,
    search: `${u}search/`,
    'story index': `${u}stories/`,
    story: new URL(await firstHref(`${u}stories/`, 'main .stories a'), u).href,
    '404': `${u}no/such/page/`,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

test('axe: no serious or critical violations on any page kind, light and dark', async () => {
  const failures: string[] = [];
  // One tab for all pages (a new Chromium page costs seconds here); the scheme is switched in place.
  const tab = await openPage(browser, 'about:blank', { bypassCSP: true });
  for (const [name, url] of Object.entries(pages)) {
    await tab.page.goto(url);
    await tab.page.addScriptTag({ path: AXE });
    for (const colorScheme of ['light', 'dark'] as const) {
      await tab.page.emulateMedia({ colorScheme });
      const results = (await tab.page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
      for (const v of results.violations) {
        console.log(`${colorScheme.padEnd(5)} ${name}: [${v.impact}] ${v.id} — ${v.help} ×${v.nodes.length}`);
      }
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      failures.push(...bad.map((v) => describe(`${colorScheme} ${name} (${url})`, v)));
    }
  }
  const own404 = `console error: Failed to load resource: the server responded with a status of 404 (Not Found) (at ${pages['404']})`;
  assert.deepEqual(tab.problems().filter((p) => p !== own404), []);
  await tab.close();
  assert.deepEqual(failures, [], `axe found serious/critical violations:\n${failures.join('\n')}`);
  console.log(`axe: ${Object.keys(pages).length} pages × light and dark, no serious or critical violation`);
});

function describe(where: string, v: Result): string {
  const nodes = v.nodes
    .slice(0, 8)
    .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join('\n');
  return `${where}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length} nodes)\n${nodes}`;
}
