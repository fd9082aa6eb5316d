import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clippings } from './fixtures/cli/run-clippings.ts';
import { snapshotTree as snapshot, assertSameTree } from './support/snapshot-tree.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const fixtures = path.join(repo, 'test/fixtures/cli');
let root = '';



before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'clippings-rebuild-'));
  await mkdir(path.join(root, 'content'));
  await copyFile(path.join(repo, 'content/000_08cb497c288dbfaf.txt'), path.join(root, 'content/seed.txt'));
  for (const name of ['rfi-china.md', 'dw-berlin.md']) await copyFile(path.join(fixtures, name), path.join(root, 'content', name));
});
after(() => rm(root, { recursive: true, force: true }));

describe('incremental rebuilds and atomic publishing', () => {
  test('add + edit + delete, rebuilt incrementally, equals a clean --full build file by file', async () => {
    const first = await clippings(['build', '--quiet'], root);
    assert.equal(first.code, 0, first.stderr);
    const dwPage = (await readdir(path.join(root, '_site/articles'))).length;
    assert.equal(dwPage, 3);

    await copyFile(path.join(fixtures, 'rfi-new.md'), path.join(root, 'content/rfi-new.md'));
    const china = path.join(root, 'content/rfi-china.md');
    await writeFile(china, (await readFile(china, 'utf8')).replace('北京举行夏季文化节', '北京举行盛大夏季文化节'));
    await rm(path.join(root, 'content/dw-berlin.md'));

    const again = await clippings(['build'], root);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /\(incremental\)/);
    const written = Number(/pages written\s+(\d+) of (\d+)/.exec(again.stdout)?.[1]);
    const total = Number(/pages written\s+(\d+) of (\d+)/.exec(again.stdout)?.[2]);
    assert.ok(written < total, `only changed pages are rendered (${written} of ${total})`);

    const clean = await clippings(['build', '--full', '--quiet', '--output', 'full-site'], root);
    assert.equal(clean.code, 0, clean.stderr);
    const incremental = await snapshot(path.join(root, '_site'));
    assertSameTree(incremental, await snapshot(path.join(root, 'full-site')));

    // The deleted article's page is gone and no page links to it.
    assert.ok(![...incremental.keys()].some((rel) => rel.startsWith('outlets/dw/')));
    for (const rel of [...incremental.keys()].filter((r) => r.endsWith('.html'))) {
      assert.ok(!(await readFile(path.join(root, '_site', rel), 'utf8')).includes('柏林动物园'), `${rel} still mentions the deleted article`);
    }

    const noChange = await clippings(['build'], root);
    assert.match(noChange.stdout, /pages written\s+0 of/);
    assertSameTree(await snapshot(path.join(root, '_site')), incremental);
  });

  test('a build that fails after rendering (CLIPPINGS_FAIL_AFTER_RENDER=1) leaves the previous output intact', async () => {
    const before = await snapshot(path.join(root, '_site'));
    await copyFile(path.join(fixtures, 'dw-berlin.md'), path.join(root, 'content/dw-berlin.md'));
    const failed = await clippings(['build', '--quiet'], root, { CLIPPINGS_FAIL_AFTER_RENDER: '1' });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /CLIPPINGS_FAIL_AFTER_RENDER/);
    assertSameTree(await snapshot(path.join(root, '_site')), before);
    assert.deepEqual((await readdir(root)).filter((n) => n.includes('.staging-') || n.includes('.old-')), [], 'no staging folder left');
    const recovered = await clippings(['build', '--quiet'], root);
    assert.equal(recovered.code, 0, recovered.stderr);
    assert.ok((await readdir(path.join(root, '_site/outlets'))).includes('dw'));
  });
});

describe('clippings add', () => {
  test('valid, invalid, duplicate and newer-capture files; the given files are never modified', async () => {
    const inbox = path.join(root, 'inbox');
    await mkdir(inbox);
    for (const name of ['rfi-new.md', 'malformed.md', 'rfi-china-recapture.md']) await copyFile(path.join(fixtures, name), path.join(inbox, name));
    await writeFile(path.join(inbox, 'seed-copy.txt'), await readFile(path.join(repo, 'content/000_08cb497c288dbfaf.txt')));
    const archive = path.join(root, 'archive');
    await mkdir(archive);
    await copyFile(path.join(fixtures, 'rfi-china.md'), path.join(archive, 'rfi-china.md'));
    await copyFile(path.join(repo, 'content/000_08cb497c288dbfaf.txt'), path.join(archive, 'seed.txt'));
    const given = await snapshot(inbox);

    const add = await clippings(['add', inbox, '--input', archive], root);
    assert.equal(add.code, 1, 'exit 1: one file was refused');
    assert.match(add.stdout, /refused .*malformed\.md:\n {2}.*malformed\.md:1: expected a timestamp comment/);
    assert.match(add.stdout, /skipped .*seed-copy\.txt: already in the archive/);
    assert.match(add.stdout, /added .*rfi-china-recapture\.md → .*\(newer capture of /);
    assert.match(add.stdout, /added .*rfi-new\.md → .*rfi\/1693500000000-[0-9a-f]{8}\.md/);
    assert.match(add.stdout, /2 added, 1 skipped, 1 refused/);
    assertSameTree(await snapshot(inbox), given);
    const added = (await readdir(path.join(archive, 'rfi'))).sort();
    assert.equal(added.length, 2);
    assert.ok(!added.some((name) => name.startsWith('.')), 'no temp files left');

    const twice = await clippings(['add', path.join(inbox, 'rfi-new.md'), '--input', archive], root);
    assert.equal(twice.code, 0);
    assert.match(twice.stdout, /0 added, 1 skipped, 0 refused/);
  });
});
