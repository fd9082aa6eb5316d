import { firstIndex } from '../runtime/first-index.ts';
import type { Article } from '../article/article.ts';
import { indexTerms, selectQueries, stable, weighTerms } from './related-terms.ts';
import { NO_TERMS, weighTermsAsOfEach } from './related-as-of-each.ts';
import { makeTermIds } from './make-term-ids.ts';
import { OutletCounts } from './related-outlet-counts.ts';
import { RelatedCache, type KeptIndex } from './cached-related.ts';
import type { RelatedLists } from './related-state-file.ts';

export { extractTerms } from './for-each-term-key.ts';

/**
 * Related articles ("相关报道") for every article of an archive, from an inverted index.
 *
 * Terms (src/archive/for-each-term-key.ts: CJK bigrams, lowercase Latin words) come from the title
 * and the start of the body (lead and the first `bodyChars` characters of the text). They are
 * weighted like BM25 (saturating, length-normalized body frequency, plus `titleWeight` for a title
 * term; times idf), and two articles are compared by the cosine of their heaviest terms. Terms found
 * in more than `maxShare` of the archive (中国, 美国, 表示…) and an outlet's own boilerplate (a term in
 * at least half the articles of an outlet, e.g. 德国之声中文网) are not terms.
 *
 * Each article looks up its `queryTerms` heaviest terms; a term with many postings is only scanned
 * over the `maxScan` articles nearest in time (postings are in time order), so the work per article
 * is bounded whatever the archive size: no all-pairs pass.
 *
 * A candidate must share at least `minSharedTerms` terms and reach `minSimilarity`; its score is
 *   cosine × (1 + topicBoost if same topic) × (1 − farDecay + farDecay·2^(−days/farHalfLifeDays)
 *                                              + recentBoost·2^(−days/recentHalfLifeDays)).
 * Never listed: the article itself, another capture of it (same canonical URL). Ties go to the
 * smaller id; the result does not depend on the order of the input.
 *
 * Archive-wide figures (the article count, the average length, each term's document frequency) are
 * rounded to steps of 2^(1/8) before they weigh terms, so one added article changes the lists it
 * belongs in and ~14 others, not ~75 others by a hair (bench/related-churn.ts; on the real corpus
 * 89 % of the lists are as they were unrounded, mean Jaccard 0.98): fewer pages to rewrite and deploy.
 * With `earlierOnly` (the site's setting) every figure is taken as of each article's time
 * (weighTermsAsOfEach, and the outlet boilerplate counted over the outlet's articles up to it), so
 * no list changes when newer articles arrive.
 */
export interface FindRelatedOptions {
  /** Related ids per article (default 5). */
  readonly limit?: number;
  /** Ignore terms found in more than this share of the articles (default 0.25). */
  readonly maxShare?: number;
  /** Postings scanned per query term at most, nearest in time first (default 64). */
  readonly maxScan?: number;
  /** Heaviest terms of an article used to find candidates and to compare (default 30). */
  readonly queryTerms?: number;
  /** Characters of the body text indexed after the title (default 300). */
  readonly bodyChars?: number;
  /** Added to the saturated body term frequency of a term in the title (default 2). */
  readonly titleWeight?: number;
  /** Minimum cosine similarity before boosts (default 0.08). */
  readonly minSimilarity?: number;
  /** Minimum number of shared query terms (default 2): one shared bigram is noise. */
  readonly minSharedTerms?: number;
  /** Added factor for a shared topic (default 0.2). */
  readonly topicBoost?: number;
  /** Added factor for articles a few days apart (default 0.3, half-life 3 days). */
  readonly recentBoost?: number;
  readonly recentHalfLifeDays?: number;
  /** Share of the score lost with distance in time (default 0.25, half-life 60 days). */
  readonly farDecay?: number;
  readonly farHalfLifeDays?: number;
  /**
   * Only articles published before (ties: the smaller id first) count as related (default false).
   * An article's list then never changes when newer articles arrive: adding a day's articles
   * rewrites their own pages, not the ~20 older pages each new one would enter (the site uses it).
   */
  readonly earlierOnly?: boolean;
  /**
   * With `earlierOnly`: where lists are kept between builds (src/archive/cached-related.ts). A list
   * whose article and earlier articles are as they were is read from it instead of computed; articles
   * newer than all kept ones are indexed and weighed alone, against what the file keeps.
   */
  readonly cacheFile?: string;
  /**
   * With `cacheFile`: the key of what an article's fields follow from beside its seed's bytes (the
   * parser version and parse options). Given, an article is recognised in the file by its contentHash,
   * topic and outlet, and its title and text are not read to tell whether it changed.
   */
  readonly sourceKey?: string;
}

export interface ScoredRelated {
  readonly id: string;
  readonly score: number;
}

/** Related ids of every article (an entry for each, possibly empty), best first. */
export function findRelated(articles: readonly Article[], options: FindRelatedOptions = {}): ReadonlyMap<string, readonly string[]> {
  const { docs, lists } = relatedLists(articles, options);
  const ids = docs.map((doc) => doc.id);
  return inMap(ids, lists, (other) => ids[other]!);
}

/** Same as findRelated, with each score (for benchmarks and tuning). */
export function relatedWithScores(articles: readonly Article[], options: FindRelatedOptions = {}): ReadonlyMap<string, readonly ScoredRelated[]> {
  const { docs, lists } = relatedLists(articles, options);
  const ids = docs.map((doc) => doc.id);
  return inMap(ids, lists, (other, k) => ({ id: ids[other]!, score: lists.score[k]! }));
}

/** Each document's list by id, made of `entry(other, k)` (k: the entry's place in `lists`). */
function inMap<T>(ids: readonly string[], lists: RelatedLists, entry: (other: number, k: number) => T): Map<string, T[]> {
  const { start, other } = lists;
  const map = new Map<string, T[]>();
  for (let d = 0; d < ids.length; d++) {
    const list = new Array<T>(start[d + 1]! - start[d]!);
    for (let k = start[d]!; k < start[d + 1]!; k++) list[k - start[d]!] = entry(other[k]!, k);
    map.set(ids[d]!, list);
  }
  return map;
}

const DAY_MS = 86_400_000;

/** The documents in time order (ties by id: the map built from them does not depend on the input order) and their lists. */
function relatedLists(articles: readonly Article[], options: FindRelatedOptions): { docs: readonly Article[]; lists: RelatedLists } {
  const settings = settingsOf(options);
  // Time order (ties by id): postings built in this order are sorted by time.
  const docs = [...articles].sort((a, b) => a.publishedAt - b.publishedAt || compareIds(a.id, b.id));
  if (!(options.earlierOnly ?? false)) {
    const count = docs.length;
    const { maxShare, titleWeight, queryTerms } = settings;
    const weighed = weighTerms(indexTerms(docs, options), count, Math.max(2, Math.floor(stable(count) * maxShare)), titleWeight);
    const selected = selectQueries(weighed.docStart, weighed.docTerm, weighed.docWeight, queryTerms);
    return { docs, lists: scoreLists(docs, settings, false, { ...weighed, ...selected, first: 0 }) };
  }
  const cache = options.cacheFile === undefined ? undefined : RelatedCache.open(options.cacheFile, docs, settings, settings.bodyChars, options.sourceKey);
  // Every list kept (a rebuild with no change before the newest article): no index at all.
  if (cache?.complete) return { docs, lists: cache.lists! };
  // Articles newer than all kept ones are indexed against the kept index; else all are, from none.
  const from = cache?.index;
  const first = from?.terms.count ?? 0;
  const known = cache === undefined || from !== undefined ? undefined : (d: number) => d < cache.kept;
  const { kept, docStart, docTerm, docWeight, docIdf } = indexAndWeigh(docs.slice(first), options, settings, from, known);
  const selected = selectQueries(docStart, docTerm, docWeight, settings.queryTerms, docIdf);
  const scoring = { ...kept.terms, ...selected, queryNorm: kept.terms.docNorm, first };
  const lists = scoreLists(docs, settings, true, scoring, cache?.lists, from !== undefined ? first : (cache?.kept ?? 0));
  cache?.save(lists, kept, settings.maxScan);
  return { docs, lists };
}

/**
 * The index of `docs` (those after `from`'s documents, or all) weighed as of each: the running state
 * after them (`kept`, for the next build) and their doc side. The term table and the counting maps are
 * gone before weighing, and the documents' terms (~9 bytes a term occurrence, only an argument here)
 * once it is done: none of them is held while scoring, in the 100k peak.
 */
function indexAndWeigh(docs: readonly Article[], options: FindRelatedOptions, settings: Settings, from: KeptIndex | undefined, known?: (d: number) => boolean) {
  const weigh = ({ index, termKeys, outlets }: ReturnType<typeof indexAfter>) => {
    const termCount = termKeys.bigrams.length;
    const { running, ...docSide } = weighTermsAsOfEach(index, termCount, from?.terms ?? NO_TERMS, settings.maxShare, settings.titleWeight, settings.queryTerms, known);
    const kept: KeptIndex = { terms: running, termKeys, outlets };
    return { kept, ...docSide };
  };
  return weigh(indexAfter(docs, options, from));
}

/** The terms of `docs`, numbered and counted on from `from`; the term keys and outlet counts after them. */
function indexAfter(docs: readonly Article[], options: FindRelatedOptions, from: KeptIndex | undefined) {
  const ids = makeTermIds(from?.termKeys);
  const outlets = new Map(from?.outlets);
  const index = indexTerms(docs, options, { ids, outlets });
  return { index, termKeys: ids.keys(), outlets: compact(outlets) };
}

/** Each outlet's counts as sorted arrays. */
function compact(outlets: ReadonlyMap<string, OutletCounts>): Map<string, OutletCounts> {
  return new Map([...outlets].map(([key, counts]) => {
    const { terms, counts: values } = counts.entries();
    return [key, new OutletCounts(counts.members, terms, values)];
  }));
}

type Settings = ReturnType<typeof settingsOf>;

/** Every option with its default applied. */
function settingsOf(options: FindRelatedOptions) {
  return {
    limit: options.limit ?? 5,
    maxScan: options.maxScan ?? 64,
    queryTerms: options.queryTerms ?? 30,
    minSimilarity: options.minSimilarity ?? 0.08,
    minShared: options.minSharedTerms ?? 2,
    topicBoost: options.topicBoost ?? 0.2,
    recentBoost: options.recentBoost ?? 0.3,
    recentHalfLife: options.recentHalfLifeDays ?? 3,
    farDecay: options.farDecay ?? 0.25,
    farHalfLife: options.farHalfLifeDays ?? 60,
    maxShare: options.maxShare ?? 0.25,
    titleWeight: options.titleWeight ?? 2,
    bodyChars: options.bodyChars ?? 300,
  };
}

/** Postings (documents numbered from 0) and the query side of the documents from `first` on (numbered from 0). */
interface Scoring {
  readonly postingStart: Int32Array;
  readonly postingDoc: Int32Array;
  readonly postingWeight: Float64Array;
  readonly queryStart: Int32Array;
  readonly queryTerm: Int32Array;
  readonly queryScale: Float64Array;
  /** Per document from 0. */
  readonly queryNorm: Float64Array;
  readonly first: number;
}

/**
 * Every document's list: the first `keptCount` copied from `kept`, the others scored from the index.
 * With `earlierOnly` a document's candidates are the `maxScan` postings before it of each query term;
 * else the `maxScan` around it.
 */
function scoreLists(docs: readonly Article[], settings: Settings, earlierOnly: boolean, scoring: Scoring, kept?: RelatedLists, keptCount = 0): RelatedLists {
  const { limit, maxScan, minSimilarity, minShared, topicBoost, recentBoost, recentHalfLife, farDecay, farHalfLife } = settings;
  const { postingStart, postingDoc, postingWeight, queryStart, queryTerm, queryScale, queryNorm, first } = scoring;
  const count = docs.length;
  // Read from the documents once when all are scored; a few new ones read their candidates' fields.
  const few = count - keptCount < 1024;
  const topics = few ? undefined : docs.map((doc) => doc.topic.slug);
  const urls = few ? undefined : docs.map((doc) => doc.canonicalUrl);
  const times = few ? undefined : Float64Array.from(docs, (doc) => doc.publishedAt);
  const topicOf = (d: number): string => topics?.[d] ?? docs[d]!.topic.slug;
  const urlOf = (d: number): string => urls?.[d] ?? docs[d]!.canonicalUrl;
  const timeOf = (d: number): number => times?.[d] ?? docs[d]!.publishedAt;
  const scores = new Float64Array(count);
  const shared = new Int32Array(count);
  const touched = new Int32Array(count);
  const bestIndex = new Int32Array(limit);
  const bestScore = new Float64Array(limit);
  const maxBoost = (1 + Math.max(0, topicBoost)) * (1 + Math.max(0, recentBoost));
  const start = new Int32Array(count + 1);
  const listOther = new Int32Array(count * limit);
  const listScore = new Float64Array(count * limit);
  let end = 0;
  if (kept !== undefined && keptCount > 0) {
    end = kept.start[keptCount]!;
    start.set(kept.start.subarray(0, keptCount + 1));
    listOther.set(kept.other.subarray(0, end));
    listScore.set(kept.score.subarray(0, end));
  }

  for (let self = keptCount; self < count; self++) {
    let touchedCount = 0;
    for (let q = queryStart[self - first]!; q < queryStart[self - first + 1]!; q++) {
      const term = queryTerm[q]!;
      const weight = queryScale[q]!;
      let from = postingStart[term]!;
      let to = postingStart[term + 1]!;
      if (earlierOnly) {
        // The maxScan postings before this article: the nearest earlier ones.
        to = firstIndex(from, to, (i) => postingDoc[i]! < self);
        from = Math.max(from, to - maxScan);
      } else if (to - from > maxScan) {
        // The maxScan postings around this article: the nearest in time.
        const at = firstIndex(from, to, (i) => postingDoc[i]! < self);
        from = Math.max(from, Math.min(at - (maxScan >> 1), to - maxScan));
        to = from + maxScan;
      }
      for (let p = from; p < to; p++) {
        const other = postingDoc[p]!;
        if (other === self) continue;
        if (shared[other] === 0) touched[touchedCount++] = other;
        shared[other]!++;
        scores[other] = scores[other]! + weight * postingWeight[p]!;
      }
    }

    const selfNorm = queryNorm[self]!;
    let found = 0;
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      const dot = scores[other]!;
      const enough = shared[other]! >= minShared;
      scores[other] = 0;
      shared[other] = 0;
      if (!enough) continue;
      const similarity = dot / (selfNorm * queryNorm[other]!);
      if (similarity < minSimilarity) continue;
      // Boosts multiply by at most maxBoost: skip a candidate that could not enter a full list.
      if (found === limit && similarity * maxBoost < bestScore[limit - 1]!) continue;
      if (urlOf(other) === urlOf(self)) continue;
      const days = Math.abs(timeOf(self) - timeOf(other)) / DAY_MS;
      const closeness = 1 - farDecay + farDecay * 2 ** (-days / farHalfLife) + recentBoost * 2 ** (-days / recentHalfLife);
      const score = similarity * closeness * (topicOf(self) === topicOf(other) ? 1 + topicBoost : 1);
      // Insert into the sorted best list when it beats the last kept one (ties: smaller id first).
      let at = found;
      while (at > 0 && (score > bestScore[at - 1]! || (score === bestScore[at - 1]! && docs[other]!.id < docs[bestIndex[at - 1]!]!.id))) at--;
      if (at >= limit) continue;
      for (let k = Math.min(found, limit - 1); k > at; k--) {
        bestScore[k] = bestScore[k - 1]!;
        bestIndex[k] = bestIndex[k - 1]!;
      }
      bestScore[at] = score;
      bestIndex[at] = other;
      if (found < limit) found++;
    }
    for (let k = 0; k < found; k++) {
      listOther[end] = bestIndex[k]!;
      listScore[end++] = bestScore[k]!;
    }
    start[self + 1] = end;
  }
  return { start, other: listOther.subarray(0, end), score: listScore.subarray(0, end) };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
