/**
 * What story detection (src/archive/find-stories.ts) costs: CPU time of findStories on synthetic
 * archives (bench/synthetic-articles.ts: vocabulary titles and bodies, one article every 47
 * minutes, 8 outlets) of 10,000 and 100,000 articles, where every 25th article starts an "event"
 * told again by the next three articles of other outlets (same title words, reordered, and a shared
 * sentence). Prints the best of `runs`, the CPU per 1,000 articles (flat = linear) and what was found.
 *   node --import tsx bench/find-stories.ts [sizes, default 10000,100000] [runs, default 3]
 */
import { findStories } from '../src/archive/find-stories.ts';
import { mulberry32, sentence, title } from './chinese-text.ts';
import { syntheticArticles } from './synthetic-articles.ts';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 3);
const outlets = ['rfi', 'dw', 'voa', 'bbc', 'rfa', 'nytimes', 'zaobao', 'cna'].map((key) => ({ key, name: key.toUpperCase() }));

for (const count of sizes) {
  const rng = mulberry32(7);
  const events = new Map<number, { title: string; sentence: string }>();
  const articles = syntheticArticles(count, (i) => {
    const start = i - (i % 25);
    if (i % 25 > 3) return { outlet: outlets[(i * 7) % outlets.length] };
    if (!events.has(start)) events.set(start, { title: title(rng), sentence: sentence(rng) });
    const event = events.get(start)!;
    const words = event.title.split(/\s+/);
    const text = `${event.sentence}${sentence(rng)}${sentence(rng)}`;
    return { outlet: outlets[(i % 25) % outlets.length], title: i % 2 === 0 ? event.title : [...words].reverse().join(' '), text, lead: text.slice(0, 120) };
  });
  const times: number[] = [];
  let found = 0;
  let inStories = 0;
  let recovered = 0;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const stories = findStories(articles);
    const used = process.cpuUsage(cpu);
    times.push((used.user + used.system) / 1000);
    found = stories.length;
    inStories = stories.reduce((n, s) => n + s.articleIds.length, 0);
    // A planted event is recovered when one story holds all four of its articles.
    const storyOf = new Map(stories.flatMap((s, k) => s.articleIds.map((id) => [id, k] as const)));
    recovered = [...events.keys()].filter((start) => {
      const ks = [0, 1, 2, 3].map((j) => storyOf.get(articles[start + j]?.id ?? ''));
      return ks[0] !== undefined && ks.every((k) => k === ks[0]);
    }).length;
  }
  const best = Math.min(...times);
  console.log(
    `${count.toLocaleString('en-US')} articles: findStories ${best.toFixed(0)} ms CPU (best of ${runs}), ` +
      `${((best / count) * 1000).toFixed(0)} ms per 1,000 articles; ${found.toLocaleString('en-US')} stories ` +
      `holding ${inStories.toLocaleString('en-US')} articles; ${recovered.toLocaleString('en-US')} of ${events.size.toLocaleString('en-US')} planted events found whole ` +
      '(the other stories are chance overlaps of the small synthetic vocabulary)',
  );
}
