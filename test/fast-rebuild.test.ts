/**
 * What makes rebuilds cheap, seen from outside: a rebuild with nothing changed publishes nothing
 * (same output folder, same files, parse cache untouched); adding one file appends to the parse
 * cache instead of rewriting it; `--no-search` leaves out the search page and the search index,
 * and turning search back on gives the same site as a clean build.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clippings } from './fixtures/cli/run-clippings.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const fixtures = path.join(repo, 'test/fixtures/cli');
let root = '';

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'clippings-fast-'));
  await mkdir(path.join(root, 'content'));
  for (const name of ['rfi-china.md', 'dw-berlin.md']) await copyFile(path.join(fixtures, name), path.join(root, 'content', name));
});
after(() => rm(root, { recursive: true, force: true }));

async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, abs), createHash('sha256').update(await readFile(abs)).digest('hex'));
  }
  return files;
}

async function parseStore(): Promise<string> {
  const dir = path.join(root, '.cache/parse');
  const [name] = (await readdir(dir)).filter((n) => n.endsWith('.store'));
  assert.ok(name, 'a parse cache store exists');
  return path.join(dir, name);
}

function written(stdout: string): [number, number] {
  const m = /pages written\s+(\d+) of (\d+)/.exec(stdout);
  assert.ok(m, stdout);
  return [Number(m[1]), Number(m[2])];
}

describe('fast rebuilds', () => {
  test('a rebuild with nothing changed renders, indexes and rewrites nothing', async () => {
    const first = await clippings(['build', '--no-search'], root);
    assert.equal(first.code, 0, first.stderr);
    const site = path.join(root, '_site');
    const before = { dir: await stat(site), index: await stat(path.join(site, 'index.html')), store: await stat(await parseStore()) };

    const again = await clippings(['build', '--no-search'], root);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(written(again.stdout)[0], 0);
    assert.equal((await stat(site)).ino, before.dir.ino, 'the output folder was not swapped');
    assert.equal((await stat(path.join(site, 'index.html'))).mtimeMs, before.index.mtimeMs);
    assert.equal((await stat(await parseStore())).mtimeMs, before.store.mtimeMs, 'the parse cache was not rewritten');
  });

  test('--no-search builds no search page and no search index; with search again it equals a clean build', async () => {
    const site = path.join(root, '_site');
    const files = await tree(site);
    // public/search/search.css is a static asset, copied like the rest of public/.
    assert.ok(![...files.keys()].some((f) => f === 'search/index.json' || f === 'search/index.html' || f === 'search/search.js'), 'no search page, no index');
    assert.doesNotMatch(await readFile(path.join(site, 'index.html'), 'utf8'), /href="\/search\/"/);

    const withSearch = await clippings(['build', '--quiet'], root);
    assert.equal(withSearch.code, 0, withSearch.stderr);
    assert.ok((await tree(site)).has('search/index.json'));
    const clean = await clippings(['build', '--full', '--quiet', '--output', 'clean', '--cache-dir', '.cache-clean'], root);
    assert.equal(clean.code, 0, clean.stderr);
    assert.deepEqual(await tree(site), await tree(path.join(root, 'clean')), 'byte-identical, search index included');
  });

  test('adding one file appends to the parse cache instead of rewriting it', async () => {
    const store = await parseStore();
    const before = await readFile(store);
    await copyFile(path.join(fixtures, 'rfi-new.md'), path.join(root, 'content/rfi-new.md'));
    const added = await clippings(['build'], root);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /1 parsed/);
    const after = await readFile(store);
    assert.ok(after.length > before.length);
    assert.ok(after.subarray(0, before.length).equals(before), 'the old records are untouched');
    // One record (src/archive/store-records.ts: a 12-byte head giving its meta's and texts' bytes) appended.
    const appended = after.subarray(before.length);
    assert.equal(12 + appended.readUInt32LE(0) + appended.readUInt32LE(4), appended.length, 'one record appended');
  });
});
