/**
 * Screenshots for people to look at, and the one layout rule a machine can judge: no page scrolls
 * sideways on a phone. Full-page PNGs of home, an article (BBC, with images: remote images are
 * replaced by local grey placeholders so the layout is the one a reader sees), the August 2020
 * calendar and a story page, at 390×844 and 1280×800, light and dark, go to test-output/screenshots/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from './support/static-server.ts';
import type { StaticServer } from './support/static-server.ts';
import { REPO, buildReaderSite, firstHref, launchBrowser, openPage } from './support/browser.ts';
import type { ReaderSite } from './support/browser.ts';

const OUT = join(REPO, 'test-output', 'screenshots');

let site: ReaderSite;
let server: StaticServer;
let browser: Browser;
const pages: Record<string, string> = {};

before(async () => {
  site = await buildReaderSite();
  server = await serveStatic(site.output);
  browser = await launchBrowser();
  await mkdir(OUT, { recursive: true });
  Object.assign(pages, {
    home: server.url,
    article: new URL(await firstHref(`${server.url}archive/2020/08/14/`, 'main a[href^="/articles/"]'), server.url).href,
    month: `${server.url}archive/2020/08/`,
    story: new URL(await firstHref(`${server.url}stories/`, 'main .stories a'), server.url).href,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

test('full-page screenshots of home, an article, a month and a story, phone and desktop, light and dark', async () => {
  const viewports = [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ];
  // One tab throughout (a new Chromium page costs seconds here): viewport and scheme change in place.
  const tab = await openPage(browser, 'about:blank', { placeholderImages: true });
  for (const [name, url] of Object.entries(pages)) {
    for (const viewport of viewports) {
      await tab.page.setViewportSize(viewport);
      await tab.page.goto(url);
      await loadLazyImages(tab.page);
      for (const colorScheme of ['light', 'dark'] as const) {
        await tab.page.emulateMedia({ colorScheme });
        await tab.page.screenshot({ path: join(OUT, `${name}-${viewport.width}-${colorScheme}.png`), fullPage: true });
      }
    }
  }
  assert.deepEqual(tab.problems(), []);
  await tab.close();
  console.log(`screenshots written to ${OUT}`);
});

for (const width of [390, 320]) {
  test(`nothing scrolls sideways at ${width} px`, async () => {
    const tab = await openPage(browser, 'about:blank', { viewport: { width, height: 800 }, placeholderImages: true });
    for (const [name, url] of Object.entries(pages)) {
      await tab.page.goto(url);
      await loadLazyImages(tab.page);
      const { scrollWidth, innerWidth, widest } = await tab.page.locator('html').evaluate((html) => {
        const view = html.ownerDocument.defaultView;
        const limit = view?.innerWidth ?? 0;
        const offender = [...html.querySelectorAll('body *')].find((el) => el.getBoundingClientRect().right > limit + 1);
        const describe = offender ? `${offender.tagName.toLowerCase()}${offender.className ? `.${String(offender.className).split(' ').join('.')}` : ''}` : '';
        return { scrollWidth: html.scrollWidth, innerWidth: limit, widest: describe };
      });
      assert.ok(scrollWidth <= innerWidth, `${name} at ${width} px: scrollWidth ${scrollWidth} > ${innerWidth} (first too-wide element: ${widest})`);
    }
    await tab.close();
  });
}

/** Scrolls to the bottom in steps so `loading="lazy"` images load before a full-page screenshot. */
async function loadLazyImages(page: Page): Promise<void> {
  const height = await page.locator('html').evaluate((html) => html.scrollHeight);
  for (let y = 0; y < height; y += 600) await page.mouse.wheel(0, 600);
  await page.mouse.wheel(0, -height);
  await page.waitForLoadState('networkidle').catch(() => undefined);
}
