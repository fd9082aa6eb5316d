/**
 * The no-change fast path (src/cli/fast-path/): a build whose seeds, config, program and output are
 * as the last successful build left them says so and stops, leaving an output equal to a clean
 * build; any one of those changed (a touched seed, the config, an output file deleted, edited or
 * added, the program) and the build does the real work again and repairs the output.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { checkNoChange } from '../src/cli/fast-path/check-no-change.ts';
import { newStamp, stampPath, writeStamp } from '../src/cli/fast-path/build-stamp.ts';
import { RACY_MS, stampInputs } from '../src/cli/fast-path/stamp-inputs.ts';
import { outputChange, stampOutput } from '../src/cli/fast-path/stamp-output.ts';
import { manifestPath } from '../src/cli/build-manifest.ts';
import { applyStaging } from '../src/cli/publish-output.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { clippings } from './fixtures/cli/run-clippings.ts';
import { assertSameTree, snapshotTree } from './support/snapshot-tree.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const fixtures = path.join(repo, 'test/fixtures/cli');
const FAST = /^Nothing changed since the last build of _site \(checked in [\d.]+ s\)/;
let root = '';
let site = '';

/** A seed changed within FINE_RACY_MS (RACY_MS on a file system that keeps whole seconds) of a build is not trusted to its stamp: wait the longer after changing seeds. */
const settle = (): Promise<void> => sleep(RACY_MS + 200);

async function build(): Promise<string> {
  const run = await clippings(['build', '--no-search'], root);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

async function assertEqualsClean(): Promise<void> {
  await rm(path.join(root, 'clean'), { recursive: true, force: true });
  const clean = await clippings(['build', '--no-search', '--full', '--quiet', '--output', 'clean', '--cache-dir', '.cache-clean'], root);
  assert.equal(clean.code, 0, clean.stderr);
  assertSameTree(await snapshotTree(site), await snapshotTree(path.join(root, 'clean')));
}

async function anArticlePage(): Promise<string> {
  const [id] = await readdir(path.join(site, 'articles'));
  assert.ok(id);
  return path.join(site, 'articles', id, 'index.html');
}

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'clippings-no-change-'));
  site = path.join(root, '_site');
  await mkdir(path.join(root, 'content'));
  for (const name of ['rfi-china.md', 'dw-berlin.md']) await copyFile(path.join(fixtures, name), path.join(root, 'content', name));
  await settle();
});
after(() => rm(root, { recursive: true, force: true }));

describe('the no-change fast path', () => {
  test('a second build with nothing changed stops at once, says what it checked, and the output equals a clean build', async () => {
    const first = await build();
    assert.doesNotMatch(first, FAST);
    assert.match(first, /pages written\s+[1-9]\d* of/);
    const second = await build();
    assert.match(second, FAST);
    assert.match(second, /checked\s+2 seed files \(size, times, inode\), the config, \d+ program files \(content\), the mirrored images, \d+ output files and their folders and the build manifest \(size, mtime\)/);
    assert.match(second, /pages written\s+0 of \d+/);
    await assertEqualsClean();
  });

  test('a touched seed (same bytes, new times) takes the normal path', async () => {
    const seed = path.join(root, 'content/rfi-china.md');
    await utimes(seed, new Date(), new Date());
    const again = await build();
    assert.doesNotMatch(again, FAST);
    assert.match(again, /files read\s+2 \(0 parsed, 2 from cache\)/);
    await settle();
    await build(); // seeds settled: this build stamps them
    assert.match(await build(), FAST);
  });

  test('an edited seed is rebuilt', async () => {
    const seed = path.join(root, 'content/rfi-china.md');
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('北京举行夏季文化节', '北京举行盛大夏季文化节'));
    const again = await build();
    assert.doesNotMatch(again, FAST);
    assert.match(again, /pages written\s+[1-9]\d* of/);
    assert.match(await readFile(path.join(site, 'index.html'), 'utf8'), /北京举行盛大夏季文化节/);
    await assertEqualsClean();
    await settle();
    await build();
    assert.match(await build(), FAST);
  });

  test('a changed config rebuilds every page; the same config again is fast', async () => {
    await writeFile(path.join(root, 'clippings.config.json'), JSON.stringify({ title: '另一个存档' }));
    const again = await build();
    assert.doesNotMatch(again, FAST);
    assert.match(await readFile(path.join(site, 'index.html'), 'utf8'), /另一个存档/);
    await assertEqualsClean();
    assert.match(await build(), FAST);
    await rm(path.join(root, 'clippings.config.json'));
    assert.doesNotMatch(await build(), FAST);
    assert.doesNotMatch(await readFile(path.join(site, 'index.html'), 'utf8'), /另一个存档/);
  });

  test('an output file deleted, edited in place (same size) or added is repaired by a real build', async () => {
    assert.match(await build(), FAST);
    const page = await anArticlePage();
    const original = await readFile(page);

    await rm(page);
    assert.doesNotMatch(await build(), FAST);
    assert.deepEqual(await readFile(page), original);

    const edited = Buffer.from(original);
    const at = edited.indexOf('<title>') + 7;
    edited[at] = edited[at]! ^ 1; // one byte flipped: same size
    await writeFile(page, edited);
    assert.doesNotMatch(await build(), FAST);
    assert.deepEqual(await readFile(page), original);

    await writeFile(path.join(site, 'articles', 'stray.html'), 'not ours');
    assert.doesNotMatch(await build(), FAST);
    await assertEqualsClean();
    assert.match(await build(), FAST);
  });

  test('--full always does the real work', async () => {
    const full = await clippings(['build', '--no-search', '--full'], root);
    assert.equal(full.code, 0, full.stderr);
    assert.doesNotMatch(full.stdout, FAST);
  });
});

describe('checkNoChange', () => {
  test('a new version of the program (any source, template or asset) fails the check', async () => {
    const project = path.join(root, 'project');
    await mkdir(path.join(project, 'src/site'), { recursive: true });
    await writeFile(path.join(project, 'src/site/page.ts'), 'export const a = 1;\n');
    const output = path.join(root, 'project-out');
    await mkdir(output);
    await writeFile(path.join(output, 'index.html'), '<p>x</p>');
    const cache = path.join(root, 'project-cache');
    const content = path.join(root, 'content');
    const inputs = await stampInputs(content, DEFAULT_SITE_CONFIG, project);
    const summary = { articles: 2, filesRead: 2, rejected: 0, warnings: 0, duplicatesMerged: 0, pagesTotal: 1, rejectedLines: [] };
    await writeStamp(stampPath(cache, output), newStamp(inputs, stampOutput(output, manifestPath(cache, output)), summary));
    assert.equal((await checkNoChange(await stampInputs(content, DEFAULT_SITE_CONFIG, project), output, cache, false)).unchanged, true);

    await writeFile(path.join(project, 'src/site/page.ts'), 'export const a = 2;\n');
    const check = await checkNoChange(await stampInputs(content, DEFAULT_SITE_CONFIG, project), output, cache, false);
    assert.equal(check.unchanged, false);
    assert.match(check.unchanged ? '' : check.reason, /the program changed/);
  });

  test('restamping an output from its previous stamp (reading only changed folders) equals stamping it afresh', async () => {
    const out = path.join(root, 'restamp');
    await mkdir(path.join(out, 'a/b'), { recursive: true });
    await mkdir(path.join(out, 'c'), { recursive: true });
    for (const f of ['index.html', 'a/index.html', 'a/b/index.html', 'c/index.html']) await writeFile(path.join(out, f), f);
    const manifest = path.join(root, 'restamp-manifest.json');
    const before = stampOutput(out, manifest);
    assert.equal(before.files, 4);
    await sleep(20);
    await writeFile(path.join(out, 'a/b/new.html'), 'new');
    await rm(path.join(out, 'c/index.html'));
    await mkdir(path.join(out, 'd/e'), { recursive: true });
    await writeFile(path.join(out, 'd/e/index.html'), 'deep');
    await writeFile(path.join(out, 'a/index.html'), 'edited in place');
    const again = stampOutput(out, manifest, before);
    assert.deepEqual(again, stampOutput(out, manifest));
    assert.equal(again.files, 5);
    assert.equal(outputChange(out, again, manifest), undefined);
    assert.equal(outputChange(out, before, manifest), out, 'the root folder gained d/: the first change found');
  });

  test('restamping after an incremental publish stats only the folders it changed, and equals stamping afresh', async () => {
    const out = path.join(root, 'restamp-touched');
    const staging = path.join(root, 'restamp-touched-staging');
    const tree = (dir: string, files: Record<string, string>): Promise<unknown> =>
      Promise.all(Object.entries(files).map(async ([f, text]) => {
        await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
        await writeFile(path.join(dir, f), text);
      }));
    await tree(out, { 'index.html': 'home', 'articles/a/index.html': 'a', 'articles/b/index.html': 'b', 'articles/c/index.html': 'c', 'search/s1/x.json': 'old', 'feed.xml': 'f' });
    const manifest = path.join(root, 'restamp-touched-manifest.json');
    const before = stampOutput(out, manifest);
    await sleep(20);
    // Rewritten in place by rename, a new page in a new folder, a search segment replaced whole, a page removed (its folder left empty goes too).
    await tree(staging, { 'index.html': 'home, new', 'articles/d/index.html': 'd', 'search/s1/y.json': 'new', 'feed.xml': 'f' });
    const touched = applyStaging(staging, out, { replaceDirs: new Set(['search/s1']), remove: ['articles/b/index.html'] });
    assert.ok(!touched.folders.has('articles/a'), 'an untouched folder is not listed');
    const again = stampOutput(out, manifest, before, touched);
    assert.deepEqual(again, stampOutput(out, manifest));
    assert.equal(again.files, 6);
    // What it did not stat is taken from the previous stamp: a file changed behind its back (not by the build) stays as it was stamped.
    const line = (stamp: { list: string }): string | undefined => stamp.list.split('\n').find((l) => l.startsWith('articles/a/index.html\t'));
    await sleep(20);
    await writeFile(path.join(out, 'articles/a/index.html'), 'A, edited');
    assert.equal(line(stampOutput(out, manifest, before, touched)), line(before));
    assert.notEqual(line(stampOutput(out, manifest)), line(before));
  });
});
