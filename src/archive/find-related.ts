import type { Article } from '../article/article.ts';

/**
 * Related articles for every article of an archive, from an inverted index (term → postings).
 *
 * Terms come from the title (weight 2) and the lead (weight 1): CJK bigrams for Chinese, lowercase
 * words for Latin script. Terms found in too many articles (document frequency above a cap) are
 * dropped, and each article only looks up its `termsPerArticle` rarest terms, so the work per
 * article is bounded by termsPerArticle × maxPostings whatever the archive size: no all-pairs pass.
 *
 * Score = cosine similarity of the tf-idf vectors × (1 + topicBoost if same topic)
 *         × (1 - timeWeight + timeWeight · 2^(-days apart / halfLifeDays)).
 * Ties are broken by id, and the articles are processed in id order, so the result does not depend
 * on the order of the input.
 */

export interface FindRelatedOptions {
  /** Related ids per article (default 5). */
  readonly limit?: number;
  /** Skip terms found in more articles than this (default: 5% of the archive, between 20 and 400). */
  readonly maxPostings?: number;
  /** Rarest terms of an article used to find candidates (default 24). */
  readonly termsPerArticle?: number;
  /** Minimum cosine similarity before boosts (default 0.12). */
  readonly minSimilarity?: number;
  /** Added factor for a shared topic (default 0.3). */
  readonly topicBoost?: number;
  /** Half-life in days of the time closeness factor (default 30). */
  readonly halfLifeDays?: number;
  /** Share of the score that depends on time closeness, 0–1 (default 0.4). */
  readonly timeWeight?: number;
}

const DAY_MS = 86_400_000;

export function findRelated(
  articles: readonly Article[],
  options: FindRelatedOptions = {},
): ReadonlyMap<string, readonly string[]> {
  const limit = options.limit ?? 5;
  const minSimilarity = options.minSimilarity ?? 0.12;
  const topicBoost = options.topicBoost ?? 0.3;
  const halfLifeDays = options.halfLifeDays ?? 30;
  const timeWeight = options.timeWeight ?? 0.4;
  const termsPerArticle = options.termsPerArticle ?? 24;

  const docs = [...articles].sort((a, b) => compareIds(a.id, b.id));
  const count = docs.length;
  const maxPostings = options.maxPostings ?? Math.max(20, Math.min(400, Math.floor(count * 0.05)));

  // Document frequencies first, so that only useful terms (2 ≤ df ≤ maxPostings) get postings.
  // Terms are numbered as first seen: BMP bigrams through an open-addressing table of int keys,
  // other terms through a Map; an article's terms are de-duplicated with a "last seen in" array,
  // not a Map per article (that garbage cost more than the scoring).
  const ids = makeTermIds();
  const dfs: number[] = [];
  let seenIn = new Int32Array(1024);
  let seenAt = new Int32Array(1024);
  const vectors = docs.map((doc, index) => {
    const terms: number[] = [];
    const weights: number[] = [];
    const add = (id: number, weight: number): void => {
      if (id >= seenIn.length) {
        seenIn = grow(seenIn, id);
        seenAt = grow(seenAt, id);
      }
      if (seenIn[id] === index + 1) {
        weights[seenAt[id]!] = weight;
        return;
      }
      seenIn[id] = index + 1;
      seenAt[id] = terms.length;
      terms.push(id);
      weights.push(weight);
      if (id === dfs.length) dfs.push(0);
      dfs[id]! += 1;
    };
    // Title terms weigh 2, lead terms 1; a term in both keeps the higher weight (lead first, as extractTerms orders them).
    forEachTermKey(doc.lead.slice(0, LEAD_CHARS), (key, second) => add(ids(key, second), 1));
    forEachTermKey(doc.title, (key, second) => add(ids(key, second), 2));
    return { terms, weights };
  });

  // Each document as parallel arrays of term ids and weights; postings keep the weight beside the doc.
  const termIds = new Map<number, number>();
  const idfs: number[] = [];
  const docTerms: number[][] = [];
  const docWeights: number[][] = [];
  const postingDocs: number[][] = [];
  const postingWeights: number[][] = [];
  vectors.forEach((vector, index) => {
    const terms: number[] = [];
    const weights: number[] = [];
    for (let k = 0; k < vector.terms.length; k++) {
      const term = vector.terms[k]!;
      const weight = vector.weights[k]!;
      const frequency = dfs[term] ?? 0;
      if (frequency < 2 || frequency > maxPostings) continue;
      let termId = termIds.get(term);
      if (termId === undefined) {
        termId = postingDocs.length;
        termIds.set(term, termId);
        idfs.push(Math.log(count / frequency));
        postingDocs.push([]);
        postingWeights.push([]);
      }
      terms.push(termId);
      weights.push(weight);
      postingDocs[termId]?.push(index);
      postingWeights[termId]?.push(weight);
    }
    docTerms.push(terms);
    docWeights.push(weights);
  });
  const idf = Float64Array.from(idfs);
  const norms = docTerms.map((terms, index) => {
    let sum = 0;
    terms.forEach((termId, k) => (sum += ((docWeights[index]?.[k] ?? 0) * (idf[termId] ?? 0)) ** 2));
    return Math.sqrt(sum) || 1;
  });

  // Postings as flat typed arrays: fewer objects, tighter loops.
  const postingDocsFlat = postingDocs.map((list) => Int32Array.from(list));
  const postingWeightsFlat = postingWeights.map((list) => Float64Array.from(list));
  const topics = docs.map((doc) => doc.topic.slug);
  const times = Float64Array.from(docs, (doc) => doc.publishedAt);

  const result = new Map<string, readonly string[]>();
  const scores = new Float64Array(count);
  const touched = new Int32Array(count);
  // The best `limit` candidates, kept sorted (score desc, then id asc): a full sort of every
  // candidate cost most of the time with thousands of candidates an article.
  const bestIndex = new Int32Array(limit);
  const bestScore = new Float64Array(limit);
  const maxBoost = Math.max(1, 1 + topicBoost) * Math.max(1, 1 - timeWeight);
  docs.forEach((doc, self) => {
    const terms = docTerms[self] ?? [];
    const weights = docWeights[self] ?? [];
    const usable = terms
      .map((termId, k) => ({ termId, weight: weights[k] ?? 0, idf: idf[termId] ?? 0 }))
      .sort((a, b) => b.idf - a.idf || a.termId - b.termId)
      .slice(0, termsPerArticle);
    let touchedCount = 0;
    for (const { termId, weight, idf: termIdf } of usable) {
      const factor = weight * termIdf * termIdf;
      const others = postingDocsFlat[termId]!;
      const otherWeights = postingWeightsFlat[termId]!;
      for (let p = 0; p < others.length; p++) {
        const other = others[p]!;
        if (other === self) continue;
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other] = scores[other]! + factor * otherWeights[p]!;
      }
    }
    const selfNorm = norms[self] ?? 1;
    const selfTopic = topics[self];
    const selfTime = times[self]!;
    let found = 0;
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      const similarity = scores[other]! / (selfNorm * (norms[other] ?? 1));
      scores[other] = 0;
      if (similarity < minSimilarity) continue;
      // Boosts only multiply by at most maxBoost: skip a candidate that could not enter a full list.
      if (found === limit && similarity * maxBoost < bestScore[limit - 1]!) continue;
      const days = Math.abs(selfTime - times[other]!) / DAY_MS;
      const closeness = 1 - timeWeight + timeWeight * 2 ** (-days / halfLifeDays);
      const score = similarity * closeness * (selfTopic === topics[other] ? 1 + topicBoost : 1);
      // Insert into the sorted best list when it beats the last kept one (ties: smaller id first).
      let at = found;
      while (at > 0 && before(score, other, bestScore[at - 1]!, bestIndex[at - 1]!)) at--;
      if (at >= limit) continue;
      for (let k = Math.min(found, limit - 1); k > at; k--) {
        bestScore[k] = bestScore[k - 1]!;
        bestIndex[k] = bestIndex[k - 1]!;
      }
      bestScore[at] = score;
      bestIndex[at] = other;
      if (found < limit) found++;
    }
    const ids: string[] = [];
    for (let k = 0; k < found; k++) ids.push(docs[bestIndex[k]!]!.id);
    result.set(doc.id, ids);
  });
  return result;

  /** Does candidate (score, index) rank before (otherScore, otherIndex)? Docs are in id order, so index order is id order. */
  function before(score: number, index: number, otherScore: number, otherIndex: number): boolean {
    return score > otherScore || (score === otherScore && index < otherIndex);
  }
}

/** Only the start of a long lead is indexed: it bounds the work per article. */
const LEAD_CHARS = 200;

/**
 * Numbers terms as first seen: `ids(first, second)` for a CJK bigram (code points), `ids(key)` for
 * any other term. BMP bigrams (nearly all of them) go through an open-addressing table of int32 keys.
 */
function makeTermIds(): (key: string | number, second?: number) => number {
  const other = new Map<string | number, number>();
  let next = 0;
  let mask = (1 << 14) - 1;
  let keys = new Int32Array(mask + 1);
  let values = new Int32Array(mask + 1).fill(-1);
  let size = 0;
  const slot = (key: number): number => {
    let i = Math.imul(key, 0x9e3779b1) & mask;
    while (values[i] !== -1 && keys[i] !== key) i = (i + 1) & mask;
    return i;
  };
  const rehash = (): void => {
    const oldKeys = keys;
    const oldValues = values;
    mask = mask * 2 + 1;
    keys = new Int32Array(mask + 1);
    values = new Int32Array(mask + 1).fill(-1);
    for (let i = 0; i < oldValues.length; i++) {
      if (oldValues[i] === -1) continue;
      const j = slot(oldKeys[i]!);
      keys[j] = oldKeys[i]!;
      values[j] = oldValues[i]!;
    }
  };
  return (key, second = -1) => {
    if (second >= 0 && (key as number) <= 0xffff && second <= 0xffff) {
      const packed = ((key as number) << 16) | second;
      let i = slot(packed);
      if (values[i] === -1) {
        if ((size + 1) * 2 > mask) {
          rehash();
          i = slot(packed);
        }
        keys[i] = packed;
        values[i] = next++;
        size++;
      }
      return values[i]!;
    }
    const mapKey = second >= 0 ? `${key}:${second}` : key;
    let id = other.get(mapKey);
    if (id === undefined) other.set(mapKey, (id = next++));
    return id;
  };
}

function grow(array: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(array.length * 2, index + 1));
  bigger.set(array);
  return bigger;
}

/**
 * The terms of `extractTerms`, in the same order (repeats included), as keys: a CJK bigram is its two
 * code points (`visit(first, second)`), a lone CJK character its code point, a Latin word the
 * lowercase string.
 */
function forEachTermKey(text: string, visit: (key: string | number, second?: number) => void): void {
  const words: [number, number][] = [];
  let previous = -1; // last code point of the current CJK run
  let runLength = 0;
  let wordStart = -1;
  let wordChars = 0;
  const endRun = (): void => {
    if (runLength === 1) visit(previous);
    previous = -1;
    runLength = 0;
  };
  const endWord = (at: number): void => {
    if (wordChars >= 2) words.push([wordStart, at]);
    wordStart = -1;
    wordChars = 0;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const kind = classOf(code);
    if (kind === CJK) {
      endWord(i);
      if (previous >= 0) visit(previous, code);
      previous = code;
      runLength++;
    } else {
      endRun();
      if (kind === WORD) {
        if (wordStart < 0) wordStart = i;
        wordChars++;
      } else endWord(i);
    }
    i += width;
  }
  endRun();
  endWord(text.length);
  for (const [from, to] of words) visit(text.slice(from, to).toLowerCase());
}

const OTHER = 0;
const CJK = 1;
const WORD = 2;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Class of every BMP code point, from the same Unicode properties as CJK_RUN and LATIN_WORD. */
let bmpClasses: Uint8Array | undefined;

function classOf(code: number): number {
  if (code > 0xffff) return slowClassOf(code);
  if (bmpClasses === undefined) {
    bmpClasses = new Uint8Array(0x10000);
    for (let c = 0; c <= 0xffff; c++) bmpClasses[c] = c >= 0xd800 && c <= 0xdfff ? OTHER : slowClassOf(c);
  }
  return bmpClasses[code]!;
}

function slowClassOf(code: number): number {
  const char = String.fromCodePoint(code);
  return CJK_CHAR.test(char) ? CJK : WORD_CHAR.test(char) ? WORD : OTHER;
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const LATIN_WORD = /[\p{L}\p{N}]{2,}/gu;

/** CJK bigrams (a lone CJK character counts as itself) and lowercase Latin words of 2+ letters. */
export function extractTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const [run] of text.matchAll(CJK_RUN)) {
    const chars = [...run];
    if (chars.length === 1) terms.add(run);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(`${chars[i]}${chars[i + 1]}`);
  }
  for (const [word] of text.replace(CJK_RUN, ' ').matchAll(LATIN_WORD)) {
    terms.add(word.toLowerCase());
  }
  return terms;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
