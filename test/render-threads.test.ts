import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderPhase, type SecondThread } from '../src/cli/build-phases/render-phase.ts';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { PageShelf } from '../src/site/page-shelf.ts';
import type { PageLists, PageModel, SiteModel } from '../src/site/site-model.ts';
import { makeArchive, makeArticle } from './support/make-article.ts';
import { assertSameTree, snapshotTree } from './support/snapshot-tree.ts';
import { tempDirs } from './support/temp-dirs.ts';

const tempDir = tempDirs('clippings-render-threads-');
const projectDir = fileURLToPath(new URL('../', import.meta.url));
const quiet = { start() {}, update() {}, stop() {} };
/** Every page on a thread of its own: batch 1 (the first page after the published files' batch) goes to the worker. */
const ALWAYS: SecondThread = { from: 1, batchChars: 1 };

const topics = [{ label: '国际', slug: 'world' }, { label: '财经', slug: 'economy' }];
const articles = Array.from({ length: 12 }, (_, i) =>
  makeArticle({ id: `t${i}`, title: `第${i}篇 <b>&"'</b>`, publishedAt: Date.UTC(2023, 7, 1 + (i % 5), 4 + i), topic: topics[i % 2] }),
);
const site = buildSite(makeArchive(articles), { ...DEFAULT_SITE_CONFIG, pageSize: 3 }, { feeds: true, search: true });

/** The render phase of a build of `site` into a fresh folder, as run-build.ts calls it. */
async function render(secondThread: SecondThread, before?: (staging: string) => Promise<void>): Promise<{ staging: string; written: number }> {
  const dir = await tempDir();
  const staging = path.join(dir, 'staging');
  await mkdir(staging);
  await before?.(staging);
  const shelf = shelve(site, path.join(dir, 'cache'));
  const { feeds, sitemaps, robots, redirects } = site.publish;
  const published = [...feeds, ...sitemaps, ...(robots ? [robots] : []), ...(redirects ? [redirects] : [])].map((f) => f.path);
  const written = await renderPhase({ shelf, staging, only: undefined, published, projectDir, renderer: undefined, progress: quiet, secondThread });
  return { staging, written };
}

function shelve(model: SiteModel, dir: string): PageShelf {
  const shelf = new PageShelf(dir, model);
  for (const [kind, list] of Object.entries(model.lists) as [keyof PageLists, readonly PageModel[]][]) {
    for (const page of list) shelf.add(kind, page.path, JSON.stringify(page));
  }
  return shelf;
}

test('rendering on two threads writes the same files, byte for byte, as rendering on one', async () => {
  const one = await render({ from: Infinity, batchChars: Infinity });
  const two = await render(ALWAYS);
  assert.equal(one.written, site.pages.length);
  assert.equal(two.written, one.written);
  assertSameTree(await snapshotTree(two.staging), await snapshotTree(one.staging));
});

test("an error on the second thread fails the render with Eleventy's message and the file-system code, as on one", async () => {
  // A file where the worker's page (the second on the shelf: batch 1) needs its folder: its write fails
  // there, as on a full disk. A worker left running would keep this test file from ever ending.
  const workersPage = Object.values(site.lists).flat()[1]!.path;
  const blocked = async (staging: string): Promise<void> => {
    await mkdir(path.join(staging, path.dirname(path.dirname(workersPage))), { recursive: true });
    await writeFile(path.join(staging, path.dirname(workersPage)), 'not a folder');
  };
  await assert.rejects(render(ALWAYS, blocked), (error: Error) => {
    assert.match(error.message, /^rendering the site into .*staging failed: Having trouble writing to /);
    assert.ok(error.message.includes(workersPage), error.message);
    const codes: unknown[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as { originalError?: unknown }).originalError) codes.push((e as { code?: unknown }).code);
    assert.ok(codes.includes('ENOTDIR'), `the file-system code in the cause chain: ${codes.join(', ')}`);
    return true;
  });
});
