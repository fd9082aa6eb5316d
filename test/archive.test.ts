import assert from 'node:assert/strict';
import { mkdir, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Archive } from '../src/archive/archive.ts';
import type { LoadStats } from '../src/archive/load-archive.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { tempDirs } from './support/temp-dirs.ts';

const standIn = new URL('./fixtures/archive/stand-in-parser.ts', import.meta.url).href;
const tempDir = tempDirs('clippings-archive-');

function seed(ms: number, title: string, url: string, body: string, topic?: string): string {
  return `<!--${ms}-->\n[${title}](${url})\n${topic ? `topic: ${topic}\n` : ''}${body}\n`;
}

async function writeSeeds(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

async function load(dir: string, extra: { cacheDir?: string | false; workers?: number; timeZone?: string } = {}): Promise<{ archive: Archive; stats: LoadStats }> {
  let stats: LoadStats | undefined;
  const archive = await loadArchive(dir, {
    timeZone: extra.timeZone ?? 'Asia/Shanghai',
    outlets: [],
    cacheDir: extra.cacheDir ?? false,
    parserModule: standIn,
    ...(extra.workers === undefined ? {} : { workers: extra.workers }),
    onStats: (s) => (stats = s),
  });
  return { archive, stats: stats! };
}

const URL_A = 'https://www.rfi.fr/cn/a';
const captures = {
  old: seed(1693400000000, '旧标题', URL_A, 'first version'),
  mid: seed(1693410000000, '中标题', URL_A, 'second version'),
  new: seed(1693421125000, '新标题', URL_A, 'third version'),
};

describe('loadArchive: duplicates', () => {
  test('the newest capture wins whatever the file order, with every capture kept newest first', async () => {
    const orders = [
      ['old', 'mid', 'new'],
      ['new', 'old', 'mid'],
      ['mid', 'new', 'old'],
      ['new', 'mid', 'old'],
    ] as const;
    for (const order of orders) {
      const dir = await tempDir();
      // File names decide the read order: a-, b-, c- prefixes put the captures in `order`.
      await writeSeeds(dir, Object.fromEntries(order.map((which, i) => [`${'abc'[i]}-${which}.md`, captures[which]])));
      const { archive } = await load(dir);
      assert.equal(archive.articles.length, 1, `order ${order.join(',')}`);
      const [article] = archive.articles;
      assert.equal(article!.title, '新标题');
      assert.deepEqual(article!.captures.map((c) => c.title), ['新标题', '中标题', '旧标题']);
      assert.equal(article!.captures[0]!.contentHash, article!.contentHash);
      assert.equal(archive.duplicatesMerged, 2);
    }
  });

  test('byte-identical files count once; a same-time recapture is decided by contentHash, not by order', async () => {
    const twinA = seed(1693421125000, 'X', 'https://www.dw.com/zh/x', 'v1');
    const twinB = seed(1693421125000, 'X', 'https://www.dw.com/zh/x', 'v2');
    const results: string[] = [];
    for (const names of [['1.md', '2.md', '3.md'], ['3.md', '2.md', '1.md']]) {
      const dir = await tempDir();
      await writeSeeds(dir, { [names[0]!]: twinA, [`dup/${names[1]!}`]: twinA, [names[2]!]: twinB });
      const { archive } = await load(dir);
      assert.equal(archive.articles.length, 1);
      assert.equal(archive.articles[0]!.captures.length, 2, 'the byte twin is not a capture of its own');
      assert.equal(archive.duplicatesMerged, 2);
      assert.equal(archive.filesRead, 3);
      results.push(archive.articles[0]!.contentHash);
    }
    assert.equal(results[0], results[1]);
  });
});

describe('loadArchive: grouping and rejection', () => {
  test('groups by topic (taxonomy order), outlet, year → month → day in the configured zone', async () => {
    const dir = await tempDir();
    await writeSeeds(dir, {
      'rfi/1.md': seed(1693421125000, '白宫', 'https://www.rfi.fr/cn/1', 'x', '国际|国际'), // 2023-08-31 02:45 Shanghai
      'rfi/2.md': seed(1693300000000, '北京', 'https://www.rfi.fr/cn/2', 'x', '中国|中国'),
      'dw/3.md': seed(1596000000000, '柏林', 'https://www.dw.com/zh/3', 'x', '德国|de-guo'),
      'dw/4.md': seed(1596000001000, '空', 'https://www.dw.com/zh/4', '', '德国|de-guo'),
    });
    const { archive } = await load(dir);
    // RFI's sections map onto the taxonomy; 柏林 is a keyword of 欧洲; 空 says nothing: the fallback, listed last.
    assert.deepEqual(archive.topics.map((t) => t.key.label), ['中国', '欧洲', '国际', '综合']);
    assert.deepEqual(archive.outlets.map((o) => o.key.key), ['dw', 'rfi']);
    assert.deepEqual(archive.articles.map((a) => a.title), ['白宫', '北京', '空', '柏林']);
    assert.deepEqual(archive.years.map((y) => [y.year, y.count]), [['2023', 2], ['2020', 2]]);
    assert.deepEqual(archive.years[0]!.months[0]!.days.map((d) => d.day), ['2023-08-31', '2023-08-29']);
    assert.equal(archive.warnings.length, 1);
    assert.match(archive.warnings[0]!.path, /dw\/4\.md$/);

    const utc = await load(dir, { timeZone: 'UTC' });
    assert.deepEqual(utc.archive.years[0]!.months[0]!.days.map((d) => d.day), ['2023-08-30', '2023-08-29']);
  });

  test('rejects files whose first line is not a timestamp, skips hidden files, names paths as given', async () => {
    const dir = await tempDir();
    await writeSeeds(dir, {
      'ok.md': seed(1693421125000, 'T', 'https://www.rfi.fr/cn/1', 'x'),
      'README.txt': 'This folder holds seeds.\n',
      '.hidden.md': 'not read\n',
      '.git/config': 'not read\n',
    });
    const { archive } = await load(dir);
    assert.equal(archive.filesRead, 2);
    assert.equal(archive.articles.length, 1);
    assert.deepEqual(archive.rejected.map((r) => r.path), [`${dir}/README.txt`]);
    assert.equal(archive.rejected[0]!.problems[0]!.line, 1);
  });

  test('the same files give the same Archive with or without workers', async () => {
    const dir = await tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) {
      const url = `https://www.voa.com/zh/${i % 90}`; // 30 URLs recaptured
      files[`voa/${String(i).padStart(3, '0')}.md`] = seed(1600000000000 + ((i * 7919) % 100) * 3600_000, `标题${i}`, url, `body ${i}`, i % 3 ? '国际|guo-ji' : '中国|zhong-guo');
    }
    files['voa/bad.md'] = 'no stamp\n';
    await writeSeeds(dir, files);
    const here = await load(dir, { workers: 0 });
    const pooled = await load(dir, { workers: 2 });
    assert.equal(pooled.stats.parsed, 121);
    assert.deepEqual(pooled.archive, here.archive);
    assert.equal(here.archive.articles.length, 90);
    assert.equal(here.archive.duplicatesMerged, 30);
  });
});

describe('loadArchive: parse cache', () => {
  test('an unchanged seed is never parsed twice; an edit reparses only that file; a new PARSER_VERSION reparses all', async () => {
    const dir = await tempDir();
    const cacheDir = path.join(await tempDir(), 'parse');
    await writeSeeds(dir, {
      'a.md': seed(1693421125000, 'A', 'https://www.rfi.fr/cn/a', 'x'),
      'b.md': seed(1693421126000, 'B', 'https://www.rfi.fr/cn/b', 'x'),
      'c.md': 'broken\n',
    });
    const first = await load(dir, { cacheDir });
    assert.equal(first.stats.parsed, 3);
    const second = await load(dir, { cacheDir });
    assert.equal(second.stats.parsed, 0);
    assert.deepEqual(second.archive, first.archive);

    await writeFile(path.join(dir, 'b.md'), seed(1693421126000, 'B2', 'https://www.rfi.fr/cn/b', 'edited'));
    const third = await load(dir, { cacheDir });
    assert.equal(third.stats.parsed, 1);
    assert.equal(third.archive.articles.find((a) => a.url.endsWith('/b'))!.title, 'B2');

    // Same bytes under another path: served from the cache, with the new path re-applied.
    await writeFile(path.join(dir, 'copy-of-a.md'), await readFile(path.join(dir, 'a.md')));
    await rm(path.join(dir, 'a.md'));
    const moved = await load(dir, { cacheDir });
    assert.equal(moved.stats.parsed, 0);
    const a = moved.archive.articles.find((x) => x.url.endsWith('/a'))!;
    assert.equal(a.sourcePath, `${dir}/copy-of-a.md`);
    assert.equal(a.captures[0]!.sourcePath, `${dir}/copy-of-a.md`);

    process.env.STAND_IN_PARSER_VERSION = 'stand-in-2';
    try {
      // The parser module is cached by the ESM loader, so a fresh URL makes it re-read the variable.
      let stats: LoadStats | undefined;
      await loadArchive(dir, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir, parserModule: `${standIn}?v=2`, workers: 0, onStats: (s) => (stats = s) });
      assert.equal(stats!.parsed, 3);
    } finally {
      delete process.env.STAND_IN_PARSER_VERSION;
    }
    const other = await load(dir, { cacheDir, timeZone: 'UTC' });
    assert.equal(other.stats.parsed, 3, 'another time zone is another cache key');
  });

  test('a damaged or cut-short store costs only the results after the damage: read up to it, parsed again, written anew', async () => {
    const dir = await tempDir();
    const cacheDir = path.join(await tempDir(), 'parse');
    await writeSeeds(dir, {
      'a-old.md': captures.old,
      'b-new.md': captures.new,
      'c.md': seed(1693421126000, '第二篇', 'https://www.rfi.fr/cn/b', '正文：中文与 English text\u2028'),
    });
    const first = await load(dir, { cacheDir });
    assert.equal(first.stats.parsed, 3);
    const [name] = (await readdir(cacheDir)).filter((n) => n.endsWith('.store'));
    const store = path.join(cacheDir, name!);
    const whole = await readFile(store);
    const again = await load(dir, { cacheDir });
    assert.equal(again.stats.parsed, 0);
    assert.deepEqual(again.archive, first.archive, 'bodies, texts and captures read back as they were');

    const damaged = Buffer.from(whole);
    damaged[damaged.length - 3] = 0xff - damaged[damaged.length - 3]!; // inside the last record's texts
    await writeFile(store, damaged);
    const afterDamage = await load(dir, { cacheDir });
    assert.equal(afterDamage.stats.parsed, 1, 'only the damaged record is parsed again');
    assert.deepEqual(afterDamage.archive, first.archive);
    assert.deepEqual(await readFile(store), whole, 'and the store is written anew');

    await writeFile(store, whole.subarray(0, whole.length - 5));
    const afterCut = await load(dir, { cacheDir });
    assert.equal(afterCut.stats.parsed, 1);
    assert.deepEqual(afterCut.archive, first.archive);
    assert.equal((await load(dir, { cacheDir })).stats.parsed, 0);
  });

  test('seed hashes are kept by file metadata: unchanged files are taken from the cache, an edit of the same size is still seen', async () => {
    const dir = await tempDir();
    const cacheDir = path.join(await tempDir(), 'parse');
    await writeSeeds(dir, { 'a.md': seed(1693421125000, 'AAAA', 'https://www.rfi.fr/cn/a', 'x'), 'b.md': seed(1693421126000, 'BBBB', 'https://www.rfi.fr/cn/b', 'x') });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // older than the racy window: their hashes are kept
    const first = await load(dir, { cacheDir });
    assert.equal(first.stats.parsed, 2);
    assert.ok((await readdir(cacheDir)).includes('seed-hashes.json'));
    const again = await load(dir, { cacheDir });
    assert.equal(again.stats.parsed, 0);
    assert.deepEqual(again.archive, first.archive);
    await writeFile(path.join(dir, 'b.md'), seed(1693421126000, 'CCCC', 'https://www.rfi.fr/cn/b', 'x')); // same size
    const edited = await load(dir, { cacheDir });
    assert.equal(edited.stats.parsed, 1);
    assert.equal(edited.archive.articles.find((a) => a.url.endsWith('/b'))!.title, 'CCCC');
    await writeFile(path.join(cacheDir, 'seed-hashes.json'), 'damaged');
    assert.deepEqual((await load(dir, { cacheDir })).archive, edited.archive, 'a damaged file: every seed read again');
  });
});
