/**
 * What a rebuild pays for the archive-level work (src/archive/README.md, "Rebuilds"): loading a cached
 * archive, related articles, stories and the capture diffs, with nothing kept between builds, with
 * everything kept (no change), and with one article newer than all added (the daily case):
 *
 *   node --import tsx bench/archive-passes.ts [--count 10000] [--input <seeds folder>]
 *
 * Seeds are generated into bench/.work/passes-<count>/ once (or taken from --input: its newest file by
 * name is the one added); parsing is cached in bench/.work/passes-cache-<count>/ (the first run parses).
 * Figures are CPU seconds of this process (worker threads, which only parse, excluded).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CaptureDiffs } from '../src/archive/cached-capture-diffs.ts';
import { findRelated } from '../src/archive/find-related.ts';
import { findStories } from '../src/archive/find-stories.ts';
import { listSeedFiles, type SeedFile } from '../src/archive/list-seed-files.ts';
import { loadArchive } from '../src/archive/load-archive.ts';
import { generateSeeds } from './generate-seeds.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, input: { type: 'string' } } });
const count = Number(values.count);
const work = join(import.meta.dirname, '.work');
const dir = values.input ?? join(work, `passes-${count}`);
if (values.input === undefined && !existsSync(dir)) generateSeeds(dir, count + 1, { seed: 42 });
const cacheDir = join(work, `passes-cache-${values.input === undefined ? count : 'input'}`);
const KEPT = ['related.bin', 'stories.json', 'topic-scores.bin', 'capture-diffs.json', 'seed-hashes.json'];

const all = await listSeedFiles(dir);
// The newest seed (generated names start with the publication time in ms) is the one a daily build adds.
const newest = all.reduce((best, f) => (name(f) > name(best) ? f : best));
const before = all.filter((f) => f !== newest);

const cpu = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return [result, (used.user + used.system) / 1e6];
};

async function passes(files: readonly SeedFile[]): Promise<Record<string, number>> {
  const [archive, load] = await cpu(() => loadArchive(dir, { timeZone: 'Asia/Shanghai', outlets: [], cacheDir, files }));
  const [, related] = await cpu(() => findRelated(archive.articles, { limit: 5, earlierOnly: true, cacheFile: join(cacheDir, 'related.bin'), sourceKey: archive.sourceKey! }));
  const [, stories] = await cpu(() => findStories(archive.articles, { cacheFile: join(cacheDir, 'stories.json') }));
  const [, diffs] = await cpu(() => {
    const kept = CaptureDiffs.open(join(cacheDir, 'capture-diffs.json'));
    for (const a of archive.articles) for (let i = 1; i < a.captures.length; i++) kept.diff(a.captures[i]!, a.captures[i - 1]!);
    kept.save();
  });
  return { load, related, stories, diffs };
}

await passes(before); // parses what is not cached yet
for (const file of KEPT) rmSync(join(cacheDir, file), { force: true });
const rows: [string, Record<string, number>][] = [];
rows.push(['nothing kept', await passes(before)]);
rows.push(['all kept (no change)', await passes(before)]);
rows.push(['one newest added', await passes(all)]);
console.log(`${before.length} seeds (+1), ${dir}; CPU seconds of this process`);
console.log(['', 'load', 'related', 'stories', 'capture diffs'].map((h, i) => (i === 0 ? h.padEnd(22) : h.padStart(14))).join(''));
for (const [label, r] of rows) console.log([label.padEnd(22), ...[r.load, r.related, r.stories, r.diffs].map((v) => v!.toFixed(2).padStart(14))].join(''));

function name(file: SeedFile): string {
  return file.path.slice(file.path.lastIndexOf('/') + 1);
}
