/**
 * Feeds, sitemap and robots.txt of a rendered site: every feed parses as Atom, holds the newest 50
 * of its list in order with the articles' own times, survives hostile titles, and is linked from
 * its pages; the sitemap lists every page (absolute URLs) and nothing else.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { buildSite } from '../src/site/build-site.ts';
import { renderSite } from '../src/site/render-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { renderAtom } from '../src/site/feeds/render-atom.ts';
import { buildSitemaps } from '../src/site/sitemap/build-sitemaps.ts';
import type { SiteConfig } from '../src/site/site-config.ts';
import type { SiteModel } from '../src/site/site-model.ts';
import type { Article } from '../src/article/article.ts';
import { makeArchive, makeArticle } from './support/make-article.ts';

const SEED_MS = 1693421125000;
const BASE = 'https://example.org';
const PREFIX = '/sub/';
const config: SiteConfig = { ...DEFAULT_SITE_CONFIG, baseUrl: BASE, pathPrefix: PREFIX };
/** Markup, CDATA end, entities, a line separator and XML-invalid controls (C0, U+FFFE, a lone surrogate). */
const HOSTILE = '<script>alert(1)</script> & ]]> 朝鲜 ]]]]> &amp; \u2028 "q" \u0001\u0008\u000b\ufffe\ud800 </title>';
const XML_SAFE_HOSTILE = HOSTILE.replace(/[\u0001\u0008\u000b\ufffe\ud800]/g, '');

const topics = [
  { label: '中国', slug: 'zhong-guo' },
  { label: '国际 <b>&', slug: 'guo-ji' },
];
const outlets = [
  { key: 'rfi', name: 'RFI & <co>' },
  { key: 'dw', name: '德国之声' },
];

/** 70 articles, deliberately out of order: every 7th has the hostile title, one has a huge body. */
const articles: Article[] = Array.from({ length: 70 }, (_, i) =>
  makeArticle({
    publishedAt: SEED_MS - ((i * 37) % 70) * 3_600_000,
    topic: topics[i % 3 === 0 ? 0 : 1],
    outlet: outlets[i % 2],
    ...(i % 7 === 0 ? { title: `${HOSTILE} ${i}`, summary: HOSTILE } : {}),
    ...(i === 1 ? { bodyHtml: `<p>${'长'.repeat(70_000)}</p>` } : {}),
  }),
);

let out: string;
let site: SiteModel;
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['entry', 'link', 'url', 'sitemap', 'author', 'category'].includes(name),
});

before(async () => {
  out = await mkdtemp(join(tmpdir(), 'clippings-feeds-'));
  site = buildSite(makeArchive(articles), config, { feeds: true, search: true });
  await renderSite(site, out);
});
after(async () => {
  await rm(out, { recursive: true, force: true });
});

interface AtomEntry {
  title: { '#text': string };
  id: string;
  link: { '@_href': string }[];
  updated: string;
  published: string;
  summary?: { '#text': string };
  content?: { '#text': string };
  author: { name: string }[];
  category: { '@_term': string; '@_label': string }[];
}

async function readFeed(path: string): Promise<{ xml: string; feed: { id: string; title: string; updated: string; link: { '@_rel': string; '@_href': string }[]; entry?: AtomEntry[] } }> {
  const xml = await readFile(join(out, path), 'utf8');
  assert.equal(XMLValidator.validate(xml), true, `${path} is not well-formed XML`);
  return { xml, feed: parser.parse(xml).feed };
}

const decodeHtmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const newestFirst = (list: readonly Article[]) => [...list].sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : 1));

test('one feed for the site, one per topic and one per outlet, each newest 50 in order with real times', async () => {
  const expected: [string, Article[]][] = [
    ['feed.xml', articles],
    ...topics.map((t): [string, Article[]] => [`topics/${t.slug}/feed.xml`, articles.filter((a) => a.topic.slug === t.slug)]),
    ...outlets.map((o): [string, Article[]] => [`outlets/${o.key}/feed.xml`, articles.filter((a) => a.outlet.key === o.key)]),
  ];
  // Plus the feed of stories (test/stories.test.ts).
  assert.deepEqual(site.publish.feeds.map((f) => f.path).sort(), [...expected.map(([p]) => p), 'stories/feed.xml'].sort());
  for (const [path, list] of expected) {
    const { feed } = await readFeed(path);
    const want = newestFirst(list).slice(0, 50);
    const entries = feed.entry ?? [];
    assert.equal(entries.length, Math.min(50, list.length), path);
    assert.deepEqual(entries.map((e) => e.id), want.map((a) => `${BASE}${PREFIX}articles/${a.slug}/`), `${path}: order`);
    assert.deepEqual(entries.map((e) => Date.parse(e.published)), want.map((a) => a.publishedAt), `${path}: published times`);
    assert.deepEqual(entries.map((e) => Date.parse(e.updated)), want.map((a) => a.publishedAt), `${path}: entry updated`);
    // The feed's updated is the newest entry's time, not the build time: rebuilds give the same bytes.
    assert.equal(Date.parse(feed.updated), want[0]?.publishedAt, `${path}: feed updated`);
    assert.equal(feed.id, `${BASE}${PREFIX}${path}`);
    assert.ok(feed.link.some((l) => l['@_rel'] === 'self' && l['@_href'] === `${BASE}${PREFIX}${path}`), `${path}: self link`);
    for (const [i, e] of entries.entries()) {
      const a = want[i]!;
      assert.equal(e.author[0]?.name, a.outlet.name);
      assert.equal(e.category[0]?.['@_term'], a.topic.slug);
      assert.equal(e.link[0]?.['@_href'], e.id);
    }
  }
});

test('hostile titles, summaries, outlet names and topic labels come through as the same text', async () => {
  const { feed } = await readFeed('feed.xml');
  const hostile = (feed.entry ?? []).filter((e) => e.title['#text'].includes('&lt;script'));
  assert.ok(hostile.length >= 5, 'hostile entries are in the newest 50');
  for (const e of hostile) {
    assert.match(decodeHtmlText(e.title['#text']), new RegExp(`^${escapeRegExp(XML_SAFE_HOSTILE)} \\d+$`));
    assert.equal(decodeHtmlText(e.summary?.['#text'] ?? ''), XML_SAFE_HOSTILE);
  }
  const names = new Set((feed.entry ?? []).map((e) => e.author[0]?.name));
  assert.ok(names.has('RFI & <co>'));
  const labels = new Set((feed.entry ?? []).map((e) => e.category[0]?.['@_label']));
  assert.ok(labels.has('国际 ＜b>&'), 'a "<" in an attribute is replaced by its full-width form');
  const topicFeed = await readFeed('topics/guo-ji/feed.xml');
  assert.equal(topicFeed.feed.title, `国际 <b>& · ${config.title}`);
});

test('renderAtom keeps the XML well-formed whatever the body holds, and splits nothing into a second CDATA', () => {
  const xml = renderAtom({
    kind: 'feed', path: 'feed.xml', url: '/feed.xml', selfUrl: `${BASE}/feed.xml`, pageUrl: `${BASE}/`,
    title: HOSTILE, subtitle: HOSTILE, language: 'zh-CN', updated: SEED_MS,
    entries: [{
      url: `${BASE}/articles/ab/`, title: HOSTILE, published: SEED_MS, summary: HOSTILE, author: HOSTILE,
      category: { term: 'x', label: HOSTILE }, contentHtml: `<p>a ]]> b ]]> c \u0000</p>`,
    }],
  });
  assert.equal(XMLValidator.validate(xml), true);
  assert.ok(!xml.includes('\u0001') && !xml.includes('\u0000') && !xml.includes('\ufffe'));
  const entry = parser.parse(xml).feed.entry[0] as AtomEntry;
  assert.equal(entry.content?.['#text'], '<p>a ]]&gt; b ]]&gt; c </p>');
  assert.equal(decodeHtmlText(entry.title['#text']), XML_SAFE_HOSTILE);
});

test('a body too large for a feed goes in as summary only', async () => {
  const big = articles[1]!;
  const { feed } = await readFeed(`outlets/${big.outlet.key}/feed.xml`);
  const entry = (feed.entry ?? []).find((e) => e.id.endsWith(`/articles/${big.slug}/`));
  assert.ok(entry, 'the big article is in its outlet feed');
  assert.equal(entry.content, undefined);
  assert.ok(entry.summary);
  const normal = (feed.entry ?? []).find((e) => e !== entry);
  assert.ok(normal?.content?.['#text'].startsWith('<p>'));
});

test('pages link their feeds with <link rel="alternate" type="application/atom+xml">, and the files exist', async () => {
  const alternates = async (path: string) => {
    const tree = fromHtml(await readFile(join(out, path), 'utf8'));
    return selectAll('link[rel="alternate"][type="application/atom+xml"]', tree).map((n) => ({
      href: String(n.properties.href),
      title: String(n.properties.title ?? ''),
    }));
  };
  const siteFeed = { href: `${PREFIX}feed.xml`, title: config.title };
  assert.deepEqual(await alternates('index.html'), [siteFeed]);
  assert.deepEqual(await alternates('topics/guo-ji/index.html'), [siteFeed, { href: `${PREFIX}topics/guo-ji/feed.xml`, title: '国际 <b>&' }]);
  assert.deepEqual(await alternates('outlets/dw/index.html'), [siteFeed, { href: `${PREFIX}outlets/dw/feed.xml`, title: '德国之声' }]);
  assert.deepEqual(await alternates(`articles/${articles[0]!.slug}/index.html`), [siteFeed]);
  for (const feed of site.publish.feeds) assert.ok(existsSync(join(out, feed.path)), feed.path);
});

test('sitemap.xml lists every page by absolute URL (the 404 page and redirects excepted) and nothing else', async () => {
  const xml = await readFile(join(out, 'sitemap.xml'), 'utf8');
  assert.equal(XMLValidator.validate(xml), true);
  const locs: string[] = parser.parse(xml).urlset.url.map((u: { loc: string }) => u.loc);
  const want = site.pages.filter((p) => p.kind !== 'notFound' && p.noindex !== true).map((p) => `${BASE}${p.url}`);
  assert.deepEqual([...locs].sort(), [...want].sort());
  assert.equal(new Set(locs).size, locs.length, 'no URL twice');
  for (const loc of locs) assert.ok(loc.startsWith(`${BASE}${PREFIX}`), loc);
  assert.ok(locs.includes(`${BASE}${PREFIX}search/`));
  assert.ok(!locs.some((l) => l.endsWith('.xml') || l.endsWith('404.html')));
});

test('robots.txt allows crawling and names the absolute sitemap URL', async () => {
  const robots = await readFile(join(out, 'robots.txt'), 'utf8');
  assert.equal(robots, `User-agent: *\nAllow: /\n\nSitemap: ${BASE}${PREFIX}sitemap.xml\n`);
});

test('past the threshold, sitemap.xml becomes an index of sitemap-N.xml parts that hold every URL once', () => {
  const pages = Array.from({ length: 7 }, (_, i) => ({ url: `/p/${i}/` }));
  const files = buildSitemaps(pages, { pathPrefix: '/p/', absolute: (u) => `${BASE}${u}`, maxUrlsPerFile: 3 });
  assert.deepEqual(files.map((f) => f.path), ['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
  for (const f of files) assert.equal(XMLValidator.validate(f.xml), true, f.path);
  const index = parser.parse(files[0]!.xml).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  assert.deepEqual(index, [1, 2, 3].map((n) => `${BASE}/p/sitemap-${n}.xml`));
  const all = files.slice(1).flatMap((f) => parser.parse(f.xml).urlset.url.map((u: { loc: string }) => u.loc));
  assert.deepEqual(all, pages.map((p) => `${BASE}${p.url}`));
  assert.equal(buildSitemaps(pages, { pathPrefix: '/p/', absolute: (u) => u, maxUrlsPerFile: 7 }).length, 1, 'at the threshold: one file');
  assert.throws(() => buildSitemaps(pages, { pathPrefix: '/', absolute: (u) => u, maxUrlsPerFile: 50_001 }), RangeError);
});

test('the split sitemap is rendered too, a part per year of articles and one for the other pages, and robots.txt names the index', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-sitemap-'));
  try {
    const small = buildSite(makeArchive(articles.slice(0, 12)), config, { feeds: true, sitemapMaxUrls: 10 });
    await renderSite(small, dir);
    const listed = small.pages.filter((p) => p.kind !== 'notFound' && p.kind !== 'redirect' && p.noindex !== true);
    const index: { loc: string }[] = parser.parse(await readFile(join(dir, 'sitemap.xml'), 'utf8')).sitemapindex.sitemap;
    const names = index.map((s) => s.loc.slice(s.loc.lastIndexOf('/') + 1));
    assert.ok(names.every((n) => /^sitemap-(articles-\d{4}|pages)(-\d+)?\.xml$/.test(n)), names.join());
    let total = 0;
    for (const name of names) {
      const urls = parser.parse(await readFile(join(dir, name), 'utf8')).urlset.url;
      total += Array.isArray(urls) ? urls.length : 1;
    }
    assert.equal(total, listed.length);
    assert.match(await readFile(join(dir, 'robots.txt'), 'utf8'), /Sitemap: https:\/\/example\.org\/sub\/sitemap\.xml\n/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
