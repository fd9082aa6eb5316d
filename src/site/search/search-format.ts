/**
 * The on-disk format of the search index, shared by the writer (write-search-index.ts) and the
 * reader that runs in the browser and in the eval (client/open-search-index.ts). Imports only the term hash (src/text/fnv1a.ts).
 *
 * ```
 * search/index.json                 SearchManifest: segments, years → first doc id, file names
 * search/fold-<hash>.bin            gzip'd 繁→简 table as pairs "臺台灣湾…" (FOLD_TABLE)
 * search/s<first>-<digest>/         a segment's postings: documents first … first + count − 1 (segmentLayout),
 *   b<n>.bin                        gzip'd term bucket n: term directory, then postings (below)
 * search/f/<first>-<digest>.bin     the segment's facets, gzip'd: a JSON line (SegmentMeta: outlet names,
 *                                   topic labels), then columns of varints: each document's outlet index,
 *                                   each one's topic count, then each one's topic indexes
 * search/c/<n>.bin                  gzip'd JSON of chunk n: documents n × CHUNK_DOCS … (n + 1) × CHUNK_DOCS − 1,
 *                                   each title, url, outlet, topics (joined by 、), date, text (the
 *                                   first 6,000 characters: what excerpts are cut from)
 * ```
 *
 * Documents are numbered oldest first across the whole archive, so ids sort by date, a year is an
 * id range, and a segment is a contiguous range (`first`, `count`). A term lives in bucket
 * `termHash(term) % buckets` of every segment that has it. Bucket file: varint term count,
 * then per term (sorted) its UTF-8 length (one byte: terms are short), the UTF-8 bytes, varint
 * postings length;
 * then the postings of each term in the same order. A posting is a varint
 * `(doc − previous doc) × 16 + (in title ? 8 : 0) + min(tf in body, 7)`, the first doc counted from −1;
 * a bigram's (two CJK characters) is followed by one byte: the nextBit of each character that follows
 * it in the document.
 *
 * A segment folder is named after a digest of what its postings are made of (ids, titles, texts),
 * its facets file after a digest of everything about its documents, so neither ever changes under
 * its name, and an article moved to another topic rewrites the facets, not the postings. Chunk files
 * keep their names (a chunk holds the same documents as long as no older one is added), so a merge of
 * segments moves none of them; segments start at multiples of CHUNK_DOCS, so a chunk lies in one
 * segment, and the reader asks for it as `c/<n>.bin?v=<that segment's facets name>`: a browser never
 * mixes a cached chunk with newer facets.
 */
import { fnv1a } from '../../text/fnv1a.ts';

export const FORMAT_VERSION = 2;

/** Documents per chunk file: what a result shown loads for its title and excerpt. */
export const CHUNK_DOCS = 16;

export interface SearchManifest {
  readonly version: number;
  /** Documents in the whole index. */
  readonly docs: number;
  /** File name of the fold table, beside index.json. */
  readonly fold: string;
  /** Oldest first. */
  readonly segments: readonly SegmentInfo[];
  /** `[year, first doc id]`, oldest first. */
  readonly years: readonly (readonly [string, number])[];
}

export interface SegmentInfo {
  /** Folder of the postings beside index.json, e.g. `s8192-3fa2c1d0e4b5`. */
  readonly dir: string;
  /** File of the facets beside index.json, e.g. `f/8192-0c1d2e3f4a5b.bin`. */
  readonly facets: string;
  readonly first: number;
  readonly count: number;
  /** Bucket files: a term's is `termHash(term) % buckets`. */
  readonly buckets: number;
}

/** The JSON line at the head of a segment's facets file. */
export interface SegmentMeta {
  readonly outlets: readonly string[];
  readonly topics: readonly string[];
}

/** Folders of the chunk files and of the facets files, beside index.json. */
export const CHUNK_DIR = 'c';
export const FACETS_DIR = 'f';

/** Path of chunk `n`, relative to index.json. */
export function chunkPath(n: number): string {
  return `${CHUNK_DIR}/${n}.bin`;
}

/** One document in a chunk file: `[title, url, outlet, topics as shown (主、次), date, text]`. */
export type ChunkDoc = readonly [title: string, url: string, outlet: string, topic: string, date: string, text: string];

/** The bucket hash of a term (src/text/fnv1a.ts), the same in Node and in the browser. */
export const termHash: (term: string) => number = fnv1a;

/** Reads a varint at `at` in `bytes`: `[value, next offset]`. */
export function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    const b = bytes[at++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, at];
    scale *= 0x80;
  }
}
