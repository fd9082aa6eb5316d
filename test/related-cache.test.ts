import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../src/article/article.ts';
import { findRelated, relatedWithScores, type FindRelatedOptions } from '../src/archive/find-related.ts';
import { makeArticle } from './fixtures/features/make-article.ts';
import { tempDirs } from './support/temp-dirs.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 9, 1);
const tempDir = tempDirs('clippings-related-cache-');

function article(id: string, title: string, day: number, extra: Partial<Article> = {}): Article {
  return makeArticle({ id, url: `https://example.org/${id}`, title, publishedAt: T0 + day * DAY, ...extra });
}

/** Three stories told over a few days, among filler articles on other subjects. */
function archive(): Article[] {
  const subjects = ['足球比赛', '股市行情', '天气预报', '电影节', '科技公司', '疫苗研发', '气候变化', '火星探测'];
  const filler = Array.from({ length: 80 }, (_, i) => article(`z${String(i).padStart(3, '0')}`, `${subjects[i % subjects.length]}第${i}期报道`, i % 40, { topic: { label: '其他', slug: 'other' } }));
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

const SITE: FindRelatedOptions = { limit: 5, earlierOnly: true };

async function cacheFile(): Promise<string> {
  return path.join(await tempDir(), 'related.json');
}

test('lists read back from the cache file are the lists computed fresh, scores included', async () => {
  const file = await cacheFile();
  const articles = archive();
  const fresh = relatedWithScores(articles, SITE);
  assert.deepEqual(relatedWithScores(articles, { ...SITE, cacheFile: file }), fresh, 'first build: computed and kept');
  assert.deepEqual(relatedWithScores([...articles].reverse(), { ...SITE, cacheFile: file }), fresh, 'second build: read back');
  assert.deepEqual(findRelated(articles, { ...SITE, cacheFile: file }).get('a3'), ['a2', 'a1']);
});

test('a rebuild takes unchanged lists from the file: only a newer article is computed', async () => {
  const file = await cacheFile();
  const articles = archive();
  findRelated(articles, { ...SITE, cacheFile: file });
  // Tamper with a kept list: a rebuild that shows it read the file, not computed the list.
  const [header, body] = readFileSync(file, 'utf8').split('\n') as [string, string];
  const lists = JSON.parse(body) as Record<string, [string, number][]>;
  const aKey = Object.keys(lists).find((key) => lists[key]!.some(([id]) => id === 'a1'))!;
  lists[aKey] = [['z001', 1]];
  const forged = JSON.stringify(lists);
  writeFileSync(file, `${JSON.stringify({ ...(JSON.parse(header) as object), sum: createHash('sha1').update(forged).digest('hex') })}\n${forged}`);
  const newest = article('c3', '嫦娥五号返回器着陆 月壤样品', 32);
  const related = findRelated([...articles, newest], { ...SITE, cacheFile: file });
  assert.ok([...related.values()].some((list) => list.length === 1 && list[0] === 'z001'), 'the kept list was read');
  assert.deepEqual(related.get('c3'), findRelated([...articles, newest], SITE).get('c3'), 'the new article is computed');
});

test('a changed earlier article makes the later lists computed again, equal to a clean build', async () => {
  const file = await cacheFile();
  const articles = archive();
  findRelated(articles, { ...SITE, cacheFile: file });
  // The earliest story article rewritten, and another moved to another topic (a retrain does that).
  const changed = articles.map((a) =>
    a.id === 'a1' ? article('a1', '美国大选提前投票 拜登民调领先', 10) : a.id === 'z005' ? { ...a, topic: { label: '国际', slug: 'international' } } : a,
  );
  const rebuilt = relatedWithScores(changed, { ...SITE, cacheFile: file });
  assert.deepEqual(rebuilt, relatedWithScores(changed, SITE));
  assert.ok(rebuilt.get('b2')!.some((r) => r.id === 'a1'), 'a later list sees the changed article');
  assert.deepEqual(relatedWithScores(changed, { ...SITE, cacheFile: file }), rebuilt, 'and keeps the new lists');
});

test('other options are other keys: the file of one setting never answers for another', async () => {
  const file = await cacheFile();
  const articles = archive();
  findRelated(articles, { ...SITE, cacheFile: file });
  assert.deepEqual(findRelated(articles, { ...SITE, limit: 1, cacheFile: file }), findRelated(articles, { ...SITE, limit: 1 }));
});

test('a broken, truncated or foreign cache file is no cache: the lists are computed', async () => {
  const file = await cacheFile();
  const articles = archive();
  const fresh = relatedWithScores(articles, SITE);
  findRelated(articles, { ...SITE, cacheFile: file });
  const whole = readFileSync(file, 'utf8');
  const [header, body] = whole.split('\n') as [string, string];
  const signed = (text: string): string => `${JSON.stringify({ version: 1, sum: createHash('sha1').update(text).digest('hex') })}\n${text}`;
  const damaged = [
    whole.slice(0, whole.length >> 1),
    'not json',
    `${header}\n${body.replace(/"a1"/g, '"a2"')}`, // a changed list under the old checksum
    signed(body).replace('"version":1', '"version":0'),
    signed(JSON.stringify({ x: 3 })),
  ];
  for (const broken of damaged) {
    writeFileSync(file, broken);
    assert.deepEqual(relatedWithScores(articles, { ...SITE, cacheFile: file }), fresh);
  }
});
