/**
 * What related articles cost in buildSite: builds the page models of a synthetic archive (default
 * 10,000 articles with varied Chinese titles and leads from bench/chinese-text.ts) with and without
 * `findRelated`, and times findRelated alone. Usage:
 *   node --import tsx bench/build-site-related.ts [articles] [runs]
 */
import { findRelated } from '../src/archive/find-related.ts';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG } from '../src/site/default-config.ts';
import { makeArchive } from '../test/support/make-article.ts';
import { syntheticArticles } from './synthetic-articles.ts';

const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const outlets = ['rfi', 'dw', 'voa', 'bbc', 'rfa', 'nytimes', 'zaobao', 'cna'].map((key) => ({ key, name: key.toUpperCase() }));
const articles = syntheticArticles(count, (i) => ({ outlet: outlets[(i * 7) % outlets.length] }));
const archive = makeArchive(articles);

const time = (work: () => unknown): number => {
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
};

// Interleaved, after one warm-up of each, so JIT warm-up and GC state favour neither.
const build = (related: boolean) => () => buildSite(archive, DEFAULT_SITE_CONFIG, { feeds: true, search: true, related });
time(build(false));
time(build(true));
const withTimes: number[] = [];
const withoutTimes: number[] = [];
const aloneTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  withoutTimes.push(time(build(false)));
  withTimes.push(time(build(true)));
  aloneTimes.push(time(() => findRelated(archive.articles)));
}
const withRelated = Math.min(...withTimes);
const without = Math.min(...withoutTimes);
const alone = Math.min(...aloneTimes);
const related = findRelated(archive.articles);
const found = [...related.values()].filter((ids) => ids.length > 0).length;
console.log(`${count} articles, best of ${runs} runs, CPU time:`);
console.log(`  buildSite with related     ${withRelated.toFixed(0)} ms`);
console.log(`  buildSite without related  ${without.toFixed(0)} ms`);
console.log(`  findRelated alone          ${alone.toFixed(0)} ms (${found} of ${count} articles have related ones)`);
