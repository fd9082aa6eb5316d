/**
 * How many articles' related lists change when one article is added: findRelated over a synthetic
 * archive (bench/synthetic-articles.ts) with and without one article, for a few articles at random
 * dates and the newest. Usage: node --import tsx bench/related-churn.ts [articles] [trials]
 */
import { findRelated } from '../src/archive/find-related.ts';
import { syntheticArticles } from './synthetic-articles.ts';
import { mulberry32 } from './chinese-text.ts';

const count = Number(process.argv[2] ?? 10_000);
const trials = Number(process.argv[3] ?? 5);
const outlets = ['rfi', 'dw', 'voa', 'bbc', 'rfa'].map((key) => ({ key, name: key.toUpperCase() }));
const all = syntheticArticles(count + 1, (i) => ({ outlet: outlets[(i * 7) % outlets.length] }));
const rng = mulberry32(7);
const full = findRelated(all);
const changed: number[] = [];
for (let t = 0; t < trials; t++) {
  // Trial 0 adds the newest article (the archive is newest first); the others one at a random place.
  const index = t === 0 ? 0 : Math.floor(rng() * all.length);
  const without = findRelated(all.filter((_, i) => i !== index));
  const added = all[index]!.id;
  let n = 0;
  for (const [id, list] of without) if ((full.get(id) ?? []).join() !== list.join()) n++;
  changed.push(n);
  console.log(`${t === 0 ? 'newest' : `at ${index}`}: ${n} other articles' related lists change (the new article is in ${[...full.values()].filter((l) => l.includes(added)).length})`);
}
console.log(`mean ${(changed.reduce((a, b) => a + b, 0) / changed.length).toFixed(1)} per added article, ${count} articles`);
