import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalUrl } from '../src/article/canonical-url.ts';
import { cleanTitle } from '../src/article/clean-title.ts';
import { findOutlet } from '../src/article/find-outlet.ts';
import { findSection } from '../src/article/find-section.ts';
import { DEFAULT_TAXONOMY } from '../src/article/topic-taxonomy.ts';
import { parseArticle } from '../src/article/parse-article.ts';
import { readingMinutes } from '../src/article/reading-minutes.ts';
import { summarize } from '../src/article/summarize.ts';

const OPTIONS = { timeZone: 'Asia/Shanghai', outlets: [] };
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (title: string, url: string, body: string) =>
  parseArticle(enc(`<!--1595242477000-->\n[${title}](${url})\n------\n\n${body}`), 'content/t.md', OPTIONS);

test('canonical URLs: https, single slashes, no trailing %20, no fragment or utm_*', () => {
  assert.equal(canonicalUrl('http://www.rfi.fr//cn/%E4%B8%AD%E5%9B%BD/20200720-x'), 'https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20200720-x');
  assert.equal(canonicalUrl('https://www.dw.com/zh/%E5%A5%A5/a-54241869%20'), 'https://www.dw.com/zh/%E5%A5%A5/a-54241869');
  assert.equal(canonicalUrl('https://WWW.Economist.com/node/1?fsrc=gp_en&utm_source=x&id=2#top'), 'https://www.economist.com/node/1?id=2');
  assert.equal(canonicalUrl('http://unknown.example/a'), 'http://unknown.example/a');
});

test('outlets: built-in table, options override, unknown hosts get an ASCII key', () => {
  assert.deepEqual(findOutlet('https://www.voachinese.com/a/x.html'), { key: 'voa', name: '美国之音 VOA', known: true });
  assert.equal(findOutlet('https://www.bbc.co.uk/zhongwen/x').key, 'bbc');
  assert.equal(findOutlet('https://cn.govopendata.com/xinwenlianbo/20200721/').key, 'cctv');
  assert.deepEqual(findOutlet('https://www.rfi.fr/cn/x', [{ host: 'rfi.fr', key: 'rfi', name: 'RFI 华语' }]).name, 'RFI 华语');
  assert.deepEqual(findOutlet('https://news.例子.example/a'), { key: 'news-xn-fsqu00a-example', name: 'news.xn--fsqu00a.example', known: false });
});

test('sections from URLs, per the outlet rules of the taxonomy data', () => {
  const t = (outlet: string, url: string) => findSection(url, DEFAULT_TAXONOMY.outlets[outlet]);
  assert.deepEqual(t('rfi', 'https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20200720-x'), { key: '中国', label: '中国' });
  assert.deepEqual(t('rfi', 'http://www.rfi.fr//cn/%E4%B8%AD%E5%9B%BD/20200720-x'), { key: '中国', label: '中国' });
  assert.deepEqual(t('rfi', 'https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/%E8%A6%81%E9%97%BB%E8%A7%A3%E8%AF%B4/20201015-x'), { key: '要闻解说', label: '要闻解说' });
  assert.equal(t('rfi', 'https://www.rfi.fr/cn/contenu/20200721-x'), undefined);
  assert.equal(t('rfi', 'https://www.rfi.fr/cn/x-y'), undefined);
  assert.deepEqual(t('bbc', 'https://www.bbc.com/zhongwen/simp/world-53165066'), { key: 'world', label: '国际' });
  assert.deepEqual(t('bbc', 'http://www.bbc.co.uk/zhongwen/simp/world/2014/09/x.shtml'), { key: 'world', label: '国际' });
  assert.equal(t('bbc', 'https://www.bbc.com/zhongwen/simp/chinese-news-53471344')?.label, '中国');
  assert.equal(t('rfa', 'https://www.rfa.org/mandarin/yataibaodao/gangtai/ql1-x.html')?.label, '港台');
  assert.equal(t('nytimes', 'https://cn.nytimes.com/opinion/20200717/x/')?.label, '观点');
  assert.equal(t('cna', 'https://www.cna.com.tw/news/aipl/202009280090.aspx')?.label, '政治');
  assert.equal(t('zaobao', 'https://www.zaobao.com/realtime/world/story20201118-1102052')?.label, '国际');
  assert.equal(t('economist', 'https://www.economist.com/asia/2020/08/18/x')?.label, '亚洲');
  assert.equal(t('dw', 'https://www.dw.com/zh/x/a-1'), undefined);
  assert.deepEqual(t('solidot', 'https://www.solidot.org/story?sid=65103'), { key: '', label: '科技' });
  // A section the table does not list yet is its own label (a new section of a known outlet).
  assert.equal(t('rfi', 'https://www.rfi.fr/cn/%E6%96%B0%E6%A0%8F%E7%9B%AE/20200720-x')?.label, '新栏目');
});

test('titles lose outlet suffixes and odd whitespace but keep everything else', () => {
  assert.equal(cleanTitle('美防长仍计划今年访问中国 – 法国国际广播电台 - RFI'), '美防长仍计划今年访问中国');
  assert.equal(cleanTitle('法国报纸摘要 巴黎 - 法国报纸摘要', '法国报纸摘要'), '法国报纸摘要 巴黎');
  assert.equal(cleanTitle('美股收高 | 路透'), '美股收高');
  assert.equal(cleanTitle('国庆演说\u00a0\u00a0总统\u200b：台湾  看见'), '国庆演说 总统：台湾 看见');
  assert.equal(cleanTitle('🎉🎉'), '🎉🎉');
  assert.equal(cleanTitle('\u202eمرحبا\u202c'), '\u202eمرحبا\u202c');
  assert.equal(cleanTitle('长'.repeat(5000)).length, 5000);
});

test('summaries stop at 160 characters, at a sentence end or with an ellipsis, never mid-surrogate', () => {
  assert.equal(summarize('短。'), '短。');
  const sentences = `${'甲'.repeat(100)}。${'乙'.repeat(100)}。`;
  assert.equal(summarize(sentences), `${'甲'.repeat(100)}。`);
  const long = '😀'.repeat(300);
  const s = summarize(long);
  assert.equal(Array.from(s).length, 160);
  assert.ok(s.endsWith('…'));
  assert.doesNotMatch(s, /[\ud800-\udbff](?![\udc00-\udfff])/);
});

test('reading time counts CJK characters and Latin words, at least one minute', () => {
  assert.equal(readingMinutes(''), 1);
  assert.equal(readingMinutes('字'.repeat(2000)), 5);
  assert.equal(readingMinutes('word '.repeat(1000)), 5);
  assert.equal(readingMinutes(`${'字'.repeat(800)} ${'word '.repeat(400)}`), 4);
});

test('DW and VOA datelines are taken out of the body; the hero keeps its caption', () => {
  const dw = parse('劳丽诗', 'https://www.dw.com/zh/x/a-54241869%20',
    '<div>\n<div><i>  文山<br>2020-07-20T12:16:08.721Z</i></div><img src="https://images.weserv.nl/?url=api.dw.com/image/1.jpg" width="100%"><div><small style="color: #999;">领奖台上的劳丽诗</small></div><p>(德国之声中文网) 正文。</p>\n</div>').article!;
  assert.equal(dw.dateline, '文山 2020-07-20T12:16:08.721Z');
  assert.deepEqual(dw.hero, { src: 'https://images.weserv.nl/?url=api.dw.com/image/1.jpg', alt: '', caption: '领奖台上的劳丽诗' });
  assert.equal(dw.bodyHtml, '<p>(德国之声中文网) 正文。</p>');
  assert.equal(dw.canonicalUrl, 'https://www.dw.com/zh/x/a-54241869');
  const voa = parse('防长', 'https://www.voachinese.com/a/x/5508129.html', '<div>\n<div><i>Sat, 18 Jul 2020 18:19:12 GMT</i></div><p>美国国防部长指出。</p>\n</div>').article!;
  assert.equal(voa.dateline, 'Sat, 18 Jul 2020 18:19:12 GMT');
  assert.equal(voa.lead, '美国国防部长指出。');
});

test('a plain-text body without paragraphs still gets a lead and summary', () => {
  const a = parse('标题', 'https://www.solidot.org/story?sid=1', '<div>\n根据研究，巨石阵的石块来源于 25 公里外。\n</div>').article!;
  assert.equal(a.lead, '根据研究，巨石阵的石块来源于 25 公里外。');
  assert.equal(a.summary, a.lead);
  assert.equal(a.section?.label, '科技');
});

test('a 5,000-character, emoji-only or bidi title is kept as text', () => {
  for (const title of ['题'.repeat(5000), '😀🎉', '\u202eabc\u202c مرحبا']) {
    assert.equal(parse(title, 'https://x.org/a', '<p>文</p>').article?.title, title);
  }
});

test('deep nesting is flattened to text instead of crashing or being rejected', () => {
  const deep = `${'<div>'.repeat(10_000)}深处的文字${'</div>'.repeat(10_000)}<p>后面的段落</p>`;
  const r = parse('深', 'https://x.org/deep', deep);
  assert.ok(r.article, JSON.stringify(r.problems));
  assert.match(r.article.text, /深处的文字\n后面的段落/);
  assert.equal(r.problems[0]?.severity, 'warning');
  const unclosed = parse('深', 'https://x.org/deep2', `${'<span>'.repeat(20_000)}还在`);
  assert.equal(unclosed.article?.text, '还在');
});

test('200,000 paragraphs and a 5 MB body parse in a few seconds', () => {
  let start = performance.now();
  const many = parse('多', 'https://x.org/many', '<p>段</p>'.repeat(200_000));
  const manyMs = performance.now() - start;
  assert.equal(many.article?.text.split('\n').length, 200_000);
  start = performance.now();
  const big = parse('大', 'https://x.org/big', `<p>${'文字内容 text '.repeat(500_000)}</p>`);
  const bigMs = performance.now() - start;
  assert.ok(big.article);
  console.log(`200k paragraphs: ${manyMs.toFixed(0)} ms; 5 MB body: ${bigMs.toFixed(0)} ms`);
  // Timing is printed, not asserted tightly (STYLE: benchmarks print figures); this bound only catches quadratic blow-ups.
  assert.ok(manyMs < 120_000 && bigMs < 120_000);
});

test('parseArticle never throws, even on garbage', () => {
  for (const bytes of [new Uint8Array([0xff, 0xfe]), enc('\u0000'), enc('<!--1-->'), enc('<!--1595242477000-->\n[t](https://x.org/a)\n------\n\n<\u0000>')]) {
    const r = parseArticle(bytes, 'x', OPTIONS);
    assert.ok(r.article !== undefined || r.problems.some((p) => p.severity === 'error'));
  }
});
