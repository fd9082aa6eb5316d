import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FOLD_TABLE } from '../../text/fold-han.ts';
import { codeFolder, type CodeFolder } from '../../text/search-terms.ts';
import { PostingsBuilder } from './postings-builder.ts';
import { CHUNK_DOCS, termHash, type ChunkDoc, type SegmentMeta } from './search-format.ts';
import type { SearchDoc } from './search-doc.ts';

/** Bytes of postings a bucket file aims at: the granularity of what one query term loads. */
export const BUCKET_TARGET = 24 * 1024;

export interface WrittenSegment {
  readonly buckets: number;
  readonly files: number;
  readonly bytes: number;
  readonly terms: number;
}

/**
 * Writes one segment of the index (documents `first` … `first + docs.length − 1`) into `dir`:
 * bucket files of postings, chunk files of displayed fields and text, per-document facets and the
 * segment's outlet and topic names (see search-format.ts). Same documents, same bytes.
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

  // Facets: outlet and topic indexes into this segment's own name lists (sorted, so stable).
  const outlets = [...new Set(docs.map((d) => d.outlet))].sort();
  const topics = [...new Set(docs.flatMap((d) => d.topics))].sort();
  const meta: SegmentMeta = { outlets, topics };
  write('meta.json', `${JSON.stringify(meta)}\n`);
  const outletIndex = new Map(outlets.map((o, i) => [o, i]));
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  const facets: number[] = [];
  for (const d of docs) {
    pushVarint(facets, outletIndex.get(d.outlet)!);
    pushVarint(facets, d.topics.length);
    for (const t of d.topics) pushVarint(facets, topicIndex.get(t)!);
  }
  write('facets.bin', gzipSync(Uint8Array.from(facets), { level: 9 }));

  // Chunks: CHUNK_DOCS consecutive documents each, gzip'd JSON (the browser inflates them with DecompressionStream).
  for (let c = 0; c * CHUNK_DOCS < docs.length; c++) {
    const chunk: ChunkDoc[] = docs.slice(c * CHUNK_DOCS, (c + 1) * CHUNK_DOCS).map((d) => [d.title, d.url, d.outlet, d.topics.join('、'), d.date, excerptText(d.text)]);
    write(`c${c}.bin`, gzipSync(JSON.stringify(chunk), { level: 6 }));
  }

  // Buckets: a power of two, so the browser finds a term's bucket with a mask. Each bucket file is
  // its directory (term, postings length; terms sorted) then the postings, written into one buffer
  // and gzip'd (a quarter to a half smaller: hosts rarely compress binary files themselves).
  const terms = builder.terms;
  const names: string[] = new Array(terms);
  const lengths = new Int32Array(terms);
  let total = 0;
  for (let id = 0; id < terms; id++) {
    names[id] = builder.term(id);
    lengths[id] = builder.postingsLength(id);
    total += lengths[id]! + 4 + names[id]!.length * 3;
  }
  const buckets = 2 ** Math.max(0, Math.ceil(Math.log2(total / BUCKET_TARGET)));
  const members: number[][] = Array.from({ length: buckets }, () => []);
  for (let id = 0; id < terms; id++) members[termHash(names[id]!) & (buckets - 1)]!.push(id);
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
