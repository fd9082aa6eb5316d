import type { Article } from '../article/article.ts';
import { selectQueries, weighTerms, type TermIndex } from './related-terms.ts';
import { indexStoryTerms } from './story-terms.ts';

export interface StoryVectorOptions {
  readonly bodyChars: number;
  readonly maxShare: number;
  readonly titleWeight: number;
  readonly windowMs: number;
  readonly burst: number;
  readonly queryTerms: number;
}

/**
 * The vectors story detection compares (src/archive/find-stories.ts), for documents in time order:
 * terms read once (story-terms.ts), weighted like BM25 (related-terms.ts `weighTerms`), kept only
 * where another document of the same days has them and weighted up the more do, cut to each
 * document's `queryTerms` heaviest (`selectQueries`); plus each document's headline terms.
 */
export function storyVectors(docs: readonly Readonly<Article>[], times: Float64Array, options: StoryVectorOptions) {
  const count = docs.length;
  const index = indexStoryTerms(docs, options.bodyChars);
  // A small archive has too few articles to tell common words from event words: no cut below 8.
  const maxDf = Math.max(8, Math.floor(count * options.maxShare));
  const weighed = weighTerms(index, count, maxDf, options.titleWeight);
  const near = termsNearInTime(weighed, times, options.windowMs, options.burst);
  return { ...selectQueries(near.docStart, near.docTerm, near.docWeight, options.queryTerms), titles: titleTerms(index, maxDf) };
}

/**
 * Each document's terms that other documents within `windowMs` also have, weighted up by how many
 * do (× log2 of that count, itself included): only such terms can link a document to anything, and
 * the more articles of the week use a term, the more likely it names the event rather than being a
 * chance pair of characters across two words (者冲, 进美). A rare term nobody else used that week
 * would otherwise crowd out the common words an event is told in (国会, 特朗普, 爆炸).
 */
function termsNearInTime(weighed: ReturnType<typeof weighTerms>, times: Float64Array, windowMs: number, burst: number) {
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
