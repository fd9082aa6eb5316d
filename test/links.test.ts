/**
 * Zero broken internal links: the real CLI builds a small archive (the bundled seed and the search
 * fixtures) twice — under a path prefix and at the root of a host — and every internal reference
 * of the output is followed to a file: `href`/`src`/`action` of every HTML page, `<link>`s, the
 * search index (index.json), feed links, sitemap entries and the robots.txt sitemap line.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { XMLParser } from 'fast-xml-parser';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const ORIGIN = 'https://user.github.io';
let work: string;
let input: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'clippings-links-'));
  input = join(work, 'content');
  await mkdir(input);
  await copyFile(join(REPO, 'content', '000_08cb497c288dbfaf.txt'), join(input, '000_08cb497c288dbfaf.txt'));
  const fixtures = join(REPO, 'test', 'fixtures', 'search');
  for (const f of await readdir(fixtures)) await copyFile(join(fixtures, f), join(input, f));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function build(prefix: string): Promise<string> {
  const output = join(work, `site${prefix.replace(/\//g, '_')}`);
  await promisify(execFile)(
    process.execPath,
    ['bin/clippings.js', 'build', '--input', input, '--output', output, '--cache-dir', join(work, 'cache'),
      '--base-url', ORIGIN, '--path-prefix', prefix, '--time-zone', 'Asia/Shanghai', '--quiet'],
    { cwd: REPO, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return output;
}

interface Ref {
  readonly from: string;
  readonly url: string;
}

async function collectRefs(out: string, prefix: string): Promise<Ref[]> {
  const refs: Ref[] = [];
  const files = (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(out, join(e.parentPath, e.name)).split(sep).join('/'));
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['entry', 'link', 'url', 'sitemap'].includes(n) });
  for (const file of files) {
    if (/^search\/(base|recent)-/.test(file)) continue; // the index's binary files hold no links
    const pageUrl = `${prefix}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const text = () => readFile(join(out, file), 'utf8');
    if (file.endsWith('.html')) {
      const tree = fromHtml(await text());
      for (const [selector, attr] of [['a[href]', 'href'], ['link[href]', 'href'], ['img[src]', 'src'], ['script[src]', 'src'], ['form[action]', 'action']] as const) {
        for (const node of selectAll(selector, tree)) refs.push({ from: file, url: new URL(String(node.properties[attr]), `${ORIGIN}${pageUrl}`).href });
      }
      for (const node of selectAll('[data-index]', tree)) {
        refs.push({ from: file, url: new URL(`${String(node.properties.dataIndex)}index.json`, `${ORIGIN}${pageUrl}`).href });
      }
    } else if (file.endsWith('feed.xml')) {
      const feed = xml.parse(await text()).feed;
      for (const l of feed.link) refs.push({ from: file, url: l['@_href'] });
      for (const e of feed.entry ?? []) for (const l of e.link) refs.push({ from: file, url: l['@_href'] });
    } else if (/^sitemap(-\d+)?\.xml$/.test(file)) {
      const doc = xml.parse(await text());
      for (const u of doc.urlset?.url ?? doc.sitemapindex?.sitemap ?? []) refs.push({ from: file, url: u.loc });
    } else if (file === 'robots.txt') {
      for (const m of (await text()).matchAll(/^Sitemap: (.+)$/gm)) refs.push({ from: file, url: m[1]! });
    }
  }
  return refs;
}

/** The file an internal URL is served from, or a reason it is broken; undefined for external URLs. */
function check(out: string, prefix: string, url: string): string | undefined {
  const u = new URL(url);
  if (u.origin !== ORIGIN) return undefined; // another site (the original article, an image host)
  if (!u.pathname.startsWith(prefix)) return `outside the path prefix ${prefix}`;
  const rel = decodeURIComponent(u.pathname.slice(prefix.length));
  const file = join(out, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  if (!existsSync(file)) return `no file ${relative(out, file)}`;
  if (!statSync(file).isFile()) return `${relative(out, file)} is a folder (link lacks its trailing slash)`;
  return 'ok';
}

for (const prefix of ['/archive/', '/']) {
  test(`built with --path-prefix ${prefix}: every internal link, asset, feed link and sitemap entry resolves`, async () => {
    const out = await build(prefix);
    const refs = await collectRefs(out, prefix);
    const broken: string[] = [];
    let internal = 0;
    for (const ref of refs) {
      const verdict = check(out, prefix, ref.url);
      if (verdict === undefined) continue;
      internal++;
      if (verdict !== 'ok') broken.push(`${ref.from} → ${ref.url}: ${verdict}`);
    }
    assert.deepEqual(broken, []);
    // The crawl really covered the kinds of reference it claims to.
    const seen = (pattern: RegExp) => refs.some((r) => pattern.test(r.url));
    assert.ok(internal > 100, `${internal} internal references`);
    for (const pattern of [/\/css\/site\.css$/, /\/search\/search\.js$/, /\/search\/index\.json$/, /\/feed\.xml$/, /\/topics\/[^/]+\/feed\.xml$/, /\/sitemap\.xml$/, /\/articles\/[a-z0-9]+\/$/]) {
      assert.ok(seen(pattern), `no reference matches ${pattern}`);
    }
    assert.ok(refs.some((r) => r.from === 'sitemap.xml') && refs.some((r) => r.from === 'robots.txt') && refs.some((r) => r.from === 'feed.xml'));
  });
}
