import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CHUNK_DOCS, chunkPath, FORMAT_VERSION, type ChunkDoc } from './search-format.ts';
import type { SearchDoc } from './search-doc.ts';

/** One chunk file: CHUNK_DOCS consecutive documents' displayed fields and excerpt text. */
export interface SearchChunk {
  /** Chunk number: its documents are n × CHUNK_DOCS … */
  readonly n: number;
  /** sha256 of the format version, n and everything about its documents (hex). */
  readonly digest: string;
  /** Path relative to index.json: `c/<n>.bin`. */
  readonly path: string;
  /** The file's bytes: gzip'd JSON of ChunkDoc (the browser inflates them with DecompressionStream). */
  bytes(): Uint8Array;
}

/**
 * The chunks of documents `first` … `first + docs.length − 1` (`first` a multiple of CHUNK_DOCS).
 * A chunk is named after its place, not after the segment that holds it: when segments merge, its
 * file stays; `digest` tells whether its documents changed. `digests`, when given (kept from an
 * earlier build: segment-digests.ts), are the chunks' digests, and no text is read for them.
 *
 *     for (const c of searchChunks(0, docs)) writeFileSync(join(root, c.path), c.bytes());
 */
export function searchChunks(first: number, docs: readonly SearchDoc[], digests?: readonly string[]): SearchChunk[] {
  if (first % CHUNK_DOCS !== 0) throw new Error(`searchChunks: first document ${first} is not a multiple of ${CHUNK_DOCS}`);
  const chunks: SearchChunk[] = [];
  for (let at = 0; at < docs.length; at += CHUNK_DOCS) {
    const part = docs.slice(at, at + CHUNK_DOCS);
    const n = (first + at) / CHUNK_DOCS;
    const digest = digests?.[at / CHUNK_DOCS] ?? chunkDigest(n, part);
    chunks.push({
      n,
      digest,
      path: chunkPath(n),
      bytes: () => gzipSync(JSON.stringify(part.map((d): ChunkDoc => [d.title, d.url, d.outlet, d.topics.join('、'), d.date, excerptText(d.text)])), { level: 6 }),
    });
  }
  return chunks;
}

/** sha256 of the format version, the chunk's number and everything about its documents (hex). */
function chunkDigest(n: number, part: readonly SearchDoc[]): string {
  const hash = createHash('sha256').update(`${FORMAT_VERSION}\0${n}`);
  for (const d of part) hash.update(`\0${d.title}\0${d.url}\0${d.outlet}\0${d.topics.join('\u0001')}\0${d.date}\0${d.day}\0${d.text}`);
  return hash.digest('hex');
}

/**
 * The text kept for excerpts: the first EXCERPT_CHARS characters. 97 % of real articles are shorter;
 * the longest (up to 150,000 characters) would otherwise make a page of results load hundreds of KB.
 * A match further in is still found (the postings cover the whole text); its excerpt shows the start.
 */
function excerptText(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const EXCERPT_CHARS = 6000;
