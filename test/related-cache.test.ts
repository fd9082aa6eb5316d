import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../src/article/article.ts';
import { findRelated, relatedWithScores, type FindRelatedOptions } from '../src/archive/find-related.ts';
import { RELATED_STATE_VERSION } from '../src/archive/related-state-file.ts';
import { makeArticle } from './fixtures/features/make-article.ts';
import { tempDirs } from './support/temp-dirs.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 9, 1);
const tempDir = tempDirs('clippings-related-cache-');

/** An article whose seed bytes are its own (contentHash), as the parser gives them. */
function article(id: string, title: string, day: number, extra: Partial<Article> = {}): Article {
  const text = `${title}。${extra.text ?? ''}`;
  return makeArticle({ id, url: `https://example.org/${id}`, title, text, publishedAt: T0 + day * DAY, contentHash: sha1(`${id}\n${title}\n${text}`), ...extra });
}

const OUTLETS = [
  { key: 'rfi', name: '法广' },
  { key: 'dw', name: '德国之声' },
];

/** Three stories told over a few days, among filler articles on other subjects (two outlets, each with its sign-off). */
function archive(): Article[] {
  const subjects = ['足球比赛', '股市行情', '天气预报', '电影节', '科技公司', '疫苗研发', '气候变化', '火星探测'];
  const filler = Array.from({ length: 80 }, (_, i) => {
    const outlet = OUTLETS[i % 2]!;
    return article(`z${String(i).padStart(3, '0')}`, `${subjects[i % subjects.length]}第${i}期报道`, i % 40, { outlet, text: `${outlet.name}报道。`, topic: { label: '其他', slug: 'other' } });
  });
  return [
    ...filler,
    article('a1', '香港国安法实施首日 多人被捕', 10),
    article('a2', '香港国安法实施 首日逾三百人被捕', 11),
    article('a3', '国安法下的香港：示威者被捕', 12),
    article('b1', '美国大选投票开始 拜登领先', 20),
    article('b2', '拜登在美国大选中领先', 21),
    article('b3', '美国大选 拜登领先川普', 22),
    article('c1', '嫦娥五号成功着陆月球', 30),
    article('c2', '嫦娥五号着陆月球 采集月壤', 31),
  ];
}

/** Newer than every article of `archive()`, one a day: the daily build's new articles. */
const NEWER = [
  article('c3', '嫦娥五号返回器着陆 月壤样品', 41),
  article('b4', '拜登胜选 美国大选结果', 42, { outlet: OUTLETS[1]! }),
  article('n1', '新闻机构报道 火星探测器', 43, { outlet: { key: 'voa', name: '美国之音' } }), // an outlet new to the file
  article('a4', '香港国安法 被捕者出庭', 44, { text: '法广报道。' }),
];

const SITE: FindRelatedOptions = { limit: 5, earlierOnly: true };
const KEPT: FindRelatedOptions = { ...SITE, sourceKey: 'parser 1' };

async function cacheFile(): Promise<string> {
  return path.join(await tempDir(), 'related.bin');
}

test('lists read back from the cache file are the lists computed fresh, scores included', async () => {
  for (const options of [SITE, KEPT]) {
    const file = await cacheFile();
    const articles = archive();
    const fresh = relatedWithScores(articles, SITE);
    assert.deepEqual(relatedWithScores(articles, { ...options, cacheFile: file }), fresh, 'first build: computed and kept');
    assert.deepEqual(relatedWithScores([...articles].reverse(), { ...options, cacheFile: file }), fresh, 'second build: read back');
    assert.deepEqual(findRelated(articles, { ...options, cacheFile: file }).get('a3'), ['a2', 'a1']);
  }
});

test('articles newer than all are computed against the kept index, equal to a clean build, without reading an older article', async () => {
  for (const options of [SITE, KEPT]) {
    const file = await cacheFile();
    let articles = archive();
    findRelated(articles, { ...options, cacheFile: file });
    for (const newer of NEWER) {
      const clean = relatedWithScores([...articles, newer], SITE);
      // Under a sourceKey, older articles are known by contentHash: their title, lead and text are never read.
      const older = options.sourceKey === undefined ? articles : articles.map(sealed);
      assert.deepEqual(relatedWithScores([...older, newer], { ...options, cacheFile: file }), clean, `${newer.id} added`);
      articles = [...articles, newer];
    }
    assert.deepEqual(findRelated(articles, SITE).get('a4')?.slice(0, 3).sort(), ['a1', 'a2', 'a3'], 'a story goes on across builds');
    assert.deepEqual(relatedWithScores(articles, { ...options, cacheFile: file }), relatedWithScores(articles, SITE), 'and is read back');
  }
});

test('the lists and index are read from the file: a forged score comes back', async () => {
  const file = await cacheFile();
  const articles = archive();
  findRelated(articles, { ...KEPT, cacheFile: file });
  editSigned(file, (scores) => scores.fill(7));
  const rebuilt = relatedWithScores([...articles, NEWER[0]!], { ...KEPT, cacheFile: file });
  assert.deepEqual(rebuilt.get('a3')!.map((r) => r.score), [7, 7], 'a kept list is read, not computed');
  assert.deepEqual(rebuilt.get('c3'), relatedWithScores([...articles, NEWER[0]!], SITE).get('c3'), 'the new article is computed');
});

test('an earlier article inserted, changed, re-topicked or removed: every later list computed again, equal to a clean build', async () => {
  for (const options of [SITE, KEPT]) {
    const file = await cacheFile();
    const articles = archive();
    findRelated(articles, { ...options, cacheFile: file });
    const inserted = [...articles, article('a0', '香港国安法草案公布', 9)];
    assert.deepEqual(relatedWithScores(inserted, { ...options, cacheFile: file }), relatedWithScores(inserted, SITE), 'inserted');
    assert.ok(findRelated(inserted, SITE).get('a1')!.includes('a0'), 'a later list sees the inserted article');
    // The earliest story article rewritten (another seed), and another moved to another topic (a retrain does that).
    const changed = inserted.map((a) =>
      a.id === 'a1' ? article('a1', '美国大选提前投票 拜登民调领先', 10) : a.id === 'z005' ? { ...a, topic: { label: '国际', slug: 'international' } } : a,
    );
    const rebuilt = relatedWithScores(changed, { ...options, cacheFile: file });
    assert.deepEqual(rebuilt, relatedWithScores(changed, SITE), 'changed');
    assert.ok(rebuilt.get('b2')!.some((r) => r.id === 'a1'), 'a later list sees the changed article');
    for (const fewer of [changed.filter((a) => a.id !== 'b1'), changed.filter((a) => a.id !== 'c2')]) {
      assert.deepEqual(relatedWithScores(fewer, { ...options, cacheFile: file }), relatedWithScores(fewer, SITE), 'removed');
    }
    const again = [...changed, NEWER[0]!];
    assert.deepEqual(relatedWithScores(again, { ...options, cacheFile: file }), relatedWithScores(again, SITE), 'the newest back, and one more');
  }
});

test('other options or another source key are other keys: the file of one never answers for another', async () => {
  const file = await cacheFile();
  const articles = archive();
  findRelated(articles, { ...KEPT, cacheFile: file });
  assert.deepEqual(findRelated(articles, { ...KEPT, limit: 1, cacheFile: file }), findRelated(articles, { ...SITE, limit: 1 }));
  findRelated(articles, { ...KEPT, cacheFile: file });
  // Another parser: the same seed bytes may give other fields.
  const reparsed = articles.map((a) => (a.id === 'a1' ? { ...a, title: '美国大选提前投票 拜登民调领先' } : a));
  assert.deepEqual(relatedWithScores(reparsed, { ...KEPT, sourceKey: 'parser 2', cacheFile: file }), relatedWithScores(reparsed, SITE));
});

test('a broken, truncated or foreign cache file is no cache: the lists are computed', async () => {
  const file = await cacheFile();
  const articles = archive();
  const fresh = relatedWithScores(articles, SITE);
  findRelated(articles, { ...KEPT, cacheFile: file });
  const whole = readFileSync(file);
  const flipped = Buffer.from(whole);
  flipped[whole.length >> 1]! ^= 1;
  const damaged: Uint8Array[] = [
    whole.subarray(0, whole.length >> 1),
    flipped, // a changed byte under the old checksum
    Buffer.from(whole.toString('latin1').replace(`"version":${RELATED_STATE_VERSION}`, '"version":1'), 'latin1'),
    Buffer.from('not a cache'),
    Buffer.alloc(0),
    Buffer.from(`${JSON.stringify({ version: 1, sum: sha1('{}') })}\n{}`), // the JSON lists of the version before
  ];
  for (const broken of damaged) {
    writeFileSync(file, broken);
    assert.deepEqual(relatedWithScores(articles, { ...KEPT, cacheFile: file }), fresh);
    writeFileSync(file, broken);
    const newer = [...articles, NEWER[0]!];
    assert.deepEqual(relatedWithScores(newer, { ...KEPT, cacheFile: file }), relatedWithScores(newer, SITE));
  }
  // A file whose lists point past their own article, signed: read as no cache.
  findRelated(articles, { ...KEPT, cacheFile: file });
  editSigned(file, (_, others) => others.fill(articles.length + 5));
  assert.deepEqual(relatedWithScores(articles, { ...KEPT, cacheFile: file }), fresh);
});

/** A copy whose title, lead and text cannot be read. */
function sealed(a: Article): Article {
  const unread = (): never => assert.fail(`${a.id}: an older article was read`);
  return Object.defineProperties({ ...a }, { title: { get: unread }, lead: { get: unread }, text: { get: unread } });
}

/** Edits the kept lists' scores and earlier-article indexes of `file` and signs it again (the layout of src/archive/related-state-file.ts). */
function editSigned(file: string, edit: (scores: Float64Array, others: Int32Array) => void): void {
  const bytes = Buffer.from(readFileSync(file)); // own buffer: offset 0, 8-byte aligned
  const metaBytes = bytes.readUInt32LE(64);
  const meta = JSON.parse(bytes.toString('utf8', 68, 68 + metaBytes)) as { docs: number; fingerprintBytes: number; listEntries: number };
  const align = (at: number): number => (at + 7) & ~7;
  const others = align(align(align(align(68 + metaBytes) + meta.fingerprintBytes) + meta.docs * 8) + (meta.docs + 1) * 4);
  const scores = align(others + meta.listEntries * 4);
  edit(new Float64Array(bytes.buffer, bytes.byteOffset + scores, meta.listEntries), new Int32Array(bytes.buffer, bytes.byteOffset + others, meta.listEntries));
  const header = JSON.stringify({ version: RELATED_STATE_VERSION, sum: createHash('sha1').update(bytes.subarray(64)).digest('hex') }).padEnd(63);
  bytes.write(`${header}\n`, 0, 'latin1');
  writeFileSync(file, bytes);
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
