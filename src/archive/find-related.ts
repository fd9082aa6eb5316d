import { firstIndex } from '../runtime/first-index.ts';
import type { Article } from '../article/article.ts';
import { indexTerms, selectQueries, stable, weighTerms, weighTermsAsOfEach, type TermIndex } from './related-terms.ts';
import { RelatedCache } from './cached-related.ts';

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
   * whose article and earlier articles are as they were is read from it instead of computed.
   */
  readonly cacheFile?: string;
}

export interface ScoredRelated {
  readonly id: string;
  readonly score: number;
}

/** Related ids of every article (an entry for each, possibly empty), best first. */
export function findRelated(articles: readonly Article[], options: FindRelatedOptions = {}): ReadonlyMap<string, readonly string[]> {
  const scored = relatedWithScores(articles, options);
  return new Map([...scored].map(([id, list]) => [id, list.map((r) => r.id)]));
}

const DAY_MS = 86_400_000;

/** Same as findRelated, with each score (for benchmarks and tuning). */
export function relatedWithScores(articles: readonly Article[], options: FindRelatedOptions = {}): ReadonlyMap<string, readonly ScoredRelated[]> {
  const limit = options.limit ?? 5;
  const maxScan = options.maxScan ?? 64;
  const queryTerms = options.queryTerms ?? 30;
  const minSimilarity = options.minSimilarity ?? 0.08;
  const minShared = options.minSharedTerms ?? 2;
  const topicBoost = options.topicBoost ?? 0.2;
  const recentBoost = options.recentBoost ?? 0.3;
  const recentHalfLife = options.recentHalfLifeDays ?? 3;
  const farDecay = options.farDecay ?? 0.25;
  const farHalfLife = options.farHalfLifeDays ?? 60;
  const earlierOnly = options.earlierOnly ?? false;

  // Time order (ties by id): postings built in this order are sorted by time.
  const byId = [...articles].sort((a, b) => compareIds(a.id, b.id));
  const docs = [...byId].sort((a, b) => a.publishedAt - b.publishedAt || compareIds(a.id, b.id));
  const count = docs.length;
  const maxShare = options.maxShare ?? 0.25;
  const titleWeight = options.titleWeight ?? 2;
  const bodyChars = options.bodyChars ?? 300;
  const settings = { limit, maxScan, queryTerms, minSimilarity, minShared, topicBoost, recentBoost, recentHalfLife, farDecay, farHalfLife, maxShare, titleWeight, bodyChars };
  const cache = earlierOnly && options.cacheFile !== undefined ? RelatedCache.open(options.cacheFile, docs, settings, bodyChars) : undefined;
  // Every list kept (a rebuild with no change before the newest article): no index at all.
  if (cache?.complete) {
    const kept = cache.known as readonly ScoredRelated[][];
    cache.save(kept); // drops the lists of articles no longer there, if any
    return inIdOrder(docs, kept);
  }
  const idRank = new Int32Array(count);
  const rankOf = new Map(byId.map((a, rank) => [a, rank]));
  docs.forEach((doc, index) => (idRank[index] = rankOf.get(doc)!));

  // The index (terms, counts, titled: ~9 bytes a term occurrence) is needed only to weigh: held in a
  // variable of this function it would stay live through the whole scoring loop, in the 100k peak.
  const weighIndex = (index: TermIndex) =>
    earlierOnly
      ? weighTermsAsOfEach(index, count, maxShare, titleWeight, queryTerms, cache === undefined ? undefined : (d) => cache.known[d] !== undefined)
      : { ...weighTerms(index, count, maxDf, titleWeight), docIdf: undefined, docNorm: undefined };
  const maxDf = Math.max(2, Math.floor(stable(count) * maxShare));
  const weighed = weighIndex(indexTerms(docs, options));
  const { postingStart, postingDoc, postingWeight, docStart, docTerm, docWeight, docIdf } = weighed;

  const topics = docs.map((doc) => doc.topic.slug);
  const urls = docs.map((doc) => doc.canonicalUrl);
  const times = Float64Array.from(docs, (doc) => doc.publishedAt);
  const scores = new Float64Array(count);
  const shared = new Int32Array(count);
  const touched = new Int32Array(count);
  const selected = selectQueries(docStart, docTerm, docWeight, queryTerms, docIdf);
  const { queryStart, queryTerm, queryScale } = selected;
  const queryNorm = weighed.docNorm ?? selected.queryNorm;
  const bestIndex = new Int32Array(limit);
  const bestScore = new Float64Array(limit);
  const maxBoost = (1 + Math.max(0, topicBoost)) * (1 + Math.max(0, recentBoost));
  const lists: ScoredRelated[][] = [];

  for (let self = 0; self < count; self++) {
    const kept = cache?.known[self];
    if (kept !== undefined) {
      lists[self] = kept as ScoredRelated[];
      continue;
    }
    let touchedCount = 0;
    for (let q = queryStart[self]!; q < queryStart[self + 1]!; q++) {
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
      if (urls[other] === urls[self]) continue;
      const days = Math.abs(times[self]! - times[other]!) / DAY_MS;
      const closeness = 1 - farDecay + farDecay * 2 ** (-days / farHalfLife) + recentBoost * 2 ** (-days / recentHalfLife);
      const score = similarity * closeness * (topics[self] === topics[other] ? 1 + topicBoost : 1);
      // Insert into the sorted best list when it beats the last kept one (ties: smaller id first).
      let at = found;
      while (at > 0 && (score > bestScore[at - 1]! || (score === bestScore[at - 1]! && idRank[other]! < idRank[bestIndex[at - 1]!]!))) at--;
      if (at >= limit) continue;
      for (let k = Math.min(found, limit - 1); k > at; k--) {
        bestScore[k] = bestScore[k - 1]!;
        bestIndex[k] = bestIndex[k - 1]!;
      }
      bestScore[at] = score;
      bestIndex[at] = other;
      if (found < limit) found++;
    }
    const list: ScoredRelated[] = [];
    for (let k = 0; k < found; k++) list.push({ id: docs[bestIndex[k]!]!.id, score: bestScore[k]! });
    lists[self] = list;
  }

  cache?.save(lists);
  return inIdOrder(docs, lists);
}

/** Entries in id order, so that the map itself does not depend on the input order either. */
function inIdOrder(docs: readonly Article[], lists: readonly (readonly ScoredRelated[])[]): ReadonlyMap<string, readonly ScoredRelated[]> {
  const order = Array.from({ length: docs.length }, (_, i) => i).sort((a, b) => compareIds(docs[a]!.id, docs[b]!.id));
  return new Map(order.map((i) => [docs[i]!.id, lists[i]!]));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
