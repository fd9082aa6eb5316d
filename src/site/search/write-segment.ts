import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FOLD_TABLE } from '../../text/fold-han.ts';
import { codeFolder, type CodeFolder } from '../../text/search-terms.ts';
import { PostingsBuilder } from './postings-builder.ts';
import { termHash, type SegmentMeta } from './search-format.ts';
import { BLOCK_DOCS } from './segment-layout.ts';
import type { SearchDoc } from './search-doc.ts';

export interface WrittenSegment {
  readonly buckets: number;
  readonly files: number;
  readonly bytes: number;
  readonly terms: number;
}

/**
 * Writes the postings of one segment of the index (documents `first` … `first + docs.length − 1`)
 * into `dir`: its bucket files (see search-format.ts); segmentFacets makes its facets file. Same
 * titles and texts, same bytes.
 */
export function writeSegment(dir: string, first: number, docs: readonly SearchDoc[]): WrittenSegment {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let files = 0;
  const write = (name: string, data: Uint8Array | string): void => {
    writeFileSync(join(dir, name), data);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    files++;
  };

  const builder = new PostingsBuilder(folder());
  docs.forEach((doc, i) => builder.add(first + i, doc.title, doc.text));

  // Buckets: each bucket file is its directory (term, postings length; terms sorted) then the
  // postings, written into one buffer and gzip'd (a quarter to a half smaller: hosts rarely
  // compress binary files themselves).
  const terms = builder.terms;
  const names: string[] = new Array(terms);
  const lengths = new Int32Array(terms);
  let total = 0;
  for (let id = 0; id < terms; id++) {
    names[id] = builder.term(id);
    lengths[id] = builder.postingsLength(id);
    total += lengths[id]! + 4 + names[id]!.length * 3;
  }
  const buckets = bucketCount(total, docs.length);
  const members: number[][] = Array.from({ length: buckets }, () => []);
  for (let id = 0; id < terms; id++) members[termHash(names[id]!) % buckets]!.push(id);
  const encoder = new TextEncoder();
  members.forEach((ids, b) => {
    ids.sort((x, y) => (names[x]! < names[y]! ? -1 : names[x]! > names[y]! ? 1 : 0));
    let size = 5;
    for (const id of ids) size += 4 + names[id]!.length * 3 + 5 + lengths[id]!;
    const out = new Uint8Array(size);
    let at = putVarint(out, 0, ids.length);
    for (const id of ids) {
      const { written } = encoder.encodeInto(names[id]!, out.subarray(at + 1));
      out[at] = written; // terms are at most MAX_WORD (24) characters: their UTF-8 length fits one varint byte
      at = putVarint(out, at + 1 + written, lengths[id]!);
    }
    for (const id of ids) at = builder.copyPostings(id, out, at);
    write(`b${b}.bin`, gzipSync(out.subarray(0, at), { level: 6 }));
  });
  return { buckets, files, bytes, terms: builder.terms };
}

/**
 * The facets file of a segment (see search-format.ts): its outlet and topic names (sorted, so
 * stable), then each document's outlet and topic indexes into them, column by column (every outlet,
 * then every topic count, then the topics: 7 % smaller gzip'd than document by document at 30,000
 * generated articles).
 */
export function segmentFacets(docs: readonly SearchDoc[]): Uint8Array {
  const outlets = [...new Set(docs.map((d) => d.outlet))].sort();
  const topics = [...new Set(docs.flatMap((d) => d.topics))].sort();
  const meta: SegmentMeta = { outlets, topics };
  const outletIndex = new Map(outlets.map((o, i) => [o, i]));
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  const facets: number[] = [];
  for (const d of docs) pushVarint(facets, outletIndex.get(d.outlet)!);
  for (const d of docs) pushVarint(facets, d.topics.length);
  for (const d of docs) for (const t of d.topics) pushVarint(facets, topicIndex.get(t)!);
  return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), Uint8Array.from(facets)]), { level: 9 });
}

/**
 * Bucket files of a segment with `bytes` of postings and directory. A query loads one bucket per
 * term from every segment, so the bytes a term costs are the sum of the segments' bucket sizes: a
 * bucket of √(bytes × BUCKET_SCALE), between MIN_BUCKET and MAX_BUCKET, keeps that sum small for
 * the files it takes (small segments get small buckets). The tail (fewer than BLOCK_DOCS documents,
 * replaced by every addition) is one file, which a query loads whole.
 */
export function bucketCount(bytes: number, docs: number): number {
  if (docs < BLOCK_DOCS) return 1;
  const size = Math.min(MAX_BUCKET, Math.max(MIN_BUCKET, Math.sqrt(bytes * BUCKET_SCALE)));
  return Math.max(1, Math.ceil(bytes / size));
}

/**
 * √(bytes × 120): 12.6 KB at 1,024 generated articles (~1.3 MB of postings), 16 KB from ~2,000; at
 * least 8 KB, so a segment of 64–512 articles takes 12–90 files, not 24–110 (the 10,000-article
 * archive: 1,538 → ~1,420 search files, 0.147 a file per article; the first query's bytes grow by
 * ~9 KB per term at 10,000, ~5 KB at 97,000: src/site/search/README.md). Was 57, 4 KB.
 */
const BUCKET_SCALE = 120;
const MIN_BUCKET = 8 * 1024;
const MAX_BUCKET = 16 * 1024;
/** Part of a segment folder's name digest: a build with other bucket sizes writes its segments anew, as a clean build would. */
export const BUCKET_RULE = `${BUCKET_SCALE}-${MIN_BUCKET}-${MAX_BUCKET}`;

function putVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  out[at++] = value;
  return at;
}

function pushVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}

let shared: CodeFolder | undefined;
/** The fold of foldHan per code point, built once per process. */
function folder(): CodeFolder {
  return (shared ??= codeFolder(FOLD_TABLE));
}
