/**
 * Stories kept between builds (src/archive/story-cache.ts), on a real archive: for each case, the
 * stories found with the kept state of a previous build are compared with those found from scratch,
 * and both are timed (CPU of findStories). Cases: the newest 1, 10 and 300 articles added (the daily
 * case), nothing changed, one article inserted at a random earlier date, one article removed.
 *   node --import tsx bench/kept-stories.ts [seed folder, default ../shared/corpus/real] [cache dir]
 * The seed folder is parsed with `cache dir` as the parse cache (default /tmp/clippings-kept-stories),
 * so a second run loads it in seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../src/article/article.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { findStories } from '../src/archive/find-stories.ts';

const input = process.argv[2] ?? new URL('../../shared/corpus/real', import.meta.url).pathname;
const cacheDir = process.argv[3] ?? '/tmp/clippings-kept-stories';
const archive = await loadArchive(input, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir });
const all = [...archive.articles].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
const work = mkdtempSync(path.join(tmpdir(), 'kept-stories-'));

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const cpu = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: (used.user + used.system) / 1000 };
};

const clean = timed(() => findStories(all));
console.log(`${all.length.toLocaleString('en-US')} articles, ${clean.value.length.toLocaleString('en-US')} stories; from scratch ${clean.ms.toFixed(0)} ms CPU`);

const pick = Math.floor(all.length * 0.6);
const cases: { name: string; before: readonly Article[]; after: readonly Article[] }[] = [
  { name: 'newest 1 added', before: all.slice(0, -1), after: all },
  { name: 'newest 10 added', before: all.slice(0, -10), after: all },
  { name: 'newest 300 added', before: all.slice(0, -300), after: all },
  { name: 'nothing changed', before: all, after: all },
  { name: 'one inserted at 60 %', before: all.filter((_, i) => i !== pick), after: all },
  { name: 'one removed at 60 %', before: [...all, all[pick]!].slice(0, -1), after: all.filter((_, i) => i !== pick) },
];
let failed = 0;
for (const { name, before, after } of cases) {
  const cacheFile = path.join(work, `${name.replace(/\W+/g, '-')}.json`);
  findStories(before, { cacheFile });
  const kept = timed(() => findStories(after, { cacheFile }));
  const expected = after === all ? clean.value : findStories(after);
  const same = JSON.stringify(kept.value) === JSON.stringify(expected);
  if (!same) failed++;
  console.log(`${name.padEnd(22)} with kept state ${kept.ms.toFixed(0).padStart(5)} ms CPU; stories ${same ? 'identical to' : 'DIFFER from'} a clean run`);
}
rmSync(work, { recursive: true, force: true });
process.exitCode = failed === 0 ? 0 : 1;
