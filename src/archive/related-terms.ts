import type { Article } from '../article/article.ts';
import type { FindRelatedOptions } from './find-related.ts';
import { forEachTermKey } from './for-each-term-key.ts';
import { makeTermIds } from './make-term-ids.ts';
import { DocTermTable } from './doc-term-table.ts';
import { textHead, textLength } from './offload-texts.ts';

/**
 * The term side of related articles (src/archive/find-related.ts): each document's terms read once,
 * weighted like BM25, laid out as flat typed arrays (postings in time order, per-document term lists)
 * and cut down to each document's heaviest query terms.
 */

/** BM25 parameters: term-frequency saturation and length normalization. */
const K1 = 1.2;
const B = 0.75;

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

/**
 * Reads each document's terms once. A term in at least half the articles of an outlet (with 10 or
 * more articles) is that outlet's boilerplate ("德国之声中文网", "法新社…日电") and is dropped there.
 */
export function indexTerms(docs: readonly Article[], options: FindRelatedOptions): TermIndex {
  const bodyChars = options.bodyChars ?? 300;
  const ids = makeTermIds();
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
  if (options.earlierOnly) dropOutletBoilerplateAsOfEach(docs, docStart, terms);
  else dropOutletBoilerplate(docs, docStart, terms, termCount);
  return { docStart, terms, counts, titled, lengths, dfs };
}

/** Marks an outlet's boilerplate terms in its documents with -1. */
export function dropOutletBoilerplate(docs: readonly Article[], docStart: Int32Array, terms: Int32Array, termCount: number): void {
  const byOutlet = new Map<string, number[]>();
  docs.forEach((doc, index) => {
    const list = byOutlet.get(doc.outlet.key);
    if (list) list.push(index);
    else byOutlet.set(doc.outlet.key, [index]);
  });
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
function dropOutletBoilerplateAsOfEach(docs: readonly Article[], docStart: Int32Array, terms: Int32Array): void {
  const outlets = new Map<string, { members: number; counts: Map<number, number> }>();
  docs.forEach((doc, d) => {
    let outlet = outlets.get(doc.outlet.key);
    if (!outlet) outlets.set(doc.outlet.key, (outlet = { members: 0, counts: new Map() }));
    outlet.members++;
    const cut = stable(outlet.members) / 2;
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const term = terms[k]!;
      const count = (outlet.counts.get(term) ?? 0) + 1;
      outlet.counts.set(term, count);
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

/**
 * Weights as of each document's own time, for related lists drawn from earlier articles only
 * (`earlierOnly`): document d is weighed with the article count, average length and document
 * frequencies of the documents up to d (in time order), so nothing about a document or its list
 * changes when newer documents arrive. Postings carry the BM25 term-frequency part only; a query
 * multiplies it by its own idf (`docIdf`), so both sides of a dot product use the querying
 * document's idf. The doc side lists the terms useful at its time (2 ≤ df ≤ maxShare of the
 * articles so far); postings hold every term (a rare term may be queried by a later document).
 * Documents `known` to need no list (src/archive/cached-related.ts) get postings and a norm, no doc side.
 */
export function weighTermsAsOfEach(index: TermIndex, count: number, maxShare: number, titleWeight: number, queryTerms: number, known?: (d: number) => boolean) {
  const { docStart: rawStart, terms, counts, titled, lengths, dfs } = index;
  const termCount = dfs.length;
  const runningDf = new Int32Array(termCount);
  const postingCount = new Int32Array(termCount + 1);
  const tfPart = new Float64Array(terms.length);
  const docStart = new Int32Array(count + 1);
  // The doc side is allocated once at its size, counted by a first pass: grown entry by entry as JS
  // arrays (8 bytes an entry, up to half of it spare) and then copied into typed arrays, its three
  // arrays held ~2.5 times their final size at once, inside the 100k build's peak.
  const entries = countDocEntries(index, count, maxShare, runningDf, known);
  runningDf.fill(0);
  const docTerm = new Int32Array(entries);
  const docWeight = new Float64Array(entries);
  const docIdf = new Float64Array(entries);
  let entry = 0;
  // A document's norm counts its terms first seen in it too (they match nothing earlier, so they
  // are no query terms, but they are part of what it is about): else the first article of a story,
  // its story terms new, would have a tiny norm and be everyone's best match.
  const docNorm = new Float64Array(count);
  const own: number[] = [];
  let lengthSum = 0;
  for (let d = 0; d < count; d++) {
    lengthSum += lengths[d]!;
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) if (terms[k]! >= 0) runningDf[terms[k]!]!++;
    const articles = stable(d + 1);
    const maxDf = Math.max(2, Math.floor(articles * maxShare));
    const lengthFactor = K1 * (1 - B + (B * lengths[d]!) / stable(lengthSum / (d + 1) || 1));
    // A document whose list is known (kept from the last build) queries nothing: no query side.
    const skip = known?.(d) === true;
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
    docNorm[d] = Math.sqrt(sum) || 1;
    own.length = 0;
  }
  const postingStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postingStart[t + 1] = postingStart[t]! + postingCount[t + 1]!;
  const fill = postingStart.slice(0, termCount);
  const postingDoc = new Int32Array(postingStart[termCount]!);
  const postingWeight = new Float64Array(postingStart[termCount]!);
  for (let d = 0; d < count; d++) {
    for (let k = rawStart[d]!; k < rawStart[d + 1]!; k++) {
      const term = terms[k]!;
      if (term < 0) continue;
      const at = fill[term]!++;
      postingDoc[at] = d;
      postingWeight[at] = tfPart[k]!;
    }
  }
  return { postingStart, postingDoc, postingWeight, docStart, docTerm, docWeight, docIdf, docNorm };
}

/** How many doc-side entries weighTermsAsOfEach makes: terms with 2 ≤ df ≤ maxDf as of their document, in documents not `known`. */
function countDocEntries(index: TermIndex, count: number, maxShare: number, runningDf: Int32Array, known?: (d: number) => boolean): number {
  const { docStart, terms } = index;
  let entries = 0;
  for (let d = 0; d < count; d++) {
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) if (terms[k]! >= 0) runningDf[terms[k]!]!++;
    if (known?.(d) === true) continue;
    const maxDf = Math.max(2, Math.floor(stable(d + 1) * maxShare));
    for (let k = docStart[d]!; k < docStart[d + 1]!; k++) {
      const term = terms[k]!;
      if (term < 0) continue;
      const df = runningDf[term]!;
      if (df >= 2 && df <= maxDf) entries++;
    }
  }
  return entries;
}
