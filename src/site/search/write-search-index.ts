import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FOLD_TABLE } from '../../text/fold-han.ts';
import { FORMAT_VERSION, type SearchManifest, type SegmentInfo } from './search-format.ts';
import type { SearchDoc } from './search-doc.ts';
import { writeSegment } from './write-segment.ts';

/** The folder of the search page and its index in the output. */
export const SEARCH_DIR = 'search';
export const MANIFEST = 'index.json';

export interface WriteSearchIndexOptions {
  /** The live output of the previous build: segments whose inputs are unchanged are not rewritten. */
  readonly previousOutput?: string;
}

export interface SearchIndexResult {
  readonly docs: number;
  /** Segment folders of the index, and those written by this call (the others were kept). */
  readonly segments: readonly string[];
  readonly written: readonly string[];
  /** Documents in the segments written by this call. */
  readonly docsIndexed: number;
  /** Files and bytes of the whole index (manifest, fold table, every segment). */
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
}

/**
 * Writes the search index of `docs` (oldest first: searchDocs) into `<outputDir>/search/`. The
 * documents are split in two segments: "recent", from the first day of the month before the newest
 * article's month, and "base", everything older. Each segment's folder is named after a digest of
 * its inputs, so a daily addition rewrites the recent segment only, and a segment whose folder
 * already exists in `previousOutput` is left there (the caller keeps it). A clean build writes the
 * same bytes. Then index.json (segments, years) and the fold table, both small, are rewritten.
 *
 *     const result = writeSearchIndex('_site', searchDocs(archive.articles, site.lists.article));
 */
export function writeSearchIndex(outputDir: string, docs: readonly SearchDoc[], options: WriteSearchIndexOptions = {}): SearchIndexResult {
  const started = performance.now();
  const root = join(outputDir, SEARCH_DIR);
  mkdirSync(root, { recursive: true });
  const segments: SegmentInfo[] = [];
  const written: string[] = [];
  let docsIndexed = 0;
  for (const { name, first, count } of splitSegments(docs)) {
    const part = docs.slice(first, first + count);
    const dir = `${name}-${segmentDigest(first, part).slice(0, 12)}`;
    const previous = options.previousOutput === undefined ? undefined : join(options.previousOutput, SEARCH_DIR, dir);
    let buckets: number;
    if (previous !== undefined && existsSync(join(previous, 'meta.json'))) {
      buckets = readdirSync(previous).filter((f) => f.startsWith('b')).length;
    } else {
      const staging = join(root, `${dir}.tmp`);
      rmSync(staging, { recursive: true, force: true });
      buckets = writeSegment(staging, first, part).buckets;
      renameSync(staging, join(root, dir));
      written.push(dir);
      docsIndexed += count;
    }
    segments.push({ dir, first, count, buckets });
  }
  const foldData = [...FOLD_TABLE].map(([from, to]) => from + to).join('');
  const fold = `fold-${createHash('sha256').update(foldData).digest('hex').slice(0, 12)}.bin`;
  writeFileSync(join(root, fold), gzipSync(foldData, { level: 9 }));
  const manifest: SearchManifest = { version: FORMAT_VERSION, docs: docs.length, fold, segments, years: yearStarts(docs) };
  writeFileSync(join(root, MANIFEST), `${JSON.stringify(manifest)}\n`);
  let files = 2;
  let bytes = sizeOf(join(root, MANIFEST)) + sizeOf(join(root, fold));
  for (const s of segments) {
    const dir = [join(root, s.dir), ...(options.previousOutput ? [join(options.previousOutput, SEARCH_DIR, s.dir)] : [])].find((d) => existsSync(d))!;
    for (const f of readdirSync(dir)) (files++, (bytes += sizeOf(join(dir, f))));
  }
  return { docs: docs.length, segments: segments.map((s) => s.dir), written, docsIndexed, files, bytes, ms: Math.round(performance.now() - started) };
}

/**
 * Base and recent segments. The cut is the first day of the month before the newest document's
 * month: a function of the archive alone (a clean build cuts the same), which moves once a month.
 */
export function splitSegments(docs: readonly SearchDoc[]): { name: string; first: number; count: number }[] {
  if (docs.length === 0) return [];
  const newest = docs[docs.length - 1]!.day;
  const [y, m] = [Number(newest.slice(0, 4)), Number(newest.slice(5, 7))];
  const cut = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  let first = docs.length;
  while (first > 0 && docs[first - 1]!.day >= cut) first--;
  const out = [];
  if (first > 0) out.push({ name: 'base', first: 0, count: first });
  out.push({ name: 'recent', first, count: docs.length - first });
  return out;
}

/** Everything a segment's files are made of, and the format version. */
function segmentDigest(first: number, docs: readonly SearchDoc[]): string {
  const hash = createHash('sha256').update(`${FORMAT_VERSION}\0${first}`);
  for (const d of docs) hash.update(`\0${d.title}\0${d.url}\0${d.outlet}\0${d.topics.join('\u0001')}\0${d.date}\0${d.text}`);
  return hash.digest('hex');
}

function yearStarts(docs: readonly SearchDoc[]): [string, number][] {
  const years: [string, number][] = [];
  docs.forEach((d, i) => {
    const year = d.day.slice(0, 4);
    if (years[years.length - 1]?.[0] !== year) years.push([year, i]);
  });
  return years;
}

function sizeOf(file: string): number {
  return statSync(file).size;
}
