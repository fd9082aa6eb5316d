import type { Article } from '../article/article.ts';
import { storyVectors } from './story-vectors.ts';
import { sharedNames } from './shared-names.ts';
import { clusterLinks, type Edge } from './cluster-links.ts';
import { splitClusters } from './split-clusters.ts';
import { isRoundup } from './is-roundup.ts';
import { queryPostings } from './query-postings.ts';
import { firstIndex } from '../runtime/first-index.ts';

/**
 * Stories: articles about the same event, published within a few days of each other, from one or
 * more outlets. An article belongs to at most one story.
 *
 * 0. Roundups (src/archive/is-roundup.ts: a bulletin's transcript, a briefing, the week's picks,
 *    recognised by the shape of their headline) tell many events at once and share a few words
 *    with each: they are left out.
 * 0. Roundups (src/archive/is-roundup.ts: a bulletin's transcript, a briefing, the week's picks,
 *    recognised by the shape of their headline) tell many events at once and share a few words
 *    with each: they are left out.
 * 1. Vectors (src/archive/story-vectors.ts): folded title, lead and body start as CJK bigrams,
 *    Latin names, numbers and quoted names (regional spellings of names made one), weighted from
 *    the article's own months (`backgroundDays`: idf, common words dropped) with a bonus for title
 *    terms and for terms that several articles of the same days use; only terms another article
 *    within `windowDays` also has count. Each article keeps its `queryTerms` heaviest terms. So an
 *    added article changes the vectors of its own weeks only. A term is *specific* (a name rather
 *    than a word) where it is rare in those months (`specificShare`) or bursts in the window
 *    (`specificBurst` times as frequent there).
 * 2. Links, from an inverted index of those query terms: each article looks up the articles that
 *    share a query term and were published within `windowDays` after it (postings are in time
 *    order; at most `maxScan` per term), so the work per article is bounded: no all-pairs pass. Two
 *    articles are linked when the cosine of their query vectors reaches `minSimilarity`, they share
 *    at least `minSharedTerms` query terms and `minSpecificTerms` specific ones
 *    (src/archive/shared-names.ts: one name and the day are not an event), and a headline term,
 *    or `manyNames` specific terms, or reach `strongSimilarity`.
 * 3. Clusters (src/archive/cluster-links.ts): links strongest first merge clusters whose span stays
 *    within `maxSpanDays` and whose centroids are alike (`mergeSimilarity`; `pairSimilarity` for two
 *    lone articles), so one article that mentions two events does not chain them together.
 * 4. Splits (src/archive/split-clusters.ts): a cluster is cut in two, in time order, where the
 *    centroids of its earlier and later articles are least alike, when that is below
 *    `splitSimilarity`: two events told one after the other in the same words part again.
 * 5. A cluster is a story when it has at least two outlets or at least three articles; two
 *    articles left together by a split must share `minSpecificTerms` specific terms too.
 *
 * Deterministic: articles are ordered by time then id before anything else, and ties go to the
 * smaller id, so the stories do not depend on the input order.
 */
export interface FindStoriesOptions {
  /** Articles further apart than this are never linked directly (default 3 days). */
  readonly windowDays?: number;
  /** A story spans at most this many days, first to last article (default 6). */
  readonly maxSpanDays?: number;
  /** Heaviest terms per article used to link (default 40). */
  readonly queryTerms?: number;
  /** Characters of the body read after the title (default 300). */
  readonly bodyChars?: number;
  /** Term weights (idf, common words) come from the articles this close in time (default 60 days). */
  readonly backgroundDays?: number;
  /** Weight added per doubling of the articles in the window using a term, beyond two (default 0.25). */
  readonly burst?: number;
  /** Added to the saturated body frequency of a term in the title (default 2). */
  readonly titleWeight?: number;
  /** Terms in more than this share of the articles of their background are not terms (default 0.1). */
  readonly maxShare?: number;
  /** Postings scanned per query term and article at most (default 200). */
  readonly maxScan?: number;
  /** Minimum cosine of two articles' query vectors (default 0.2). */
  readonly minSimilarity?: number;
  /** Two articles whose headlines share no term link only from this cosine up (default 0.5). */
  readonly strongSimilarity?: number;
  /** Minimum shared query terms (default 4). */
  readonly minSharedTerms?: number;
  /** Minimum shared specific terms (overlapping bigrams of one word count once; default 2). */
  readonly minSpecificTerms?: number;
  /** Two articles sharing this many specific terms link without a shared headline term (default 4). */
  readonly manyNames?: number;
  /** A term is specific where at most this share of the articles of its background has it (default 0.02)… */
  readonly specificShare?: number;
  /** …or where its share of the articles of the window is at least this many times that (default 5). */
  readonly specificBurst?: number;
  /** Two clusters merge when the cosine of their centroids reaches this (default 0.25). */
  readonly mergeSimilarity?: number;
  /** Two articles in no cluster yet merge when their cosine reaches this (default 0.3). */
  readonly pairSimilarity?: number;
  /** A cluster is cut in two (in time order) where its two sides' centroids are less alike than this (default 0.45). */
  readonly splitSimilarity?: number;
}

export interface Story {
  /** The id of the story's first article (earliest, ties by id): stable while that article stays first. */
  readonly id: string;
  /** Its articles' ids, oldest first (ties by id). */
  readonly articleIds: readonly string[];
  /** The article most linked to the others (ties: the earliest): the story's title and description. */
  readonly leadId: string;
}

const DAY_MS = 86_400_000;

/** Every story of an archive, newest first (by first article; ties by id). */
export function findStories(articles: readonly Readonly<Article>[], options: FindStoriesOptions = {}): Story[] {
  const windowMs = (options.windowDays ?? 3) * DAY_MS;
  const maxScan = options.maxScan ?? 200;
  const minSimilarity = options.minSimilarity ?? 0.2;
  const minShared = options.minSharedTerms ?? 4;
  // Roundups (a bulletin's transcript, a briefing: src/archive/is-roundup.ts) tell many events at once: never in a story.
  const docs = articles.filter((a) => !isRoundup(a)).sort((a, b) => a.publishedAt - b.publishedAt || compareIds(a.id, b.id));
  const count = docs.length;
  if (count < 2) return [];
  const times = Float64Array.from(docs, (d) => d.publishedAt);

  const { queryStart, queryTerm, queryWeight, queryNorm, titles, specific, bigrams } = storyVectors(docs, times, {
    bodyChars: options.bodyChars ?? 300,
    maxShare: options.maxShare ?? 0.1,
    titleWeight: options.titleWeight ?? 2,
    windowMs,
    backgroundMs: (options.backgroundDays ?? 60) * DAY_MS,
    burst: options.burst ?? 0.25,
    queryTerms: options.queryTerms ?? 40,
    specificShare: options.specificShare ?? 0.02,
    specificBurst: options.specificBurst ?? 5,
  });
  const minSpecific = options.minSpecificTerms ?? 2;
  const manyNames = options.manyNames ?? 4;
  const postings = queryPostings(queryStart, queryTerm, queryWeight);
  const strongSimilarity = options.strongSimilarity ?? 0.5;

  const dots = new Float64Array(count);
  const shared = new Int32Array(count);
  const sharedTitle = new Uint8Array(count);
  const touched = new Int32Array(count);
  const links: Edge[] = [];
  for (let self = 0; self < count; self++) {
    // Later articles within the window only: each pair is compared once, from its earlier article.
    const until = times[self]! + windowMs;
    let touchedCount = 0;
    for (let q = queryStart[self]!; q < queryStart[self + 1]!; q++) {
      const term = queryTerm[q]!;
      const from = postings.start[term]!;
      const to = postings.start[term + 1]!;
      let p = firstIndex(from, to, (i) => postings.doc[i]! <= self);
      const end = Math.min(to, p + maxScan);
      for (; p < end; p++) {
        const other = postings.doc[p]!;
        if (times[other]! > until) break;
        if (shared[other] === 0) touched[touchedCount++] = other;
        shared[other]!++;
        if (titles[self]!.has(term) && titles[other]!.has(term)) sharedTitle[other] = 1;
        dots[other] = dots[other]! + queryWeight[q]! * postings.weight[p]!;
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      const similarity = dots[other]! / (queryNorm[self]! * queryNorm[other]!);
      const titled = sharedTitle[other] === 1;
      const enough = shared[other]! >= minShared && (titled || similarity >= strongSimilarity);
      dots[other] = 0;
      shared[other] = 0;
      sharedTitle[other] = 0;
      if (similarity < minSimilarity) continue;
      // Names decide: two shared at least (not one name and the day), and many make up for no shared headline word.
      const names = sharedNames(self, other, queryStart, queryTerm, specific, bigrams);
      if (names >= minSpecific && (enough || names >= manyNames)) links.push({ a: self, b: other, similarity });
    }
  }

  const vectors = { start: queryStart, term: queryTerm, weight: queryWeight, norm: queryNorm };
  const merged = clusterLinks(links, vectors, times, {
    maxSpanMs: (options.maxSpanDays ?? 6) * DAY_MS,
    mergeSimilarity: options.mergeSimilarity ?? 0.25,
    pairSimilarity: options.pairSimilarity ?? 0.3,
  });
  const clusters = splitClusters(merged.clusters, vectors, options.splitSimilarity ?? 0.45);
  const clusterOf = new Int32Array(count).fill(-1);
  clusters.forEach((members, c) => members.forEach((m) => (clusterOf[m] = c)));
  // How strongly each article is linked inside its own cluster: the strongest one leads the story.
  const strength = new Float64Array(count);
  for (const { a, b, similarity } of links) {
    if (clusterOf[a] === -1 || clusterOf[a] !== clusterOf[b]) continue;
    strength[a] = strength[a]! + similarity;
    strength[b] = strength[b]! + similarity;
  }
  const stories: Story[] = [];
  for (const members of clusters) {
    if (members.length < 3 && new Set(members.map((m) => docs[m]!.outlet.key)).size < 2) continue;
    // Two articles left together by a split need not have been linked: they too must share two names.
    if (members.length === 2 && sharedNames(members[0]!, members[1]!, queryStart, queryTerm, specific, bigrams) < minSpecific) continue;
    let lead = members[0]!;
    for (const m of members) if (strength[m]! > strength[lead]! + 1e-9) lead = m;
    stories.push({ id: docs[members[0]!]!.id, articleIds: members.map((m) => docs[m]!.id), leadId: docs[lead]!.id });
  }
  const firstTime = new Map(docs.map((d) => [d.id, d.publishedAt]));
  return stories.sort((a, b) => firstTime.get(b.id)! - firstTime.get(a.id)! || compareIds(a.id, b.id));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
