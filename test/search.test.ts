/**
 * Search: a fixture archive (test/fixtures/search/, five seed files with known terms) is rendered
 * under a path prefix and indexed with Pagefind, then queried twice: from Node with Pagefind's own
 * pagefind.js (fetch shimmed to read the output folder), and in Chromium through the search page.
 *
 * | fixture   | outlet | 朝鲜                         | 经济 |
 * |-----------|--------|------------------------------|------|
 * | korea     | rfi    | yes                          | no   |
 * | economy   | bbc    | no                           | yes  |
 * | sanctions | dw     | yes                          | yes  |
 * | hongkong  | rfi    | no                           | no   |
 * | peninsula | dw     | only inside 北朝鲜, 朝鲜半岛 | no   |
 *
 * No fixture contains 鬣蜥 or "xyzzy". All five are from 2023: one search shard, `pagefind/2023/`.
 *
 * A second archive (test/fixtures/search-years/) has one 朝鲜 article from 2022 and one from 2023:
 * two shards, merged in the browser (and in Node) with Pagefind's mergeIndex.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadArchive } from '../src/archive/load-archive.ts';
import { buildSite } from '../src/site/build-site.ts';
import { renderSite } from '../src/site/render-site.ts';
import { indexSearch, type IndexSearchResult } from '../src/site/search/index-search.ts';
import { SHARD_KEY, shardArticles, type SearchShard } from '../src/site/search/shard-articles.ts';
import type { SiteModel } from '../src/site/site-model.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import type { SiteConfig } from '../src/site/site-config.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import type { Page } from 'playwright-core';
import { openPage, withBrowser } from './support/browser.ts';

const FIXTURES = new URL('./fixtures/search/', import.meta.url);
const YEARS = new URL('./fixtures/search-years/', import.meta.url);
const PREFIX = '/sub/';
const config: SiteConfig = { ...DEFAULT_SITE_CONFIG, baseUrl: 'https://example.org', pathPrefix: PREFIX, timeZone: 'Asia/Shanghai' };
const TITLES = {
  korea: '朝鲜再次试射弹道导弹 日本提出抗议',
  economy: '中国第三季度增长放缓 消费依旧疲软',
  sanctions: '联合国报告：制裁之下的平壤外汇收入',
  hongkong: '香港区议会选举改制后首次投票',
  peninsula: '学者谈半岛局势：对话之门并未关闭',
};

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: { data(): Promise<ResultData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
}

function shardsOf(site: SiteModel): SearchShard[] {
  return shardArticles(site.lists.article.map((p) => ({ path: p.path, day: p.article.published.iso })));
}

/** Builds a fixture archive under PREFIX into `out` and indexes it, shard by shard. */
async function buildIndexed(fixtures: URL, out: string, count: number): Promise<IndexSearchResult> {
  const archive = await loadArchive(fixtures.pathname, { timeZone: config.timeZone, outlets: config.outlets, cacheDir: false });
  assert.equal(archive.articles.length, count, `fixtures rejected: ${JSON.stringify(archive.rejected)}`);
  const site = buildSite(archive, config, { feeds: true, search: true });
  await renderSite(site, out);
  return indexSearch(out, shardsOf(site), { pathPrefix: PREFIX });
}

let work: string;
let out: string;
let indexed: IndexSearchResult;
let pagefind: Pagefind;
let dwName: string;
let yearsOut: string;
let years: Pagefind;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'clippings-search-'));
  out = join(work, 'site');
  yearsOut = join(work, 'years');
  const archive = await loadArchive(FIXTURES.pathname, { timeZone: config.timeZone, outlets: config.outlets, cacheDir: false });
  dwName = archive.outlets.find((g) => g.key.key === 'dw')?.key.name ?? 'dw';
  indexed = await buildIndexed(FIXTURES, out, 5);
  await buildIndexed(YEARS, yearsOut, 2);

  // pagefind.js is an ES module for browsers; in Node it only needs fetch to reach its files.
  const sites: Record<string, string> = { 'site.test': out, 'years.test': yearsOut };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const root = sites[url.host];
    if (root === undefined) return realFetch(input);
    const file = join(root, decodeURIComponent(url.pathname.slice(PREFIX.length)));
    const body = await readFile(file).catch(() => undefined);
    return body ? new Response(body) : new Response('not found', { status: 404 });
  };
  pagefind = (await import(pathToFileURL(join(out, 'pagefind', '2023', 'pagefind.js')).href)) as Pagefind;
  await pagefind.options({ basePath: 'http://site.test/sub/pagefind/2023/', baseUrl: '/' });
  // The two-year site as the search page loads it: the newest shard, the other merged in.
  years = (await import(pathToFileURL(join(yearsOut, 'pagefind', '2023', 'pagefind.js')).href)) as Pagefind;
  await years.options({ basePath: 'http://years.test/sub/pagefind/2023/', baseUrl: '/' });
  await years.mergeIndex('http://years.test/sub/pagefind/2022/', { baseUrl: '/' });
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function titlesFor(query: string, options: Record<string, unknown> = {}): Promise<string[]> {
  const { results } = await pagefind.search(query, options);
  const data = await Promise.all(results.map((r) => r.data()));
  return data.map((d) => d.meta.title ?? '').sort();
}

test('indexSearch indexes the five article pages, not the index pages, and reports size and time', async () => {
  assert.equal(indexed.pages, 5);
  assert.ok(indexed.bytes > 10_000, `bundle of ${indexed.bytes} bytes`);
  assert.ok(indexed.ms >= 0);
  assert.deepEqual([indexed.shards, indexed.indexed], [1, ['2023']]);
  assert.deepEqual(JSON.parse(await readFile(join(out, 'pagefind', 'shards.json'), 'utf8')), ['2023']);
  // Pagefind's runtime files are also at the old address, pagefind/ (for its UI scripts).
  for (const name of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css']) assert.ok(existsSync(join(out, 'pagefind', name)), name);
  const entry = JSON.parse(await readFile(join(out, 'pagefind', '2023', 'pagefind-entry.json'), 'utf8'));
  assert.deepEqual(Object.keys(entry.languages), ['zh-cn'], 'pages declare zh-CN, so Pagefind indexes them as Chinese');
  assert.equal(entry.languages['zh-cn'].page_count, 5);
});

test('two-character Chinese queries find exactly the articles that contain them', async () => {
  assert.deepEqual(await titlesFor('朝鲜'), [TITLES.korea, TITLES.sanctions, TITLES.peninsula].sort());
  assert.deepEqual(await titlesFor('经济'), [TITLES.economy, TITLES.sanctions].sort());
  assert.deepEqual(await titlesFor('选举'), [TITLES.hongkong]);
  assert.deepEqual(await titlesFor('导弹'), [TITLES.korea]);
});

test('longer Chinese queries, rewritten into overlapping bigrams by the search page, find exactly their articles', async () => {
  const { cjkQuery } = (await import('../public/search/cjk-query.js' as string)) as { cjkQuery(q: string): string };
  assert.equal(cjkQuery('朝鲜半岛'), '朝鲜 鲜半 半岛');
  assert.equal(cjkQuery('"弹道导弹" ICBM 经济'), '弹道 道导 导弹 ICBM 经济');
  assert.deepEqual(await titlesFor(cjkQuery('朝鲜半岛')), [TITLES.peninsula]);
  assert.deepEqual(await titlesFor(cjkQuery('弹道导弹')), [TITLES.korea]);
  assert.deepEqual(await titlesFor(cjkQuery('区议会选举')), [TITLES.hongkong]);
  assert.deepEqual(await titlesFor(cjkQuery('网络盗窃加密货币')), [TITLES.sanctions]);
});

test('terms that appear nowhere find nothing', async () => {
  assert.deepEqual(await titlesFor('鬣蜥'), []);
  assert.deepEqual(await titlesFor('xyzzy'), []);
});

test('results carry URL (with the prefix), title, outlet, date and a highlighted excerpt; filters by outlet and topic', async () => {
  const { results } = await pagefind.search('朝鲜');
  for (const r of results) {
    const d = await r.data();
    assert.match(d.url, /^\/sub\/articles\/[a-z0-9]+\/$/);
    assert.ok(d.meta.title && d.meta.date, JSON.stringify(d.meta));
    assert.match(d.excerpt, /<mark>(北)?朝鲜<\/mark>/);
    assert.ok(d.filters.outlet?.length === 1 && (d.filters.topic?.length ?? 0) >= 1, JSON.stringify(d.filters));
  }
  const filters = await pagefind.filters();
  assert.deepEqual(Object.keys(filters).sort(), ['outlet', 'topic']);
  assert.equal(filters.outlet?.[dwName], 2);
  assert.deepEqual(await titlesFor('朝鲜', { filters: { outlet: dwName } }), [TITLES.sanctions, TITLES.peninsula].sort());
  // The outlet/topic line is not indexed as text: an outlet's name is not a search hit.
  assert.deepEqual(await titlesFor(dwName.split(' ')[0] ?? dwName), []);
});

/** Waits until the page lists exactly `n` results (no string evaluation: the page's CSP forbids it). */
async function resultCount(page: Page, n: number, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const count = await page.locator('.search-result').count();
    if (count === n) return;
    if (Date.now() > until) throw new Error(`expected ${n} search results, the page shows ${count}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

test('in Chromium, /search/?q=朝鲜 shows the three hits with title, outlet and date, under the search CSP', async () => {
  const server: StaticServer = await serveStatic(out, { prefix: PREFIX });
  try {
    await withBrowser(async (browser) => {
      const tab = await openPage(browser, `${server.url}search/?q=${encodeURIComponent('朝鲜')}`);
      await resultCount(tab.page, 3, 20_000);
      const items = await tab.page.$$eval('.search-result', (els) =>
        els.map((el) => ({
          title: el.querySelector('h2 a')?.textContent ?? '',
          href: el.querySelector('h2 a')?.getAttribute('href') ?? '',
          meta: el.querySelector('.meta')?.textContent ?? '',
          marks: [...el.querySelectorAll('.excerpt mark')].map((m) => m.textContent),
        })),
      );
      assert.deepEqual(items.map((i) => i.title).sort(), [TITLES.korea, TITLES.sanctions, TITLES.peninsula].sort());
      for (const i of items) {
        assert.match(i.href, /^\/sub\/articles\/[a-z0-9]+\/$/);
        assert.match(i.meta, /^.+ · .+ · \d{4}年/);
        assert.ok(i.marks.length > 0);
      }
      assert.equal(await tab.page.isHidden('#search-nojs'), true);
      // Filter by outlet: the select is filled from the index.
      await tab.page.selectOption('#search-outlet', dwName);
      await resultCount(tab.page, 2);
      assert.match(tab.page.url(), /outlet=/);
      // A four-character query goes through the bigram rewrite.
      await tab.page.selectOption('#search-outlet', '');
      await tab.page.fill('#search-q', '朝鲜半岛');
      await tab.page.press('#search-q', 'Enter');
      await resultCount(tab.page, 1);
      assert.equal(await tab.page.textContent('.search-result h2 a'), TITLES.peninsula);
      // A miss says so.
      await tab.page.fill('#search-q', '鬣蜥');
      await tab.page.press('#search-q', 'Enter');
      await tab.page.locator('#search-status', { hasText: '没有找到' }).waitFor({ timeout: 10_000 });
      assert.equal(await tab.page.locator('.search-result').count(), 0);
      assert.deepEqual(tab.problems(), [], 'no console errors, CSP violations or page errors');
      await tab.close();
    });
  } finally {
    await server.close();
  }
});

test('without JavaScript the header form still reaches /search/?q=… and the page offers the archives', async () => {
  const server: StaticServer = await serveStatic(out, { prefix: PREFIX });
  try {
    await withBrowser(async (browser) => {
      const tab = await openPage(browser, server.url, { javaScriptEnabled: false });
      await tab.page.fill('#site-search-q', '经济');
      await Promise.all([tab.page.waitForURL(/\/sub\/search\/\?q=/), tab.page.press('#site-search-q', 'Enter')]);
      assert.equal(new URL(tab.page.url()).searchParams.get('q'), '经济');
      assert.equal(await tab.page.isVisible('#search-nojs'), true);
      const links = await tab.page.$$eval('#search-nojs a', (as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, ['/sub/topics/', '/sub/outlets/', '/sub/archive/']);
      assert.deepEqual(tab.problems(), []);
      await tab.close();
    });
  } finally {
    await server.close();
  }
});

test('shards are calendar years, or the months of a year with more than SHARD_MAX articles, newest first', () => {
  const page = (day: string, n: number) => ({ path: `articles/${day}-${n}/index.html`, day: `${day}T12:00:00+08:00` });
  const pages = [page('2021-03-01', 1), page('2023-08-30', 1), page('2023-08-01', 2), page('2023-09-02', 3), page('2022-12-31', 1)];
  assert.deepEqual(shardArticles(pages, 3).map((s) => [s.key, s.paths.length]), [['2023', 3], ['2022', 1], ['2021', 1]]);
  const busy = shardArticles([...pages, page('2023-01-05', 4)], 3);
  assert.deepEqual(busy.map((s) => [s.key, s.paths.length]), [['2023-09', 1], ['2023-08', 2], ['2023-01', 1], ['2022', 1], ['2021', 1]]);
  assert.deepEqual(busy[1]?.paths, ['articles/2023-08-01-2/index.html', 'articles/2023-08-30-1/index.html'], 'pages sorted by path');
  for (const s of busy) assert.match(s.key, SHARD_KEY);
});

test('articles from two years get two bundles, and one query finds hits in both', async () => {
  assert.deepEqual(JSON.parse(await readFile(join(yearsOut, 'pagefind', 'shards.json'), 'utf8')), ['2023', '2022']);
  for (const key of ['2023', '2022']) assert.ok(existsSync(join(yearsOut, 'pagefind', key, 'pagefind-entry.json')), key);
  const { results } = await years.search('朝鲜');
  const data = await Promise.all(results.map((r) => r.data()));
  assert.deepEqual(data.map((d) => d.meta.title).sort(), ['国际组织称朝鲜粮食短缺加剧', '朝鲜代表团出席联合国裁军会议'].sort());
  for (const d of data) assert.match(d.url, /^\/sub\/articles\/[a-z0-9]+\/$/);
  assert.deepEqual(Object.keys((await years.filters()).outlet ?? {}).length, 2, 'filters of both shards');
  assert.equal((await years.search('鬣蜥')).results.length, 0);
});

test('in Chromium, the search page merges the shards: ?q=朝鲜 finds the 2022 and the 2023 article', async () => {
  const server: StaticServer = await serveStatic(yearsOut, { prefix: PREFIX });
  try {
    await withBrowser(async (browser) => {
      const tab = await openPage(browser, `${server.url}search/?q=${encodeURIComponent('朝鲜')}`);
      await resultCount(tab.page, 2, 20_000);
      const titles = await tab.page.$$eval('.search-result h2 a', (els) => els.map((el) => el.textContent ?? ''));
      assert.deepEqual(titles.sort(), ['国际组织称朝鲜粮食短缺加剧', '朝鲜代表团出席联合国裁军会议'].sort());
      await tab.page.fill('#search-q', '裁军');
      await tab.page.press('#search-q', 'Enter');
      await resultCount(tab.page, 1);
      assert.deepEqual(tab.problems(), [], 'no console errors, CSP violations or page errors');
      await tab.close();
    });
  } finally {
    await server.close();
  }
});
