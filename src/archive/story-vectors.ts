import { firstIndex } from '../runtime/first-index.ts';
import type { Article } from '../article/article.ts';
import { selectQueries } from './related-terms.ts';
import { indexStoryTerms, type StoryTermIndex } from './story-terms.ts';

export interface StoryVectorOptions {
  readonly bodyChars: number;
  readonly maxShare: number;
  readonly titleWeight: number;
  readonly windowMs: number;
  readonly backgroundMs: number;
  readonly burst: number;
  readonly queryTerms: number;
  readonly specificShare: number;
  readonly specificBurst: number;
}

/**
 * Terms whose use story-cache.ts follows (`terms[id]` 1): `onLive` is called for each document that
 * uses a watched term, or would were it not its outlet's boilerplate.
 */
export interface WatchedTerms {
  readonly terms: Uint8Array;
  readonly onLive: (doc: number, term: number) => void;
}

/** Term-frequency saturation, as in BM25. */
const K1 = 1.2;
/** Below this many articles in its background a document is in a small archive: no common-word cut. */
const MIN_BACKGROUND = 80;

/**
 * The vectors story detection compares (src/archive/find-stories.ts), for documents in time order,
 * with weights that depend only on the documents near each one in time, so that adding an article
 * changes the vectors of the articles of its weeks and of no others:
 *
 * - idf from the document's background (the documents within `backgroundMs`, e.g. a month either
 *   side): a term in more than `maxShare` of them is a common word of the period and dropped;
 * - only terms that another document within `windowMs` also has (only they can link it), weighted
 *   up the more documents of those days use them (`burst` per doubling), so the common words an
 *   event is told in (国会, 爆炸) beat chance bigrams across word boundaries (者冲, 进美);
 * - saturating term frequency plus `titleWeight` for a headline term; no length normalization
 *   (bodies are cut to `bodyChars` anyway, and a global average length would not be local).
 *
 * Cut to each document's `queryTerms` heaviest terms (`selectQueries`); plus each document's
 * headline terms among them.
 */
export function storyVectors(docs: readonly Readonly<Article>[], times: Float64Array, options: StoryVectorOptions, index: StoryTermIndex = indexStoryTerms(docs, options.bodyChars), watch?: WatchedTerms) {
  const count = docs.length;
  const { docStart: rawStart, terms, counts, titled, dfs } = index;
  // Postings (documents in time order) of every term found in two documents or more.
  const postingStart = new Int32Array(dfs.length + 1);
  for (let t = 0; t < dfs.length; t++) postingStart[t + 1] = postingStart[t]! + (dfs[t]! >= 2 ? dfs[t]! : 0);
  const fill = postingStart.slice(0, dfs.length);
  const postingDoc = new Int32Array(postingStart[dfs.length]!);
  for (let d = 0; d < count; d++) {
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) {
      const raw = terms[k]!;
      const term = raw < 0 ? -raw - 1 : raw;
      if (dfs[term]! >= 2) postingDoc[fill[term]!++] = d;
    }
  }

  const docStart = new Int32Array(count + 1);
  const docTerm: number[] = [];
  const docWeight: number[] = [];
  const titleOf: number[] = [];
  const specificOf: number[] = [];
  const allTimes = times;
  // Documents come in time order, so where a term's window and background start and end in its
  // postings only moves forward: a cursor each, instead of four binary searches per (document, term)
  // (8 of the 13 s of stories at 100,000 articles).
  const nearFrom = postingStart.slice(0, dfs.length);
  const nearTo = postingStart.slice(0, dfs.length);
  const bgFromAt = postingStart.slice(0, dfs.length);
  const bgToAt = postingStart.slice(0, dfs.length);
  const advance = (cursor: Int32Array, term: number, from: number, to: number, time: number): number => {
    let at = Math.max(cursor[term]!, from);
    while (at < to && times[postingDoc[at]!]! < time) at++;
    cursor[term] = at;
    return at;
  };
  // The tests above, for a term the document has as boilerplate (the cursors only move forward: asking more never changes an answer).
  const wouldUse = (term: number, t0: number, cut: number): boolean => {
    if (dfs[term]! < 2) return false;
    const from = postingStart[term]!;
    const to = postingStart[term + 1]!;
    const near = advance(nearFrom, term, from, to, t0 - options.windowMs);
    if (advance(nearTo, term, near, to, t0 + options.windowMs + 1) - near < 2) return false;
    const bgFrom = advance(bgFromAt, term, from, near, t0 - options.backgroundMs);
    return advance(bgToAt, term, near, to, t0 + options.backgroundMs + 1) - bgFrom <= cut;
  };
  for (let d = 0; d < count; d++) {
    const t0 = times[d]!;
    const background = countBetween(allTimes, t0 - options.backgroundMs, t0 + options.backgroundMs);
    const cut = background < MIN_BACKGROUND ? Infinity : options.maxShare * background;
    const windowCount = countBetween(allTimes, t0 - options.windowMs, t0 + options.windowMs);
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) {
      const term = terms[k]!;
      if (term < 0 || dfs[term]! < 2) {
        // A watched boilerplate term: would this document use it were it not boilerplate?
        if (watch !== undefined && term < 0 && watch.terms[-term - 1] === 1 && wouldUse(-term - 1, t0, cut)) watch.onLive(d, -term - 1);
        continue; // an outlet's boilerplate, or nobody else's term
      }
      const from = postingStart[term]!;
      const to = postingStart[term + 1]!;
      const near = advance(nearFrom, term, from, to, t0 - options.windowMs);
      const nearby = advance(nearTo, term, near, to, t0 + options.windowMs + 1) - near;
      if (nearby < 2) continue;
      const bgFrom = advance(bgFromAt, term, from, near, t0 - options.backgroundMs);
      const bgDf = advance(bgToAt, term, near, to, t0 + options.backgroundMs + 1) - bgFrom;
      if (bgDf > cut) continue;
      if (watch?.terms[term] === 1) watch.onLive(d, term);
      const idf = Math.log(1 + (background - bgDf + 0.5) / (bgDf + 0.5));
      const tf = counts[k]!;
      const weight = idf * ((tf * (K1 + 1)) / (tf + K1) + options.titleWeight * titled[k]!) * (1 + options.burst * Math.log2(nearby / 2));
      docTerm.push(term);
      docWeight.push(weight);
      titleOf.push(titled[k]!);
      // Specific: rare in the months around (a name, not a word), or several times as frequent in these days as there.
      const share = bgDf / background;
      // (Too few articles around to tell names from words, as for the common-word cut: every term counts.)
      specificOf.push(cut === Infinity || share <= options.specificShare || nearby / windowCount >= options.specificBurst * share ? 1 : 0);
    }
    docStart[d + 1] = docTerm.length;
  }
  const queries = selectQueries(docStart, Int32Array.from(docTerm), Float64Array.from(docWeight), options.queryTerms);
  // Headline terms of each document (among all its kept terms): two reports of one event nearly
  // always share a word of their headlines (休斯敦, 贝鲁特, 任志强).
  const titles: Set<number>[] = [];
  const specific: Set<number>[] = [];
  for (let d = 0; d < count; d++) {
    const set = new Set<number>();
    const rare = new Set<number>();
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      if (titleOf[k] === 1) set.add(docTerm[k]!);
      if (specificOf[k] === 1) rare.add(docTerm[k]!);
    }
    titles.push(set);
    specific.push(rare);
  }
  return { ...queries, titles, specific, bigrams: index.bigrams };
}

/** How many of sorted `times` are in [from, to]. */
function countBetween(times: Float64Array, from: number, to: number): number {
  return firstIndex(0, times.length, (i) => times[i]! <= to) - firstIndex(0, times.length, (i) => times[i]! < from);
}
