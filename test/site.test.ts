import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, streamSite } from '../src/site/build-site.ts';
import { searchDocs } from '../src/site/search/search-doc.ts';
import { collectGarbage } from '../src/runtime/collect-garbage.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { html, safeUrl, sanitizedBody, toString } from '../src/site/html.ts';
import type { SiteConfig } from '../src/site/site-config.ts';
import type { ArticlePage, IndexPage, MonthPage, PageLink, SiteModel } from '../src/site/site-model.ts';
import { makeArchive, makeArticle } from './support/make-article.ts';

const SEED_MS = 1693421125000; // 2023-08-30T18:45:25Z = 2023-08-31 02:45 in Shanghai
const config = (over: Partial<SiteConfig> = {}): SiteConfig => ({ ...DEFAULT_SITE_CONFIG, ...over });
const china = { label: '中国', slug: 'zhong-guo' };
const world = { label: '国际', slug: 'guo-ji' };

/** 45 articles an hour apart, every third in 中国, the rest in 国际; two outlets. */
function sample(over: Partial<SiteConfig> = {}): SiteModel {
  const articles = Array.from({ length: 45 }, (_, i) =>
    makeArticle({
      publishedAt: SEED_MS - i * 3_600_000,
      topic: i % 3 === 0 ? china : world,
      outlet: i % 2 === 0 ? { key: 'rfi', name: 'RFI' } : { key: 'dw', name: 'DW' },
    }),
  );
  return buildSite(makeArchive(articles), config(over));
}

test('every page has a unique, safe output path and a URL under the prefix', () => {
  const site = sample({ pathPrefix: '/sub/' });
  const paths = site.pages.map((p) => p.path);
  assert.equal(new Set(paths).size, paths.length);
  for (const p of site.pages) {
    assert.match(p.path, /^(([a-z0-9-]+\/)*index\.html|404\.html)$/, p.path);
    assert.ok(p.url.startsWith('/sub/'), p.url);
    assert.equal(p.path === '404.html' ? '/sub/404.html' : `/sub/${p.path.replace(/index\.html$/, '')}`, p.url);
    assert.ok(p.canonicalUrl.startsWith('http://localhost:8080/sub/'), p.canonicalUrl);
  }
  const kinds = new Set<string>(site.pages.map((p) => p.kind));
  for (const k of ['article', 'home', 'topicList', 'topic', 'outletList', 'outlet', 'archive', 'year', 'month', 'day', 'notFound']) assert.ok(kinds.has(k), k);
  assert.equal(site.lists.article.length, 45);
});

test('a streamed site builds its article pages one at a time, on demand, and equals buildSite', () => {
  const articles = Array.from({ length: 12 }, (_, i) =>
    makeArticle({ publishedAt: SEED_MS - i * 7_200_000, topic: i % 2 === 0 ? china : world, ...(i % 2 === 1 ? { secondTopic: china } : {}) }),
  );
  // A recaptured article has a changes page, made from its article page.
  const first = articles[3]!;
  const older = { ...first.captures[0]!, capturedAt: first.publishedAt - 3_600_000, title: `${first.title}（旧）` };
  articles[3] = makeArticle({ ...first, captures: [{ ...first.captures[0]!, capturedAt: first.publishedAt + 3_600_000 }, older] });
  const archive = makeArchive(articles);
  const options = { feeds: true, search: true };
  const site = buildSite(archive, config(), options);
  const streamed = streamSite(archive, config(), options);
  assert.deepEqual(streamed.lists.article, [], 'no article page is held');
  assert.equal(streamed.articleCount, 12);
  assert.equal(streamed.pageCount, site.pages.length);
  assert.equal(site.lists.changes.length, 1);
  const json = (x: unknown): string => JSON.stringify(x);
  assert.equal(json({ ...streamed.lists, article: site.lists.article }), json(site.lists), 'every other list as buildSite makes it');
  assert.equal(json(streamed.publish), json(site.publish), 'feeds and the sitemap, which lists the article pages');
  assert.equal(json(streamed.shell), json(site.shell));
  site.lists.article.forEach((page, i) => {
    assert.equal(json(streamed.articlePage(i)), json(page));
    assert.notEqual(streamed.articlePage(i), streamed.articlePage(i), 'built anew by each call, held by nobody');
    assert.equal(streamed.articleUrl(archive.articles[i]!), page.url);
  });
  assert.equal(json(searchDocs(archive.articles, streamed.articleUrl)), json(searchDocs(archive.articles, site.lists.article)), 'search documents from the articles');
});

test('search documents made from a URL function do not keep it (nor the streamed site it refers to)', async () => {
  const archive = makeArchive(Array.from({ length: 3 }, (_, i) => makeArticle({ publishedAt: SEED_MS - i * 3_600_000 })));
  let urlOf: ((a: { slug: string }) => string) | undefined = (a) => `/articles/${a.slug}/`;
  const gone = new WeakRef(urlOf);
  const docs = searchDocs(archive.articles, urlOf);
  urlOf = undefined;
  await new Promise((resolve) => setImmediate(resolve)); // a WeakRef holds its target until the turn ends
  collectGarbage();
  assert.equal(gone.deref(), undefined);
  assert.equal(docs[0]!.text, archive.articles[2]!.text, 'the text is still read through the article');
});

test('keys that are not safe path segments stop the build', () => {
  for (const bad of [{ slug: '../../etc' }, { slug: 'A1' }, { topic: { label: 'x', slug: 'a/b' } }, { outlet: { key: '..', name: 'x' } }]) {
    assert.throws(() => buildSite(makeArchive([makeArticle(bad)]), config()), /unsafe/);
  }
  assert.throws(() => buildSite(makeArchive([]), config({ pathPrefix: '/../' })), /pathPrefix/);
});

test('list pages are numbered from the oldest; the first page shows the two newest pages', () => {
  const site = sample({ pageSize: 20, v01PageRedirects: true });
  const home = site.lists.home;
  assert.deepEqual(home.map((p) => p.url), ['/', '/p/1/', '/p/2/', '/p/3/']);
  assert.deepEqual(home.map((p) => p.entries.length), [25, 20, 20, 5]);
  // The first page holds pages 3 and 2; reading on goes to page 1, with no article twice.
  const [first, p1, p2, p3] = home as [IndexPage, IndexPage, IndexPage, IndexPage];
  assert.deepEqual(first.entries, [...p3.entries, ...p2.entries]);
  assert.equal(first.pagination?.nextUrl, '/p/1/');
  assert.equal(first.summary, '共 45 篇');
  assert.equal(p2.pagination?.prevUrl, '/p/3/');
  assert.equal(p2.pagination?.nextUrl, '/p/1/');
  assert.equal(p3.pagination?.prevUrl, '/');
  assert.equal(p1.pagination?.nextUrl, undefined);
  assert.deepEqual(p2.pagination?.pages.map((l) => ('gap' in l ? '…' : (l.label ?? (l.current ? `[${l.number}]` : l.number)))), ['最新', 3, '[2]', 1]);
  assert.equal(p2.heading, `${first.heading}（第 2 页）`);
  assert.match(p2.summary, /^2023年8月\d+日(至8月\d+日)?$/); // the days it covers, not the list's count
  // The old newest-first addresses send readers to the first page (redirect pages where the config asks).
  const redirects = site.lists.redirect.filter((r) => !r.url.startsWith('/topics/') && !r.url.startsWith('/outlets/'));
  assert.deepEqual(redirects.map((r) => [r.url, r.target.url, r.noindex]), [['/page/2/', '/', true], ['/page/3/', '/', true]]);
  assert.ok(!site.publish.sitemaps.some((m) => /<loc>https?:\/\/[^/]+\/page\/2\/<\/loc>/.test(m.xml)));
  assert.equal(site.lists.topic.filter((p) => /^\/topics\/guo-ji\/(p\/\d+\/)?$/.test(p.url)).length, 3); // 30 articles: first page + 2
  assert.equal(site.lists.topic.filter((p) => /^\/topics\/zhong-guo\/(p\/\d+\/)?$/.test(p.url)).length, 1); // 15 articles
  const topics = site.lists.topicList[0];
  assert.deepEqual(topics?.items.map((i) => [i.label, i.count]).sort(), [['中国', 15], ['国际', 30]]);
  // Entries are light: no body.
  assert.ok(!JSON.stringify(home[0]).includes('<p>'));
});

test('lists hold 50 articles a page by default; old page/<n>/ redirect pages, when asked for, only where v0.1 (20 a page) published them', () => {
  // 120 articles in topic china: 90 from a section labelled 中国 (filed there by v0.1 too), 30 classified by content.
  const articles = Array.from({ length: 120 }, (_, i) =>
    makeArticle({
      publishedAt: SEED_MS - i * 3_600_000,
      topic: { label: '中国', slug: 'china' },
      ...(i < 90 ? { section: { key: '中国', label: '中国' } } : {}),
    }),
  );
  const site = buildSite(makeArchive(articles), { ...DEFAULT_SITE_CONFIG, v01PageRedirects: true });
  assert.deepEqual(site.lists.home.map((p) => p.url), ['/', '/p/1/', '/p/2/', '/p/3/']);
  assert.deepEqual(site.lists.home.map((p) => p.entries.length), [70, 50, 50, 20]);
  const old = (prefix: string): string[] => site.lists.redirect.map((r) => r.url).filter((u) => u.startsWith(prefix) && u.includes('/page/'));
  // v0.1 listed the home page 20 a page: pages 2–6 of 120 articles.
  assert.deepEqual(old('/page/'), ['/page/2/', '/page/3/', '/page/4/', '/page/5/', '/page/6/']);
  // v0.1's /topics/china/ held the 90 articles of sections labelled 中国: pages 2–5.
  assert.deepEqual(old('/topics/china/'), ['/topics/china/page/2/', '/topics/china/page/3/', '/topics/china/page/4/', '/topics/china/page/5/']);
});

test('a topic that v0.1 did not have gets no page/<n>/ redirects', () => {
  const articles = Array.from({ length: 60 }, (_, i) => makeArticle({ publishedAt: SEED_MS - i * 3_600_000, topic: { label: '新话题', slug: 'brand-new' } }));
  const site = buildSite(makeArchive(articles), { ...DEFAULT_SITE_CONFIG, v01PageRedirects: true });
  assert.deepEqual(site.lists.redirect.filter((r) => r.url.startsWith('/topics/brand-new/')), []);
});

test('a numbered list page stays the same when newer articles are added', () => {
  const newestFirst = Array.from({ length: 153 }, (_, i) => makeArticle({ publishedAt: SEED_MS - i * 60_000 }));
  const before = buildSite(makeArchive(newestFirst.slice(3)), config({ pageSize: 10 }));
  const after = buildSite(makeArchive(newestFirst), config({ pageSize: 10 }));
  const byPath = new Map(after.lists.home.map((p) => [p.path, JSON.stringify(p)]));
  const changed = before.lists.home.filter((p) => byPath.get(p.path) !== JSON.stringify(p)).map((p) => p.url);
  // Page 16 is new; the first page and the pages whose window reaches it (13–15) change.
  assert.deepEqual(changed, ['/', '/p/13/', '/p/14/', '/p/15/']);
});

test('a long pagination shows the newest, a window around the current page and the oldest', () => {
  const articles = Array.from({ length: 200 }, (_, i) => makeArticle({ publishedAt: SEED_MS - i * 60_000 }));
  const site = buildSite(makeArchive(articles), config({ pageSize: 2 }));
  const label = (l: PageLink) => ('gap' in l ? '…' : (l.label ?? (l.current ? `[${l.number}]` : l.number)));
  const p50 = site.lists.home.find((p) => p.url === '/p/50/')?.pagination;
  assert.deepEqual(p50?.pages.map(label), ['最新', '…', 52, 51, '[50]', 49, 48, '…', 1]);
  assert.deepEqual(site.lists.home[0]?.pagination?.pages.map(label), ['最新', 98, 97, 96, '…', 1]);
});

test('article pages link the newer and older article of the same day and of the same topic', () => {
  const site = sample();
  const byTitle = new Map(site.lists.article.map((p) => [p.article.title, p]));
  const article = (n: number) => site.lists.article[n] as ArticlePage;
  // Articles 0,1,2 are on 2023-08-31 (02:45, 01:45, 00:45 in Shanghai); article 3 is on the 30th.
  assert.equal(article(0).newerInDay, undefined);
  assert.equal(article(0).olderInDay?.url, article(1).url);
  assert.equal(article(2).olderInDay, undefined);
  assert.equal(article(3).newerInDay, undefined);
  // Same topic: 0, 3, 6 … are 中国.
  assert.equal(article(3).newerInTopic?.url, article(0).url);
  assert.equal(article(3).olderInTopic?.url, article(6).url);
  assert.ok(byTitle.size === 45);
});

test('the day of 1693421125000 is 2023-08-31 in Asia/Shanghai and 2023-08-30 in UTC', () => {
  for (const [timeZone, day, url, display] of [
    ['Asia/Shanghai', '2023-08-31', '/archive/2023/08/31/', '2023年8月31日 02:45 (GMT+8)'],
    ['UTC', '2023-08-30', '/archive/2023/08/30/', '2023年8月30日 18:45 (GMT+0)'],
  ] as const) {
    const a = makeArticle({ publishedAt: SEED_MS, title: '种子' }, { timeZone });
    assert.equal(a.keys.day, day);
    const site = buildSite(makeArchive([a]), config({ timeZone }));
    const dayPage = site.lists.day.find((p) => p.url === url);
    assert.ok(dayPage, `${timeZone}: day page ${url}`);
    assert.deepEqual(dayPage.entries.map((e) => e.title), ['种子']);
    const page = site.lists.article[0] as ArticlePage;
    assert.equal(page.article.day.url, url);
    assert.equal(page.article.published.display, display);
  }
  // An archive loaded in another zone than the site's is refused, not silently misfiled.
  const utc = makeArticle({ publishedAt: SEED_MS }, { timeZone: 'UTC' });
  assert.throws(() => buildSite(makeArchive([utc]), config({ timeZone: 'Asia/Shanghai' })), /does not match/);
});

test('month calendars start on Monday and carry the count of each day', () => {
  const site = sample();
  const august = site.lists.month.find((p) => p.url === '/archive/2023/08/') as MonthPage;
  const cells = august.calendar.weeks.flat();
  assert.equal(cells.length % 7, 0);
  assert.equal(cells.findIndex((c) => c?.day === 1), 1); // 2023-08-01 was a Tuesday
  const count = (d: number) => cells.find((c) => c?.day === d);
  assert.equal(count(31)?.count, 3); // 00:45, 01:45, 02:45
  assert.equal(count(30)?.count, 24);
  assert.equal(count(29)?.count, 18);
  assert.equal(count(30)?.url, '/archive/2023/08/30/');
  assert.equal(count(1)?.url, undefined);
  assert.equal(count(30)?.level, 4);
  assert.equal(august.calendar.count, 45);
  const year = site.lists.year[0];
  assert.equal(year?.months.length, 12);
  assert.equal(year?.months[7]?.url, '/archive/2023/08/');
  assert.equal(year?.months[0]?.url, undefined);
});

test('long titles are shortened in lists and <title>, kept whole in the article heading', () => {
  const title = '长'.repeat(5000);
  const site = buildSite(makeArchive([makeArticle({ title })]), config());
  const page = site.lists.article[0] as ArticlePage;
  assert.equal(page.article.title, title);
  assert.ok(page.title.length < 200);
  assert.ok((site.lists.home[0]?.entries[0]?.title.length ?? 0) <= 120);
  assert.ok(JSON.stringify(site.lists.home[0]).length < 5000);
});

test('html escapes every interpolation; only sanitizedBody is raw', () => {
  const title = '<script>alert(1)</script> "q" \'s </title>';
  const out = toString(html`<title>${title}</title><a title="${title}" href="${safeUrl('javascript:alert(1)')}">${[title, html`<b>ok</b>`]}</a>${sanitizedBody('<p>body</p>')}`);
  assert.ok(!out.includes('<script>'));
  assert.ok(!out.includes('</title> '));
  assert.equal((out.match(/<\/title>/g) ?? []).length, 1);
  assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;s &lt;/title&gt;'));
  assert.ok(out.includes('href="#"'));
  assert.ok(out.includes('<b>ok</b>') && out.includes('<p>body</p>'));
  assert.equal(safeUrl('https://www.rfi.fr/cn/x?a=1&b=2'), 'https://www.rfi.fr/cn/x?a=1&b=2');
  assert.equal(safeUrl('/topics/x/'), '/topics/x/');
  for (const bad of ['//evil.example/', 'data:text/html,x', ' javascript:x', 'JAVASCRIPT:x', '/\\evil']) assert.equal(safeUrl(bad), '#', bad);
});
