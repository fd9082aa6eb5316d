/**
 * Stories kept between builds (findStories with a `cacheFile`, src/archive/story-cache.ts): an archive
 * that gained its newest articles reuses the stories of its older part and finds the same stories as
 * without a cache; an article inserted earlier, an edited one, other options, or a damaged or foreign
 * file all give the stories found from scratch.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Article } from '../src/article/article.ts';
import { findStories, type FindStoriesOptions } from '../src/archive/find-stories.ts';
import { STORY_CACHE_VERSION } from '../src/archive/story-cache.ts';
import { readCheckedFile, writeCheckedFile } from '../src/runtime/checked-file.ts';
import { makeArticle } from './fixtures/features/make-article.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2020, 0, 1, 4);
const work = mkdtempSync(path.join(tmpdir(), 'story-cache-'));
after(() => rmSync(work, { recursive: true, force: true }));
let files = 0;
const cacheFile = (): string => path.join(work, `stories-${files++}.json`);

function article(id: string, outlet: string, title: string, text: string, hours: number): Article {
  return makeArticle({ id, url: `https://example.org/${id}`, title, text, lead: text.slice(0, 60), publishedAt: T0 + hours * HOUR, outlet: { key: outlet, name: outlet.toUpperCase() } });
}

/** Ten months: one unrelated article a day, and every 12 days one event told by three outlets in its own names. */
function archive(): Article[] {
  const places = ['巴黎', '柏林', '东京', '悉尼', '开罗', '利马', '奥斯陆', '首尔', '孟买', '罗马', '里约', '维也纳'];
  const things = ['画展', '马拉松', '葡萄酒节', '书展', '音乐会', '机器人大赛', '花卉展', '电影节', '烹饪比赛', '围棋赛'];
  const cities = ['休斯敦', '成都', '芝加哥', '旧金山', '西雅图', '波士顿', '亚特兰大', '丹佛', '迈阿密', '达拉斯', '凤凰城', '底特律', '费城', '匹兹堡', '纳什维尔', '奥兰多', '坦帕', '盐湖城', '波特兰', '檀香山', '安克雷奇', '巴尔的摩', '克利夫兰', '孟菲斯', '路易维尔'];
  const people = ['王建国', '李明华', '张志强', '刘德明', '陈光荣', '杨振宇', '赵国庆', '黄永胜', '周立波', '吴天明', '徐海涛', '孙志刚', '马云飞', '朱自清', '胡春华', '郭晶晶', '何振梁', '高德荣', '林书豪', '罗家英', '梁思成', '宋子文', '谢晋元', '韩正宇', '唐国强'];
  const articles: Article[] = [];
  for (let day = 0; day < 300; day++) {
    const subject = `${places[day % places.length]}${things[(day * 7) % things.length]}`;
    articles.push(article(`z${day}`, ['rfi', 'dw', 'voa'][day % 3]!, `${subject}第${day}届开幕`, `${subject}今天开幕，吸引大批观众。`, day * 24 + 1));
  }
  for (let e = 0; e * 12 + 3 < 300; e++) {
    const city = cities[e % cities.length]!;
    const person = people[e % people.length]!;
    const hours = (e * 12 + 3) * 24;
    articles.push(
      article(`e${e}a`, 'rfi', `美国下令关闭中国驻${city}总领馆 ${person}回应`, `美国要求中国在72小时内关闭驻${city}总领馆，总领事${person}谴责这是政治挑衅。`, hours),
      article(`e${e}b`, 'dw', `中國駐${city}總領館被勒令關閉 ${person}稱將反制`, `美國要求中國在72小時內關閉駐${city}總領館，總領事${person}稱將反制。`, hours + 6),
      article(`e${e}c`, 'voa', `${city}总领馆关闭在即 ${person}考虑报复`, `美国下令关闭中国驻${city}总领馆后，总领事${person}考虑关闭美国驻成都总领馆。`, hours + 20),
    );
  }
  return articles.sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
}

const all = archive();
const clean = findStories(all);

/** Adds a story of the first three articles to the kept file: found again only when the kept stories are reused. */
function plantStory(file: string): void {
  const body = readCheckedFile(file, STORY_CACHE_VERSION);
  assert.ok(body, 'the stories were kept');
  const kept = JSON.parse(body) as { stories: number[][] };
  kept.stories.push([0, 0, 1, 2]);
  const text = JSON.stringify(kept);
  writeCheckedFile(file, STORY_CACHE_VERSION, () => [text]);
}
const planted = (stories: ReturnType<typeof findStories>) => stories.some((s) => s.articleIds.join() === all.slice(0, 3).map((a) => a.id).join());

describe('findStories with kept stories', () => {
  test('the fixture has stories to find', () => {
    assert.ok(clean.length >= 20, `${clean.length} stories`);
  });

  test('adding the newest articles reuses the older stories and finds what a clean run finds', () => {
    for (const added of [1, 3, 40]) {
      const file = cacheFile();
      findStories(all.slice(0, -added), { cacheFile: file });
      plantStory(file);
      const stories = findStories(all, { cacheFile: file });
      assert.ok(planted(stories), `adding ${added}: the kept stories of the older part are reused`);
      assert.deepEqual(stories.filter((s) => !planted([s])), clean, `adding ${added}: the stories of a clean run`);
      // Without the planted story, what is kept equals a clean run, and stays so build after build.
      const honest = cacheFile();
      findStories(all.slice(0, -added - 2), { cacheFile: honest });
      findStories(all.slice(0, -added), { cacheFile: honest });
      assert.deepEqual(findStories(all, { cacheFile: honest }), clean);
    }
  });

  test("a word crossing half of an outlet's articles (its boilerplate): kept stories reused unless a kept vector uses it", () => {
    // 据悉 in 63 of RFI's 125 articles (the cut is stable(125) / 2 = 64) and in every other outlet's article
    // from then on: far too common to weigh in a vector, except in the archive's first days, when fewer than
    // 80 articles are around to tell common words. The newest article, RFI's 126th, has it: now RFI's boilerplate.
    for (const [from, reused] of [[30, true], [0, false]] as const) {
      const said = (a: Article) => {
        const day = Math.floor((a.publishedAt - T0) / (24 * HOUR));
        const has = a.id.startsWith('z') && day >= from && (a.outlet.key !== 'rfi' || day < from + 3 * 63);
        return has ? article(a.id, a.outlet.key, a.title, `据悉${a.text}`, (a.publishedAt - T0) / HOUR) : a;
      };
      const before = all.map(said);
      assert.equal(before.filter((a) => a.outlet.key === 'rfi' && a.text.includes('据悉')).length, 63);
      const now = [...before, article('z300', 'rfi', '巴黎书展第300届开幕', '据悉巴黎书展今天开幕，吸引大批观众。', 300 * 24 + 1)];
      const file = cacheFile();
      findStories(before, { cacheFile: file });
      plantStory(file);
      const stories = findStories(now, { cacheFile: file });
      assert.equal(planted(stories), reused, reused ? 'kept stories reused' : 'used by the first days: all found again');
      assert.deepEqual(stories.filter((s) => !planted([s])), findStories(now));
    }
  });

  test('nothing changed: the kept stories as they are', () => {
    const file = cacheFile();
    assert.deepEqual(findStories(all, { cacheFile: file }), clean);
    plantStory(file);
    assert.ok(planted(findStories(all, { cacheFile: file })));
  });

  test('an article inserted earlier, an edited or removed one: every story is found again', () => {
    const middle = all.findIndex((a) => a.id === 'e10a');
    const edited = all.map((a, i) => (i === middle ? article(a.id, 'rfi', '无关的标题', '完全无关的文字。', (a.publishedAt - T0) / HOUR) : a));
    const removed = all.filter((_, i) => i !== middle);
    for (const [name, before, now] of [
      ['inserted', removed, all],
      ['edited', all, edited],
      ['removed', all, removed],
    ] as const) {
      const file = cacheFile();
      findStories(before, { cacheFile: file });
      plantStory(file);
      const stories = findStories(now, { cacheFile: file });
      assert.ok(!planted(stories), `${name}: nothing kept is reused`);
      assert.deepEqual(stories, findStories(now), name);
    }
  });

  test('other options: every story is found again', () => {
    const file = cacheFile();
    findStories(all.slice(0, -1), { cacheFile: file });
    plantStory(file);
    const options: FindStoriesOptions = { minSimilarity: 0.3 };
    const stories = findStories(all, { ...options, cacheFile: file });
    assert.ok(!planted(stories));
    assert.deepEqual(stories, findStories(all, options));
  });

  test('a damaged, foreign or missing file is no cache', () => {
    const file = cacheFile();
    findStories(all.slice(0, -1), { cacheFile: file });
    const bytes = readFileSync(file);
    bytes[bytes.length - 20]! ^= 1;
    writeFileSync(file, bytes);
    assert.deepEqual(findStories(all, { cacheFile: file }), clean, 'damaged');
    writeFileSync(file, '{"version":1,"sum":"x"}\n{}');
    assert.deepEqual(findStories(all, { cacheFile: file }), clean, 'foreign');
    writeCheckedFile(file, STORY_CACHE_VERSION, () => ['{"key":1}']);
    assert.deepEqual(findStories(all, { cacheFile: file }), clean, 'not what stories keep');
    assert.deepEqual(findStories(all, { cacheFile: path.join(work, 'no', 'such', 'file.json') }), clean, 'missing, and cannot be written');
  });
});
