/**
 * Topics: the taxonomy data, placing articles (section, rule, classifier, fallback), determinism,
 * config overrides and errors, topic pages and redirects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ParsedArticle } from '../src/article/article.ts';
import { findSection } from '../src/article/find-section.ts';
import { DEFAULT_TAXONOMY } from '../src/article/topic-taxonomy.ts';
import { groupArchive } from '../src/archive/group-archive.ts';
import { placeTopics } from '../src/archive/place-topics.ts';
import { trainingSize } from '../src/archive/training-size.ts';
import { resolveTaxonomy, type TopicConfig } from '../src/archive/resolve-taxonomy.ts';
import { checkTopicConfig } from '../src/cli/check-topic-config.ts';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { render as renderRedirect } from '../layouts/redirect.11ty.ts';
import { makeArticle } from './support/make-article.ts';
import { clippings } from './fixtures/cli/run-clippings.ts';

test('the taxonomy data: 12–20 topics with unique [a-z0-9-] slugs, every section mapped onto one of them', () => {
  const slugs = DEFAULT_TAXONOMY.topics.map((t) => t.slug);
  assert.ok(slugs.length >= 12 && slugs.length <= 20, `${slugs.length} topics`);
  for (const slug of slugs) assert.match(slug, /^[a-z0-9-]+$/);
  assert.equal(new Set(slugs).size, slugs.length);
  assert.ok(slugs.includes(DEFAULT_TAXONOMY.fallback));
  const former = [...DEFAULT_TAXONOMY.topics.flatMap((t) => t.formerSlugs ?? []), ...DEFAULT_TAXONOMY.retiredSlugs];
  assert.equal(new Set(former).size, former.length, 'a former slug leads to one place');
  for (const old of former) assert.ok(!slugs.includes(old), `${old} is still a topic`);
  for (const [outlet, rules] of Object.entries(DEFAULT_TAXONOMY.outlets)) {
    for (const source of rules.paths ?? []) assert.doesNotThrow(() => new RegExp(source, 'u'), `${outlet}: ${source}`);
    for (const [key, entry] of Object.entries(rules.sections ?? {})) {
      if (entry !== null && entry[1] !== null) assert.ok(slugs.includes(entry[1]), `${outlet}/${key} → ${entry[1]}`);
    }
    if (rules.all?.[1]) assert.ok(slugs.includes(rules.all[1]));
  }
});

test('every section of the bundled real corpus is in the table (none falls through as an unknown label)', { skip: !existsSync('../shared/corpus/manifest.jsonl') }, () => {
  const unlisted = new Set<string>();
  for (const line of readFileSync('../shared/corpus/manifest.jsonl', 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { source, url } = JSON.parse(line) as { source: string; url: string };
    const rules = DEFAULT_TAXONOMY.outlets[source];
    const section = findSection(url, rules);
    if (section !== undefined && section.key !== '' && rules?.sections?.[section.key] === undefined) unlisted.add(`${source}/${section.key}`);
  }
  assert.deepEqual([...unlisted], []);
});

/** Sectioned sports and economy articles train; unsectioned ones are classified by their words. */
function fixtures(): ParsedArticle[] {
  const sport = ['足球', '比赛', '球队', '冠军', '进球', '联赛'];
  const money = ['股市', '央行', '利率', '通胀', '银行', '投资'];
  const body = (words: readonly string[], n: number): string => Array.from({ length: 12 }, (_, i) => words[(i * 7 + n) % words.length]).join('，');
  const sectioned = (i: number, words: readonly string[], section: string, label: string): ParsedArticle =>
    strip(makeArticle({
      url: i % 2 === 0 ? `https://www.bbc.com/zhongwen/simp/${section}-${1000 + i}` : `https://cn.nytimes.com/${section}/2020${1000 + i}/x/`,
      title: `${words[i % words.length]}新闻 ${i}`,
      text: body(words, i),
      outlet: i % 2 === 0 ? { key: 'bbc', name: 'BBC 中文' } : { key: 'nytimes', name: '纽约时报中文网' },
      section: { key: section, label },
    }));
  const plain = (i: number, words: readonly string[]): ParsedArticle =>
    strip(makeArticle({ url: `https://www.dw.com/zh/x/a-${i}`, title: `${words[(i + 2) % words.length]}消息`, text: body(words, i + 3), outlet: { key: 'dw', name: '德国之声 DW' } }));
  return [
    ...Array.from({ length: 6 }, (_, i) => sectioned(i, sport, 'sports', '体育')),
    ...Array.from({ length: 6 }, (_, i) => sectioned(i + 10, money, 'business', '财经')),
    plain(1, sport),
    plain(2, money),
    strip(makeArticle({ url: 'https://www.dw.com/zh/x/a-9', title: 'Ω', text: '', lead: '', outlet: { key: 'dw', name: '德国之声 DW' } })),
  ];
}

function strip(a: ReturnType<typeof makeArticle>): ParsedArticle {
  const { topic: _t, placement: _p, secondTopic: _s, ...parsed } = a;
  return parsed;
}

test('a section files the article; the others are classified by their words; nothing known → the fallback', () => {
  const placed = placeTopics(fixtures(), resolveTaxonomy());
  const of = (url: string) => placed.find((a) => a.url === url)!;
  assert.equal(of('https://www.bbc.com/zhongwen/simp/sports-1000').topic.slug, 'sports');
  assert.equal(of('https://www.bbc.com/zhongwen/simp/sports-1000').placement.by, 'section');
  assert.equal(of('https://www.bbc.com/zhongwen/simp/sports-1000').section?.label, '体育');
  assert.equal(of('https://www.dw.com/zh/x/a-1').topic.slug, 'sports');
  assert.equal(of('https://www.dw.com/zh/x/a-1').placement.by, 'content');
  assert.equal(of('https://www.dw.com/zh/x/a-2').topic.slug, 'economy');
  assert.equal(of('https://www.dw.com/zh/x/a-9').topic.slug, 'general');
  assert.equal(of('https://www.dw.com/zh/x/a-9').placement.uncertain, true);
});

test('place and people names are features the model learns: a name never seen in training still says where (config adds names)', () => {
  const filler = '官员今天表示，会议讨论了明年的预算和人事安排。';
  const story = (url: string, outlet: { key: string; name: string }, title: string, section?: { key: string; label: string }): ParsedArticle =>
    strip(makeArticle({ url, title, text: filler, outlet, ...(section === undefined ? {} : { section }) }));
  const nytimes = { key: 'nytimes', name: '纽约时报中文网' };
  const us = ['华盛顿', '白宫', '特朗普', '纽约', '五角大楼', '国会山'];
  const eu = ['巴黎', '柏林', '伦敦', '马克龙', '默克尔', '普京'];
  const input = [
    ...us.map((name, i) => i % 2 === 0
      ? story(`https://cn.nytimes.com/usa/2020100${i}/x/`, nytimes, `${name}发表讲话`, { key: 'usa', label: '美国' })
      : story(`https://www.rfi.fr/cn/美洲/2020100${i}-x`, { key: 'rfi', name: 'RFI' }, `${name}发表讲话`, { key: '美洲', label: '美洲' })),
    ...eu.map((name, i) => i % 2 === 0
      ? story(`https://cn.nytimes.com/europe/2020200${i}/x/`, nytimes, `${name}发表讲话`, { key: 'europe', label: '欧洲' })
      : story(`https://www.bbc.com/zhongwen/simp/uk-2020200${i}`, { key: 'bbc', name: 'BBC 中文' }, `${name}发表讲话`, { key: 'uk', label: '英国' })),
    story('https://www.dw.com/zh/x/a-1', { key: 'dw', name: 'DW' }, '佩洛西发表讲话'),
    story('https://www.dw.com/zh/x/a-2', { key: 'dw', name: 'DW' }, '约翰逊发表讲话'),
    story('https://www.dw.com/zh/x/a-3', { key: 'dw', name: 'DW' }, '麦卡锡发表讲话'),
  ];
  const of = (placed: readonly { url: string; topic: { slug: string }; placement: { by: string } }[], url: string) => placed.find((a) => a.url === url)!;
  const placed = placeTopics(input, resolveTaxonomy());
  assert.equal(of(placed, 'https://www.dw.com/zh/x/a-1').topic.slug, 'usa');
  assert.equal(of(placed, 'https://www.dw.com/zh/x/a-1').placement.by, 'content');
  assert.equal(of(placed, 'https://www.dw.com/zh/x/a-2').topic.slug, 'europe');
  const withName = placeTopics(input, resolveTaxonomy({ names: { usa: ['麦卡锡'] } }));
  const noNames = resolveTaxonomy({}, { ...DEFAULT_TAXONOMY, topics: DEFAULT_TAXONOMY.topics.map(({ names: _names, ...topic }) => topic) });
  const blind = placeTopics(input, noNames);
  assert.equal(of(blind, 'https://www.dw.com/zh/x/a-1').topic.slug, of(blind, 'https://www.dw.com/zh/x/a-2').topic.slug, 'without names the two read alike');
  assert.equal(of(withName, 'https://www.dw.com/zh/x/a-3').topic.slug, 'usa');
});

test('the same articles in any order give the same topics (also when they were published at the same time)', () => {
  for (const input of [fixtures(), fixtures().map((a) => ({ ...a, publishedAt: 1_700_000_000_000 }))]) sameInAnyOrder(input);
});

function sameInAnyOrder(input: readonly ParsedArticle[]): void {
  const expected = JSON.stringify(placeTopics(input, resolveTaxonomy()).map((a) => [a.id, a.topic, a.secondTopic, a.placement]).sort());
  for (let seed = 1; seed <= 5; seed++) {
    const shuffled = [...input].sort((a, b) => hash(a.id + seed) - hash(b.id + seed));
    assert.equal(JSON.stringify(placeTopics(shuffled, resolveTaxonomy()).map((a) => [a.id, a.topic, a.secondTopic, a.placement]).sort()), expected);
  }
}

test('an article without a section never moves another article', () => {
  const input = fixtures();
  const before = new Map(placeTopics(input, resolveTaxonomy()).map((a) => [a.id, a.topic.slug]));
  const extra = strip(makeArticle({ url: 'https://www.dw.com/zh/new/a-77', title: '央行利率', text: '足球比赛股市冠军', outlet: { key: 'dw', name: 'DW' } }));
  for (const a of placeTopics([...input, extra], resolveTaxonomy())) if (a.id !== extra.id) assert.equal(a.topic.slug, before.get(a.id));
});

test('the trained model is kept in a file and read back by a build with the same training set: the same topics, bit for bit', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'topic-model-'));
  try {
    const modelFile = path.join(dir, 'topic-model.bin');
    const placed = (articles: readonly ParsedArticle[], options = {}) => JSON.stringify(placeTopics(articles, resolveTaxonomy(), options).map((a) => [a.id, a.topic, a.secondTopic, a.placement]));
    const input = fixtures();
    const fresh = placed(input);
    assert.equal(placed(input, { modelFile }), fresh, 'trained and saved');
    assert.ok(existsSync(modelFile));
    assert.equal(placed(input, { modelFile }), fresh, 'read from the file');
    // Another training set (one sectioned article fewer) is not served the saved model.
    const fewer = input.filter((a) => a.url !== 'https://www.bbc.com/zhongwen/simp/sports-1000');
    assert.equal(placed(fewer, { modelFile }), placed(fewer));
    await writeFile(modelFile, 'not a model');
    assert.equal(placed(input, { modelFile }), fresh, 'a broken file is trained over');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('each article\'s probabilities are kept beside the model: read back under the same model only, a damaged file never', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'topic-scores-'));
  try {
    const modelFile = path.join(dir, 'topic-model.bin');
    const scoresFile = path.join(dir, 'topic-scores.bin');
    const placed = (articles: readonly ParsedArticle[], options = {}) => JSON.stringify(placeTopics(articles, resolveTaxonomy(), options).map((a) => [a.id, a.topic, a.secondTopic, a.placement]));
    const input = fixtures();
    const fresh = placed(input);
    assert.equal(placed(input, { modelFile, scoresFile }), fresh, 'classified and kept');
    assert.equal(placed(input, { modelFile, scoresFile }), fresh, 'read back');
    // Scores rewritten (checksum made good again) all for one topic: a rebuild with the same model reads them.
    const bytes = readFileSync(scoresFile);
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { topics: number; count: number; sum: string };
    const entries = Buffer.from(bytes.subarray(4 + length));
    const entryBytes = 20 + 8 * header.topics;
    for (let at = 0; at < entries.length; at += entryBytes) for (let t = 0; t < header.topics; t++) entries.writeDoubleLE(t === 3 ? 1 : 0, at + 20 + 8 * t);
    const forged = (sum: string): Buffer => {
      const json = Buffer.from(JSON.stringify({ ...header, sum }));
      const size = Buffer.alloc(4);
      size.writeUInt32LE(json.length, 0);
      return Buffer.concat([size, json, entries]);
    };
    await writeFile(scoresFile, forged(createHash('sha1').update(entries).digest('hex')));
    const unsectioned = (json: string) => (JSON.parse(json) as [string, { slug: string }, unknown, { by: string }][]).filter(([, , , placement]) => placement.by === 'content').map(([, topic]) => topic.slug);
    const topic3 = resolveTaxonomy().topics[3]!.slug;
    assert.ok(unsectioned(placed(input, { modelFile, scoresFile })).some((slug) => slug === topic3), 'the kept scores were used');
    // The same damage with the old checksum: never read.
    await writeFile(scoresFile, forged(header.sum));
    assert.equal(placed(input, { modelFile, scoresFile }), fresh, 'a damaged file is classified over');
    await writeFile(scoresFile, 'not scores');
    assert.equal(placed(input, { modelFile, scoresFile }), fresh, 'a broken file is classified over');
    // Another model (one sectioned article fewer) is not served the kept scores.
    placed(input, { modelFile, scoresFile });
    const fewer = input.filter((a) => a.url !== 'https://www.bbc.com/zhongwen/simp/sports-1000');
    assert.equal(placed(fewer, { modelFile, scoresFile }), placed(fewer));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the training set is the oldest sectioned articles up to a level growing 10 % at a time', () => {
  const levels = [...new Set(Array.from({ length: 30 }, (_, n) => trainingSize(n + 1)))];
  assert.deepEqual(levels, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 21, 24, 27, 30]);
  assert.equal(trainingSize(0), 0);
  for (const n of [100, 1_000, 54_321]) assert.ok(trainingSize(n) <= n && trainingSize(n) * 1.1 + 1 > n, `${n} → ${trainingSize(n)}`);
});

test('adding the newest article, sectioned or not, moves no other article until the sectioned ones reach the next level', () => {
  const newest = (i: number, section?: string): ParsedArticle =>
    strip(makeArticle({
      url: section === undefined ? `https://www.dw.com/zh/x/a-${500 + i}` : `https://www.bbc.com/zhongwen/simp/${section}-${500 + i}`,
      title: i % 2 === 0 ? '股市银行利率' : '足球冠军联赛',
      text: i % 2 === 0 ? '央行，通胀，投资，足球' : '比赛，球队，进球，股市',
      publishedAt: 1_800_000_000_000 + i * 60_000,
      outlet: section === undefined ? { key: 'dw', name: '德国之声 DW' } : { key: 'bbc', name: 'BBC 中文' },
      ...(section === undefined ? {} : { section: { key: section, label: section === 'sports' ? '体育' : '财经' } }),
    }));
  // 13 sectioned articles: the model trains on all 13 (a level); the 14th is newer and waits for 15.
  // One unsectioned article between the two topics, whose probabilities any retrain shifts.
  const torn = strip(makeArticle({ url: 'https://www.dw.com/zh/x/a-400', title: '足球银行', text: '比赛，利率，球队，投资，冠军', outlet: { key: 'dw', name: '德国之声 DW' } }));
  let archive = [...fixtures(), torn, newest(0, 'business')];
  assert.equal(trainingSize(13), 13);
  assert.equal(trainingSize(14), 13);
  const topics = (articles: readonly ParsedArticle[]) => new Map(placeTopics(articles, resolveTaxonomy()).map((a) => [a.id, JSON.stringify([a.topic, a.secondTopic, a.placement])]));
  let before = topics(archive);
  for (const added of [newest(1, 'sports'), newest(2), newest(3)]) {
    archive = [...archive, added];
    const after = topics(archive);
    for (const [id, placed] of before) assert.equal(after.get(id), placed, `${added.url} moved ${id}`);
    before = after;
  }
});

test('the config renames a topic, remaps a section, adds an outlet\'s rules and title keywords', () => {
  const config: TopicConfig = {
    rename: { sports: '运动' },
    outlets: {
      bbc: { sections: { business: ['财经', 'europe'] } },
      dw: { paths: ['^/zh/([a-z]+)/'], sections: { x: ['X 栏目', 'culture'], new: ['新', null] } },
    },
    keywords: { health: ['疫苗'] },
  };
  const extra = strip(makeArticle({ url: 'https://www.dw.com/zh/new/a-5', title: '疫苗新消息', text: '股市', outlet: { key: 'dw', name: 'DW' } }));
  const placed = placeTopics([...fixtures(), extra], resolveTaxonomy(config));
  const of = (url: string) => placed.find((a) => a.url === url)!;
  assert.deepEqual(of('https://www.bbc.com/zhongwen/simp/sports-1000').topic, { slug: 'sports', label: '运动' });
  assert.equal(of('https://www.bbc.com/zhongwen/simp/business-1010').topic.slug, 'europe');
  assert.deepEqual(of('https://www.dw.com/zh/x/a-1').section, { key: 'x', label: 'X 栏目' });
  assert.equal(of('https://www.dw.com/zh/x/a-1').topic.slug, 'culture');
  assert.equal(of('https://www.dw.com/zh/new/a-5').topic.slug, 'health');
  assert.equal(of('https://www.dw.com/zh/new/a-5').placement.by, 'rule');
});

test('bad topic settings are usage errors naming the file and the key', () => {
  const error = (value: unknown): string => {
    try {
      checkTopicConfig(value, 'clippings.config.json');
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  assert.match(error({ outlets: { rfi: { sections: { 政治: ['政治', 'politic'] } } } }), /^clippings\.config\.json: "topics\.outlets\.rfi\.sections\.政治": unknown topic "politic"/);
  assert.match(error({ rename: { nope: 'x' } }), /"topics\.rename\.nope": unknown topic/);
  assert.match(error({ rename: { sports: '' } }), /"topics\.rename\.sports" must be the new label/);
  assert.match(error({ outlets: { x: { paths: ['('] } } }), /"topics\.outlets\.x\.paths\[0\]": not a valid regular expression/);
  assert.match(error({ outlets: { x: { paths: ['^/news/'] } } }), /"topics\.outlets\.x\.paths\[0\]" must be a regular expression with a capture group/);
  assert.match(error({ keywords: { sports: 'NBA' } }), /"topics\.keywords\.sports" must be a list/);
  assert.match(error({ names: { usa: [''] } }), /"topics\.names\.usa" must be a list of non-empty strings/);
  assert.match(error({ names: { mars: ['火星'] } }), /"topics\.names\.mars": unknown topic/);
  assert.match(error({ colours: {} }), /"topics\.colours" is not a setting/);
  assert.deepEqual(error({ rename: { international: '世界' }, keywords: { sports: ['NBA'] }, outlets: { rfi: { sections: { 政治: null } } } }), 'no error');
});

test('topic pages list their outlets · sections as filtered pages; old topic URLs redirect without script', () => {
  const taxonomy = resolveTaxonomy();
  const placed = placeTopics(fixtures(), taxonomy);
  const grouped = groupArchive(placed, taxonomy);
  const archive = { ...grouped, taxonomy, rejected: [], warnings: [], duplicatesMerged: 0, filesRead: placed.length };
  const site = buildSite(archive, DEFAULT_SITE_CONFIG, { related: false });
  const sports = site.lists.topic.find((p) => p.url === '/topics/sports/')!;
  assert.match(sports.summary, /共 7 篇，来自 3 家媒体/);
  assert.deepEqual(sports.parts?.map((p) => [p.label, p.url, p.count]), [
    ['全部', '/topics/sports/', 7],
    ['BBC 中文 · 体育', '/topics/sports/bbc-sports/', 3],
    ['纽约时报中文网 · 体育', '/topics/sports/nytimes-sports/', 3],
    ['德国之声 DW', '/topics/sports/dw/', 1],
  ]);
  const filtered = site.lists.topic.find((p) => p.url === '/topics/sports/dw/')!;
  assert.equal(filtered.entries.length, 1);
  assert.equal(filtered.parts?.find((p) => p.current)?.url, '/topics/sports/dw/');
  assert.ok(filtered.parts?.every((p) => p.count === undefined), 'filtered pages show no counts');
  const list = site.lists.topicList[0]!;
  assert.deepEqual(list.items.map((i) => i.label), ['经济', '体育', '综合']);
  // Pages numbered from the oldest show the same links without counts, in label order: one more article rewrites none of them.
  const paged = buildSite(archive, { ...DEFAULT_SITE_CONFIG, pageSize: 2 }, { related: false }).lists.topic.filter((p) => p.url.startsWith('/topics/sports/p/'));
  assert.ok(paged.length > 0);
  for (const page of paged) {
    assert.deepEqual(page.parts?.map((p) => [p.label, p.count]), [
      ['全部', undefined],
      ['BBC 中文 · 体育', undefined],
      ['德国之声 DW', undefined],
      ['纽约时报中文网 · 体育', undefined],
    ]);
  }

  const finance = site.lists.redirect.find((p) => p.url === '/topics/finance/')!;
  assert.equal(finance.target.url, '/topics/economy/');
  assert.equal(site.lists.redirect.find((p) => p.url === '/topics/opinion/')?.target.url, '/topics/');
  assert.equal(site.lists.redirect.find((p) => p.url === '/topics/general/'), undefined, 'general has a page here');
  const html = renderRedirect({ model: finance, site });
  assert.match(html, /<link rel="canonical" href="http:\/\/localhost:8080\/topics\/economy\/">/);
  assert.match(html, /<meta http-equiv="refresh" content="0; url=\/topics\/economy\/">/);
  assert.match(html, /<html lang="zh-CN">/);
  assert.doesNotMatch(html, /<script/);
  assert.ok(site.publish.sitemaps.every((s) => !JSON.stringify(s).includes('/topics/finance/')), 'redirects are not in the sitemap');
});

test('clippings check --topics lists the uncertain articles and the count of every topic; a config remap shows', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'clippings-topics-'));
  try {
    const seed = (ms: number, title: string, url: string, body: string): string => `<!--${ms}-->\n[${title}](${url})\n------\n\n<p>${body}</p>\n`;
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content/a.md'), seed(1693421125000, '白宫谈判', 'https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20230830-a', '白宫今天表示谈判仍在进行。'));
    await writeFile(path.join(dir, 'content/b.md'), seed(1693421126000, 'Ω', 'https://www.dw.com/zh/x/a-1', 'Ω Ω'));
    const run = await clippings(['check', '--topics', '--cache-dir', '.cache'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Uncertain topics \(1\)/);
    assert.match(run.stdout, /content\/b\.md: 综合 \(未能归类\) · 德国之声 DW · Ω/);
    assert.match(run.stdout, /国际 \(international\): 1 \(1 \+ 0\) · 1 \/ 0 \/ 0 · 0/);
    await writeFile(path.join(dir, 'clippings.config.json'), JSON.stringify({ topics: { outlets: { rfi: { sections: { 国际: ['国际', 'usa'] } } }, rename: { usa: '美利坚' } } }));
    const remapped = await clippings(['check', '--topics', '--cache-dir', '.cache'], dir);
    assert.match(remapped.stdout, /美利坚 \(usa\): 1 /);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
