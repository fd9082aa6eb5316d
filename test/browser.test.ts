/**
 * A reader in a real browser (Debian's Chromium): the reader fixture (bundled seed + 16 real articles
 * of August 2020, built with the real CLI in Asia/Shanghai) is served over HTTP and walked by clicking
 * links, as a person would: home → topic → article → day → month → year → outlet. Every clicked link
 * must answer 200 with a real page (not the 404 page), every local link on a visited page must
 * resolve, and no page may log a console error, throw, or open a dialog.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator } from 'playwright-core';
import { serveStatic } from './support/static-server.ts';
import type { StaticServer } from './support/static-server.ts';
import { buildReaderSite, launchBrowser, openPage } from './support/browser.ts';
import type { OpenedPage, ReaderSite } from './support/browser.ts';

let site: ReaderSite;
let server: StaticServer;
let browser: Browser;
let notFoundHeading: string;
const checked = new Map<string, number>();

before(async () => {
  site = await buildReaderSite();
  server = await serveStatic(site.output);
  browser = await launchBrowser();
  const tab = await openPage(browser, `${server.url}no/such/page/`);
  notFoundHeading = await text(tab.page.locator('h1'));
  await tab.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

test('the 404 page answers unknown URLs with status 404 and a way home', async () => {
  const response = await fetch(`${server.url}no/such/page/`);
  assert.equal(response.status, 404);
  assert.ok(notFoundHeading.length > 0, '404 page has an h1');
  const tab = await openPage(browser, `${server.url}no/such/page/`);
  assert.ok((await tab.page.locator(`a[href="/"]`).count()) > 0, '404 page links home');
  // Chromium logs the document's own 404 status as a console error; that one is the point here.
  const ownStatus = `Failed to load resource: the server responded with a status of 404 (Not Found) (at ${server.url}no/such/page/)`;
  assert.deepEqual(tab.problems().filter((p) => p !== `console error: ${ownStatus}`), []);
  await tab.close();
});

test('a reader walks home → topic → article → day → month → year → outlet', async () => {
  const tab = await openPage(browser, server.url);
  const { page } = tab;
  await checkPage(tab, 'home');

  // Home → the topic of the newest entry from August 2020 (the RFI 中国 section has several).
  await follow(tab, page.locator('main a[href^="/topics/"]:not([href="/topics/"])').first());
  assert.match(page.url(), /\/topics\/[a-z0-9-]+\/$/);
  const topicName = await text(page.locator('h1'));
  const topicEntries = page.locator('main a[href^="/articles/"]');
  assert.ok((await topicEntries.count()) >= 1, 'the topic page lists its articles');
  await checkPage(tab, 'topic');

  // Topic → an article.
  const entryTitle = (await text(topicEntries.first())).replace(/…$/, '');
  await follow(tab, topicEntries.first());
  assert.match(page.url(), /\/articles\/[a-z0-9]+\/$/);
  const articleUrl = page.url();
  const title = await text(page.locator('h1'));
  assert.ok(title.startsWith(entryTitle), `article h1 "${title}" continues the entry title "${entryTitle}"`);
  const article = page.locator('main');
  const outletLink = article.locator('a[href^="/outlets/"]').first();
  const outletName = await text(outletLink);
  assert.ok(outletName.length > 0, 'the article names its outlet');
  assert.equal(await text(article.locator(`a[href^="/topics/"]`).first()), topicName, 'the article links its topic');
  const time = article.locator('time[datetime]').first();
  assert.match((await time.getAttribute('datetime')) ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  assert.match(await text(time), /(北京时间|UTC|GMT|[+-]\d{2}:?\d{2}|Asia\/Shanghai|CST)/, 'the published time names its zone');
  assert.match(await text(article), /\d+\s*分钟/, 'reading time in minutes');
  const original = article.locator('a[href^="http"]').filter({ hasText: /原文|原始|来源|original/i }).first();
  assert.match((await original.getAttribute('href')) ?? '', /^https?:\/\/[^/]+\//, 'a link to the original');
  assert.match(await text(article), /存档|archived|快照|副本/i, 'a note that this is an archived copy');
  await checkPage(tab, 'article');

  // Article → its day.
  const archiveHrefs = await hrefs(article.locator('a[href^="/archive/"]'));
  const dayHref = archiveHrefs.find((href) => /^\/archive\/\d{4}\/\d{2}\/\d{2}\/$/.test(href)) ?? '';
  const dayLink = article.locator(`a[href="${dayHref}"]`).first();
  const [, year, month, day] = /^\/archive\/(\d{4})\/(\d{2})\/(\d{2})\/$/.exec(dayHref) ?? [];
  assert.ok(year && month && day, `the article's date links its day page, got ${dayHref}`);
  await follow(tab, dayLink);
  const dayHeading = await text(page.locator('h1'));
  assert.match(dayHeading, new RegExp(`${year}.*${Number(month)}.*${Number(day)}`), `day h1 "${dayHeading}" names the day`);
  const dayEntries = page.locator('main a[href^="/articles/"]');
  const dayCount = await countArticles(dayEntries);
  assert.ok(dayCount >= 1);
  assert.ok(
    (await hrefs(dayEntries)).includes(new URL(articleUrl).pathname),
    'the day page lists the article we came from',
  );
  assert.match(await text(page.locator('main')), new RegExp(`共\\s*${dayCount}\\s*篇`), 'the day page states its count');
  await checkPage(tab, 'day');

  // Day → its month (breadcrumb): the calendar cell of the day shows the day's count and links back.
  const monthHref = `/archive/${year}/${month}/`;
  await follow(tab, page.locator(`a[href="${monthHref}"]`).first());
  assert.match(await text(page.locator('h1')), new RegExp(`${year}.*${Number(month)}`));
  const cell = page.locator(`main a[href="${dayHref}"]`);
  assert.equal(await cell.count(), 1, 'the month calendar links the day once');
  const cellText = `${await text(cell)} ${(await cell.getAttribute('aria-label')) ?? ''} ${(await cell.getAttribute('title')) ?? ''}`;
  assert.match(cellText, new RegExp(`(^|\\D)${dayCount}\\s*篇`), `the day cell "${cellText}" shows ${dayCount}`);
  await checkPage(tab, 'month');

  // Month → its year: twelve months.
  await follow(tab, page.locator(`a[href="/archive/${year}/"]`).first());
  const yearText = await text(page.locator('main'));
  for (let m = 1; m <= 12; m++) assert.ok(yearText.includes(`${year}年${m}月`), `the year page shows ${year}年${m}月`);
  assert.ok((await page.locator(`main a[href="${monthHref}"]`).count()) >= 1, 'the year page links the month');
  await checkPage(tab, 'year');

  // Back to the article → its outlet.
  await page.goto(articleUrl);
  await follow(tab, page.locator('main a[href^="/outlets/"]').first());
  assert.ok((await text(page.locator('h1'))).includes(outletName), 'the outlet page is about the outlet');
  const outletCount = await countArticles(page.locator('main a[href^="/articles/"]'));
  assert.match(await text(page.locator('main')), new RegExp(`共\\s*${outletCount}\\s*篇`));
  await checkPage(tab, 'outlet');

  assert.deepEqual(tab.problems(), []);
  await tab.close();
});

test('the August 2020 calendar counts days in Asia/Shanghai and links only days with articles', async () => {
  const tab = await openPage(browser, `${server.url}archive/2020/08/`);
  const expected: Record<string, number> = { '14': 3, '15': 3, '16': 2, '18': 1, '19': 7 };
  const linked = await hrefs(tab.page.locator('main a[href^="/archive/2020/08/"]'));
  assert.deepEqual(
    [...new Set(linked)].filter((href) => /\/\d{2}\/$/.test(href ?? '')).sort(),
    Object.keys(expected).map((d) => `/archive/2020/08/${d}/`),
  );
  for (const [d, count] of Object.entries(expected)) {
    const cell = tab.page.locator(`main a[href="/archive/2020/08/${d}/"]`);
    const label = `${await text(cell)} ${(await cell.getAttribute('aria-label')) ?? ''}`;
    assert.match(label, new RegExp(`(^|\\D)${count}\\s*篇`), `2020-08-${d}: "${label}" shows ${count}`);
  }
  assert.match(await text(tab.page.locator('main')), /共\s*16\s*篇/);
  assert.deepEqual(tab.problems(), []);
  await tab.close();
});

test('the seed article shows its time in Asia/Shanghai, where the day differs from UTC', async () => {
  const day = await openPage(browser, `${server.url}archive/2023/08/31/`);
  await follow(day, day.page.locator('main a[href^="/articles/"]').first());
  const time = day.page.locator('main time[datetime]').first();
  assert.equal(await time.getAttribute('datetime'), '2023-08-31T02:45:25+08:00');
  assert.equal(await text(time), '2023年8月31日 02:45 (GMT+8)');
  assert.match(await text(day.page.locator('h1')), /俄罗斯和朝鲜/);
  assert.deepEqual(day.problems(), []);
  await day.close();
});

test('keyboard: the first Tab focuses the skip link, and activating it moves focus to main', async () => {
  const tab = await openPage(browser, server.url);
  await tab.page.keyboard.press('Tab');
  const skip = tab.page.locator(':focus');
  assert.equal(await skip.evaluate((el) => el.tagName), 'A', 'the first Tab focuses a link');
  const target = (await skip.getAttribute('href')) ?? '';
  assert.match(target, /^#./, 'the skip link points into the page');
  const box = await skip.boundingBox();
  assert.ok(box !== null && box.width > 1 && box.height > 1 && box.y >= 0, 'the skip link is visible when focused');
  await tab.page.keyboard.press('Enter');
  const focused = tab.page.locator(':focus');
  assert.equal(await focused.count(), 1, 'something has focus after activating the skip link');
  assert.equal(`#${(await focused.getAttribute('id')) ?? ''}`, target, 'focus moved to the skip target');
  assert.ok(await focused.evaluate((el) => el.tagName === 'MAIN' || el.closest('main') !== null), 'the skip target is main (or inside it)');
  assert.deepEqual(tab.problems(), []);
  await tab.close();
});

test('with JavaScript disabled, article and index pages read fine', async () => {
  const tab = await openPage(browser, server.url, { javaScriptEnabled: false });
  const articleHref = (await tab.page.locator('main a[href^="/articles/"]').first().getAttribute('href')) ?? '';
  for (const path of ['', articleHref.slice(1), 'topics/', 'outlets/', 'archive/', 'archive/2020/', 'archive/2020/08/', 'archive/2020/08/19/']) {
    await tab.page.goto(server.url + path);
    assert.ok((await text(tab.page.locator('h1'))).length > 0, `/${path} has a visible h1`);
    assert.ok(await tab.page.locator('h1').isVisible());
    assert.ok((await tab.page.locator('main a[href]').count()) > 0, `/${path} shows its links without JavaScript`);
    if (path === articleHref.slice(1)) {
      const paragraphs = await tab.page.locator('main .body p').all();
      assert.ok(paragraphs.length > 0, 'the article body has paragraphs');
      for (const paragraph of paragraphs) {
        assert.ok(await paragraph.isVisible(), 'no article paragraph is hidden without JavaScript');
      }
    }
  }
  assert.deepEqual(tab.problems(), []);
  await tab.close();
});

test('search: 朝鲜 typed in the header field finds the bundled seed article, and so does the search page', async () => {
  const day = await openPage(browser, `${server.url}archive/2023/08/31/`);
  const seedHref = (await day.page.locator('main a[href^="/articles/"]').first().getAttribute('href')) ?? '';
  assert.match(seedHref, /^\/articles\/[a-z0-9]+\/$/);
  const { page } = day;

  // From any page: the header's search field submits to /search/?q=…, which runs the query.
  await page.locator('header').getByRole('searchbox').fill('朝鲜');
  await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('header').getByRole('searchbox').press('Enter')]);
  const hit = page.locator(`main a[href="${seedHref}"]`).first();
  await hit.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await text(hit), /俄罗斯和朝鲜/);
  assert.match(await text(page.locator('main [role="status"]')), /找到\s*1\s*篇/);

  // On the search page itself: the filters appear once the search index has loaded; text typed
  // before that is reset by the page's script (it restores ?q= from the address), so a reader, like
  // this test, waits for them.
  await page.goto(`${server.url}search/`);
  await page.locator('#search-filters').waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('main').getByRole('searchbox').fill('朝鲜');
  await page.locator(`main a[href="${seedHref}"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await text(page.locator('main [role="status"]')), /找到\s*1\s*篇/);
  assert.deepEqual(day.problems(), []);
  await day.close();
});

/** Clicks `link` and asserts the navigation answered 200 with a real page. */
async function follow(tab: OpenedPage, link: Locator): Promise<void> {
  const href = await link.getAttribute('href');
  const [response] = await Promise.all([
    tab.page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === tab.page.mainFrame()),
    link.click(),
  ]);
  await tab.page.waitForLoadState('load');
  assert.equal(response.status(), 200, `${href} answered ${response.status()}`);
  assert.notEqual(await text(tab.page.locator('h1')), notFoundHeading, `${href} showed the 404 page`);
}

/** Every local link and stylesheet of the page answers 200 (each URL fetched once per run). */
async function checkPage(tab: OpenedPage, name: string): Promise<void> {
  const urls = (await hrefs(tab.page.locator('a[href], link[href]'))).map((href) => new URL(href, tab.page.url()).href.split('#')[0] ?? '');
  for (const url of new Set(urls)) {
    if (!url.startsWith(server.url) || checked.has(url)) continue;
    const status = (await fetch(url, { method: 'HEAD' })).status;
    checked.set(url, status);
    assert.equal(status, 200, `the ${name} page (${tab.page.url()}) links ${url}, which answers ${status}`);
  }
  assert.deepEqual(tab.problems(), [], `the ${name} page is clean`);
}

/** Distinct article URLs among `links`. */
async function countArticles(links: Locator): Promise<number> {
  return new Set(await hrefs(links)).size;
}

/** The href attributes of every element `links` matches. */
async function hrefs(links: Locator): Promise<string[]> {
  return links.evaluateAll((all) => all.map((el) => el.getAttribute('href') ?? ''));
}

async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
