import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { buildSite } from '../src/site/build-site.ts';
import { renderSite } from '../src/site/render-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { makeArchive, makeArticle } from './support/make-article.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = '<script>alert(1)</script> "引号" </title><b>x</b>';
const articles = Array.from({ length: 30 }, (_, i) =>
  makeArticle({
    publishedAt: 1693421125000 - i * 5_400_000,
    title: i === 0 ? HOSTILE : undefined,
    topic: i % 2 ? { label: '国际', slug: 'guo-ji' } : { label: '中国', slug: 'zhong-guo' },
    hero: i === 1 ? { src: 'https://img.example/a.jpg', alt: '图', width: 640, height: 360 } : undefined,
    bodyHtml: '<p>正文<a href="https://example.com/x">外链</a></p><table><tr><td>1</td></tr></table>',
  }),
);
const site = buildSite(makeArchive(articles), { ...DEFAULT_SITE_CONFIG, pageSize: 10, v01PageRedirects: true });

test('renderSite writes every page, and each is a complete, safe document', async (t) => {
  const out = await mkdtemp(path.join(tmpdir(), 'clippings-site-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const { pagesWritten } = await renderSite(site, out);
  assert.equal(pagesWritten, site.pages.length);
  await stat(path.join(out, 'css/site.css'));

  const files = new Set<string>();
  for (const p of site.pages) {
    const doc = parse(await readFile(path.join(out, p.path), 'utf8'));
    files.add(p.path);
    if (p.kind === 'redirect') {
      // An old address: small, no script, canonical and meta refresh to the new place.
      assert.equal(attr(find(doc, (e) => e.tagName === 'html')[0], 'lang'), 'zh-CN', p.path);
      assert.equal(attr(find(doc, (e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')[0], 'href'), `http://localhost:8080${p.target.url}`);
      assert.equal(attr(find(doc, (e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'refresh')[0], 'content'), `0; url=${p.target.url}`);
      assert.equal(find(doc, (e) => e.tagName === 'script').length, 0, p.path);
      continue;
    }
    const htmlEl = find(doc, (e) => e.tagName === 'html')[0];
    assert.equal(attr(htmlEl, 'lang'), 'zh-CN', p.path);
    const csp = find(doc, (e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy')[0];
    assert.match(attr(csp, 'content') ?? '', /default-src 'self'.*script-src 'self'.*object-src 'none'/, p.path);
    assert.equal(find(doc, (e) => e.tagName === 'h1').length, 1, `${p.path}: one h1`);
    for (const tag of ['header', 'nav', 'main', 'footer']) assert.ok(find(doc, (e) => e.tagName === tag).length > 0, `${p.path}: <${tag}>`);
    assert.equal(attr(find(doc, (e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')[0], 'href'), `http://localhost:8080${p.url}`);
    assert.equal(find(doc, (e) => e.tagName === 'script' || e.tagName === 'style' || attr(e, 'style') !== undefined).length, 0, `${p.path}: no script/style`);
  }

  // The hostile title is text everywhere: in <title>, the h1 and the home list.
  const first = site.lists.article[0];
  assert.ok(first);
  const articleDoc = parse(await readFile(path.join(out, first.path), 'utf8'));
  assert.equal(text(find(articleDoc, (e) => e.tagName === 'title')[0]), `${HOSTILE} · Clippings`);
  assert.equal(text(find(articleDoc, (e) => e.tagName === 'h1')[0]), HOSTILE);
  const original = find(articleDoc, (e) => e.tagName === 'a' && attr(e, 'class') === 'original')[0];
  assert.equal(attr(original, 'rel'), 'noopener noreferrer nofollow');
  assert.match(text(find(articleDoc, (e) => attr(e, 'class') === 'meta')[0]), /2023年8月31日 02:45 \(GMT\+8\).*约 \d+ 分钟/);

  const heroDoc = parse(await readFile(path.join(out, site.lists.article[1]?.path ?? ''), 'utf8'));
  const img = find(heroDoc, (e) => e.tagName === 'img')[0];
  assert.equal(attr(img, 'loading'), 'lazy');
  assert.equal(attr(img, 'referrerpolicy'), 'no-referrer');
  assert.equal(attr(img, 'width'), '640');

  const home = parse(await readFile(path.join(out, 'index.html'), 'utf8'));
  const entries = find(home, (e) => e.tagName === 'li' && attr(e, 'class') === 'entry');
  assert.equal(entries.length, 20); // 30 articles by 10: the first page shows pages 3 and 2
  const firstEntry = entries[0];
  assert.ok(firstEntry);
  assert.equal(text(find(firstEntry, (e) => e.tagName === 'h2')[0]), HOSTILE);
  assert.ok(find(firstEntry, (e) => e.tagName === 'a' && attr(e, 'href') === '/outlets/rfi/').length === 1, 'outlet link');
  assert.ok(find(firstEntry, (e) => e.tagName === 'a' && attr(e, 'href') === '/topics/zhong-guo/').length === 1, 'topic link');
  assert.equal(attr(find(firstEntry, (e) => e.tagName === 'time')[0], 'datetime'), '2023-08-31T02:45:25+08:00');
  assert.ok(text(find(firstEntry, (e) => attr(e, 'class') === 'summary')[0]).length > 0);
  const current = find(home, (e) => attr(e, 'aria-current') === 'page' && text(e) === '最新');
  assert.equal(current.length, 1, 'current page marked');

  // Mini link crawl: every site-relative link of every page resolves to a written file.
  for (const p of site.pages) {
    const doc = parse(await readFile(path.join(out, p.path), 'utf8'));
    for (const e of find(doc, (el) => (el.tagName === 'a' || el.tagName === 'link') && (attr(el, 'href') ?? '').startsWith('/'))) {
      const href = attr(e, 'href') ?? '';
      const file = href.endsWith('/') ? `${href.slice(1)}index.html` : href.slice(1);
      await stat(path.join(out, file)).catch(() => assert.fail(`${p.path}: broken link ${href}`));
    }
  }
});

test('renderSite with `only` writes just those pages, and can run again in the same process', async (t) => {
  const out = await mkdtemp(path.join(tmpdir(), 'clippings-site-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const only = new Set(['index.html', site.lists.article[3]?.path ?? '']);
  const { pagesWritten } = await renderSite(site, out, { only });
  assert.equal(pagesWritten, 2);
  const written = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  assert.deepEqual(written, [...only].sort());
  await renderSite(site, out, { only: new Set(['404.html']) });
  assert.ok((await readdir(out)).includes('404.html'));
});

function find(node: Node, match: (e: Element) => boolean, found: Element[] = []): Element[] {
  if ('tagName' in node && match(node)) found.push(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) find(child, match, found);
  const content = 'content' in node ? (node.content as Node | undefined) : undefined;
  if (content) find(content, match, found);
  return found;
}

function attr(e: Element | undefined, name: string): string | undefined {
  return e?.attrs.find((a) => a.name === name)?.value;
}

function text(node: Node | undefined): string {
  if (!node) return '';
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}
