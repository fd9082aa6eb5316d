import type { Article } from '../article/article.ts';
import { selectQueries, weighTerms, type TermIndex } from './related-terms.ts';
import { indexStoryTerms } from './story-terms.ts';
import { clusterLinks, type Edge } from './cluster-links.ts';

/**
 * Stories: articles about the same event, published within a few days of each other, from one or
 * more outlets. An article belongs to at most one story.
 *
 * 1. Terms (src/archive/story-terms.ts): folded title, lead and body start as CJK bigrams, Latin
 *    words, numbers and quoted names, weighted like BM25 with a bonus for title terms; terms in more
 *    than `maxShare` of the archive and an outlet's boilerplate are dropped. Each article keeps its
 *    `queryTerms` heaviest terms.
 * 2. Links, from an inverted index of those query terms: each article looks up the articles that
 *    share a query term and were published within `windowDays` after it (postings are in time
 *    order; at most `maxScan` per term), so the work per article is bounded: no all-pairs pass. Two
 *    articles are linked when the cosine of their query vectors reaches `minSimilarity` and they
 *    share at least `minSharedTerms` query terms.
 * 3. Clusters (src/archive/cluster-links.ts): links strongest first join clusters whose merged span
 *    stays within `maxSpanDays` and that are linked densely enough (`linkShare` of their pairs), so
 *    one article about two events does not chain them together.
 * 4. A cluster is a story when it has at least two outlets or at least three articles.
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
  /** Characters of the body read after the title (default 600). */
  readonly bodyChars?: number;
  /** Weight added per doubling of the articles in the window using a term, beyond two (default 0.25). */
  readonly burst?: number;
  /** Added to the saturated body frequency of a term in the title (default 2). */
  readonly titleWeight?: number;
  /** Terms in more than this share of the articles are not terms (default 0.1). */
  readonly maxShare?: number;
  /** Postings scanned per query term and article at most (default 200). */
  readonly maxScan?: number;
  /** Minimum cosine of two articles' query vectors (default 0.2). */
  readonly minSimilarity?: number;
  /** Two articles whose headlines share no term link only from this cosine up (default 0.5). */
  readonly strongSimilarity?: number;
  /** Minimum shared query terms (default 4). */
  readonly minSharedTerms?: number;
  /** Two clusters merge when the cosine of their centroids reaches this (default 0.3). */
  readonly mergeSimilarity?: number;
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
  const docs = [...articles].sort((a, b) => a.publishedAt - b.publishedAt || compareIds(a.id, b.id));
  const count = docs.length;
  if (count < 2) return [];
  const times = Float64Array.from(docs, (d) => d.publishedAt);

  const index = indexStoryTerms(docs, options.bodyChars ?? 600);
  // A small archive has too few articles to tell common words from event words: no cut below 8.
  const maxDf = Math.max(8, Math.floor(count * (options.maxShare ?? 0.1)));
  const weighed = weighTerms(index, count, maxDf, options.titleWeight ?? 2);
  const near = termsNearInTime(weighed, times, windowMs, options.burst ?? 0.25);
  const { queryStart, queryTerm, queryWeight, queryNorm } = selectQueries(near.docStart, near.docTerm, near.docWeight, options.queryTerms ?? 40);
  const postings = queryPostings(queryStart, queryTerm, queryWeight, weighed.postingStart.length - 1);
  const titles = titleTerms(index, maxDf);
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
      let p = upperBound(postings.doc, from, to, self);
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
      const enough = shared[other]! >= minShared && (sharedTitle[other] === 1 || similarity >= strongSimilarity);
      dots[other] = 0;
      shared[other] = 0;
      sharedTitle[other] = 0;
      if (enough && similarity >= minSimilarity) links.push({ a: self, b: other, similarity });
    }
  }

  const vectors = { start: queryStart, term: queryTerm, weight: queryWeight, norm: queryNorm };
  const { clusters, clusterOf } = clusterLinks(links, vectors, times, {
    maxSpanMs: (options.maxSpanDays ?? 6) * DAY_MS,
    mergeSimilarity: options.mergeSimilarity ?? 0.3,
  });
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
    let lead = members[0]!;
    for (const m of members) if (strength[m]! > strength[lead]! + 1e-9) lead = m;
    stories.push({ id: docs[members[0]!]!.id, articleIds: members.map((m) => docs[m]!.id), leadId: docs[lead]!.id });
  }
  const firstTime = new Map(docs.map((d) => [d.id, d.publishedAt]));
  return stories.sort((a, b) => firstTime.get(b.id)! - firstTime.get(a.id)! || compareIds(a.id, b.id));
}

/**
 * Each document's terms that other documents within `windowMs` also have, weighted up by how many
 * do (× log2 of that count, itself included): only such terms can link a document to anything, and
 * the more articles of the week use a term, the more likely it names the event rather than being a
 * chance pair of characters across two words (者冲, 进美). A rare term nobody else used that week
 * would otherwise crowd out the common words an event is told in (国会, 特朗普, 爆炸).
 */
export function termsNearInTime(weighed: ReturnType<typeof weighTerms>, times: Float64Array, windowMs: number, burst: number) {
  const { postingStart, postingDoc, docStart, docTerm, docWeight } = weighed;
  const count = docStart.length - 1;
  const start = new Int32Array(count + 1);
  const terms: number[] = [];
  const weights: number[] = [];
  for (let d = 0; d < count; d++) {
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const term = docTerm[k]!;
      const from = postingStart[term]!;
      const to = postingStart[term + 1]!;
      const near = firstAtOrAfter(postingDoc, times, from, to, times[d]! - windowMs);
      const far = firstAtOrAfter(postingDoc, times, near, to, times[d]! + windowMs + 1);
      const nearby = far - near;
      if (nearby < 2) continue;
      terms.push(term);
      weights.push(docWeight[k]! * (1 + burst * Math.log2(nearby / 2)));
    }
    start[d + 1] = terms.length;
  }
  return { docStart: start, docTerm: Int32Array.from(terms), docWeight: Float64Array.from(weights) };
}

/** First posting in [from, to) whose document was published at or after `time`. */
function firstAtOrAfter(postingDoc: Int32Array, times: Float64Array, from: number, to: number, time: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (times[postingDoc[mid]!]! < time) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * Each document's title terms, numbered as weighTerms numbers them (terms with 2 ≤ df ≤ maxDf, in
 * order of first appearance): two reports of one event nearly always share a word of their
 * headlines (休斯敦, 贝鲁特, 任志强), two articles that merely share a subject's vocabulary rarely do.
 */
function titleTerms(index: TermIndex, maxDf: number): Set<number>[] {
  const dense = new Int32Array(index.dfs.length).fill(-1);
  let next = 0;
  for (let term = 0; term < index.dfs.length; term++) if (index.dfs[term]! >= 2 && index.dfs[term]! <= maxDf) dense[term] = next++;
  const sets: Set<number>[] = [];
  for (let d = 0; d + 1 < index.docStart.length; d++) {
    const set = new Set<number>();
    for (let k = index.docStart[d]!; k < index.docStart[d + 1]!; k++) {
      const raw = index.terms[k]!;
      if (raw >= 0 && index.titled[k] === 1 && dense[raw]! >= 0) set.add(dense[raw]!);
    }
    sets.push(set);
  }
  return sets;
}

/** For each term, the documents having it among their query terms (in document order) and its weight there. */
function queryPostings(queryStart: Int32Array, queryTerm: Int32Array, queryWeight: Float64Array, termCount: number) {
  const start = new Int32Array(termCount + 1);
  for (let q = 0; q < queryStart[queryStart.length - 1]!; q++) start[queryTerm[q]! + 1]!++;
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, termCount);
  const doc = new Int32Array(start[termCount]!);
  const weight = new Float64Array(start[termCount]!);
  for (let d = 0; d + 1 < queryStart.length; d++) {
    for (let q = queryStart[d]!; q < queryStart[d + 1]!; q++) {
      const at = fill[queryTerm[q]!]!++;
      doc[at] = d;
      weight[at] = queryWeight[q]!;
    }
  }
  return { start, doc, weight };
}

/** First position in sorted[from, to) whose value is > value. */
function upperBound(sorted: Int32Array, from: number, to: number, value: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (sorted[mid]! <= value) from = mid + 1;
    else to = mid;
  }
  return from;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
