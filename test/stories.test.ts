/**
 * Stories: one event, every outlet's coverage side by side. Detection on hand-built articles (what
 * groups, what does not, independence from input order), named things, the pages a reader sees on
 * a small archive (story page, index, feed, links from article and day pages), and an incremental
 * build after one article joins a story: only that story's pages change, and the output equals a
 * clean build.
 */
import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Article } from '../src/article/article.ts';
import { findStories } from '../src/archive/find-stories.ts';
import { splitClusters } from '../src/archive/split-clusters.ts';
import { isRoundup } from '../src/archive/is-roundup.ts';
import { sharedNames } from '../src/archive/shared-names.ts';
import { namedThings } from '../src/text/named-things.ts';
import { latinNames } from '../src/text/latin-names.ts';
import { foldNames } from '../src/text/fold-names.ts';
import { foldHan } from '../src/text/fold-han.ts';
import { clippings } from './fixtures/cli/run-clippings.ts';
import { makeArticle } from './fixtures/features/make-article.ts';
import { snapshotTree as snapshot, assertSameTree } from './support/snapshot-tree.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2020, 6, 22, 4);
const repo = fileURLToPath(new URL('../', import.meta.url));
const seeds = path.join(repo, 'test/fixtures/stories');

function article(id: string, outlet: string, title: string, text: string, hours: number): Article {
  return makeArticle({ id, url: `https://example.org/${id}`, title, text, lead: text.slice(0, 60), publishedAt: T0 + hours * HOUR, outlet: { key: outlet, name: outlet.toUpperCase() } });
}

/** Unrelated articles over two months, each on its own subject, so that event words are rare. */
function filler(count: number): Article[] {
  const places = ['巴黎', '柏林', '东京', '悉尼', '开罗', '利马', '奥斯陆', '首尔', '孟买', '罗马', '里约', '维也纳'];
  const things = ['画展', '马拉松', '葡萄酒节', '书展', '音乐会', '机器人大赛', '花卉展', '电影节', '烹饪比赛', '围棋赛'];
  return Array.from({ length: count }, (_, i) => {
    const subject = `${places[i % places.length]}${things[i % things.length]}`;
    return article(`z${String(i).padStart(3, '0')}`, ['rfi', 'dw', 'voa'][i % 3]!, `${subject}开幕`, `${subject}今天开幕，吸引大批观众。`, (i - 30) * 24);
  });
}

const consulate = [
  article('c1', 'rfi', '美国下令关闭中国驻休斯敦总领馆', '美国要求中国在72小时内关闭驻休斯敦总领馆，中国外交部谴责这是政治挑衅。', 0),
  article('c2', 'dw', '中國駐休斯敦總領館被勒令關閉', '美國要求中國在72小時內關閉駐休斯敦總領館，中國外交部稱將反制。', 6),
  article('c3', 'voa', '休斯敦总领馆关闭在即 北京考虑报复', '美国下令关闭中国驻休斯敦总领馆后，中国外交部考虑关闭美国驻成都总领馆。', 20),
];
const typhoon = [
  article('t1', 'rfi', '台风海神登陆冲绳 三万户停电', '强台风海神登陆冲绳，三万户停电，航班取消，日本气象厅警告九州居民撤离。', 2),
  article('t2', 'voa', '强台风海神袭击冲绳', '台风海神袭击冲绳，三万户停电，航班取消，九州南部居民准备撤离。', 9),
];

describe('findStories', () => {
  test('articles about one event from several outlets form one story; simplified and traditional alike', () => {
    const stories = findStories([...consulate, ...typhoon, ...filler(60)]);
    const ids = stories.map((s) => [...s.articleIds].sort());
    assert.deepEqual(ids.sort(), [['c1', 'c2', 'c3'], ['t1', 't2']].sort());
    const story = stories.find((s) => s.articleIds.includes('c1'))!;
    assert.equal(story.id, 'c1', 'a story is named after its first article');
    assert.deepEqual(story.articleIds, ['c1', 'c2', 'c3'], 'oldest first');
  });

  test('the same stories whatever the input order', () => {
    const articles = [...consulate, ...typhoon, ...filler(60)];
    const expected = JSON.stringify(findStories(articles));
    assert.equal(JSON.stringify(findStories([...articles].reverse())), expected);
    assert.equal(JSON.stringify(findStories([...articles].sort((a, b) => (a.title < b.title ? -1 : 1)))), expected);
  });

  test('two articles of one outlet are not a story; three are', () => {
    const two = consulate.slice(0, 2).map((a) => ({ ...a, outlet: { key: 'rfi', name: 'RFI' } }));
    assert.deepEqual(findStories([...two, ...filler(60)]), []);
    const three = consulate.map((a) => ({ ...a, outlet: { key: 'rfi', name: 'RFI' } }));
    assert.deepEqual(findStories([...three, ...filler(60)]).map((s) => s.articleIds.length), [3]);
  });

  test('a roundup (a bulletin transcript that mentions the event among others) stays out of the story', () => {
    const bulletin = article('b1', 'cctv', '2020-07-23 新闻联播 文字版外交部就美国关闭中国驻休斯敦总领馆答问台风海神登陆冲绳', '外交部就美国要求中国关闭驻休斯敦总领馆答记者问。台风海神登陆冲绳，三万户停电。', 8);
    const stories = findStories([...consulate, ...typhoon, bulletin, ...filler(60)]);
    assert.deepEqual(stories.map((s) => [...s.articleIds].sort().join()).sort(), ['c1,c2,c3', 't1,t2']);
  });

  test('two articles of one day that share a single name are not a story; two names make one', () => {
    // A background of 120 days, one unrelated article a day, where 记者报道称 is ordinary wording (every 12th article).
    const background = filler(120).map((a, i) => (i % 12 === 0 ? { ...a, text: `${a.text}记者报道称观众很多。` } : a));
    const bomb = article('a1', 'voa', '阿富汗记者死于汽车炸弹袭击', '记者报道称，一名阿富汗记者死于汽车炸弹袭击。', 30 * 24 + 3);
    const troops = article('a2', 'rfi', '法国外长吁美国勿从阿富汗撤军', '记者报道称，法国外长呼吁美国不要从阿富汗撤军。', 30 * 24 + 5);
    assert.deepEqual(findStories([bomb, troops, ...background]), [], 'only 阿富汗 in common');
    const second = { ...troops, title: '阿富汗记者遭汽车炸弹炸死', text: '记者报道称，一名阿富汗记者在喀布尔遭汽车炸弹炸死。' };
    assert.deepEqual(findStories([bomb, second, ...background]).map((s) => s.articleIds.join()), ['a1,a2']);
  });

  test('the same words a month apart are two events, not one story', () => {
    const later = consulate.map((a) => ({ ...a, id: `${a.id}x`, url: `${a.url}x`, canonicalUrl: `${a.url}x`, publishedAt: a.publishedAt + 30 * DAY }));
    const stories = findStories([...consulate, ...later, ...filler(60)]);
    assert.deepEqual(stories.map((s) => s.articleIds.join()), ['c1x,c2x,c3x', 'c1,c2,c3'], 'newest first');
  });
});

test('splitClusters: a cluster telling two events one after the other is cut between them; one event is not', () => {
  // Each document's terms and weights (documents in time order); term 9 is a word both events use.
  const vectorsOf = (docs: [number, number][][]) => {
    const start = new Int32Array(docs.length + 1);
    docs.forEach((d, i) => (start[i + 1] = start[i]! + d.length));
    const flat = docs.flat();
    return {
      start,
      term: Int32Array.from(flat, ([t]) => t),
      weight: Float64Array.from(flat, ([, w]) => w),
      norm: Float64Array.from(docs, (d) => Math.hypot(...d.map(([, w]) => w))),
    };
  };
  const twoEvents = vectorsOf([[[1, 1], [2, 1], [9, 1]], [[1, 1], [2, 0.8], [9, 1]], [[3, 1], [4, 1], [9, 1]], [[3, 0.8], [4, 1], [9, 1]]]);
  assert.deepEqual(splitClusters([[0, 1, 2, 3]], twoEvents, 0.45), [[0, 1], [2, 3]]);
  const oneEvent = vectorsOf([[[1, 1], [2, 1], [5, 0.5]], [[1, 1], [2, 0.8], [6, 0.5]], [[1, 0.9], [2, 1], [7, 0.5]], [[1, 1], [2, 1], [8, 0.5]]]);
  assert.deepEqual(splitClusters([[0, 1, 2, 3]], oneEvent, 0.45), [[0, 1, 2, 3]]);
  assert.deepEqual(splitClusters([[0, 1, 2]], twoEvents, 0.45), [[0, 1, 2]], 'each side keeps two documents');
});

test('isRoundup: bulletin transcripts, briefings, the week\'s picks and daily digests by their headline, not ordinary reports', () => {
  for (const title of ['2020-07-31 新闻联播 文字版习近平在中央政治局第二十二次集体学习时强调', '简报：嫦娥五号在月球着陆；北约研究如何应对中俄挑战', '中共五中全会、美国大选、对台军售和本周更多好故事', '中国重要财经新闻一周回顾', '武漢肺炎全球最新情報11/24']) {
    assert.equal(isRoundup({ title }), true, title);
  }
  for (const title of ['黄之锋等12人被取消香港立法会参选资格', '美国之音 | 禁抖音微信：特朗普行政令一石激起千层浪', '回顾2020：从李文亮到张展', '2020年新冠疫情时间线']) {
    assert.equal(isRoundup({ title }), false, title);
  }
});

test('sharedNames: specific terms both articles have, the overlapping bigrams of one word counted once', () => {
  const code = (c: string) => c.codePointAt(0)!;
  // Terms 0 阿富, 1 富汗, 2 喀布, 3 布尔, 4 美国 (not specific), 5 a Latin word.
  const bigrams = { first: Int32Array.from(['阿', '富', '喀', '布', '美'].map(code).concat(-1)), second: Int32Array.from(['富', '汗', '布', '尔', '国'].map(code).concat(-1)) };
  const queryStart = Int32Array.from([0, 6, 12]);
  const queryTerm = Int32Array.from([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
  const all = new Set([0, 1, 2, 3, 5]);
  assert.equal(sharedNames(0, 1, queryStart, queryTerm, [all, all], bigrams), 3, '阿富汗, 喀布尔 and the Latin word');
  assert.equal(sharedNames(0, 1, queryStart, queryTerm, [all, new Set([0, 1, 4])], bigrams), 1, '阿富汗 alone');
});

test('namedThings: numbers that name things and quoted names, not dates or times', () => {
  assert.deepEqual(namedThings('警方拘捕53人，《苹果日报》称“大抓捕”，8月10日 18:30 2020-08-10'), ['#53', '"苹果日报', '"大抓捕']);
  assert.deepEqual(namedThings('拜登获273张选举人票，1,500人'), ['#273', '#1500']);
});

test('latinNames: capitalized words past a sentence start and capitals, not plain English', () => {
  assert.deepEqual([...latinNames('Listen to this story. Your browser said Joe Biden met WHO staff in Hong Kong.')].sort(), ['biden', 'hong', 'joe', 'kong', 'who']);
});

test('foldNames: regional spellings of one name become one', () => {
  assert.equal(foldNames(foldHan('川普與蒲亭通話，休士頓總領館關閉')), '特朗普与普京通话,休斯敦总领馆关闭');
});

describe('story pages on a small archive', () => {
  let root = '';
  const read = async (rel: string) => fromHtml(await readFile(path.join(root, '_site', rel), 'utf8'));
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'clippings-stories-'));
    await cp(path.join(seeds, 'seeds'), path.join(root, 'content'), { recursive: true });
    const built = await clippings(['build', '--quiet'], root);
    assert.equal(built.code, 0, built.stderr);
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('a story page shows who covered it, each headline side by side and the timeline', async () => {
    const index = await read('stories/index.html');
    const links = selectAll('.stories a', index).map((a) => String(a.properties.href));
    assert.equal(links.length, 2, 'two stories: the consulate and the typhoon');
    const consulatePage = links.find((href) => toText(select(`a[href="${href}"]`, index)!).includes('休斯敦'))!;
    const page = await read(`${consulatePage.slice(1)}index.html`);
    assert.match(toText(select('h1', page)!), /休斯敦总领馆/);
    assert.match(toText(select('.kicker', page)!), /2020年7月22日 至 23日 · 3 家媒体 · 3 篇报道/);
    const covered = selectAll('.coverage .covered', page).map((li) => toText(li));
    assert.deepEqual(covered.length, 3);
    const absent = selectAll('.coverage .silent, .coverage .none', page).map((li) => toText(li));
    assert.ok(absent.some((text) => text.includes('BBC') && text.includes('未报道')), `BBC published in those days but not about this: ${absent.join(' | ')}`);
    const headlines = selectAll('.headlines tbody tr', page).map((tr) => toText(tr));
    assert.equal(headlines.length, 3);
    assert.match(headlines[0]!, /法广 RFI[\s\S]*美国下令关闭中国驻休斯敦总领馆/);
    const timeline = selectAll('.timeline li', page);
    assert.equal(timeline.length, 3);
    assert.equal(selectAll('.timeline li.first', page).length, 3, "each outlet's first report is marked");
  });

  test('articles link to their story ("本事件的其他报道"), day pages list it, the feed has it', async () => {
    const index = await read('stories/index.html');
    const storyUrl = String(selectAll('.stories a', index).map((a) => a.properties.href).find(Boolean));
    const story = await read(`${storyUrl.slice(1)}index.html`);
    const articleUrl = String(select('.timeline a.headline, .timeline h3 a', story)!.properties.href);
    const articlePage = await read(`${articleUrl.slice(1)}index.html`);
    assert.equal(toText(select('#story-h', articlePage)!), '本事件的其他报道');
    assert.ok(selectAll('.story-link a', articlePage).some((a) => a.properties.href === storyUrl));
    const day = await read('archive/2020/07/22/index.html');
    assert.ok(selectAll('.page-stories a', day).some((a) => a.properties.href === storyUrl));
    const feed = await readFile(path.join(root, '_site/stories/feed.xml'), 'utf8');
    assert.equal((feed.match(/<entry>/g) ?? []).length, 2);
    assert.ok(feed.includes(`${storyUrl}</id>`));
  });

  test('adding an article rebuilds only the story it joins, and equals a clean build', async () => {
    const before = await snapshot(path.join(root, '_site'));
    await copyFile(path.join(seeds, 'later/bbc-consulate.md'), path.join(root, 'content/bbc-consulate.md'));
    const again = await clippings(['build'], root);
    assert.equal(again.code, 0, again.stderr);
    const after = await snapshot(path.join(root, '_site'));
    const changed = [...after.keys()].filter((rel) => rel.startsWith('stories/') && after.get(rel) !== before.get(rel));
    const typhoonPage = [...before.keys()].find((rel) => /^stories\/[0-9a-f]+\/index\.html$/.test(rel) && !changed.includes(rel))!;
    assert.ok(typhoonPage, 'the other story page is unchanged');
    assert.match(toText(await read(typhoonPage)), /台风海神/);
    const consulatePage = changed.find((rel) => /^stories\/[0-9a-f]+\/index\.html$/.test(rel))!;
    assert.match(toText(select('.kicker', await read(consulatePage))!), /4 家媒体 · 4 篇报道/);
    const clean = await clippings(['build', '--full', '--quiet', '--output', 'full-site'], root);
    assert.equal(clean.code, 0, clean.stderr);
    assertSameTree(after, await snapshot(path.join(root, 'full-site')));
  });
});
