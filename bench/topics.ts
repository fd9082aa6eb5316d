/**
 * CPU time of placing 10,000 articles in topics (src/archive/place-topics.ts), on the benchmark's
 * synthetic archive, and of the same with one article more (what an add-one rebuild pays); the heap
 * it allocates beyond its result; and what the last retrain of the model (src/archive/training-size.ts) moved:
 *
 *   node --import tsx bench/topics.ts [--count 10000]
 *
 * Seeds are generated into bench/.work/topics-<count>/ once; parsing is cached in bench/.work/topics-cache/.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadArticles } from '../src/archive/load-archive.ts';
import { placeTopics } from '../src/archive/place-topics.ts';
import { resolveTaxonomy } from '../src/archive/resolve-taxonomy.ts';
import { trainingSize } from '../src/archive/training-size.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateSeeds } from './generate-seeds.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
const count = Number(values.count);
const work = join(import.meta.dirname, '.work');
const dir = join(work, `topics-${count}`);
if (!existsSync(dir)) generateSeeds(dir, count + 1, { seed: 42 });
// The articles as parsed, with their folded topic text: what a build places (placed ones no longer have it).
const { articles: all } = await loadArticles(dir, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir: join(work, 'topics-cache') });
const taxonomy = resolveTaxonomy();
const placedAll = placeTopics(all, taxonomy);
const parsedById = new Map(all.map((a) => [a.id, a]));
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
const sectioned = placedAll.filter((a) => a.placement.by === 'section').length;
console.log(`${without.length} articles (${sectioned} with a mapped section): placeTopics ${clean.toFixed(2)} s CPU; with one more: ${addOne.toFixed(2)} s CPU`);
// A rebuild whose training set has not changed reads the model from its file (src/archive/cached-topic-model.ts).
const modelFile = join(work, 'topic-model.bin');
rmSync(modelFile, { force: true });
const saving = cpu(() => placeTopics(without, taxonomy, { modelFile }));
const reading = cpu(() => placeTopics(without, taxonomy, { modelFile }));
console.log(`with the model kept in a file: ${saving.toFixed(2)} s CPU to train and save it, ${reading.toFixed(2)} s CPU for a rebuild that reads it`);

// Heap: in use right after placing (garbage included, before any collection the placing did not need) and retained by the result.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
gc();
const base = process.memoryUsage().heapUsed;
const placed = placeTopics(without, taxonomy);
const after = process.memoryUsage().heapUsed;
gc();
const mb = (n: number): string => `${(n / 1048576).toFixed(0)} MB`;
console.log(`heap: ${mb(after - base)} more in use right after placing, ${mb(process.memoryUsage().heapUsed - base)} retained by the ${placed.length} placed articles`);

// The last retrain: the archive up to the sectioned article that completes the level the model trains on now.
const byTime = [...placedAll].sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
const sectionedByTime = byTime.filter((a) => a.placement.by === 'section');
const level = trainingSize(sectionedByTime.length);
const at = byTime.indexOf(sectionedByTime[level - 1]!);
const topics = (list: typeof placedAll): Map<string, string> => new Map(placeTopics(list.map((a) => parsedById.get(a.id)!), taxonomy).map((a) => [a.id, `${a.topic.slug} ${a.secondTopic?.slug ?? ''}`]));
const before = topics(byTime.slice(0, at));
const retrained = topics(byTime.slice(0, at + 1));
let next = level + 1;
while (trainingSize(next) === level) next++;
const moved = [...before].filter(([id, t]) => retrained.get(id) !== t).length;
const content = byTime.slice(0, at).filter((a) => a.placement.by !== 'section').length;
console.log(`last retrain (training ${trainingSize(level - 1)} → ${level} of ${sectionedByTime.length} sectioned articles): ${moved} of ${at} articles changed topic or second topic (${((100 * moved) / content).toFixed(1)} % of the ${content} without a mapped section); next retrain at ${next} sectioned`);
