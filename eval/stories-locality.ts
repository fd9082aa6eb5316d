/**
 * How local story detection is: removes articles of the real corpus one at a time (every 67th, 40 in
 * all) and counts the stories that change although they do not hold the removed article, with their
 * distance in days from it. Adding an article back is the same change the other way round.
 *
 *   node --import tsx eval/stories-locality.ts
 */
import { loadArchive } from '../src/archive/load-archive.ts';
import { findStories, type Story } from '../src/archive/find-stories.ts';
const a = await loadArchive(new URL('../../shared/corpus/real', import.meta.url).pathname, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: '/tmp/clippings-eval-stories-cache' });
const at = new Map(a.articles.map((x) => [x.id, x.publishedAt]));
const key = (s: Story) => `${s.id}|${s.articleIds.join()}|${s.leadId}`;
const all = findStories(a.articles);
let withOthers = 0; const distances: number[] = []; let others = 0;
const trials = 40;
for (let k = 0; k < trials; k++) {
  const x = a.articles[(k * 67) % a.articles.length]!;
  const rest = findStories(a.articles.filter((y) => y !== x));
  const before = new Map(all.filter((s) => !s.articleIds.includes(x.id)).map((s) => [key(s), s]));
  const after = new Map(rest.map((s) => [key(s), s]));
  // Stories not holding x that differ: in one run and not the other.
  const changed = [...before.values()].filter((s) => !after.has(key(s)));
  const joined = all.find((s) => s.articleIds.includes(x.id));
  const appeared = [...after.values()].filter((s) => !before.has(key(s)) && !(joined && s.articleIds.some((id) => joined.articleIds.includes(id))));
  const diff = [...changed, ...appeared];
  if (diff.length) withOthers++;
  others += diff.length;
  for (const s of diff) distances.push(Math.abs(at.get(s.id)! - x.publishedAt) / 86400000);
}
console.log(`${trials} articles removed one at a time: stories not holding the article changed in ${withOthers} cases (${others} story versions, old and new), at ${distances.map((d) => d.toFixed(0)).sort((p, q) => +p - +q).join(', ')} days from the removed article`);
