/**
 * What the search index costs a deploy and a reader, in-process (no page rendering): builds the
 * search documents of an archive of seeds, then for each scenario indexes the first documents
 * (clean), adds the rest incrementally as a build does (writeSearchIndex with the live output as
 * `previousOutput`, then applyStaging) and counts the search files that changed (added, other bytes
 * or removed: what `rsync --checksum` transfers or deletes), and checks the result equals a clean
 * index of the same documents. Then the size of the index, what a first query loads through the
 * reader the page runs (bench/search-query-bytes.ts measures the same in Chromium), and, by
 * calculation from segmentLayout, the files a daily cycle of 300 articles rewrites at 100,000.
 *
 *     node --import tsx bench/search-churn.ts /work/b10k/seeds
 *     node --import tsx bench/search-churn.ts bench/.work/10000/seeds --queries 台湾,世界卫生组织
 *
 * Scenarios: newest (one article newer than all), daily (300), a block boundary (the addition that
 * completes a 64-document block and merges segments), and the largest merge below the archive's size.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { loadArchive } from '../src/archive/load-archive.ts';
import { applyStaging } from '../src/cli/publish-output.ts';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_CONFIG as config } from '../src/site/default-config.ts';
import { openSearchIndex } from '../src/site/search/client/open-search-index.ts';
import { indexSearch } from '../src/site/search/index-search.ts';
import { searchDocs } from '../src/site/search/search-doc.ts';
import { CHUNK_DOCS, type SearchManifest } from '../src/site/search/search-format.ts';
import { BLOCK_DOCS, segmentLayout } from '../src/site/search/segment-layout.ts';
import { SEARCH_DIR } from '../src/site/search/write-search-index.ts';
import { bucketCount } from '../src/site/search/write-segment.ts';
import { diffSnapshots, snapshotOutput } from './snapshot-output.ts';
import { SEARCH_BENCH_QUERIES } from './search-query-bytes.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { queries: { type: 'string' }, daily: { type: 'string', default: '300' } } });
const seeds = positionals[0] ?? 'bench/.work/10000/seeds';
const queries = values.queries?.split(',') ?? SEARCH_BENCH_QUERIES;
const daily = Number(values.daily);

const t0 = performance.now();
const archive = await loadArchive(seeds, { timeZone: config.timeZone, outlets: config.outlets, cacheDir: join(tmpdir(), 'clippings-search-churn-cache') });
const site = buildSite(archive, config, { feeds: false, search: true });
const docs = searchDocs(archive.articles, site.lists.article);
const N = docs.length;
console.log(`${N} documents from ${seeds} (${((performance.now() - t0) / 1000).toFixed(1)} s to load and model)`);

const work = mkdtempSync(join(tmpdir(), 'clippings-search-churn-'));
try {
  // The clean index of all documents: size, time, first queries.
  const clean = join(work, 'clean');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const full = await indexSearch(clean, docs);
  const used = process.cpuUsage(cpu);
  const manifest = JSON.parse(readFileSync(join(clean, SEARCH_DIR, 'index.json'), 'utf8')) as SearchManifest;
  const buckets = manifest.segments.reduce((a, s) => a + s.buckets, 0);
  console.log(`\nclean index: ${((performance.now() - started) / 1000).toFixed(1)} s (cpu ${((used.user + used.system) / 1e6).toFixed(1)} s); ${full.files} files (${(full.files / N).toFixed(3)} per article: ${buckets} buckets, ${full.chunks.length} chunks, ${manifest.segments.length} facets), ${(full.bytes / 1048576).toFixed(1)} MB`);
  console.log(`segments: ${manifest.segments.map((s) => `${s.count}${s.count < BLOCK_DOCS ? ' (tail)' : ''}: ${s.buckets} b`).join(', ')}`);

  const script = readFileSync(join(clean, SEARCH_DIR, 'search.js')).length;
  console.log(`\nfirst query, through the reader (the page's script, ${(script / 1024).toFixed(1)} KB, included):`);
  let largest = 0;
  for (const q of queries) {
    const by: Record<string, number> = { script };
    const index = await openSearchIndex({
      bytes: async (path) => {
        const b = readFileSync(join(clean, SEARCH_DIR, path));
        const kind = path.startsWith('c/') ? 'chunks' : path.startsWith('f/') ? 'facets' : /\/b\d+\.bin$/.test(path) ? 'buckets' : path.replace(/-.*/, '');
        by[kind] = (by[kind] ?? 0) + b.length;
        return new Uint8Array(b);
      },
      gunzip: async (b) => new Uint8Array(gunzipSync(b)),
    });
    const found = await index.search(q);
    await index.docs(found.ids.slice(0, 10));
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    largest = Math.max(largest, total);
    console.log(`  ${q}: ${found.ids.length} found, ${(total / 1024).toFixed(0)} KB (${Object.entries(by).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}`).join(', ')})`);
  }
  console.log(`  largest: ${(largest / 1024).toFixed(0)} KB`);

  // Incremental scenarios: files changed, equal to the clean index?
  const lastBlock = Math.floor(N / BLOCK_DOCS) * BLOCK_DOCS; // the archive of lastBlock documents ends on a whole block
  const biggest = 2 ** Math.floor(Math.log2(N - 1));
  const scenarios: [string, number, number][] = [
    ['newest article', N - 1, N],
    [`daily (${daily} newest)`, N - daily, N],
    [`completes a block (${lastBlock - 1} → ${lastBlock})`, lastBlock - 1, lastBlock],
    [`largest merge (${biggest - 1} → ${biggest})`, biggest - 1, biggest],
  ];
  console.log('\n| scenario | search files changed | of them removed | documents re-indexed | chunks written | ms | equal to clean |\n|---|--:|--:|--:|--:|--:|---|');
  for (const [name, before, after] of scenarios) {
    const live = join(work, 'live');
    const staging = join(work, 'staging');
    const reference = join(work, 'reference');
    for (const d of [live, staging, reference]) rmSync(d, { recursive: true, force: true });
    await indexSearch(live, docs.slice(0, before));
    const snap = snapshotOutput(live);
    mkdirSync(staging);
    const t = performance.now();
    const result = await indexSearch(staging, docs.slice(0, after), { previousOutput: live });
    applyStaging(staging, live, { replaceDirs: new Set(), remove: result.obsolete });
    const ms = performance.now() - t;
    const diff = diffSnapshots(snap, snapshotOutput(live));
    const changed = diff.added.length + diff.removed.length + diff.changed.length;
    await indexSearch(reference, docs.slice(0, after));
    const same = diffSnapshots(snapshotOutput(reference), snapshotOutput(live));
    const equal = same.added.length + same.removed.length + same.changed.length === 0;
    console.log(`| ${name} | ${changed} | ${diff.removed.length} | ${result.docsIndexed} | ${result.chunksWritten} | ${ms.toFixed(0)} | ${equal ? 'yes' : `NO: ${[...same.added, ...same.removed, ...same.changed].slice(0, 5).join(' ')}`} |`);
  }

  // By calculation: the daily cycle on archives of 90,000–110,000, from segmentLayout and
  // bucketCount with this index's bytes of postings per document (its largest segment's, unzipped).
  const largestSegment = manifest.segments[0]!;
  let raw = 0;
  for (let b = 0; b < largestSegment.buckets; b++) raw += gunzipSync(readFileSync(join(clean, SEARCH_DIR, largestSegment.dir, `b${b}.bin`))).length;
  const perDoc = raw / largestSegment.count;
  const estimate = (n: number, add: number): number => {
    const key = (s: { first: number; count: number }): string => `${s.first}+${s.count}`;
    const before = new Map(segmentLayout(n).map((s) => [key(s), s]));
    const after = new Map(segmentLayout(n + add).map((s) => [key(s), s]));
    const filesOf = (s: { count: number }): number => 1 + bucketCount(s.count * perDoc, s.count);
    let files = 1; // index.json
    for (const [k, s] of after) if (!before.has(k) || s.count < BLOCK_DOCS) files += filesOf(s);
    for (const [k, s] of before) if (!after.has(k)) files += filesOf(s);
    const chunks = Math.floor((n + add - 1) / CHUNK_DOCS) - Math.floor(n / CHUNK_DOCS) + 1;
    return files + chunks;
  };
  const sweep = (from: number, to: number, add: number) => {
    const all: number[] = [];
    for (let n = from; n < to; n++) all.push(estimate(n, add));
    const sorted = [...all].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    return { mean: all.reduce((a, b) => a + b, 0) / all.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]!, over: all.filter((x) => x > 1000).length / all.length };
  };
  console.log(`\nby calculation (segmentLayout, bucketCount and ${(perDoc / 1024).toFixed(2)} KB of postings per document, as this index; facets, index.json and chunks added):`);
  console.log('| archive | added | mean | median | p95 | p99 | max | share > 1,000 |\n|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const [from, to, add] of [[9000, 11000, 1], [9000, 11000, daily], [90000, 110000, 1], [90000, 110000, daily]] as const) {
    const s = sweep(from, to, add);
    console.log(`| ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')} | ${add} | ${s.mean.toFixed(0)} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${(s.over * 100).toFixed(1)} % |`);
  }
  console.log(`the 100k bench archive (96,945 articles) + ${daily}: ${estimate(96945, daily)} files; + 1: ${estimate(96945, 1)}; segments at 96,945: ${segmentLayout(96945).length}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

