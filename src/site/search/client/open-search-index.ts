import { codeFolder, foldPairs, queryParts, type CodeFolder, type QueryPart } from '../../../text/search-terms.ts';
import { CHUNK_DOCS, chunkPath, FORMAT_VERSION, readVarint, termHash, type ChunkDoc, type SearchManifest, type SegmentInfo, type SegmentMeta } from '../search-format.ts';
import { lookupTerms } from './lookup-terms.ts';
import { decodePostings, matchPart, type Postings } from './match-part.ts';
import { parseBucket } from './parse-bucket.ts';

/**
 * The reader of the search index (search-format.ts), shared by the search page (bundled by esbuild)
 * and the eval and tests in Node: it only needs a way to fetch a file of the index folder.
 *
 *     const index = await openSearchIndex({ bytes: (p) => fetch(base + p).then(…), gunzip });
 *     const found = await index.search('國安法', { sort: 'date', year: '2020' });
 *     const docs = await index.docs(found.ids.slice(0, 10));
 */
export interface IndexFiles {
  /**
   * The bytes of a file of the index folder (`index.json`, `s0-…/b3.bin`); rejects when it cannot.
   * A chunk comes with the version a browser must not serve an older copy for (the name of its
   * segment's facets): the page asks for `c/12.bin?v=f/0-3fa2….bin`.
   */
  bytes(path: string, version?: string): Promise<Uint8Array>;
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
  /** As shown: the topic, and a second one after 、 where the article has it. */
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
  if (manifest.version !== FORMAT_VERSION) throw new Error(`index.json: unknown index version ${String(manifest.version)}`);
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
  const bucket = (s: SegmentInfo, b: number) => once(`${s.dir}/b${b}`, async () => parseBucket(await files.gunzip(await files.bytes(`${s.dir}/b${b}.bin`))));
  const facets = (s: SegmentInfo) =>
    once(s.facets, async () => {
      const bytes = await files.gunzip(await files.bytes(s.facets));
      const line = bytes.indexOf(0x0a); // JSON.stringify writes no raw newline
      const meta = JSON.parse(decoder.decode(bytes.subarray(0, line))) as SegmentMeta;
      const outlet = new Uint16Array(s.count);
      const counts = new Uint8Array(s.count);
      let at = line + 1;
      for (let i = 0; i < s.count; i++) [outlet[i], at] = readVarint(bytes, at);
      for (let i = 0; i < s.count; i++) [counts[i], at] = readVarint(bytes, at);
      const topics: number[][] = [];
      for (let i = 0, t = 0; i < s.count; i++) {
        const list: number[] = [];
        for (let k = 0; k < counts[i]!; k++) ([t, at] = readVarint(bytes, at)), list.push(t);
        topics.push(list);
      }
      return { meta, outlet, topics };
    });
  const chunk = (n: number, version: string) => once(`c${n}?${version}`, async () => JSON.parse(decoder.decode(await files.gunzip(await files.bytes(chunkPath(n), version)))) as ChunkDoc[]);
  const segmentOf = (id: number): SegmentInfo => manifest.segments.find((s) => id >= s.first && id < s.first + s.count)!;

  /** Postings of a term across all segments, ids ascending (segments are id ranges, oldest first). */
  const postings = async (term: string, bigram: boolean): Promise<Postings> => {
    const list: Postings = { ids: [], flags: [], next: [] };
    const h = termHash(term);
    const found = await Promise.all(manifest.segments.map((s) => bucket(s, h % s.buckets).then((b) => b.get(term))));
    for (const bytes of found) if (bytes !== undefined) decodePostings(bytes, bigram, list);
    return list;
  };

  return {
    manifest,
    fold,
    async search(query, options = {}) {
      const parts = queryParts(query, fold);
      const empty = { parts, ids: [], years: new Map(), outlets: new Map(), topics: new Map() };
      if (parts.length === 0 || manifest.docs === 0) return empty;
      const used = parts.map(lookupTerms);
      const bigrams = new Set(parts.filter((p) => p.cjk && [...p.text].length > 1).flatMap((p) => p.terms));
      const terms = [...new Set(used.flat())];
      const lists = new Map(await Promise.all(terms.map(async (t) => [t, await postings(t, bigrams.has(t))] as const)));
      // Each part: the documents holding all its terms (bigrams of a CJK run); the query: every part.
      let matched: Map<number, number> | undefined;
      for (const [p, partTerms] of used.entries()) {
        const hits = matchPart(parts[p]!, partTerms, lists);
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
      const labels = (id: number): [string, string, string[]] => {
        const i = manifest.segments.indexOf(segmentOf(id));
        const f = facetOf[i]!;
        const local = id - manifest.segments[i]!.first;
        return [yearOf(id), f.meta.outlets[f.outlet[local]!]!, f.topics[local]!.map((t) => f.meta.topics[t]!)];
      };
      const years = new Map<string, number>();
      const outlets = new Map<string, number>();
      const topics = new Map<string, number>();
      const kept: number[] = [];
      for (const id of all) {
        const [year, outlet, topicsOf] = labels(id);
        years.set(year, (years.get(year) ?? 0) + 1);
        outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
        for (const topic of topicsOf) topics.set(topic, (topics.get(topic) ?? 0) + 1);
        if ((options.year && options.year !== year) || (options.outlet && options.outlet !== outlet) || (options.topic && !topicsOf.includes(options.topic))) continue;
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
          const d = (await chunk(Math.floor(id / CHUNK_DOCS), s.facets))[id % CHUNK_DOCS]!;
          return { id, title: d[0], url: d[1], outlet: d[2], topic: d[3], date: d[4], text: d[5] };
        }),
      );
    },
  };
}
