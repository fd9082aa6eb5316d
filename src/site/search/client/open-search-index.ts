import { codeFolder, foldPairs, nextBit, queryParts, type CodeFolder, type QueryPart } from '../../../text/search-terms.ts';
import { CHUNK_DOCS, readVarint, termHash, type ChunkDoc, type SearchManifest, type SegmentInfo, type SegmentMeta } from '../search-format.ts';

/**
 * The reader of the search index (search-format.ts), shared by the search page (bundled by esbuild)
 * and the eval and tests in Node: it only needs a way to fetch a file of the index folder.
 *
 *     const index = await openSearchIndex({ bytes: (p) => fetch(base + p).then(…), gunzip });
 *     const found = await index.search('國安法', { sort: 'date', year: '2020' });
 *     const docs = await index.docs(found.ids.slice(0, 10));
 */
export interface IndexFiles {
  /** The bytes of a file of the index folder (`index.json`, `base-…/b3.bin`); rejects when it cannot. */
  bytes(path: string): Promise<Uint8Array>;
  /** Inflates gzip'd bytes (chunks, facets, the fold table). */
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface SearchOptions {
  readonly sort?: 'relevance' | 'date';
  readonly year?: string;
  readonly outlet?: string;
  readonly topic?: string;
}

export interface SearchResults {
  /** The query as cut into parts (folded): what excerpts highlight. */
  readonly parts: readonly QueryPart[];
  /** Matching document ids after the filters, in the order asked for. */
  readonly ids: readonly number[];
  /** Matches before the filters, by year, outlet and topic: the filter menus' counts. */
  readonly years: ReadonlyMap<string, number>;
  readonly outlets: ReadonlyMap<string, number>;
  readonly topics: ReadonlyMap<string, number>;
}

export interface FoundDoc {
  readonly id: number;
  readonly title: string;
  readonly url: string;
  readonly outlet: string;
  readonly topic: string;
  readonly date: string;
  readonly text: string;
}

export interface SearchIndex {
  readonly manifest: SearchManifest;
  readonly fold: CodeFolder;
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  docs(ids: readonly number[]): Promise<FoundDoc[]>;
}

/** Loads index.json and the fold table; buckets, facets and chunks are loaded when a query needs them. */
export async function openSearchIndex(files: IndexFiles): Promise<SearchIndex> {
  const decoder = new TextDecoder();
  const manifest = JSON.parse(decoder.decode(await files.bytes('index.json'))) as SearchManifest;
  if (manifest.version !== 1) throw new Error(`index.json: unknown index version ${String(manifest.version)}`);
  const fold = codeFolder(foldPairs(decoder.decode(await files.gunzip(await files.bytes(manifest.fold)))));
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (p === undefined) {
      cache.set(key, (p = load()));
      p.catch(() => cache.delete(key));
    }
    return p;
  };
  const bucket = (s: SegmentInfo, b: number) => once(`${s.dir}/b${b}`, async () => parseBucket(await files.bytes(`${s.dir}/b${b}.bin`)));
  const facets = (s: SegmentInfo) =>
    once(`${s.dir}/facets`, async () => {
      const meta = JSON.parse(decoder.decode(await files.bytes(`${s.dir}/meta.json`))) as SegmentMeta;
      const bytes = await files.gunzip(await files.bytes(`${s.dir}/facets.bin`));
      const outlet = new Uint16Array(s.count);
      const topic = new Uint16Array(s.count);
      for (let i = 0, at = 0; i < s.count; i++) [outlet[i], at] = readVarint(bytes, at), ([topic[i], at] = readVarint(bytes, at));
      return { meta, outlet, topic };
    });
  const chunk = (s: SegmentInfo, c: number) => once(`${s.dir}/c${c}`, async () => JSON.parse(decoder.decode(await files.gunzip(await files.bytes(`${s.dir}/c${c}.bin`)))) as ChunkDoc[]);
  const segmentOf = (id: number): SegmentInfo => manifest.segments.find((s) => id >= s.first && id < s.first + s.count)!;

  /** Postings of a term across all segments, ids ascending (flags: 8 = in title, 0–7 = tf; next: a bigram's follower bits). */
  const postings = async (term: string): Promise<Postings> => {
    const bigram = isBigram(term);
    const ids: number[] = [];
    const flags: number[] = [];
    const next: number[] = [];
    const h = termHash(term);
    const found = await Promise.all(manifest.segments.map((s) => bucket(s, h & (s.buckets - 1)).then((b) => b.get(term))));
    for (const bytes of found) {
      if (bytes === undefined) continue;
      for (let at = 0, doc = -1; at < bytes.length; ) {
        let v: number;
        [v, at] = readVarint(bytes, at);
        doc += Math.floor(v / 16);
        ids.push(doc);
        flags.push(v % 16);
        if (bigram) next.push(bytes[at++]!);
      }
    }
    return { ids, flags, next };
  };

  return {
    manifest,
    fold,
    async search(query, options = {}) {
      const parts = queryParts(query, fold);
      const empty = { parts, ids: [], years: new Map(), outlets: new Map(), topics: new Map() };
      if (parts.length === 0 || manifest.docs === 0) return empty;
      const used = parts.map(lookupTerms);
      const terms = [...new Set(used.flat())];
      const lists = new Map(await Promise.all(terms.map(async (t) => [t, await postings(t)] as const)));
      // Each part: the documents holding all its terms (bigrams of a CJK run); the query: every part.
      let matched: Map<number, number> | undefined;
      for (const [p, partTerms] of used.entries()) {
        const needs = followers(parts[p]!);
        const hits = intersect(partTerms.map((t) => ({ ...lists.get(t)!, needs: needs.get(t) ?? 0 })));
        const df = Math.min(...partTerms.map((t) => lists.get(t)!.ids.length));
        const idf = Math.log(1 + manifest.docs / Math.max(1, df));
        const next = new Map<number, number>();
        for (const [id, flag] of hits) {
          if (matched !== undefined && !matched.has(id)) continue;
          const tf = flag & 7;
          next.set(id, (matched?.get(id) ?? 0) + idf * (tf / (tf + 1.2) + (flag & 8 ? 1.5 : 0)));
        }
        matched = next;
      }
      const all = [...matched!.keys()];
      const facetOf = await Promise.all(manifest.segments.map((s) => facets(s)));
      const yearOf = (id: number): string => {
        let year = '';
        for (const [y, start] of manifest.years) if (id >= start) year = y;
        return year;
      };
      const labels = (id: number): [string, string, string] => {
        const i = manifest.segments.indexOf(segmentOf(id));
        const f = facetOf[i]!;
        const local = id - manifest.segments[i]!.first;
        return [yearOf(id), f.meta.outlets[f.outlet[local]!]!, f.meta.topics[f.topic[local]!]!];
      };
      const years = new Map<string, number>();
      const outlets = new Map<string, number>();
      const topics = new Map<string, number>();
      const kept: number[] = [];
      for (const id of all) {
        const [year, outlet, topic] = labels(id);
        years.set(year, (years.get(year) ?? 0) + 1);
        outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
        topics.set(topic, (topics.get(topic) ?? 0) + 1);
        if ((options.year && options.year !== year) || (options.outlet && options.outlet !== outlet) || (options.topic && options.topic !== topic)) continue;
        kept.push(id);
      }
      const score = matched!;
      kept.sort(options.sort === 'date' ? (a, b) => b - a : (a, b) => score.get(b)! - score.get(a)! || b - a);
      return { parts, ids: kept, years, outlets, topics };
    },
    async docs(ids) {
      return Promise.all(
        ids.map(async (id) => {
          const s = segmentOf(id);
          const local = id - s.first;
          const d = (await chunk(s, Math.floor(local / CHUNK_DOCS)))[local % CHUNK_DOCS]!;
          return { id, title: d[0], url: d[1], outlet: d[2], topic: d[3], date: d[4], text: d[5] };
        }),
      );
    },
  };
}

/**
 * The terms looked up for a part: all its bigrams up to MAX_BIGRAMS; past that (a long phrase),
 * every other bigram and the last, which still cover every character (and the follower bits check
 * that each is followed by the next one's first character), then more in order up to MAX_BIGRAMS.
 * Each bigram costs a bucket file per segment; a long phrase is specific enough without all of them.
 */
export function lookupTerms(part: QueryPart): readonly string[] {
  if (part.terms.length <= MAX_BIGRAMS) return part.terms;
  const last = part.terms.length - 1;
  const chosen = new Set(part.terms.map((_, i) => i).filter((i) => i % 2 === 0 || i === last));
  for (let i = 0; i < part.terms.length && chosen.size < MAX_BIGRAMS; i++) chosen.add(i);
  return [...chosen].sort((a, b) => a - b).map((i) => part.terms[i]!);
}

const MAX_BIGRAMS = 4;

/** A bucket file as a map from term to its postings bytes. */
function parseBucket(bytes: Uint8Array): Map<string, Uint8Array> {
  const decoder = new TextDecoder();
  let at = 0;
  let count: number;
  [count, at] = readVarint(bytes, at);
  const entries: [string, number][] = [];
  for (let i = 0; i < count; i++) {
    let len: number;
    [len, at] = readVarint(bytes, at);
    const term = decoder.decode(bytes.subarray(at, at + len));
    at += len;
    [len, at] = readVarint(bytes, at);
    entries.push([term, len]);
  }
  const map = new Map<string, Uint8Array>();
  for (const [term, len] of entries) (map.set(term, bytes.subarray(at, at + len)), (at += len));
  return map;
}

interface Postings {
  readonly ids: number[];
  readonly flags: number[];
  /** Bigrams only: per posting, the bits (nextBit) of the characters that follow it in the document. */
  readonly next: number[];
}

const CJK_PAIR = /^[^\x00-\x7f]{2}$/u;

/** A bigram is two CJK characters; words are letters and digits of other scripts, never two of them alone… */
function isBigram(term: string): boolean {
  return [...term].length === 2 && CJK_PAIR.test(term) && !/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u.test(term);
}

/**
 * For each bigram of a CJK part, the bits of the characters that follow it in the query: a document
 * with the part must have them in that bigram's follower bits (共和 followed by 国, in 共和国).
 */
function followers(part: QueryPart): Map<string, number> {
  const needs = new Map<string, number>();
  if (!part.cjk) return needs;
  const chars = [...part.text];
  for (let i = 0; i + 2 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    needs.set(bigram, (needs.get(bigram) ?? 0) | nextBit(chars[i + 2]!.codePointAt(0)!));
  }
  return needs;
}

/**
 * Documents in every list (and whose follower bits have what the list needs), with the lowest tf
 * and the title bit only when all have it.
 */
function intersect(lists: readonly (Postings & { needs: number })[]): Map<number, number> {
  const sorted = [...lists].sort((a, b) => a.ids.length - b.ids.length);
  const out = new Map<number, number>();
  const first = sorted[0]!;
  const cursors = sorted.map(() => 0);
  outer: for (let i = 0; i < first.ids.length; i++) {
    const id = first.ids[i]!;
    if (first.needs !== 0 && (first.next[i]! & first.needs) !== first.needs) continue;
    let tf = first.flags[i]! & 7;
    let title = first.flags[i]! & 8;
    for (let l = 1; l < sorted.length; l++) {
      const list = sorted[l]!;
      let c = cursors[l]!;
      while (c < list.ids.length && list.ids[c]! < id) c++;
      cursors[l] = c;
      if (list.ids[c] !== id) continue outer;
      if (list.needs !== 0 && (list.next[c]! & list.needs) !== list.needs) continue outer;
      tf = Math.min(tf, list.flags[c]! & 7);
      title &= list.flags[c]! & 8;
    }
    out.set(id, title | tf);
  }
  return out;
}
