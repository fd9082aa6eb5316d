/**
 * End to end with the real CLI: an article captured three times (test/fixtures/captures/), its
 * changes page (the diffs and the earlier captures in full), related articles, mirrored images (from a local HTTP
 * server) and the data export; then an incremental rebuild after a fourth capture equals a full one.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { clippings } from './fixtures/cli/run-clippings.ts';
import { validate, type Schema } from './support/validate-schema.ts';
import { readExport } from './support/read-export.ts';
import { snapshotTree as snapshot } from './support/snapshot-tree.ts';
import { makePng as png } from './support/make-png.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

const repo = fileURLToPath(new URL('../', import.meta.url));
const fixtures = path.join(repo, 'test/fixtures/captures');
let root = '';
let site = '';
let server: Server;
let base = '';


function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  return out;
}
const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');
const byTag = (doc: Node, tag: string): Element[] => elements(doc).filter((e) => e.tagName === tag);
const byClass = (doc: Node, cls: string): Element[] => elements(doc).filter((e) => (attr(e, 'class') ?? '').split(' ').includes(cls));
const page = async (url: string): Promise<DefaultTreeAdapterTypes.Document> =>
  parse(await readFile(path.join(site, url.replace(/^\//, ''), url.endsWith('/') ? 'index.html' : ''), 'utf8'));

async function articleUrl(title: string): Promise<string> {
  for (const slug of await readdir(path.join(site, 'articles'))) {
    const doc = await page(`/articles/${slug}/`);
    if (text(byTag(doc, 'h1')[0]!) === title) return `/articles/${slug}/`;
  }
  throw new Error(`no article page titled ${title}`);
}

before(async () => {
  server = createServer((request, response) => {
    if (request.url === '/photo.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png());
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  root = await mkdtemp(path.join(tmpdir(), 'clippings-captures-'));
  site = path.join(root, '_site');
  await mkdir(path.join(root, 'content'));
  for (const name of ['dw-typhoon-1.md', 'dw-typhoon-2.md', 'dw-typhoon-3.md', 'rfi-typhoon.md', 'rfi-economy.md']) {
    await copyFile(path.join(fixtures, name), path.join(root, 'content', name));
  }
  await writeFile(
    path.join(root, 'content/rfi-photos.md'),
    `<!--1690400000000-->\n[图片新闻：福建沿海渔港](https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20230727-photos)\n------\n\n<div>\n` +
      `<p>福建沿海渔港一瞥，渔船在港内避风。</p><p><img src="${base}/photo.png" alt="渔港"></p><p>第二张图片已无法取得。</p><p><img src="${base}/gone.png" alt="失效"></p>\n</div>\n`,
  );
  const mirrored = await clippings(['images', '--mirror', '--quiet', '--retries', '0'], root);
  assert.equal(mirrored.code, 0, mirrored.stderr);
  const built = await clippings(['build', '--quiet'], root);
  assert.equal(built.code, 0, built.stderr);
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

test('the newest capture is the article page; it lists all three captures and links the earlier ones and the changes', async () => {
  const url = await articleUrl('台风杜苏芮登陆福建 逾十万人撤离 北京发布暴雨预警');
  const doc = await page(url);
  const items = byTag(byClass(doc, 'captures')[0]!, 'li');
  assert.equal(items.length, 3);
  assert.match(text(items[0]!), /2023年7月29日 16:40/);
  assert.equal(attr(items[0]!, 'aria-current'), 'page');
  const links = byTag(byClass(doc, 'captures')[0]!, 'a').map((a) => attr(a, 'href'));
  assert.deepEqual(links, [`${url}changes/#capture-2`, `${url}changes/#capture-1`, `${url}changes/`]);
  await assert.rejects(stat(path.join(site, url, 'captures')), 'earlier captures have no page of their own: they are on the changes page');
});

test('the changes page holds each earlier capture in full at #capture-<n>: its title, time and body, noindex, out of the sitemap', async () => {
  const url = await articleUrl('台风杜苏芮登陆福建 逾十万人撤离 北京发布暴雨预警');
  const doc = await page(`${url}changes/`);
  const earlier = byClass(doc, 'capture');
  assert.deepEqual(earlier.map((e) => attr(e, 'id')), ['capture-2', 'capture-1'], 'newest first');
  const oldest = earlier[1]!;
  assert.equal(text(byTag(oldest, 'h3')[0]!), '台风杜苏芮登陆福建 数万人撤离');
  assert.match(text(byClass(oldest, 'banner')[0]!), /第 1 次抓取.*较早的版本/s);
  assert.match(text(byClass(oldest, 'body')[0]!), /紧急撤离数万居民/);
  // The step headings link to the versions on the same page, and the newest to the article.
  const stepLinks = byClass(doc, 'change').flatMap((s) => byTag(byTag(s, 'h2')[0]!, 'a').map((a) => attr(a, 'href')));
  assert.deepEqual(stepLinks, [`${url}changes/#capture-2`, url, `${url}changes/#capture-1`, `${url}changes/#capture-2`]);
  assert.equal(byTag(doc, 'h1').length, 1);
  assert.ok(byTag(doc, 'meta').some((m) => attr(m, 'name') === 'robots' && attr(m, 'content') === 'noindex'));
  const sitemap = await readFile(path.join(site, 'sitemap.xml'), 'utf8');
  assert.ok(!sitemap.includes('/changes/') && !sitemap.includes('/captures/'), 'not in the sitemap');
});

test('the changes page shows each step as escaped <del>/<ins> parts, title and text', async () => {
  const url = await articleUrl('台风杜苏芮登陆福建 逾十万人撤离 北京发布暴雨预警');
  const doc = await page(`${url}changes/`);
  const steps = byClass(doc, 'change');
  assert.equal(steps.length, 2, 'two steps between three captures');
  const [newest, oldest] = steps.map((s) => ({ del: byTag(s, 'del').map(text), ins: byTag(s, 'ins').map(text) }));
  assert.deepEqual(oldest, { del: ['数', '数'], ins: ['逾十', '逾十'] }, 'title and text: 数万 → 逾十万');
  assert.ok(newest!.ins.some((t) => t.includes('北京发布暴雨预警')), 'title addition');
  assert.ok(newest!.del.includes('周末') && newest!.ins.includes('下周'), JSON.stringify(newest));
  assert.ok(newest!.ins.some((t) => t.includes('北京市气象台发布暴雨橙色预警')), 'added paragraph');
  assert.ok(byTag(doc, 'meta').some((m) => attr(m, 'name') === 'robots' && attr(m, 'content') === 'noindex'));
});

test('related articles: the typhoon articles list each other under 本事件的其他报道 (their story), 相关报道 only earlier ones; the unrelated story is not', async () => {
  const landfallUrl = await articleUrl('台风杜苏芮登陆福建 逾十万人撤离 北京发布暴雨预警');
  const followUpUrl = await articleUrl('台风杜苏芮北上 北京暴雨成灾');
  const navs = byClass(await page(followUpUrl), 'related');
  assert.ok(navs.length > 0, 'a 本事件的其他报道 or 相关报道 list');
  assert.ok(navs.every((nav) => ['本事件的其他报道', '相关报道'].includes(text(byTag(nav, 'h2')[0]!))));
  const titles = navs.flatMap((nav) => byTag(nav, 'a').map(text));
  assert.ok(titles.some((t) => t.startsWith('台风杜苏芮登陆福建')), titles.join());
  assert.ok(!titles.some((t) => t.includes('出口')), titles.join());
  // 相关报道 lists earlier articles only: the landfall's list does not change when the follow-up arrives.
  const landfallRelated = byClass(await page(landfallUrl), 'related').filter((nav) => text(byTag(nav, 'h2')[0]!) === '相关报道');
  assert.ok(!landfallRelated.flatMap((nav) => byTag(nav, 'a').map(text)).includes('台风杜苏芮北上 北京暴雨成灾'));
});

test('mirrored images point at /media/ copies that exist in the output; a failed one keeps its remote URL', async () => {
  const url = await articleUrl('图片新闻：福建沿海渔港');
  const sources = byTag(await page(url), 'img').map((i) => attr(i, 'src') ?? '');
  const local = sources.filter((s) => s.startsWith('/media/'));
  assert.equal(local.length, 1, sources.join());
  assert.ok((await stat(path.join(site, local[0]!))).size > 0);
  assert.ok(sources.includes(`${base}/gone.png`), sources.join());
});

test('data/articles-<year>.ndjson.gz: one valid record per article, source paths relative to the input folder', async () => {
  const schema = JSON.parse(await readFile(path.join(repo, 'docs/export-schema.json'), 'utf8')) as Schema;
  const lines = await readExport(site);
  assert.equal(lines.length, 4);
  for (const line of lines) {
    const record = JSON.parse(line) as { captures: { sourcePath: string }[] };
    assert.deepEqual(validate(record, schema, schema), []);
    for (const c of record.captures) assert.match(c.sourcePath, /^[a-z0-9-]+\.md$/);
  }
  const typhoon = lines.map((l) => JSON.parse(l) as { captures: { sourcePath: string }[] }).find((r) => r.captures.length === 3);
  assert.deepEqual(typhoon?.captures.map((c) => c.sourcePath), ['dw-typhoon-3.md', 'dw-typhoon-2.md', 'dw-typhoon-1.md']);
});

test('a fourth capture, rebuilt incrementally, equals a full build byte for byte (capture numbers stay put)', async () => {
  const url = await articleUrl('台风杜苏芮登陆福建 逾十万人撤离 北京发布暴雨预警');
  const third = await readFile(path.join(fixtures, 'dw-typhoon-3.md'), 'utf8');
  await writeFile(path.join(root, 'content/dw-typhoon-4.md'), third.replace('<!--1690620000000-->', '<!--1690630000000-->').replace('提醒市民注意安全', '提醒市民减少外出'));
  const again = await clippings(['build'], root);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /\(incremental\)/);
  const full = await clippings(['build', '--full', '--quiet', '--output', 'full-site'], root);
  assert.equal(full.code, 0, full.stderr);
  const [a, b] = await Promise.all([snapshot(site), snapshot(path.join(root, 'full-site'))]);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  assert.deepEqual([...a].filter(([rel, hash]) => b.get(rel) !== hash).map(([rel]) => rel), []);
  const versions = byClass(await page(`${url}changes/`), 'capture');
  assert.deepEqual(versions.map((e) => attr(e, 'id')), ['capture-3', 'capture-2', 'capture-1']);
  assert.equal(text(byTag(versions[2]!, 'h3')[0]!), '台风杜苏芮登陆福建 数万人撤离', 'capture 1 is still the oldest');
});

