import type { Article } from '../article/article.ts';
import type { FindRelatedOptions } from './find-related.ts';
import { forEachTermKey } from './for-each-term-key.ts';
import { makeTermIds, type TermIds } from './make-term-ids.ts';
import { DocTermTable } from './doc-term-table.ts';
import { textHead, textLength } from './offload-texts.ts';
import { OutletCounts } from './related-outlet-counts.ts';
import { outletMembers } from './outlet-members.ts';

/**
 * The term side of related articles (src/archive/find-related.ts): each document's terms read once,
 * weighted like BM25, laid out as flat typed arrays (postings in time order, per-document term lists)
 * and cut down to each document's heaviest query terms.
 */

/** BM25 parameters: term-frequency saturation and length normalization. */
export const K1 = 1.2;
export const B = 0.75;

export interface TermIndex {
  /** Per document, its distinct terms [docStart[d], docStart[d + 1]) with their weighted counts. */
  readonly docStart: Int32Array;
  readonly terms: Int32Array;
  readonly counts: Int32Array;
  /** 1 where the term is in the title. */
  readonly titled: Uint8Array;
  /** Weighted term count of each document (its BM25 length). */
  readonly lengths: Float64Array;
  /** Documents containing each term (before any cut). */
  readonly dfs: Int32Array;
}

/** Where indexing starts (`earlierOnly`): the term ids and outlet counts of the documents before `docs`, updated in place. */
export interface IndexStart {
  readonly ids: TermIds;
  readonly outlets: Map<string, OutletCounts>;
}

/**
 * Reads each document's terms once. A term in at least half the articles of an outlet (with 10 or
 * more articles) is that outlet's boilerplate ("德国之声中文网", "法新社…日电") and is dropped there.
 * With `earlierOnly`, `start` holds the ids and outlet counts of the documents before these (a kept
 * index: src/archive/cached-related.ts), which go on counting; by default there are none.
 */
export function indexTerms(docs: readonly Article[], options: FindRelatedOptions, start: IndexStart = { ids: makeTermIds(), outlets: new Map() }): TermIndex {
  const bodyChars = options.bodyChars ?? 300;
  const { ids } = start;
  // A first guess the table grows past: distinct terms are ~0.55 of the title and body characters read
  // (bigrams repeat; a Latin word is one term). Sized for every character it was 3.3 times too big:
  // 540 MB of the build's peak at 100,000 articles.
  let capacity = 16;
  for (const doc of docs) capacity += Math.ceil(0.6 * (doc.title.length + Math.min(bodyChars, textLength(doc))));
  const table = new DocTermTable(docs.length, capacity);
  const inTitle = (key: string | number, second?: number): void => table.add(ids(key, second), 1);
  const inBody = (key: string | number, second?: number): void => table.add(ids(key, second), 0);
  docs.forEach((doc, index) => {
    table.open(index);
    forEachTermKey(doc.title, inTitle);
    // Only the start is read from the text store (src/archive/offload-texts.ts).
    const body = textHead(doc, bodyChars);
    // The lead is normally the first paragraph of the text; index it apart only when it is not.
    if (!body.includes(doc.lead.slice(0, 40))) forEachTermKey(doc.lead.slice(0, bodyChars), inBody);
    forEachTermKey(body, inBody);
    table.close(index);
  });
  const { docStart, terms, counts, titled, lengths, dfs, termCount } = table.finish();
  if (options.earlierOnly) dropOutletBoilerplateAsOfEach(docs, docStart, terms, start.outlets);
  else dropOutletBoilerplate(docs, docStart, terms, termCount);
  return { docStart, terms, counts, titled, lengths, dfs };
}

/** Marks an outlet's boilerplate terms in its documents with -1. */
export function dropOutletBoilerplate(docs: readonly Article[], docStart: Int32Array, terms: Int32Array, termCount: number): void {
  const byOutlet = outletMembers(docs);
  const inOutlet = new Int32Array(termCount);
  for (const members of byOutlet.values()) {
    if (members.length < 10) continue;
    for (const d of members) for (let k = docStart[d]!; k < docStart[d + 1]!; k++) inOutlet[terms[k]!]!++;
    const cut = stable(members.length) / 2;
    for (const d of members) for (let k = docStart[d]!; k < docStart[d + 1]!; k++) if (inOutlet[terms[k]!]! >= cut) terms[k] = -terms[k]! - 1;
    for (const d of members) for (let k = docStart[d]!; k < docStart[d + 1]!; k++) inOutlet[terms[k]! < 0 ? -terms[k]! - 1 : terms[k]!] = 0;
  }
}

/**
 * The same, as of each document's time (documents in time order, for `earlierOnly`): a term is
 * boilerplate in a document when it is in at least half of its outlet's documents up to it, so
 * newer documents never change an older one's terms.
 */
function dropOutletBoilerplateAsOfEach(docs: readonly Article[], docStart: Int32Array, terms: Int32Array, outlets: Map<string, OutletCounts>): void {
  docs.forEach((doc, d) => {
    let outlet = outlets.get(doc.outlet.key);
    if (!outlet) outlets.set(doc.outlet.key, (outlet = new OutletCounts()));
    outlet.members++;
    const cut = stable(outlet.members) / 2;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const term = terms[k]!;
      const count = outlet.add(term);
      if (outlet.members >= 10 && count >= cut) terms[k] = -term - 1;
    }
  });
}

/** BM25-like weights of the useful terms (2 ≤ df ≤ maxDf, not boilerplate), and postings. */
export function weighTerms(index: TermIndex, count: number, maxDf: number, titleWeight: number) {
  const { docStart: rawStart, terms, counts, titled, lengths, dfs } = index;
  // Archive-wide figures (article count, average length, each term's df) enter every weight; taken
  // on a coarse log scale, one added article leaves nearly all of them as they were, so it changes
  // only the related lists it belongs in, not ~75 others by a hair (bench/related-churn.ts).
  const averageLength = stable(lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, count) || 1);
  const articles = stable(count);
  // Useful terms renumbered densely; idf as in BM25.
  const dense = new Int32Array(dfs.length).fill(-1);
  const idf: number[] = [];
  for (let term = 0; term < dfs.length; term++) {
    const df = dfs[term]!;
    if (df < 2 || df > maxDf) continue;
    dense[term] = idf.length;
    const share = stable(df);
    idf.push(Math.log(1 + Math.max(0.5, articles - share + 0.5) / (share + 0.5)));
  }
  const docStart = new Int32Array(count + 1);
  const docTerm: number[] = [];
  const docWeight: number[] = [];
  const postingCount = new Int32Array(idf.length + 1);
  for (let d = 0; d < count; d++) {
    const lengthFactor = K1 * (1 - B + (B * lengths[d]!) / averageLength);
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) {
      const raw = terms[k]!;
      const term = raw < 0 ? -1 : dense[raw]!;
      if (term < 0) continue;
      const tf = counts[k]!;
      const weight = idf[term]! * ((tf * (K1 + 1)) / (tf + lengthFactor) + titleWeight * titled[k]!);
      docTerm.push(term);
      docWeight.push(weight);
      postingCount[term + 1]!++;
    }
    docStart[d + 1] = docTerm.length;
  }
  const postingStart = new Int32Array(idf.length + 1);
  for (let t = 0; t < idf.length; t++) postingStart[t + 1] = postingStart[t]! + postingCount[t + 1]!;
  const fill = postingStart.slice(0, idf.length);
  const postingDoc = new Int32Array(docTerm.length);
  const postingWeight = new Float64Array(docTerm.length);
  for (let d = 0; d < count; d++) {
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const at = fill[docTerm[k]!]!++;
      postingDoc[at] = d;
      postingWeight[at] = docWeight[k]!;
    }
  }
  return { postingStart, postingDoc, postingWeight, docStart, docTerm: Int32Array.from(docTerm), docWeight: Float64Array.from(docWeight) };
}

/**
 * The `size` heaviest terms of each document (ties: the first seen), and the norm of that short
 * vector. Similarity is measured against these norms: the long tail of light terms would otherwise
 * dilute every cosine, the more so the longer the indexed text.
 */
export function selectQueries(docStart: Int32Array, docTerm: Int32Array, docWeight: Float64Array, size: number, docIdf?: Float64Array) {
  const count = docStart.length - 1;
  const queryStart = new Int32Array(count + 1);
  const queryTerm = new Int32Array(count * size);
  const queryWeight = new Float64Array(count * size);
  /** With `docIdf` (weighTermsAsOfEach): what a query term multiplies a posting by, its weight × its idf; else its weight. */
  const queryScale = new Float64Array(count * size);
  const queryNorm = new Float64Array(count);
  let end = 0;
  for (let d = 0; d < count; d++) {
    const base = end;
    let kept = 0;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const weight = docWeight[k]!;
      if (kept === size && weight <= queryWeight[base + kept - 1]!) continue;
      let at = base + Math.min(kept, size - 1);
      while (at > base && weight > queryWeight[at - 1]!) {
        queryWeight[at] = queryWeight[at - 1]!;
        queryTerm[at] = queryTerm[at - 1]!;
        queryScale[at] = queryScale[at - 1]!;
        at--;
      }
      queryWeight[at] = weight;
      queryTerm[at] = docTerm[k]!;
      queryScale[at] = docIdf === undefined ? weight : weight * docIdf[k]!;
      if (kept < size) kept++;
    }
    end = base + kept;
    queryStart[d + 1] = end;
    let sum = 0;
    for (let q = base; q < end; q++) sum += queryWeight[q]! ** 2;
    queryNorm[d] = Math.sqrt(sum) || 1;
  }
  return { queryStart, queryTerm, queryWeight, queryScale, queryNorm };
}

/** Steps per doubling of the scale archive-wide figures are rounded to (`stable`). */
const STEPS_PER_OCTAVE = 8;

/** `x` rounded to the nearest of 2^(k/8): within ±4.5 %, and unchanged by most small changes of `x`. */
export function stable(x: number): number {
  return x <= 1 ? x : 2 ** (Math.round(Math.log2(x) * STEPS_PER_OCTAVE) / STEPS_PER_OCTAVE);
}
