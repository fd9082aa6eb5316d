/**
 * Search: a fixture archive is rendered under a path prefix and indexed (src/site/search/), then
 * queried twice: from Node through the reader the search page runs (client/open-search-index.ts,
 * reading the index files from disk), and in Chromium through the search page itself.
 *
 * The archive is test/fixtures/search/ (five 2023-08 articles with known terms), search-years/ (one
 * 朝鲜 article from 2022, one from 2023-03) and search-han/ (one CNA article of 2021 in traditional
 * characters: 臺灣, 朝鮮, 選舉). Eight documents are fewer than a block (segment-layout.ts): one
 * segment, the tail, holds them all.
 *
 * | fixture    | outlet | year | 朝鲜                         | 经济 | 台湾 | 选举 |
 * |------------|--------|------|------------------------------|------|------|------|
 * | korea      | rfi    | 2023 | yes                          | no   | no   | no   |
 * | economy    | bbc    | 2023 | no                           | yes  | no   | no   |
 * | sanctions  | dw     | 2023 | yes                          | yes  | no   | no   |
 * | hongkong   | rfi    | 2023 | no                           | no   | no   | yes  |
 * | peninsula  | dw     | 2023 | only inside 北朝鲜, 朝鲜半岛 | no   | no   | no   |
 * | grain      | dw     | 2023 | yes                          | ?    | no   | no   |
 * | talks      | rfi    | 2022 | yes                          | no   | no   | no   |
 * | taiwan-trad| cna    | 2021 | as 朝鮮                      | no   | as 臺灣 | as 選舉 |
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadArchive } from '../src/archive/load-archive.ts';
import { buildSite } from '../src/site/build-site.ts';
import { renderSite } from '../src/site/render-site.ts';
import { indexSearch, type IndexSearchResult } from '../src/site/search/index-search.ts';
import { openSearchIndex, type SearchIndex } from '../src/site/search/client/open-search-index.ts';
import { excerpt } from '../src/site/search/client/excerpt.ts';
import { searchDocs, type SearchDoc } from '../src/site/search/search-doc.ts';
import { MAX_BLOCK_DOCS, segmentLayout } from '../src/site/search/segment-layout.ts';
import { applyStaging } from '../src/cli/publish-output.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import type { SiteConfig } from '../src/site/site-config.ts';
import { foldHan } from '../src/text/fold-han.ts';
import { queryParts } from '../src/text/search-terms.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';
import type { Page } from 'playwright-core';
import { openPage, withBrowser } from './support/browser.ts';

const FIXTURES = ['search', 'search-years', 'search-han'].map((d) => new URL(`./fixtures/${d}/`, import.meta.url).pathname);
const PREFIX = '/sub/';
const config: SiteConfig = { ...DEFAULT_SITE_CONFIG, baseUrl: 'https://example.org', pathPrefix: PREFIX, timeZone: 'Asia/Shanghai' };
const TITLES = {
  korea: '朝鲜再次试射弹道导弹 日本提出抗议',
  economy: '中国第三季度增长放缓 消费依旧疲软',
  sanctions: '联合国报告：制裁之下的平壤外汇收入',
  hongkong: '香港区议会选举改制后首次投票',
  peninsula: '学者谈半岛局势：对话之门并未关闭',
  talks: '朝鲜代表团出席联合国裁军会议',
  grain: '国际组织称朝鲜粮食短缺加剧',
  taiwan: '臺灣國慶 總統談兩岸關係與朝鮮半島局勢',
};

let work: string;
let out: string;
let indexed: IndexSearchResult;
let docs: SearchDoc[];
let index: SearchIndex;

function nodeFiles(root: string) {
  return {
    bytes: async (path: string) => new Uint8Array(readFileSync(join(root, 'search', path))),
    gunzip: async (b: Uint8Array) => new Uint8Array(gunzipSync(b)),
  };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'clippings-search-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  for (const dir of FIXTURES) cpSync(dir, seeds, { recursive: true });
  out = join(work, 'site');
  const archive = await loadArchive(seeds, { timeZone: config.timeZone, outlets: config.outlets, cacheDir: false });
  assert.equal(archive.articles.length, 8, `fixtures rejected: ${JSON.stringify(archive.rejected)}`);
  const site = buildSite(archive, config, { feeds: true, search: true });
  await renderSite(site, out);
  docs = searchDocs(archive.articles, site.lists.article);
  indexed = await indexSearch(out, docs);
  index = await openSearchIndex(nodeFiles(out));
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function titlesFor(query: string, options = {}): Promise<string[]> {
  const { ids } = await index.search(query, options);
  return (await index.docs(ids)).map((d) => d.title).sort();
}

/** The articles whose folded title or text contains the folded query: what search must find. */
function truth(query: string): string[] {
  const q = foldHan(query);
  return docs.filter((d) => foldHan(d.title).includes(q) || foldHan(d.text).includes(q)).map((d) => d.title).sort();
}

test('indexSearch writes the manifest, the fold table, the segment, the chunks and the page script', () => {
  assert.equal(indexed.docs, 8);
  assert.equal(indexed.segments.length, 1);
  assert.deepEqual(indexed.written, indexed.segments);
  assert.deepEqual(indexed.chunks, ['c/0.bin']);
  const manifest = JSON.parse(readFileSync(join(out, 'search', 'index.json'), 'utf8'));
  assert.deepEqual(manifest.segments.map((s: { count: number; buckets: number }) => [s.count, s.buckets]), [[8, 1]]);
  assert.deepEqual(manifest.years, [['2021', 0], ['2022', 1], ['2023', 2]]);
  for (const name of [manifest.fold, 'search.js', 'search.css', 'index.html', 'c/0.bin']) assert.ok(existsSync(join(out, 'search', name)), name);
  assert.ok(!existsSync(join(out, 'pagefind')), 'no Pagefind bundle any more');
});

test('every query finds exactly the articles whose folded text contains it', async () => {
  for (const q of ['朝鲜', '经济', '选举', '导弹', '朝鲜半岛', '弹道导弹', '区议会选举', '网络盗窃加密货币', '台湾', '臺灣', '两岸关系', '联合国', '鬣蜥', 'xyzzy', '朝']) {
    assert.deepEqual(await titlesFor(q), truth(q), q);
  }
  assert.deepEqual(await titlesFor('朝鲜'), [TITLES.korea, TITLES.sanctions, TITLES.peninsula, TITLES.talks, TITLES.grain, TITLES.taiwan].sort());
  assert.deepEqual(await titlesFor('鬣蜥'), []);
});

test('简 and 繁 fold together: 台湾 and 臺灣 find the traditional article, 选举 finds both scripts', async () => {
  assert.deepEqual(await titlesFor('台湾'), [TITLES.taiwan]);
  assert.deepEqual(await titlesFor('臺灣'), [TITLES.taiwan]);
  assert.deepEqual(await titlesFor('選舉'), [TITLES.hongkong, TITLES.taiwan].sort());
  // The excerpt keeps the article's own script and marks what matched.
  const [doc] = await index.docs((await index.search('台湾')).ids);
  const pieces = excerpt(doc!.text, queryParts('台湾', index.fold), index.fold, 60);
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text)[0], '臺灣');
});

test('results sort by relevance or by date, and filter by year, outlet and topic', async () => {
  const byDate = await index.search('朝鲜', { sort: 'date' });
  const dated = await index.docs(byDate.ids);
  const days = dated.map((d) => docs.find((x) => x.url === d.url)!.day);
  assert.deepEqual(days, [...days].sort().reverse(), 'newest first');
  const byRelevance = await index.search('朝鲜');
  assert.equal(byRelevance.ids.length, 6);
  // A title match ranks above text-only matches.
  assert.match((await index.docs(byRelevance.ids.slice(0, 1)))[0]!.title, /朝鲜|朝鮮/);
  assert.deepEqual(Object.fromEntries(byRelevance.years), { 2021: 1, 2022: 1, 2023: 4 });
  assert.deepEqual(await titlesFor('朝鲜', { year: '2022' }), [TITLES.talks]);
  const dw = [...byRelevance.outlets.keys()].find((o) => /DW/.test(o))!;
  const dwTruth = docs.filter((d) => d.outlet === dw && truth('朝鲜').includes(d.title)).map((d) => d.title).sort();
  assert.ok(dwTruth.includes(TITLES.sanctions) && dwTruth.includes(TITLES.peninsula));
  assert.equal(byRelevance.outlets.get(dw), dwTruth.length);
  assert.deepEqual(await titlesFor('朝鲜', { outlet: dw }), dwTruth);
  const topic = [...byRelevance.topics.keys()][0]!;
  assert.ok((await titlesFor('朝鲜', { topic })).length === byRelevance.topics.get(topic));
});

test('results carry the URL with the prefix, outlet, topic and date', async () => {
  for (const d of await index.docs((await index.search('朝鲜')).ids)) {
    assert.match(d.url, /^\/sub\/articles\/[a-z0-9]+\/$/);
    assert.ok(d.outlet && d.topic, JSON.stringify(d));
    assert.match(d.date, /^\d{4}年\d{1,2}月\d{1,2}日$/);
  }
});

test('segments are cut by count: sealed blocks of 64 × 2^k documents, largest first, then the tail', () => {
  assert.deepEqual(segmentLayout(0), []);
  assert.deepEqual(segmentLayout(63), [{ first: 0, count: 63 }]);
  assert.deepEqual(segmentLayout(64), [{ first: 0, count: 64 }]);
  assert.deepEqual(segmentLayout(200), [{ first: 0, count: 128 }, { first: 128, count: 64 }, { first: 192, count: 8 }]);
  // 9,697 documents: 151 blocks = 10010111₂ and 33 more.
  assert.deepEqual(segmentLayout(9697).map((s) => s.count), [8192, 1024, 256, 128, 64, 33]);
  // Past MAX_BLOCK_DOCS, sealed volumes of that size are never merged again.
  assert.deepEqual(segmentLayout(MAX_BLOCK_DOCS * 2 + 70).map((s) => s.count), [MAX_BLOCK_DOCS, MAX_BLOCK_DOCS, 64, 6]);
});

/** `n` small generated documents, one a day from 2020-01-01, to index without a site. */
function manyDocs(n: number): SearchDoc[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const word = ['朝鲜', '经济', '选举', '台湾', '疫苗'][i % 5]!;
    return { title: `第${i}篇：${word}`, url: `/sub/articles/a${i}/`, outlet: ['RFI', 'DW'][i % 2]!, topics: ['国际'], date: day, day, text: `这是第${i}篇关于${word}的报道，${'新闻'.repeat(i % 7)}。` };
  });
}

/** Every file of an index folder, with its bytes (hex). */
function listing(root: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out.push([path, readFileSync(join(root, path)).toString('hex')]);
    }
  };
  walk('');
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Indexes `before` documents, then `after` incrementally as a build does; returns what changed and whether it equals a clean index. */
async function addDocs(all: readonly SearchDoc[], before: number, after: number, name: string) {
  const live = join(work, `${name}-live`);
  const staging = join(work, `${name}-staging`);
  const clean = join(work, `${name}-clean`);
  await indexSearch(live, all.slice(0, before));
  const was = new Map(listing(live));
  mkdirSync(staging);
  const result = await indexSearch(staging, all.slice(0, after), { previousOutput: live });
  applyStaging(staging, live, { replaceDirs: new Set(), remove: result.obsolete });
  const now = new Map(listing(live));
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((f) => was.get(f) !== now.get(f)).sort();
  await indexSearch(clean, all.slice(0, after));
  assert.deepEqual(listing(live), listing(clean), `${name}: the incremental index equals a clean one`);
  return { result, changed };
}

test('adding the newest article rewrites the tail, its chunk and index.json, and equals a clean build', async () => {
  const all = manyDocs(200);
  const { result, changed } = await addDocs(all, 199, 200, 'newest');
  assert.deepEqual(result.written.length, 1, 'only the tail segment is written');
  assert.equal(result.docsIndexed, 8);
  assert.equal(result.chunksWritten, 1);
  // The old tail's two files go, the new tail's two come, the last chunk and index.json change.
  assert.equal(changed.length, 6, changed.join(' '));
  assert.ok(changed.includes('search/c/12.bin') && changed.includes('search/index.json'), changed.join(' '));
});

test('completing a block merges segments without rewriting a chunk, and equals a clean build', async () => {
  const all = manyDocs(256);
  // 255 → 256: 128 + 64 + the tail of 63 + 1 become one sealed segment of 256.
  const { result, changed } = await addDocs(all, 255, 256, 'merge');
  assert.deepEqual(result.written.map((d) => d.replace(/-.*/, '')), ['s0']);
  assert.equal(result.chunksWritten, 1, 'only the last chunk, which gains a document');
  assert.deepEqual(changed.filter((f) => f.startsWith('search/c/')), ['search/c/15.bin']);
  // A day of 150 articles at once, across a block boundary; the reader finds across all segments.
  await addDocs(manyDocs(400), 250, 400, 'day');
  const many = await openSearchIndex(nodeFiles(join(work, 'day-live')));
  assert.deepEqual(many.manifest.segments.map((s) => s.count), [256, 128, 16]);
  const found = await many.search('朝鲜', { sort: 'date' });
  assert.equal(found.ids.length, 80);
  assert.deepEqual((await many.docs(found.ids.slice(0, 3))).map((d) => d.title), ['第395篇：朝鲜', '第390篇：朝鲜', '第385篇：朝鲜']);
  assert.deepEqual((await many.docs([0, 255, 256, 399])).map((d) => d.title.replace(/：.*/, '')), ['第0篇', '第255篇', '第256篇', '第399篇']);
});

test("an article moved to another topic rewrites its segment's facets and its chunk, not the postings", async () => {
  const all = manyDocs(300);
  const moved = all.map((d, i) => (i === 10 ? { ...d, topics: ['社会'] } : d));
  const live = join(work, 'topic-live');
  const staging = join(work, 'topic-staging');
  await indexSearch(live, all);
  const was = new Map(listing(live));
  mkdirSync(staging);
  const result = await indexSearch(staging, moved, { previousOutput: live });
  applyStaging(staging, live, { replaceDirs: new Set(), remove: result.obsolete });
  assert.deepEqual(result.written, [], 'no postings rewritten');
  const now = new Map(listing(live));
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((f) => was.get(f) !== now.get(f)).sort();
  assert.deepEqual(changed.map((f) => f.replace(/-[0-9a-f]{12}/, '-…')), ['search/c/0.bin', 'search/f/0-….bin', 'search/f/0-….bin', 'search/index.json']);
  const clean = join(work, 'topic-clean');
  await indexSearch(clean, moved);
  assert.deepEqual(listing(live), listing(clean));
  const index2 = await openSearchIndex(nodeFiles(live));
  assert.equal((await index2.search('朝鲜', { topic: '社会' })).ids.length, 1);
});

test('an article added in the past rewrites the segments after it, and equals a clean build', async () => {
  const all = manyDocs(300);
  const older = [...all.slice(0, 100), { ...all[100]!, url: '/sub/articles/back/', title: '补记' }, ...all.slice(100)];
  const live = join(work, 'past-live');
  const staging = join(work, 'past-staging');
  const clean = join(work, 'past-clean');
  await indexSearch(live, all);
  mkdirSync(staging);
  const result = await indexSearch(staging, older, { previousOutput: live });
  applyStaging(staging, live, { replaceDirs: new Set(), remove: result.obsolete });
  await indexSearch(clean, older);
  assert.deepEqual(listing(live), listing(clean));
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

const resultTitles = (page: Page) => page.$$eval('.search-result h2 a', (els) => els.map((el) => el.textContent ?? ''));

test('in Chromium under /sub/: ?q=朝鲜 shows six hits with outlet, topic, date and marks; sorting, the year filter and folding work', async () => {
  const server: StaticServer = await serveStatic(out, { prefix: PREFIX });
  try {
    await withBrowser(async (browser) => {
      const tab = await openPage(browser, `${server.url}search/?q=${encodeURIComponent('朝鲜')}`);
      await resultCount(tab.page, 6, 20_000);
      const items = await tab.page.$$eval('.search-result', (els) =>
        els.map((el) => ({
          href: el.querySelector('h2 a')?.getAttribute('href') ?? '',
          meta: el.querySelector('.meta')?.textContent ?? '',
          marks: [...el.querySelectorAll('mark')].map((m) => m.textContent),
        })),
      );
      for (const i of items) {
        assert.match(i.href, /^\/sub\/articles\/[a-z0-9]+\/$/);
        assert.match(i.meta, /^.+ · .+ · \d{4}年\d{1,2}月\d{1,2}日$/);
        assert.ok(i.marks.length > 0 && i.marks.every((m) => m === '朝鲜' || m === '朝鮮'), JSON.stringify(i.marks));
      }
      assert.match((await tab.page.textContent('#search-status')) ?? '', /找到 6 篇/);
      assert.equal(await tab.page.isHidden('#search-nojs'), true);
      // Sort by date: newest first; the address keeps it.
      await tab.page.selectOption('#search-sort', 'date');
      await tab.page.waitForURL(/sort=date/);
      await resultCount(tab.page, 6);
      const byDate = await resultTitles(tab.page);
      assert.equal(byDate[byDate.length - 1], TITLES.taiwan, 'the 2021 article comes last');
      assert.equal(byDate[byDate.length - 2], TITLES.talks);
      // Year filter, with counts in the menu.
      assert.deepEqual(await tab.page.$$eval('#search-year option', (os) => os.map((o) => o.textContent)), ['全部年份', '2023（4）', '2022（1）', '2021（1）']);
      await tab.page.selectOption('#search-year', '2022');
      await resultCount(tab.page, 1);
      assert.deepEqual(await resultTitles(tab.page), [TITLES.talks]);
      assert.match(tab.page.url(), /year=2022/);
      await tab.page.selectOption('#search-year', '');
      // Folding: a traditional query finds the simplified articles and the traditional one.
      await tab.page.fill('#search-q', '選舉');
      await tab.page.press('#search-q', 'Enter');
      await resultCount(tab.page, 2);
      assert.deepEqual((await resultTitles(tab.page)).sort(), [TITLES.hongkong, TITLES.taiwan].sort());
      await tab.page.fill('#search-q', '台湾');
      await tab.page.press('#search-q', 'Enter');
      await resultCount(tab.page, 1);
      assert.deepEqual(await tab.page.$$eval('.search-result mark', (ms) => [...new Set(ms.map((m) => m.textContent))]), ['臺灣']);
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

test('in Chromium, results come 10 to a page: next and previous pages, the page number in the address', async () => {
  // 23 small articles, one a day, each mentioning 制裁 once: three pages, newest first by date.
  const seeds = join(work, 'paged-seeds');
  mkdirSync(seeds);
  for (let i = 0; i < 23; i++) {
    const day = String(i + 1).padStart(2, '0');
    writeFileSync(
      join(seeds, `${i}.md`),
      `<!--${Date.UTC(2023, 4, i + 1, 4)}-->\n[第${i + 1}篇报道](https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/202305${day}-paged-${i})\n------\n\n<p>第${i + 1}篇：联合国讨论新的制裁措施。</p>\n`,
    );
  }
  const paged = join(work, 'paged');
  const archive = await loadArchive(seeds, { timeZone: config.timeZone, outlets: config.outlets, cacheDir: false });
  const site = buildSite(archive, { ...config, pathPrefix: '/' }, { feeds: false, search: true });
  await renderSite(site, paged);
  await indexSearch(paged, searchDocs(archive.articles, site.lists.article));
  const server: StaticServer = await serveStatic(paged);
  try {
    await withBrowser(async (browser) => {
      const tab = await openPage(browser, `${server.url}search/?q=${encodeURIComponent('制裁')}&sort=date`);
      await resultCount(tab.page, 10, 20_000);
      assert.match((await tab.page.textContent('#search-status')) ?? '', /找到 23 篇.*第 1\/3 页/);
      assert.equal((await resultTitles(tab.page))[0], '第23篇报道');
      await tab.page.getByRole('button', { name: '下一页' }).click();
      await tab.page.waitForURL(/page=2/);
      await tab.page.locator('#search-status', { hasText: '第 2/3 页' }).waitFor();
      assert.deepEqual(await resultTitles(tab.page), Array.from({ length: 10 }, (_, i) => `第${13 - i}篇报道`));
      await tab.page.getByRole('button', { name: '下一页' }).click();
      await tab.page.locator('#search-status', { hasText: '第 3/3 页' }).waitFor();
      await resultCount(tab.page, 3);
      assert.equal(await tab.page.getByRole('button', { name: '下一页' }).isDisabled(), true);
      await tab.page.getByRole('button', { name: '上一页' }).click();
      await tab.page.locator('#search-status', { hasText: '第 2/3 页' }).waitFor();
      assert.deepEqual(tab.problems(), []);
      await tab.close();
    });
  } finally {
    await server.close();
  }
});

test('in Chromium, when the index cannot load the page says so and offers the archives', async () => {
  const broken = join(work, 'broken');
  cpSync(out, broken, { recursive: true });
  rmSync(join(broken, 'search', 'index.json'));
  const server: StaticServer = await serveStatic(broken, { prefix: PREFIX });
  try {
    await withBrowser(async (browser) => {
      const tab = await openPage(browser, `${server.url}search/?q=${encodeURIComponent('朝鲜')}`);
      await tab.page.locator('#search-status', { hasText: '搜索索引无法加载' }).waitFor({ timeout: 10_000 });
      assert.equal(await tab.page.isVisible('#search-nojs'), true);
      assert.equal(await tab.page.locator('.search-result').count(), 0);
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
