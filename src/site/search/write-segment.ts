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
  const topics = [...new Set(docs.map((d) => d.topic))].sort();
  const meta: SegmentMeta = { outlets, topics };
  write('meta.json', `${JSON.stringify(meta)}\n`);
  const outletIndex = new Map(outlets.map((o, i) => [o, i]));
  const topicIndex = new Map(topics.map((t, i) => [t, i]));
  const facets: number[] = [];
  for (const d of docs) pushVarint(facets, outletIndex.get(d.outlet)!), pushVarint(facets, topicIndex.get(d.topic)!);
  write('facets.bin', Uint8Array.from(facets));

  // Chunks: CHUNK_DOCS consecutive documents each, gzip'd JSON (the browser inflates them with DecompressionStream).
  for (let c = 0; c * CHUNK_DOCS < docs.length; c++) {
    const chunk: ChunkDoc[] = docs.slice(c * CHUNK_DOCS, (c + 1) * CHUNK_DOCS).map((d) => [d.title, d.url, d.outlet, d.topic, d.date, d.text]);
    write(`c${c}.bin`, gzipSync(JSON.stringify(chunk), { level: 6 }));
  }

  // Buckets: a power of two, so the browser finds a term's bucket with a mask.
  const buckets = 2 ** Math.max(0, Math.ceil(Math.log2(builder.bytes / BUCKET_TARGET)));
  const byBucket: { term: string; df: number; postings: Uint8Array }[][] = Array.from({ length: buckets }, () => []);
  builder.forEachTerm((term, df, postings) => byBucket[termHash(term) & (buckets - 1)]!.push({ term, df, postings }));
  const encoder = new TextEncoder();
  byBucket.forEach((entries, b) => {
    entries.sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    const head: number[] = [];
    pushVarint(head, entries.length);
    for (const e of entries) {
      const utf8 = encoder.encode(e.term);
      pushVarint(head, utf8.length);
      for (const byte of utf8) head.push(byte);
      pushVarint(head, e.df);
      pushVarint(head, e.postings.length);
    }
    const out = new Uint8Array(head.length + entries.reduce((n, e) => n + e.postings.length, 0));
    out.set(head);
    let at = head.length;
    for (const e of entries) (out.set(e.postings, at), (at += e.postings.length));
    write(`b${b}.bin`, out);
  });
  return { buckets, files, bytes, terms: builder.terms };
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
