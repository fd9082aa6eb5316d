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
  const vectors = docs.map((doc) => termWeights(doc));
  const df = new Map<string, number>();
  for (const vector of vectors) for (const term of vector.keys()) df.set(term, (df.get(term) ?? 0) + 1);

  // Each document as parallel arrays of term ids and weights; postings keep the weight beside the doc.
  const termIds = new Map<string, number>();
  const idfs: number[] = [];
  const docTerms: number[][] = [];
  const docWeights: number[][] = [];
  const postingDocs: number[][] = [];
  const postingWeights: number[][] = [];
  vectors.forEach((vector, index) => {
    const terms: number[] = [];
    const weights: number[] = [];
    for (const [term, weight] of vector) {
      const frequency = df.get(term) ?? 0;
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

  const result = new Map<string, readonly string[]>();
  const scores = new Float64Array(count);
  const touched: number[] = [];
  docs.forEach((doc, self) => {
    const terms = docTerms[self] ?? [];
    const weights = docWeights[self] ?? [];
    const usable = terms
      .map((termId, k) => ({ termId, weight: weights[k] ?? 0, idf: idf[termId] ?? 0 }))
      .sort((a, b) => b.idf - a.idf || a.termId - b.termId)
      .slice(0, termsPerArticle);
    for (const { termId, weight, idf: termIdf } of usable) {
      const factor = weight * termIdf * termIdf;
      const others = postingDocs[termId] ?? [];
      const otherWeights = postingWeights[termId] ?? [];
      for (let p = 0; p < others.length; p++) {
        const other = others[p] ?? self;
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] ?? 0) + factor * (otherWeights[p] ?? 0);
      }
    }
    const ranked: { id: string; score: number }[] = [];
    for (const other of touched) {
      const candidate = docs[other];
      const similarity = (scores[other] ?? 0) / ((norms[self] ?? 1) * (norms[other] ?? 1));
      scores[other] = 0;
      if (!candidate || similarity < minSimilarity) continue;
      const days = Math.abs(doc.publishedAt - candidate.publishedAt) / DAY_MS;
      const closeness = 1 - timeWeight + timeWeight * 2 ** (-days / halfLifeDays);
      const sameTopic = doc.topic.slug === candidate.topic.slug ? 1 + topicBoost : 1;
      ranked.push({ id: candidate.id, score: similarity * closeness * sameTopic });
    }
    touched.length = 0;
    ranked.sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
    result.set(doc.id, ranked.slice(0, limit).map((entry) => entry.id));
  });
  return result;
}

/** Only the start of a long lead is indexed: it bounds the work per article. */
const LEAD_CHARS = 200;

/** Title terms weigh 2, lead terms 1; a term in both keeps the higher weight. */
function termWeights(article: Article): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of extractTerms(article.lead.slice(0, LEAD_CHARS))) weights.set(term, 1);
  for (const term of extractTerms(article.title)) weights.set(term, 2);
  return weights;
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
