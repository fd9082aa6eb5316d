/**
 * renderDirect (src/site/render-direct.ts), which renders an incremental build's few pages without
 * Eleventy, writes exactly what renderSite (Eleventy) writes: every page kind, the feeds, sitemaps,
 * robots.txt, _redirects and public/, all of them or a chosen few.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { renderDirect } from '../src/site/render-direct.ts';
import { renderSite } from '../src/site/render-site.ts';
import { makeArchive, makeArticle } from './support/make-article.ts';
import { assertSameTree, snapshotTree } from './support/snapshot-tree.ts';

const HOSTILE = '<script>alert(1)</script> "引号" </title><b>x</b>';
const articles = Array.from({ length: 30 }, (_, i) => {
  const publishedAt = 1693421125000 - i * 5_400_000;
  const title = i === 0 ? HOSTILE : `第 ${i} 篇：台风过境 ${i % 3 === 0 ? '上海' : '北京'}`;
  const bodyHtml = `<p>正文 ${i}<a href="https://example.com/x">外链</a></p>`;
  return makeArticle({
    publishedAt,
    title,
    topic: i % 2 ? { label: '国际', slug: 'guo-ji' } : { label: '中国', slug: 'zhong-guo' },
    hero: i === 1 ? { src: 'https://img.example/a.jpg', alt: '图', width: 640, height: 360 } : undefined,
    bodyHtml,
    // Two captures: a changes page.
    ...(i === 2 ? { captures: [
      { capturedAt: publishedAt + 3_600_000, title: `${title}（更新）`, text: '新', bodyHtml: `${bodyHtml}<p>更新</p>`, sourcePath: 'content/rfi/b.md', contentHash: 'b'.repeat(64) },
      { capturedAt: publishedAt, title, text: '旧', bodyHtml, sourcePath: 'content/rfi/a.md', contentHash: 'a'.repeat(64) },
    ] } : {}),
  });
});
const site = buildSite(makeArchive(articles), { ...DEFAULT_SITE_CONFIG, pageSize: 10, v01PageRedirects: true }, { feeds: true, search: true });

async function bothWays(t: { after(fn: () => Promise<void>): void }, only?: ReadonlySet<string>): Promise<[Map<string, string>, Map<string, string>]> {
  const eleventy = await mkdtemp(path.join(tmpdir(), 'clippings-eleventy-'));
  const direct = await mkdtemp(path.join(tmpdir(), 'clippings-direct-'));
  t.after(() => rm(eleventy, { recursive: true, force: true }));
  t.after(() => rm(direct, { recursive: true, force: true }));
  const a = await renderSite(site, eleventy, only ? { only } : {});
  const b = await renderDirect(site, direct, only ? { only } : {});
  assert.equal(b.pagesWritten, a.pagesWritten);
  return [await snapshotTree(direct), await snapshotTree(eleventy)];
}

test('renderDirect writes the same files, byte for byte, as Eleventy: every page kind and published file', async (t) => {
  const kinds = new Set(site.pages.map((p) => p.kind));
  for (const kind of ['article', 'changes', 'home', 'topic', 'topicList', 'outlet', 'outletList', 'archive', 'year', 'month', 'day', 'notFound', 'search', 'redirect', 'storyList']) {
    assert.ok(kinds.has(kind as never), `the fixture has a ${kind} page`);
  }
  const [direct, eleventy] = await bothWays(t);
  assert.ok(eleventy.has('robots.txt') && eleventy.has('feed.xml') && eleventy.has('sitemap.xml') && eleventy.has('_redirects') && eleventy.has('css/site.css'));
  assertSameTree(direct, eleventy);
});

test('renderDirect with `only` writes the same few files as Eleventy', async (t) => {
  const only = new Set([site.pages.find((p) => p.kind === 'article')!.path, 'index.html', 'feed.xml', 'robots.txt']);
  const [direct, eleventy] = await bothWays(t, only);
  assert.ok(direct.has('index.html') && !direct.has('404.html'));
  assertSameTree(direct, eleventy);
});
