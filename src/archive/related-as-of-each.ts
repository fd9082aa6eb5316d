import { B, K1, stable, type TermIndex } from './related-terms.ts';

/**
 * What weighing as of each document leaves after the last one (`earlierOnly`): all a newer document's
 * weights and candidates depend on. A build goes on from it with the newer documents alone
 * (src/archive/cached-related.ts keeps it between builds); a clean build starts from `NO_TERMS`.
 */
export interface RunningTerms {
  /** Documents weighed: the first `count` in time order. */
  readonly count: number;
  /** Their BM25 lengths summed. */
  readonly lengthSum: number;
  /** Per term id, the documents holding it (not as outlet boilerplate). */
  readonly df: Int32Array;
  /**
   * Per term id, its postings in time order: document and BM25 term-frequency part. Kept between
   * builds, only each term's last `maxScan`: all that a newer document scans.
   */
  readonly postingStart: Int32Array;
  readonly postingDoc: Int32Array;
  readonly postingWeight: Float64Array;
  /** Per document, the norm its similarities are divided by. */
  readonly docNorm: Float64Array;
}

export const NO_TERMS: RunningTerms = {
  count: 0,
  lengthSum: 0,
  df: new Int32Array(0),
  postingStart: new Int32Array(1),
  postingDoc: new Int32Array(0),
  postingWeight: new Float64Array(0),
  docNorm: new Float64Array(0),
};

/**
 * Weights as of each document's own time, for related lists drawn from earlier articles only
 * (`earlierOnly`): document d is weighed with the article count, average length and document
 * frequencies of the documents up to d (in time order), so nothing about a document or its list
 * changes when newer documents arrive. Postings carry the BM25 term-frequency part only; a query
 * multiplies it by its own idf (`docIdf`), so both sides of a dot product use the querying
 * document's idf. The doc side lists the terms useful at its time (2 ≤ df ≤ maxShare of the
 * articles so far); postings hold every term (a rare term may be queried by a later document).
 * Documents `known` to need no list (src/archive/cached-related.ts) get postings and a norm, no doc side.
 *
 * `index` holds the documents after those of `from` (numbered from 0; as documents they are
 * `from.count` on): the same operations in the same order as weighing them all at once, so the
 * weights are the same to the bit. The result is the new running state (postings: `from`'s, then
 * the new ones, per term) with the doc side of the new documents (numbered from 0).
 */
export function weighTermsAsOfEach(index: TermIndex, termCount: number, from: RunningTerms, maxShare: number, titleWeight: number, queryTerms: number, known?: (d: number) => boolean) {
  const { docStart: rawStart, terms, counts, titled, lengths } = index;
  const first = from.count;
  const count = rawStart.length - 1;
  const runningDf = new Int32Array(termCount);
  const postingCount = new Int32Array(termCount + 1);
  const keptTerms = from.postingStart.length - 1;
  for (let t = 0; t < keptTerms; t++) postingCount[t + 1] = from.postingStart[t + 1]! - from.postingStart[t]!;
  const tfPart = new Float64Array(terms.length);
  const docStart = new Int32Array(count + 1);
  // The doc side is allocated once at its size, counted by a first pass: grown entry by entry as JS
  // arrays (8 bytes an entry, up to half of it spare) and then copied into typed arrays, its three
  // arrays held ~2.5 times their final size at once, inside the 100k build's peak.
  runningDf.set(from.df);
  const entries = countDocEntries(index, first, maxShare, runningDf, known);
  runningDf.fill(0);
  runningDf.set(from.df);
  const docTerm = new Int32Array(entries);
  const docWeight = new Float64Array(entries);
  const docIdf = new Float64Array(entries);
  let entry = 0;
  // A document's norm counts its terms first seen in it too (they match nothing earlier, so they
  // are no query terms, but they are part of what it is about): else the first article of a story,
  // its story terms new, would have a tiny norm and be everyone's best match.
  const docNorm = new Float64Array(first + count);
  docNorm.set(from.docNorm);
  const own: number[] = [];
  let lengthSum = from.lengthSum;
  for (let d = 0; d < count; d++) {
    const at = first + d;
    lengthSum += lengths[d]!;
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) if (terms[k]! >= 0) runningDf[terms[k]!]!++;
    const articles = stable(at + 1);
    const maxDf = Math.max(2, Math.floor(articles * maxShare));
    const lengthFactor = K1 * (1 - B + (B * lengths[d]!) / stable(lengthSum / (at + 1) || 1));
    // A document whose list is known (kept from the last build) queries nothing: no query side.
    const skip = known?.(at) === true;
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) {
      const term = terms[k]!;
      if (term < 0) continue;
      const tf = counts[k]!;
      tfPart[k] = (tf * (K1 + 1)) / (tf + lengthFactor) + titleWeight * titled[k]!;
      postingCount[term + 1]!++;
      const df = runningDf[term]!;
      if (df > maxDf) continue;
      const share = stable(df);
      const idf = Math.log(1 + Math.max(0.5, articles - share + 0.5) / (share + 0.5));
      own.push(idf * tfPart[k]!);
      if (df < 2 || skip) continue;
      docTerm[entry] = term;
      docWeight[entry] = idf * tfPart[k]!;
      docIdf[entry] = idf;
      entry++;
    }
    docStart[d + 1] = entry;
    own.sort((a, b) => b - a);
    let sum = 0;
    for (let q = 0; q < Math.min(queryTerms, own.length); q++) sum += own[q]! ** 2;
    docNorm[at] = Math.sqrt(sum) || 1;
    own.length = 0;
  }
  const postingStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = postingStart[t]! + postingCount[t + 1]!;
  const fill = postingStart.slice(0, termCount);
  const postingDoc = new Int32Array(postingStart[termCount]!);
  const postingWeight = new Float64Array(postingStart[termCount]!);
  // Kept postings are older than every new one: first in each term's list.
  for (let t = 0; t < keptTerms; t++) {
    for (let p = from.postingStart[t]!; p < from.postingStart[t + 1]!; p++) {
      const at = fill[t]!++;
      postingDoc[at] = from.postingDoc[p]!;
      postingWeight[at] = from.postingWeight[p]!;
    }
  }
  for (let d = 0; d < count; d++) {
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) {
      const term = terms[k]!;
      if (term < 0) continue;
      const at = fill[term]!++;
      postingDoc[at] = first + d;
      postingWeight[at] = tfPart[k]!;
    }
  }
  const running: RunningTerms = { count: first + count, lengthSum, df: runningDf, postingStart, postingDoc, postingWeight, docNorm };
  return { running, docStart, docTerm, docWeight, docIdf };
}

/** How many doc-side entries weighTermsAsOfEach makes: terms with 2 ≤ df ≤ maxDf as of their document, in documents not `known`. */
function countDocEntries(index: TermIndex, first: number, maxShare: number, runningDf: Int32Array, known?: (d: number) => boolean): number {
  const { docStart, terms } = index;
  const count = docStart.length - 1;
  let entries = 0;
  for (let d = 0; d < count; d++) {
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) if (terms[k]! >= 0) runningDf[terms[k]!]!++;
    if (known?.(first + d) === true) continue;
    const maxDf = Math.max(2, Math.floor(stable(first + d + 1) * maxShare));
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const term = terms[k]!;
      if (term < 0) continue;
      const df = runningDf[term]!;
      if (df >= 2 && df <= maxDf) entries++;
    }
  }
  return entries;
}
