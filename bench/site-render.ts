/**
 * Renders a synthetic archive (default 10,000 articles, ~3.5 KB bodies) with renderSite and prints
 * the figures: model build time, render time, pages/second. Usage:
 *   node --import tsx bench/site-render.ts [articles] [outDir]
 */
import { rm } from 'node:fs/promises';
import { buildSite } from '../src/site/build-site.ts';
import { renderSite } from '../src/site/render-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { makeArchive, makeArticle } from '../test/support/make-article.ts';

const count = Number(process.argv[2] ?? 10_000);
const out = process.argv[3] ?? '/tmp/clippings-site-bench';
const topics = ['中国', '国际', '财经', '科技', '文化', '体育', '港澳台', '评论'].map((label, i) => ({ label, slug: `topic-${i}` }));
const outlets = ['rfi', 'dw', 'voa', 'bbc', 'rfa', 'nytimes', 'zaobao', 'cna'].map((key) => ({ key, name: key.toUpperCase() }));
const para = '北京时间周三晚间，多位消息人士透露，有关部门正在研究新的政策措施，以应对经济放缓带来的压力。分析人士认为，这一举措将对市场产生深远影响。';

let t = performance.now();
const articles = Array.from({ length: count }, (_, i) => {
  const text = `${para}${i}`.repeat(18); // ~3.5 KB of UTF-8 as HTML
  return makeArticle({
    publishedAt: 1693421125000 - i * 47 * 60_000,
    title: `第 ${i} 篇：${para.slice(0, 24)}`,
    topic: topics[i % topics.length],
    outlet: outlets[(i * 7) % outlets.length],
    text,
    summary: text.slice(0, 120),
    bodyHtml: Array.from({ length: 6 }, () => `<p>${text.slice(0, 200)}</p>`).join('\n'),
  });
});
const archive = makeArchive(articles);
console.log(`made ${count} articles in ${(performance.now() - t).toFixed(0)} ms`);

t = performance.now();
const buildCpu = process.cpuUsage();
const site = buildSite(archive, DEFAULT_SITE_CONFIG);
const buildMs = performance.now() - t;
const buildUsed = process.cpuUsage(buildCpu);
console.log(`buildSite: ${site.pages.length} pages in ${buildMs.toFixed(0)} ms (CPU ${((buildUsed.user + buildUsed.system) / 1000).toFixed(0)} ms)`);

await rm(out, { recursive: true, force: true });
t = performance.now();
const cpu = process.cpuUsage();
const { pagesWritten } = await renderSite(site, out);
const renderMs = performance.now() - t;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
console.log(`renderSite: ${pagesWritten} pages in ${(renderMs / 1000).toFixed(2)} s = ${((pagesWritten / renderMs) * 1000).toFixed(0)} pages/s`);
console.log(`renderSite CPU time: ${(cpuMs / 1000).toFixed(2)} s = ${((pagesWritten / cpuMs) * 1000).toFixed(0)} pages per CPU-second (wall time suffers when the machine is busy)`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
