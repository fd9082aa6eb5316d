import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { test } from 'node:test';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { PageShelf } from '../src/site/page-shelf.ts';
import { digestJson } from '../src/site/digest-json.ts';
import type { PageLists, PageModel } from '../src/site/site-model.ts';
import { makeArchive, makeArticle } from './support/make-article.ts';
import { tempDirs } from './support/temp-dirs.ts';

const tempDir = tempDirs('page-shelf-');

test('pages come back from the shelf as they went in, in their lists, only those asked for, and leave no file behind', async () => {
  const dir = await tempDir();
  const articles = Array.from({ length: 7 }, (_, i) => makeArticle({ id: `a${i}`, title: `第${i}篇 <b>&"'</b>`, publishedAt: Date.UTC(2023, 7, 1 + i, 4) }));
  const site = buildSite(makeArchive(articles), DEFAULT_SITE_CONFIG);
  const shelf = new PageShelf(dir, site);
  for (const [kind, list] of Object.entries(site.lists) as [keyof PageLists, readonly PageModel[]][]) {
    for (const page of list) shelf.add(kind, page.path, JSON.stringify(page));
  }
  assert.deepEqual(shelf.paths, site.pages.map((p) => p.path));

  const all = shelf.site(new Set(shelf.paths));
  assert.equal(JSON.stringify(all.lists), JSON.stringify(site.lists), 'every list, in order, equal as JSON');
  assert.equal(all.shell, site.shell);
  assert.equal(all.publish, site.publish);

  const wanted = [site.lists.article[2]!.path, site.lists.home[0]!.path];
  const some = shelf.site(new Set(wanted));
  assert.deepEqual(some.pages.map((p) => p.path).sort(), [...wanted].sort());
  assert.equal(some.lists.article.length, 1);
  assert.deepEqual(some.lists.changes, [], 'a list with none of the pages asked for is empty, not missing');
  assert.deepEqual(Object.keys(some.lists), Object.keys(site.lists));
  assert.deepEqual(await readdir(dir), [], 'the store file is unlinked');
});

test("an article page's digest JSON names its body by the source file's hash, reads no body, and keeps it where images are mirrored", () => {
  const article = makeArticle({ id: 'b1', title: '标题', bodyHtml: '<p>正文一</p><img src="https://img.example/a.jpg">' });
  const page = buildSite(makeArchive([article]), DEFAULT_SITE_CONFIG).lists.article[0]!;
  let reads = 0;
  const body = Object.getOwnPropertyDescriptor(page.article, 'bodyHtml')!;
  Object.defineProperty(page.article, 'bodyHtml', { ...body, get: () => (reads++, body.get!.call(page.article)) });
  const { json, whole } = digestJson(page);
  assert.equal(whole, false);
  assert.equal(reads, 0, 'the body is not read');
  assert.ok(json.includes(article.contentHash) && !json.includes('正文一'));
  const edited = makeArticle({ id: 'b1', title: '标题', bodyHtml: '<p>正文二</p>' });
  assert.notEqual(digestJson(buildSite(makeArchive([edited]), DEFAULT_SITE_CONFIG).lists.article[0]!).json, json, 'another file, another digest');

  const mirrored = buildSite(makeArchive([article]), DEFAULT_SITE_CONFIG, { mirror: new Map([['https://img.example/a.jpg', '/media/a.jpg']]) }).lists.article[0]!;
  const kept = digestJson(mirrored);
  assert.equal(kept.whole, true);
  assert.ok(kept.json.includes('/media/a.jpg'), 'with mirrored images the body itself is digested');
});

test("a list page's digest JSON is the page itself (what goes on the shelf), and changes with any of its entries", () => {
  const articles = Array.from({ length: 12 }, (_, i) => makeArticle({ id: `c${i}`, title: `第${i}篇 "引号" <b>`, publishedAt: Date.UTC(2023, 7, 1, i) }));
  const site = buildSite(makeArchive(articles), { ...DEFAULT_SITE_CONFIG, pageSize: 5 });
  const lists = [...site.lists.home, ...site.lists.topic, ...site.lists.outlet, ...site.lists.day];
  assert.ok(lists.length > 3);
  for (const page of lists) {
    const { json, whole } = digestJson(page);
    assert.equal(whole, true);
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(page)), page.path);
  }
  const retitled = articles.map((a, i) => (i === 11 ? makeArticle({ id: 'c11', title: '新标题', publishedAt: a.publishedAt }) : a));
  const home = buildSite(makeArchive(retitled), { ...DEFAULT_SITE_CONFIG, pageSize: 5 }).lists.home[0]!;
  assert.notEqual(digestJson(home).json, digestJson(site.lists.home[0]!).json, 'an entry retitled, another digest');
});

test("an article page's digest JSON holds its related entries: another entry, another digest; the same, the same", () => {
  const page = buildSite(makeArchive([makeArticle({ id: 'r1', title: '标题' })]), DEFAULT_SITE_CONFIG).lists.article[0]!;
  const entry = (title: string) => ({ title, url: '/articles/x/', outlet: '法广 RFI', time: { display: '2023年8月30日 10:00', iso: '2023-08-30T10:00:00+08:00' } });
  const one = entry('相关一');
  const a = digestJson({ ...page, related: [one] }).json;
  assert.equal(digestJson({ ...page, related: [entry('相关一')] }).json, a, 'equal entries, equal JSON (made once per entry object)');
  assert.notEqual(digestJson({ ...page, related: [entry('相关二')] }).json, a);
  assert.notEqual(digestJson({ ...page, related: [] }).json, a);
  assert.ok(a.includes('相关一'));
});
