import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FOLD_TABLE } from '../../text/fold-han.ts';
import { searchChunks } from './search-chunks.ts';
import { CHUNK_DIR, FACETS_DIR, FORMAT_VERSION, type SearchManifest, type SegmentInfo } from './search-format.ts';
import type { SearchDoc } from './search-doc.ts';
import { segmentLayout } from './segment-layout.ts';
import { SegmentDigests, type SegmentDigest } from './segment-digests.ts';
import { BUCKET_RULE, segmentFacets, writeSegment } from './write-segment.ts';

/** The folder of the search page and its index in the output. */
export const SEARCH_DIR = 'search';
export const MANIFEST = 'index.json';

export interface WriteSearchIndexOptions {
  /** The live output of the previous build: segments and chunks it already has are not rewritten. */
  readonly previousOutput?: string;
  /** Digests kept between builds (segment-digests.ts): a segment whose documents are as they were is named without reading its texts. */
  readonly digests?: SegmentDigests;
}

export interface SearchIndexResult {
  readonly docs: number;
  /** Segment folders of the index, and those written by this call (the others were kept). */
  readonly segments: readonly string[];
  readonly written: readonly string[];
  /** Documents in the segments written by this call. */
  readonly docsIndexed: number;
  /** Chunk files of the index (`c/<n>.bin`), and how many this call wrote. */
  readonly chunks: readonly string[];
  readonly chunksWritten: number;
  /** Facets files of the index (`f/<first>-<digest>.bin`). */
  readonly facets: readonly string[];
  /** Files and bytes of the whole index (manifest, fold table, every segment and chunk). */
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
}

/**
 * Writes the search index of `docs` (oldest first: searchDocs) into `<outputDir>/search/`. The
 * documents are cut into segments by segmentLayout (sealed segments of 64 × 2^k documents and a
 * tail: a function of the count alone), each segment's postings folder named after a digest of its
 * titles and texts, its facets file after a digest of everything else too;
 * the documents' displayed fields and excerpt text go in chunk files of CHUNK_DOCS, named after their
 * place. A segment folder or facets file that `previousOutput` already has is left there, and so is a
 * chunk file with the same bytes (the caller keeps them), so adding the newest article writes the tail, one
 * chunk and index.json, and a clean build writes the same bytes. Then index.json (segments, years) and the fold table,
 * both small, are rewritten.
 *
 *     const result = writeSearchIndex('_site', searchDocs(archive.articles, site.lists.article));
 */
export function writeSearchIndex(outputDir: string, docs: readonly SearchDoc[], options: WriteSearchIndexOptions = {}): SearchIndexResult {
  const started = performance.now();
  const root = join(outputDir, SEARCH_DIR);
  mkdirSync(join(root, CHUNK_DIR), { recursive: true });
  mkdirSync(join(root, FACETS_DIR), { recursive: true });
  const previous = options.previousOutput === undefined ? undefined : join(options.previousOutput, SEARCH_DIR);
  const kept = previous === undefined ? new Map<string, number>() : previousSegments(previous);
  const segments: SegmentInfo[] = [];
  const written: string[] = [];
  const chunkPaths: string[] = [];
  let docsIndexed = 0;
  let chunksWritten = 0;
  for (const { first, count } of segmentLayout(docs.length)) {
    const part = docs.slice(first, first + count);
    const made = (): SegmentDigest => ({ postings: postingsDigest(first, part), chunks: searchChunks(first, part).map((c) => c.digest) });
    const digest = options.digests === undefined ? made() : options.digests.digestOf(SegmentDigests.keyOf(first, part), made);
    const chunks = searchChunks(first, part, digest.chunks);
    chunkPaths.push(...chunks.map((c) => c.path));
    const dir = `s${first}-${digest.postings.slice(0, 12)}`;
    const all = createHash('sha256').update(`${FORMAT_VERSION}\0${first}\0${count}`);
    for (const c of chunks) all.update(`\0${c.digest}`);
    const facets = `${FACETS_DIR}/${first}-${all.digest('hex').slice(0, 12)}.bin`;
    let buckets = kept.get(dir);
    if (buckets === undefined) {
      const staging = join(root, `${dir}.tmp`);
      rmSync(staging, { recursive: true, force: true });
      buckets = writeSegment(staging, first, part).buckets;
      renameSync(staging, join(root, dir));
      written.push(dir);
      docsIndexed += count;
    }
    if (previous === undefined || !existsSync(join(previous, facets))) {
      writeFileSync(join(root, facets), segmentFacets(part));
      // Mostly the previous build's chunks (a merge changes none of them, a moved topic one): a
      // chunk is written when its bytes differ from the file the previous output has.
      for (const c of chunks) {
        const bytes = c.bytes();
        if (previous !== undefined && sameBytes(join(previous, c.path), bytes)) continue;
        writeFileSync(join(root, c.path), bytes);
        chunksWritten++;
      }
    }
    segments.push({ dir, facets, first, count, buckets });
  }
  const foldData = [...FOLD_TABLE].map(([from, to]) => from + to).join('');
  const fold = `fold-${createHash('sha256').update(foldData).digest('hex').slice(0, 12)}.bin`;
  writeFileSync(join(root, fold), gzipSync(foldData, { level: 9 }));
  const manifest: SearchManifest = { version: FORMAT_VERSION, docs: docs.length, fold, segments, years: yearStarts(docs) };
  writeFileSync(join(root, MANIFEST), `${JSON.stringify(manifest)}\n`);
  // Files and bytes of the whole index, wherever they are (written here or kept in the previous output).
  const where = (rel: string): string => (previous !== undefined && !existsSync(join(root, rel)) ? join(previous, rel) : join(root, rel));
  let files = 2;
  let bytes = sizeOf(join(root, MANIFEST)) + sizeOf(join(root, fold));
  for (const s of segments) {
    const dir = where(s.dir);
    for (const f of readdirSync(dir)) (files++, (bytes += sizeOf(join(dir, f))));
    (files++, (bytes += sizeOf(where(s.facets))));
  }
  for (const rel of chunkPaths) (files++, (bytes += sizeOf(where(rel))));
  return { docs: docs.length, segments: segments.map((s) => s.dir), written, docsIndexed, chunks: chunkPaths, chunksWritten, facets: segments.map((s) => s.facets), files, bytes, ms: Math.round(performance.now() - started) };
}

/** The postings are made of ids, titles and texts (the facets and chunks of everything else): what names a segment's folder. */
function postingsDigest(first: number, part: readonly SearchDoc[]): string {
  const postings = createHash('sha256').update(`${FORMAT_VERSION}\0${BUCKET_RULE}\0${first}\0${part.length}`);
  for (const d of part) postings.update(`\0${d.title}\0${d.text}`);
  return postings.digest('hex');
}

/**
 * The segment folders of a previous output's index that can be kept, with their bucket counts (from
 * its index.json; a folder without its last bucket, or of another format, is not kept).
 */
function previousSegments(previous: string): Map<string, number> {
  const kept = new Map<string, number>();
  let manifest: SearchManifest;
  try {
    manifest = JSON.parse(readFileSync(join(previous, MANIFEST), 'utf8')) as SearchManifest;
  } catch {
    return kept;
  }
  if (manifest.version !== FORMAT_VERSION) return kept;
  for (const s of manifest.segments) if (existsSync(join(previous, s.dir, `b${s.buckets - 1}.bin`))) kept.set(s.dir, s.buckets);
  return kept;
}

function yearStarts(docs: readonly SearchDoc[]): [string, number][] {
  const years: [string, number][] = [];
  docs.forEach((d, i) => {
    const year = d.day.slice(0, 4);
    if (years[years.length - 1]?.[0] !== year) years.push([year, i]);
  });
  return years;
}

function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    return statSync(file).size === bytes.length && readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

function sizeOf(file: string): number {
  return statSync(file).size;
}
