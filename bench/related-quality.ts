/**
 * How good "相关报道" is on the real corpus, and what it costs. Prints:
 *  - coverage: share of articles with ≥1, ≥3 and 5 related articles;
 *  - for 12 sample articles (the smallest id of each of the 12 largest outlets) and three hand
 *    checks (first article by id whose title contains a phrase), the title and the related titles
 *    with scores, for a person to judge;
 *  - CPU time of findRelated on the real corpus and on 10,000 and 20,000 synthetic articles
 *    (best of 3; the synthetic text comes from bench/chinese-text.ts).
 * Usage (from the repo): node --import tsx bench/related-quality.ts [--no-synthetic] [--options '{"minSimilarity":0.1}']
 */
import os from 'node:os';
import type { Article } from '../src/article/article.ts';
import type { FindRelatedOptions } from '../src/archive/find-related.ts';
import { findRelated, relatedWithScores } from '../src/archive/find-related.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { syntheticArticles } from './synthetic-articles.ts';

const optionsAt = process.argv.indexOf('--options');
const options = optionsAt > 0 ? (JSON.parse(process.argv[optionsAt + 1] ?? '{}') as FindRelatedOptions) : {};
const HAND_CHECKS = ['拜登就职典礼', '抗疫', '国安法'];

const archive = await loadArchive('../shared/corpus/real', { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: '.cache' });
const articles = archive.articles;
console.log(`real corpus: ${articles.length} articles (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);

const scored = relatedWithScores(articles, { limit: 5, ...options });
const lists = [...scored.values()];
const share = (min: number): string => `${((100 * lists.filter((l) => l.length >= min).length) / lists.length).toFixed(1)} %`;
console.log(`coverage: ≥1 related ${share(1)}, ≥3 ${share(3)}, 5 ${share(5)}; mean ${(lists.reduce((s, l) => s + l.length, 0) / lists.length).toFixed(2)} a list`);

const byId = new Map(articles.map((a) => [a.id, a]));
const byOutlet = new Map<string, Readonly<Article>[]>();
for (const a of articles) byOutlet.set(a.outlet.key, [...(byOutlet.get(a.outlet.key) ?? []), a]);
const outlets = [...byOutlet.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, 12);
const samples = outlets.map(([, list]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!);
const sortedById = [...articles].sort((a, b) => (a.id < b.id ? -1 : 1));
for (const phrase of HAND_CHECKS) {
  const hit = sortedById.find((a) => a.title.includes(phrase) && !samples.includes(a));
  if (hit) samples.push(hit);
}
for (const sample of samples) {
  console.log(`\n[${sample.outlet.key} · ${sample.topic.label} · ${day(sample)}] ${sample.title}`);
  const list = scored.get(sample.id) ?? [];
  if (list.length === 0) console.log('    (none)');
  for (const { id, score } of list) {
    const other = byId.get(id)!;
    console.log(`    ${score.toFixed(3)}  [${other.outlet.key} · ${other.topic.label} · ${day(other)}] ${other.title}`);
  }
}

console.log(`\nfindRelated CPU time, best of 3:`);
console.log(`  real corpus (${articles.length})  ${best(() => findRelated(articles, options)).toFixed(0)} ms`);
if (!process.argv.includes('--no-synthetic')) {
  for (const count of [10_000, 20_000]) {
    const synthetic = syntheticArticles(count, (i) => ({ id: `s${String(i).padStart(6, '0')}`, url: `https://example.org/${i}` }));
    const related = findRelated(synthetic, options);
    const covered = [...related.values()].filter((l) => l.length >= 3).length;
    console.log(`  synthetic ${count}  ${best(() => findRelated(synthetic, options)).toFixed(0)} ms (${((100 * covered) / count).toFixed(0)} % with ≥3)`);
  }
}

function day(a: Readonly<Article>): string {
  return a.keys.day;
}

function best(work: () => unknown): number {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpu);
    times.push((used.user + used.system) / 1000);
  }
  return Math.min(...times);
}
