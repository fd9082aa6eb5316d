/**
 * `_redirects`: v0.1's newest-first list addresses go to their list's first page by three rules, read
 * as Netlify, Cloudflare Pages and GitLab Pages read them (`*` a splat, `:name` one segment, first
 * match wins); no current page matches one; redirect pages per address only where the config asks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSiteConfig } from '../src/cli/resolve-site-config.ts';
import { noteV01Pages } from '../src/cli/note-v01-pages.ts';
import { renderRedirectRules } from '../src/site/sitemap/render-redirect-rules.ts';
import { makeArchive, makeArticle } from './support/make-article.ts';

const SEED_MS = 1693421125000;

/** Where the rules send `path` (with its status), or undefined: the hosts' matching, as Cloudflare's rules engine does it. */
function follow(rules: string, path: string): { to: string; status: number } | undefined {
  for (const line of rules.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [from, to, status] = line.trim().split(/\s+/) as [string, string, string | undefined];
    const names: string[] = [];
    const pattern = from
      .split('*')
      .map((part) => part.replace(/[-/\\^$+?.()|[\]{}]/g, '\\$&').replace(/:([A-Za-z]\w*)/g, (_, name: string) => (names.push(name), `(?<${name}>[^/]+)`)))
      .join('(?<splat>.*)');
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (match === null) continue;
    const target = to.replace(/:([A-Za-z]\w*)/g, (_, name: string) => match.groups?.[name] ?? `:${name}`);
    return { to: target, status: Number(status ?? 302) };
  }
  return undefined;
}

test('_redirects sends v0.1 list pages to their first page with a 301, and no page of the site', () => {
  const articles = Array.from({ length: 120 }, (_, i) =>
    makeArticle({ publishedAt: SEED_MS - i * 3_600_000, topic: { label: '中国', slug: 'china' }, outlet: { key: 'rfi', name: 'RFI' } }),
  );
  for (const prefix of ['/', '/news/']) {
    const site = buildSite(makeArchive(articles), { ...DEFAULT_SITE_CONFIG, pathPrefix: prefix });
    const rules = site.publish.redirects?.text ?? '';
    assert.equal(site.publish.redirects?.path, '_redirects');
    assert.equal(rules, renderRedirectRules(prefix));
    assert.ok(rules.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length <= 3, 'a few rules whatever the size');
    assert.deepEqual(follow(rules, `${prefix}page/2/`), { to: prefix, status: 301 });
    assert.deepEqual(follow(rules, `${prefix}page/17/`), { to: prefix, status: 301 });
    assert.deepEqual(follow(rules, `${prefix}outlets/rfi/page/3/`), { to: `${prefix}outlets/rfi/`, status: 301 });
    assert.deepEqual(follow(rules, `${prefix}topics/china/page/4/`), { to: `${prefix}topics/china/`, status: 301 });
    // Every target is a page of the site; no page of the site is redirected away.
    const urls = new Set(site.pages.map((p) => p.url));
    for (const from of [`${prefix}page/2/`, `${prefix}outlets/rfi/page/3/`, `${prefix}topics/china/page/4/`]) assert.ok(urls.has(follow(rules, from)!.to), from);
    for (const p of site.pages) assert.equal(follow(rules, p.url), undefined, p.url);
    // Without `v01PageRedirects` there is no redirect page per old address.
    assert.deepEqual(site.lists.redirect.filter((r) => r.url.includes('/page/')), []);
  }
});

test('a day page and a topic part beyond page 1 are not mistaken for v0.1 addresses', () => {
  const rules = renderRedirectRules('/');
  for (const path of ['/archive/2023/08/31/page/2/', '/topics/china/rfi/page/2/', '/stories/page/2/', '/topics/china/p/3/', '/p/2/']) assert.equal(follow(rules, path), undefined, path);
});

test('a path prefix that is not plain segments is refused', () => {
  assert.throws(() => renderRedirectRules('/a b/'), /plain path prefix/);
});

test('"v01PageRedirects" in the config turns the redirect pages on, and must be true or false', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-v01-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'clippings.config.json');
  await writeFile(file, JSON.stringify({ v01PageRedirects: true }));
  assert.equal((await resolveSiteConfig({ config: file })).v01PageRedirects, true);
  await writeFile(file, JSON.stringify({ v01PageRedirects: 'yes' }));
  await assert.rejects(resolveSiteConfig({ config: file }), /clippings\.config\.json: "v01PageRedirects" must be true or false/);
  await writeFile(file, JSON.stringify({}));
  assert.equal((await resolveSiteConfig({ config: file })).v01PageRedirects, undefined);
});

test('a build into an output that holds v0.1 list pages says how to keep them, unless the config does', async (t) => {
  const out = await mkdtemp(join(tmpdir(), 'clippings-v01-out-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  assert.equal(noteV01Pages(out, DEFAULT_SITE_CONFIG), undefined);
  await mkdir(join(out, 'page', '2'), { recursive: true });
  await writeFile(join(out, 'page', '2', 'index.html'), '<!doctype html>');
  assert.match(noteV01Pages(out, DEFAULT_SITE_CONFIG) ?? '', /"v01PageRedirects": true/);
  assert.equal(noteV01Pages(out, { ...DEFAULT_SITE_CONFIG, v01PageRedirects: true }), undefined);
});
