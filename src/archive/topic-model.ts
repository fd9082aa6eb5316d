/** A term: a CJK bigram as a number (see topicTerms in place-topics.ts) or a Latin word. */
export type Term = string | number;

/**
 * A nearest-centroid (Rocchio) classifier over TF-IDF vectors of terms, trained on the articles whose
 * section says their topic. Why this model (and not naive Bayes, which it replaced, or a perceptron or
 * logistic regression), and why written here rather than taken from a package: src/archive/README.md ("Topics").
 */

export interface TopicExample {
  /** Terms of the article (title terms repeated; see topicTerms). */
  readonly words: readonly Term[];
  /** Index of its topic. */
  readonly topic: number;
  /** Its outlet: a word only one or two outlets use is their house style and is not learnt. */
  readonly outlet: string;
  /** A stable, unique key (the article id): it fixes the summing order, whatever the input order. */
  readonly key: string;
}

export interface TopicModelOptions {
  /**
   * Scores become probabilities by a softmax of `sharpness × score` (default 80): chosen so that the
   * probability of the topic given roughly matches how often it is right (eval/topics.ts prints both).
   */
  readonly sharpness?: number;
  /**
   * A term is learnt only when the examples of at least this many outlets use it (default 2; 3 measured
   * 2 points worse with this model): words of one outlet's house style ("法新社", "德国之声") would otherwise carry
   * that outlet's section mix over to every article written like it.
   */
  readonly minOutlets?: number;
}

export interface TopicModel {
  readonly topicCount: number;
  /** Examples learnt per topic. */
  readonly examples: readonly number[];
  /** Probability of each topic for these words; undefined when none of them is known to the model. */
  classify(words: readonly Term[]): Float64Array | undefined;
}

interface Vector {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/**
 * Learns one centroid per topic. Words seen in fewer than two examples, or used by fewer than
 * `minOutlets` outlets, are left out. Closed form, no training order: the model is the same whatever
 * the order of `examples`, and one example more moves each centroid by a little (eval/topics.ts
 * --stability; an averaged perceptron, 1 point more accurate, moved 50 times as many articles).
 */
export function trainTopicModel(examples: readonly TopicExample[], topicCount: number, options: TopicModelOptions = {}): TopicModel {
  const sharpness = options.sharpness ?? 80;
  // An archive of fewer outlets asks for all of them.
  const minOutlets = Math.min(options.minOutlets ?? 2, new Set(examples.map((e) => e.outlet)).size);
  const K = topicCount;
  const perTopic = new Array<number>(K).fill(0);
  // Per word: [examples using it, outlets using it, last example seen, last outlet seen]; examples are
  // visited outlet by outlet, so a new outlet for a word is a change of its last outlet.
  const outletIds = new Map([...new Set(examples.map((e) => e.outlet))].sort().map((o, i) => [o, i]));
  const byOutlet = examples.map((e, i) => ({ e, i, o: outletIds.get(e.outlet)! })).sort((a, b) => a.o - b.o || (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0));
  const slot = new Map<Term, number>();
  const uses: number[] = [];
  const outletUses: number[] = [];
  const lastExample: number[] = [];
  const lastOutlet: number[] = [];
  for (const { e, i, o } of byOutlet) {
    perTopic[e.topic]!++;
    for (const word of e.words) {
      let at = slot.get(word);
      if (at === undefined) {
        slot.set(word, (at = uses.length));
        uses.push(0);
        outletUses.push(0);
        lastExample.push(-1);
        lastOutlet.push(-1);
      }
      if (lastExample[at] === i) continue;
      lastExample[at] = i;
      uses[at]!++;
      if (lastOutlet[at] !== o) {
        lastOutlet[at] = o;
        outletUses[at]!++;
      }
    }
  }
  const column = new Map<Term, number>();
  const idfs: number[] = [];
  for (const [word, at] of slot) {
    if (uses[at]! < 2 || outletUses[at]! < minOutlets) continue;
    column.set(word, idfs.length);
    idfs.push(Math.log((examples.length + 1) / (uses[at]! + 1)) + 1);
  }
  const idf = Float64Array.from(idfs);
  const scratch = new Float64Array(idf.length);
  // The same words array (a sectioned article's) is trained on and then classified: cut it once.
  const vectors = new WeakMap<readonly Term[], Vector | undefined>();
  const vectorOf = (words: readonly Term[]): Vector | undefined => {
    if (vectors.has(words)) return vectors.get(words);
    const vector = tfIdf(words, column, idf, scratch);
    vectors.set(words, vector);
    return vector;
  };

  // Each topic's centroid: the sum of its examples' vectors (in key order, so the sums are the same
  // bits whatever the input order), scaled to length 1; an article's score for a topic is its cosine.
  const weights = new Float64Array(column.size * K);
  const ordered = examples.map((e) => ({ e })).sort((a, b) => (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0));
  for (const { e } of ordered) {
    const vector = vectorOf(e.words);
    if (vector === undefined) continue;
    for (let i = 0; i < vector.index.length; i++) weights[vector.index[i]! * K + e.topic]! += vector.value[i]!;
  }
  const norms = new Float64Array(K);
  for (let i = 0; i < weights.length; i++) norms[i % K]! += weights[i]! * weights[i]!;
  for (let i = 0; i < weights.length; i++) if (norms[i % K]! > 0) weights[i]! /= Math.sqrt(norms[i % K]!);
  // A topic without examples can never be given.
  const bias = new Float64Array(K);
  for (let t = 0; t < K; t++) if (perTopic[t] === 0) bias[t] = -Infinity;

  return {
    topicCount,
    examples: perTopic,
    classify(words) {
      const vector = vectorOf(words);
      if (vector === undefined) return undefined;
      const p = score(vector, weights, bias, K);
      let max = -Infinity;
      for (let t = 0; t < K; t++) if (p[t]! > max) max = p[t]!;
      let total = 0;
      for (let t = 0; t < K; t++) total += p[t] = Math.exp(sharpness * (p[t]! - max));
      for (let t = 0; t < K; t++) p[t]! /= total;
      return p;
    },
  };
}

/** Sublinear term frequency × idf of the known terms, scaled to length 1; undefined when none is known. */
function tfIdf(words: readonly Term[], column: ReadonlyMap<Term, number>, idf: Float64Array, counts: Float64Array): Vector | undefined {
  const touched: number[] = [];
  for (const word of words) {
    const j = column.get(word);
    if (j === undefined) continue;
    if (counts[j] === 0) touched.push(j);
    counts[j]!++;
  }
  if (touched.length === 0) return undefined;
  const index = Int32Array.from(touched).sort();
  const value = new Float64Array(index.length);
  let norm = 0;
  for (let i = 0; i < index.length; i++) {
    const j = index[i]!;
    const v = (1 + Math.log(counts[j]!)) * idf[j]!;
    counts[j] = 0;
    value[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < value.length; i++) value[i]! /= norm;
  return { index, value };
}

function score({ index, value }: Vector, weights: Float64Array, bias: Float64Array, K: number): Float64Array {
  const scores = Float64Array.from(bias);
  for (let i = 0; i < index.length; i++) {
    const at = index[i]! * K;
    const v = value[i]!;
    for (let t = 0; t < K; t++) scores[t]! += v * weights[at + t]!;
  }
  return scores;
}
