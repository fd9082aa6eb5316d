/**
 * Page weight and image manners, read from the built reader fixture on disk with a real HTML parser:
 * an article page's HTML + CSS stays small enough for a slow phone connection (≤ 30 KB gzipped),
 * every image of an article loads lazily and sends no referrer to the outlet's server, and no page
 * carries a script except the search page's own.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Root } from 'hast';
import { buildReaderSite } from './support/browser.ts';
import type { ReaderSite } from './support/browser.ts';

const BUDGET = 30 * 1024;

let site: ReaderSite;
/** Every HTML page of the output: path relative to the output dir → parsed tree and bytes. */
const html = new Map<string, { readonly tree: Root; readonly bytes: Buffer }>();

before(async () => {
  site = await buildReaderSite();
  for (const entry of await readdir(site.output, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = relative(site.output, join(entry.parentPath, entry.name));
    const bytes = await readFile(join(site.output, path));
    html.set(path, { tree: fromHtml(bytes.toString('utf8')), bytes });
  }
});

after(async () => {
  await site?.remove();
});

const articles = (): string[] => [...html.keys()].filter((p) => /^articles\/[a-z0-9]+\/index\.html$/.test(p)).sort();

test('an article page is at most 30 KB of HTML + CSS gzipped (figures printed for article, home, month)', async () => {
  assert.ok(articles().length >= 17, `the fixture built ${articles().length} article pages`);
  const weights = new Map<string, Weight>();
  for (const path of [...articles(), 'index.html', 'archive/2020/08/index.html']) weights.set(path, await weigh(path));
  const byTotal = [...weights].filter(([p]) => p.startsWith('articles/')).sort((a, b) => b[1].total - a[1].total);
  const seed = await seedArticle();
  const show: [string, string][] = [
    ['article (seed)', seed],
    ['article (heaviest of the fixture)', byTotal[0]?.[0] ?? ''],
    ['home', 'index.html'],
    ['month 2020-08', 'archive/2020/08/index.html'],
  ];
  for (const [label, path] of show) {
    const w = weights.get(path);
    if (w) console.log(`${label.padEnd(36)} ${path.padEnd(40)} html ${kb(w.html)}  css ${kb(w.css)}  total ${kb(w.total)} gzipped`);
  }
  for (const [path, w] of byTotal) assert.ok(w.total <= BUDGET, `${path}: ${kb(w.total)} gzipped > ${kb(BUDGET)}`);
});

test('every image of an article (hero included) has loading="lazy" and referrerpolicy="no-referrer"', () => {
  let images = 0;
  for (const path of articles()) {
    const main = select('main', html.get(path)?.tree ?? { type: 'root', children: [] });
    assert.ok(main, `${path} has a main element`);
    for (const img of selectAll('img', main)) {
      images++;
      const where = `${path}: <img src="${String(img.properties['src'] ?? '')}">`;
      assert.equal(img.properties['loading'], 'lazy', `${where} loads lazily`);
      assert.equal(img.properties['referrerPolicy'], 'no-referrer', `${where} sends no referrer`);
    }
  }
  assert.ok(images >= 10, `the fixture's articles show their images (found ${images})`);
});

test('no page carries a script, except the search page its own local one', () => {
  for (const [path, { tree }] of html) {
    const scripts = selectAll('script', tree);
    if (path === 'search/index.html') {
      for (const script of scripts) {
        const src = String(script.properties['src'] ?? '');
        assert.ok(src.startsWith('/') && !src.startsWith('//'), `search page script is local, got src="${src}"`);
      }
    } else {
      assert.equal(scripts.length, 0, `${path} has ${scripts.length} <script> element(s)`);
    }
  }
});

interface Weight {
  readonly html: number;
  readonly css: number;
  readonly total: number;
}

/** Gzipped bytes of the page and of each local stylesheet it links (the CSS counted once per page). */
async function weigh(path: string): Promise<Weight> {
  const page = html.get(path);
  assert.ok(page, `${path} was built`);
  let css = 0;
  for (const link of selectAll('link[rel~="stylesheet"]', page.tree)) {
    const href = String(link.properties['href'] ?? '');
    assert.ok(href.startsWith('/') && !href.startsWith('//'), `${path}: stylesheet ${href} is local`);
    css += gzipSync(await readFile(join(site.output, href.split(/[?#]/)[0] ?? ''))).length;
  }
  const size = gzipSync(page.bytes).length;
  return { html: size, css, total: size + css };
}

/** The page of the bundled seed (the only article of 2023-08-31 in Asia/Shanghai). */
async function seedArticle(): Promise<string> {
  const day = html.get('archive/2023/08/31/index.html');
  assert.ok(day, 'the seed day page was built');
  const href = String(select('main a[href^="/articles/"]', day.tree)?.properties['href'] ?? '');
  return `${href.slice(1)}index.html`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
