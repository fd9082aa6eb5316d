/**
 * CPU time of placing 10,000 articles in topics (src/archive/place-topics.ts), on the benchmark's
 * synthetic archive, and of the same with one article more (what an add-one rebuild pays):
 *
 *   node --import tsx bench/topics.ts [--count 10000]
 *
 * Seeds are generated into bench/.work/topics-<count>/ once; parsing is cached in bench/.work/topics-cache/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadArchive } from '../src/archive/load-archive.ts';
import { placeTopics } from '../src/archive/place-topics.ts';
import { resolveTaxonomy } from '../src/archive/resolve-taxonomy.ts';
import { generateSeeds } from './generate-seeds.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
const count = Number(values.count);
const work = join(import.meta.dirname, '.work');
const dir = join(work, `topics-${count}`);
if (!existsSync(dir)) generateSeeds(dir, count + 1, { seed: 42 });
const archive = await loadArchive(dir, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: join(work, 'topics-cache') });
const all = archive.articles;
const taxonomy = resolveTaxonomy();
const cpu = (work: () => void): number => {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
};
const without = all.slice(1);
cpu(() => placeTopics(without.slice(0, 500), taxonomy)); // warm up
const clean = cpu(() => placeTopics(without, taxonomy));
const addOne = cpu(() => placeTopics(all, taxonomy));
const sectioned = all.filter((a) => a.placement.by === 'section').length;
console.log(`${without.length} articles (${sectioned} with a mapped section): placeTopics ${clean.toFixed(2)} s CPU; with one more: ${addOne.toFixed(2)} s CPU`);
