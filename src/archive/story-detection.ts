import type { Article } from '../article/article.ts';
import { storyVectors, type WatchedTerms } from './story-vectors.ts';
import { sharedNames } from './shared-names.ts';
import { clusterLinks, type Edge } from './cluster-links.ts';
import { splitClusters } from './split-clusters.ts';
import { queryPostings } from './query-postings.ts';
import { indexStoryTerms, type StoryTermIndex } from './story-terms.ts';
import { firstIndex } from '../runtime/first-index.ts';

/** findStories' options with every default filled in and days in ms (src/archive/find-stories.ts says what each does). */
export interface StorySettings {
  readonly windowMs: number;
  readonly maxSpanMs: number;
  readonly queryTerms: number;
  readonly bodyChars: number;
  readonly backgroundMs: number;
  readonly burst: number;
  readonly titleWeight: number;
  readonly maxShare: number;
  readonly maxScan: number;
  readonly minSimilarity: number;
  readonly strongSimilarity: number;
  readonly minSharedTerms: number;
  readonly minSpecificTerms: number;
  readonly manyNames: number;
  readonly specificShare: number;
  readonly specificBurst: number;
  readonly mergeSimilarity: number;
  readonly pairSimilarity: number;
  readonly splitSimilarity: number;
}

/** A story as document indexes: its members ascending, and the one that leads it. */
export interface StoryGroup {
  readonly members: readonly number[];
  readonly lead: number;
}

/**
 * Steps 1–5 of findStories (src/archive/find-stories.ts) over `docs` (non-roundups in time order,
 * ties by id). With `linkFrom`, documents before it only lend their terms to the weights of the others
 * (their own vectors are not complete) and are linked to nothing: src/archive/story-cache.ts passes the
 * tail of an archive from a point no link crosses, which gives the stories of that tail exactly as the
 * whole archive does, given the terms `index` of `docs` with the boilerplate of the whole archive marked.
 * `watch`: terms whose use storyVectors reports (src/archive/story-outlet-terms.ts).
 *
 * Returns the stories (members ascending, by first member), and the quiet points: each index q ≥
 * `linkFrom` (up to docs.length) where no link joins a document before q to one from q on.
 */
export function detectStories(docs: readonly Readonly<Article>[], settings: StorySettings, linkFrom = 0, index?: StoryTermIndex, watch?: WatchedTerms) {
  const count = docs.length;
  const times = Float64Array.from(docs, (d) => d.publishedAt);
  const { queryStart, queryTerm, queryWeight, queryNorm, titles, specific, bigrams } = storyVectors(docs, times, settings, index ?? indexStoryTerms(docs, settings.bodyChars), watch);
  const { minSpecificTerms: minSpecific, manyNames, maxScan, windowMs, minSimilarity, minSharedTerms: minShared, strongSimilarity } = settings;
  const postings = queryPostings(queryStart, queryTerm, queryWeight);

  const dots = new Float64Array(count);
  const shared = new Int32Array(count);
  const sharedTitle = new Uint8Array(count);
  const touched = new Int32Array(count);
  const links: Edge[] = [];
  const quiet: number[] = [];
  let reach = -1; // the latest document linked from one before `self`
  for (let self = linkFrom; self < count; self++) {
    if (reach < self) quiet.push(self);
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
      if (names >= minSpecific && (enough || names >= manyNames)) {
        links.push({ a: self, b: other, similarity });
        reach = Math.max(reach, other);
      }
    }
  }
  quiet.push(count);

  const vectors = { start: queryStart, term: queryTerm, weight: queryWeight, norm: queryNorm };
  const merged = clusterLinks(links, vectors, times, settings);
  const clusters = splitClusters(merged.clusters, vectors, settings.splitSimilarity);
  const clusterOf = new Int32Array(count).fill(-1);
  clusters.forEach((members, c) => members.forEach((m) => (clusterOf[m] = c)));
  // How strongly each article is linked inside its own cluster: the strongest one leads the story.
  const strength = new Float64Array(count);
  for (const { a, b, similarity } of links) {
    if (clusterOf[a] === -1 || clusterOf[a] !== clusterOf[b]) continue;
    strength[a] = strength[a]! + similarity;
    strength[b] = strength[b]! + similarity;
  }
  const stories: StoryGroup[] = [];
  for (const members of clusters) {
    if (members.length < 3 && new Set(members.map((m) => docs[m]!.outlet.key)).size < 2) continue;
    // Two articles left together by a split need not have been linked: they too must share two names.
    if (members.length === 2 && sharedNames(members[0]!, members[1]!, queryStart, queryTerm, specific, bigrams) < minSpecific) continue;
    let lead = members[0]!;
    for (const m of members) if (strength[m]! > strength[lead]! + 1e-9) lead = m;
    stories.push({ members, lead });
  }
  return { stories, quiet };
}
