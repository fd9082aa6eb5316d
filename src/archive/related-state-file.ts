import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import type { RunningTerms } from './related-as-of-each.ts';
import { OutletCounts } from './related-outlet-counts.ts';
import type { TermKeys } from './make-term-ids.ts';

/** Bump when related lists or this file's layout change: a file of another version is never read. */
export const RELATED_STATE_VERSION = 2;

/** Each document's related list (time order): `other` (earlier documents' indexes) and `score`, best first, in [start[d], start[d + 1]). */
export interface RelatedLists {
  readonly start: Int32Array;
  readonly other: Int32Array;
  readonly score: Float64Array;
}

/** Everything related articles keep between builds (src/archive/cached-related.ts). */
export interface RelatedState {
  /** What the lists depend on beside the documents: options and version (the caller's digest). */
  readonly key: string;
  /** What identifies each document (time order): a line each, ASCII (src/archive/cached-related.ts). */
  readonly fingerprints: string;
  readonly lists: RelatedLists;
  /** Weighing as of the last document (postings: each term's last `maxScan` when read back). */
  readonly terms: RunningTerms;
  readonly termKeys: TermKeys;
  readonly outlets: ReadonlyMap<string, OutletCounts>;
}

/**
 * Layout: a first line of 64 bytes, `{"version":2,"sum":"<sha1 of the rest>"}` padded with spaces; then
 * a u32 length and a JSON meta (key, sizes, outlets, the terms that are no BMP bigram), then typed
 * arrays as they are in memory (little-endian), each starting on 8 bytes: fingerprints (ASCII, one a
 * line), docNorm, list start/other/score, term keys, df, posting start/doc/weight, per outlet its
 * terms and counts. Read back, the arrays are views of the file's bytes (no copy, nothing parsed).
 */
const HEAD = 64;

interface Meta {
  readonly key: string;
  readonly endian: string;
  readonly docs: number;
  readonly fingerprintBytes: number;
  readonly listEntries: number;
  readonly terms: number;
  readonly postings: number;
  readonly lengthSum: number;
  readonly outlets: readonly (readonly [key: string, members: number, entries: number])[];
  readonly others: TermKeys['others'];
}

/** The state `file` holds under `key`; undefined when it is missing, of another version or key, or damaged. */
export function readRelatedState(file: string, key: string): RelatedState | undefined {
  try {
    let bytes = readFileSync(file);
    if (bytes.byteOffset % 8 !== 0) bytes = Buffer.from(bytes); // views of Float64 need 8-byte alignment
    if (bytes.length < HEAD + 4) return undefined;
    const header = JSON.parse(bytes.toString('latin1', 0, HEAD)) as { version?: unknown; sum?: unknown };
    if (header.version !== RELATED_STATE_VERSION) return undefined;
    if (createHash('sha1').update(bytes.subarray(HEAD)).digest('hex') !== header.sum) return undefined;
    const metaBytes = bytes.readUInt32LE(HEAD);
    const meta = JSON.parse(bytes.toString('utf8', HEAD + 4, HEAD + 4 + metaBytes)) as Meta;
    if (meta.key !== key || meta.endian !== endianness()) return undefined;
    let at = align(HEAD + 4 + metaBytes);
    const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, size: number): T => {
      if (at + length * size > bytes.length) throw new RangeError('cut short');
      const view = make(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
      at = align(at + length * size);
      return view;
    };
    const int32 = (length: number) => take((b, o, l) => new Int32Array(b, o, l), length, 4);
    const float64 = (length: number) => take((b, o, l) => new Float64Array(b, o, l), length, 8);
    const fingerprints = take((b, o, l) => Buffer.from(b, o, l).toString('latin1'), meta.fingerprintBytes, 1);
    const docNorm = float64(meta.docs);
    const lists = { start: int32(meta.docs + 1), other: int32(meta.listEntries), score: float64(meta.listEntries) };
    const termKeys = { bigrams: int32(meta.terms), others: meta.others };
    const df = int32(meta.terms);
    const postingStart = int32(meta.terms + 1);
    const postingDoc = int32(meta.postings);
    const postingWeight = float64(meta.postings);
    const outlets = new Map(meta.outlets.map(([outlet, members, entries]) => [outlet, new OutletCounts(members, int32(entries), int32(entries))]));
    if (!listsFit(lists, meta.docs) || postingStart[meta.terms] !== meta.postings) return undefined;
    const terms: RunningTerms = { count: meta.docs, lengthSum: meta.lengthSum, df, postingStart, postingDoc, postingWeight, docNorm };
    return { key, fingerprints, lists, terms, termKeys, outlets };
  } catch {
    return undefined;
  }
}

/** Each list within its entries, of earlier documents only. */
function listsFit({ start, other }: RelatedLists, docs: number): boolean {
  if (start[0] !== 0 || start[docs] !== other.length) return false;
  for (let d = 0; d < docs; d++) {
    if (start[d + 1]! < start[d]!) return false;
    for (let k = start[d]!; k < start[d + 1]!; k++) if (!(other[k]! >= 0 && other[k]! < d)) return false;
  }
  return true;
}

/**
 * Writes `state` to `file` (atomically: a temporary file renamed over it), each term's postings cut to
 * its last `maxScan`, a piece at a time: nothing as large as the state is built to write it. A file
 * that cannot be written is no cache: the failure is ignored.
 */
export function writeRelatedState(file: string, state: RelatedState, maxScan: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(temp, 'w');
    const out = new Output(fd);
    writeBody(state, maxScan, out);
    out.flush();
    const header = Buffer.from(JSON.stringify({ version: RELATED_STATE_VERSION, sum: out.sum() }).padEnd(HEAD - 1) + '\n', 'latin1');
    writeSync(fd, header, 0, HEAD, 0);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
  }
}

/** The body's bytes, hashed and written after the first line ~1 MB at a time. */
class Output {
  readonly #hash = createHash('sha1');
  readonly #buffer = Buffer.allocUnsafe(1 << 20);
  #filled = 0;
  #at = HEAD;

  constructor(private readonly fd: number) {}

  put(bytes: Uint8Array): void {
    if (this.#filled + bytes.length > this.#buffer.length) this.flush();
    if (bytes.length >= this.#buffer.length) this.#write(bytes);
    else {
      this.#buffer.set(bytes, this.#filled);
      this.#filled += bytes.length;
    }
  }

  /** A typed array's bytes, then zeros up to the next multiple of 8. */
  array(view: Int32Array | Float64Array): void {
    this.put(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    this.pad();
  }

  pad(): void {
    const end = this.#at + this.#filled;
    this.put(new Uint8Array(align(end) - end));
  }

  flush(): void {
    this.#write(this.#buffer.subarray(0, this.#filled));
    this.#filled = 0;
  }

  sum(): string {
    return this.#hash.digest('hex');
  }

  #write(bytes: Uint8Array): void {
    this.#hash.update(bytes);
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.#at + done);
    this.#at += bytes.length;
  }
}

/** Writes the body, section by section. */
function writeBody(state: RelatedState, maxScan: number, out: Output): void {
  const { terms, lists, termKeys } = state;
  const termCount = termKeys.bigrams.length;
  const cutStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) cutStart[t + 1] = cutStart[t]! + Math.min(maxScan, count(terms.postingStart, t));
  const outlets = [...state.outlets].map(([key, counts]) => [key, counts.members, counts.entries()] as const);
  const meta: Meta = {
    key: state.key,
    endian: endianness(),
    docs: terms.count,
    fingerprintBytes: state.fingerprints.length,
    listEntries: lists.start[terms.count]!,
    terms: termCount,
    postings: cutStart[termCount]!,
    lengthSum: terms.lengthSum,
    outlets: outlets.map(([key, members, entries]) => [key, members, entries.terms.length]),
    others: termKeys.others,
  };
  const metaBytes = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(metaBytes.length);
  out.put(length);
  out.put(metaBytes);
  out.pad();
  out.put(Buffer.from(state.fingerprints, 'latin1'));
  out.pad();
  out.array(terms.docNorm.subarray(0, terms.count));
  out.array(lists.start.subarray(0, terms.count + 1));
  out.array(lists.other.subarray(0, meta.listEntries));
  out.array(lists.score.subarray(0, meta.listEntries));
  out.array(termKeys.bigrams);
  out.array(terms.df.subarray(0, termCount));
  out.array(cutStart);
  // Each term's last maxScan postings, ~1 MB at a time.
  for (const [source, Kind] of [[terms.postingDoc, Int32Array], [terms.postingWeight, Float64Array]] as const) {
    const chunk = new Kind(1 << 17);
    let filled = 0;
    for (let t = 0; t < termCount; t++) {
      const end = terms.postingStart[t + 1]!;
      for (let p = Math.max(terms.postingStart[t]!, end - maxScan); p < end; p++) {
        chunk[filled++] = source[p]!;
        if (filled === chunk.length) {
          out.put(new Uint8Array(chunk.buffer));
          filled = 0;
        }
      }
    }
    out.put(new Uint8Array(chunk.buffer, 0, filled * chunk.BYTES_PER_ELEMENT));
    out.pad();
  }
  for (const [, , entries] of outlets) {
    out.array(entries.terms);
    out.array(entries.counts);
  }
}

function count(start: Int32Array, t: number): number {
  return t + 1 < start.length ? start[t + 1]! - start[t]! : 0;
}

function align(at: number): number {
  return (at + 7) & ~7;
}
