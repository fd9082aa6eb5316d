import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../src/article/article.ts';
import { extractTerms, findRelated } from '../src/archive/find-related.ts';
import { makeArticle } from './fixtures/features/make-article.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 9, 1);

function article(id: string, title: string, extra: Partial<Article> = {}): Article {
  return makeArticle({ id, url: `https://example.org/${id}`, title, publishedAt: T0, ...extra });
}

/** Filler articles on other subjects, so that story terms are rare enough to count. */
function filler(count: number): Article[] {
  const subjects = ['足球比赛', '股市行情', '天气预报', '电影节', '科技公司', '疫苗研发', '气候变化', '火星探测'];
  return Array.from({ length: count }, (_, i) =>
    article(`z${String(i).padStart(3, '0')}`, `${subjects[i % subjects.length]}第${i}期报道`, {
      topic: { label: '其他', slug: 'other' },
      publishedAt: T0 - (i % 50) * DAY,
    }),
  );
}

test('extractTerms: CJK bigrams and lowercase Latin words', () => {
  assert.deepEqual([...extractTerms('香港国安法 Hong Kong')].sort(), ['hong', 'kong', '国安', '安法', '港国', '香港'].sort());
  assert.deepEqual([...extractTerms('美')], ['美']);
});

test('extractTerms: no bigram across punctuation, no bare numbers or English function words', () => {
  assert.deepEqual([...extractTerms('香港，国安法“实施”')].sort(), ['国安', '安法', '实施', '香港'].sort());
  assert.deepEqual([...extractTerms('2020年11月 the COVID-19 of Biden')].sort(), ['biden', 'covid', '年', '月'].sort());
});

test('an article about a story lists the other articles of that story before unrelated ones of its topic', () => {
  const hk = { label: '港澳台', slug: 'gang-ao-tai' };
  const body = (words: string) => `${words}。`.repeat(3);
  const articles = [
    article('q1', '网台主持被捕 首见以国安法打压筹款', { topic: hk, text: body('警方国安处以国安法拘捕网台主持') }),
    // Same story told with other words in the title: found through the body text.
    article('q2', '港警再拘捕三人', { topic: hk, text: body('警方国安处依据国安法拘捕三名筹款人'), publishedAt: T0 + 2 * DAY }),
    article('q3', '国安法下首个被封的香港网站', { topic: hk, text: body('香港编年史网站因国安法被封'), publishedAt: T0 + 30 * DAY }),
    // Same topic, other stories.
    ...['香港防疫措施延长', '港珠澳大桥客流回升', '台湾选举结果公布', '澳门赌业收入下跌'].map((title, i) =>
      article(`r${i}`, title, { topic: hk, text: body(`${title}，各界关注`), publishedAt: T0 + i * DAY }),
    ),
    ...filler(60),
  ];
  const related = findRelated(articles).get('q1') ?? [];
  assert.deepEqual(related.slice(0, 2).sort(), ['q2', 'q3']);
  assert.ok(related.every((id) => id.startsWith('q')), related.join());
});

test('one shared common bigram is not enough to relate two articles', () => {
  const articles = [article('m1', '德国足球联赛开幕'), article('m2', '德国总理访问巴黎'), ...filler(60)];
  assert.deepEqual(findRelated(articles).get('m1'), []);
});

test('never the article itself, nor another capture of it (same canonical URL)', () => {
  const twin = article('d2', '嫦娥五号成功着陆月球', { canonicalUrl: 'https://example.org/d1' });
  const related = findRelated([article('d1', '嫦娥五号成功着陆月球'), twin, article('d3', '嫦娥五号着陆月球'), ...filler(60)]);
  assert.deepEqual(related.get('d1'), ['d3']);
  assert.deepEqual(related.get('d3'), ['d1', 'd2']);
});

test('articles about the same story are related, best first; unrelated ones are not', () => {
  const articles = [
    article('a1', '香港国安法实施首日 多人被捕'),
    article('a2', '香港国安法实施 首日逾三百人被捕', { publishedAt: T0 + DAY }),
    article('a3', '国安法下的香港：示威者被捕', { publishedAt: T0 + 2 * DAY }),
    article('b1', '美国大选投票开始 拜登领先'),
    article('b2', '拜登在美国大选中领先', { publishedAt: T0 + DAY }),
    ...filler(60),
  ];
  const related = findRelated(articles);
  assert.equal(related.size, articles.length, 'every article gets an entry');
  assert.deepEqual(related.get('a1')?.slice(0, 2), ['a2', 'a3']);
  assert.deepEqual(related.get('b1'), ['b2']);
  assert.ok(!related.get('a1')?.includes('b1'));
  assert.ok(!related.get('b2')?.some((id) => id.startsWith('a')));
});

test('lead terms count too, with less weight than title terms', () => {
  const articles = [
    article('x1', '欧盟峰会', { lead: '欧盟领导人讨论复苏基金预算' }),
    article('x2', '布鲁塞尔会谈', { lead: '各国讨论复苏基金预算的分配' }),
    ...filler(40),
  ];
  assert.deepEqual(findRelated(articles).get('x1'), ['x2']);
});

test('a shared topic and closeness in time rank otherwise equal candidates', () => {
  const base = article('s0', '武汉疫情封城');
  const sameTopicFar = article('s1', '武汉疫情封城', { publishedAt: T0 - 90 * DAY });
  const otherTopicNear = article('s2', '武汉疫情封城', { topic: { label: '国际', slug: 'guo-ji' } });
  const sameTopicNear = article('s3', '武汉疫情封城', { publishedAt: T0 - DAY });
  const related = findRelated([base, sameTopicFar, otherTopicNear, sameTopicNear, ...filler(60)]);
  assert.deepEqual(related.get('s0'), ['s3', 's2', 's1']);
});

test('terms found in too many articles do not make articles related', () => {
  const many = Array.from({ length: 50 }, (_, i) => article(`c${String(i).padStart(2, '0')}`, `中国 report${i}`));
  const related = findRelated([...many, ...filler(400)]);
  assert.deepEqual(related.get('c00'), []);
});

test('limit, determinism whatever the input order, and ties broken by id', () => {
  const twins = ['t5', 't3', 't9', 't1', 't7', 't2', 't8'].map((id) => article(id, '嫦娥五号成功着陆月球'));
  const articles = [...twins, ...filler(80)];
  const forward = findRelated(articles, { limit: 3 });
  const backward = findRelated([...articles].reverse(), { limit: 3 });
  assert.deepEqual(forward.get('t5'), ['t1', 't2', 't3']);
  assert.deepEqual([...forward.entries()].sort(), [...backward.entries()].sort());
});

test('earlierOnly: only earlier articles are listed, and newer ones change no earlier list', () => {
  const story = ['e1', 'e2', 'e3', 'e4'].map((id, i) => article(id, `嫦娥五号成功着陆月球 第${i}报`, { publishedAt: T0 + i * DAY }));
  const archive = [...story, ...filler(120)];
  const before = findRelated(archive, { earlierOnly: true });
  assert.deepEqual(before.get('e3'), ['e2', 'e1']);
  assert.deepEqual(before.get('e1'), []);
  // A day of newer articles, some on the same story: every earlier list stays as it was.
  const newer = Array.from({ length: 30 }, (_, i) => article(`n${i}`, i % 3 ? `火星探测新进展 第${i}期` : `嫦娥五号成功着陆月球 续报${i}`, { publishedAt: T0 + 10 * DAY + i }));
  const after = findRelated([...archive, ...newer], { earlierOnly: true });
  for (const [id, list] of before) assert.deepEqual(after.get(id), list, id);
  assert.ok((after.get('n0') ?? []).includes('e4'));
});

test('scales linearly: 20,000 synthetic articles (timing printed, not asserted)', () => {
  // Deterministic PRNG (mulberry32); characters drawn with a skew, like real text (3,000 common Han).
  let state = 42;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const phrase = (length: number): string =>
    Array.from({ length }, () => String.fromCodePoint(0x4e00 + Math.floor(3_000 * random() ** 2))).join('');
  const stories = Array.from({ length: 2_000 }, () => phrase(6));
  const articles = Array.from({ length: 20_000 }, (_, i) =>
    makeArticle({
      id: `s${String(i).padStart(6, '0')}`,
      url: `https://example.org/${i}`,
      title: `${stories[i % stories.length]}${phrase(8)}`,
      lead: `${phrase(30)}${stories[i % stories.length]}${phrase(30)}`,
      publishedAt: T0 + Math.floor(random() * 180) * DAY,
      topic: { label: `t${i % 12}`, slug: `t${i % 12}` },
    }),
  );
  const started = performance.now();
  const related = findRelated(articles);
  const ms = performance.now() - started;
  console.log(`# findRelated: 20,000 articles in ${ms.toFixed(0)} ms`);
  assert.equal(related.size, 20_000);
  // Articles of one story (same index modulo 2,000) find each other.
  const first = related.get('s000000') ?? [];
  assert.ok(first.length > 0 && first.every((id) => Number(id.slice(1)) % 2_000 === 0), first.join());
});
