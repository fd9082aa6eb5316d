import { grown } from '../runtime/grown.ts';
import { TermTable } from './term-table.ts';

/** A term: a CJK bigram as a number (`first * 0x110000 + second`) or a Latin word. */
export type Term = string | number;

/** Receives one term: a CJK bigram as its two code points, a Latin word as a string. */
export type TermVisitor = (key: string | number, second?: number) => void;

/**
 * The terms of one article, visited again each time it is called (a term visited twice counts twice:
 * title terms are visited three times). Cutting again is cheaper than keeping every article's terms.
 */
export type Terms = (visit: TermVisitor) => void;

/**
 * A nearest-centroid (Rocchio) classifier over TF-IDF vectors of terms, trained on articles whose
 * section says their topic. Why this model (and not naive Bayes, which it replaced, or a perceptron or
 * logistic regression), and why written here rather than taken from a package: src/archive/README.md ("Topics").
 */

export interface TopicExample {
  /** Terms of the article (title terms repeated; see topicTerms). */
  readonly terms: Terms;
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
  /** Terms the model knows. */
  readonly vocabulary: number;
  /** Probability of each topic for these terms; undefined when none of them is known to the model. */
  classify(terms: Terms): Float64Array | undefined;
}

/**
 * Learns one centroid per topic. Terms seen in fewer than two examples, or used by fewer than
 * `minOutlets` outlets, are left out. Closed form, no training order: the model is the same whatever
 * the order of `examples`. Lean: terms are integer ids in typed arrays, no example's terms are kept
 * (each is cut again when needed), the model is its vocabulary table and one row of K weights per term.
 */
export function trainTopicModel(examples: readonly TopicExample[], topicCount: number, options: TopicModelOptions = {}): TopicModel {
  const sharpness = options.sharpness ?? 80;
  const K = topicCount;
  const perTopic = new Array<number>(K).fill(0);
  for (const e of examples) perTopic[e.topic]!++;
  const { table, idf } = learnVocabulary(examples, options.minOutlets ?? 2);
  const vectors = new Vectorizer(table, idf);

  // Each topic's centroid: the sum of its examples' vectors (in key order, so the sums are the same
  // bits whatever the input order), scaled to length 1; an article's score for a topic is its cosine.
  const weights = new Float64Array(table.size * K);
  for (const e of [...examples].sort((a, b) => compare(a.key, b.key))) {
    const n = vectors.cut(e.terms);
    for (let i = 0; i < n; i++) weights[vectors.index[i]! * K + e.topic]! += vectors.value[i]!;
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
    vocabulary: table.size,
    classify(terms) {
      const n = vectors.cut(terms);
      if (n === 0) return undefined;
      const p = Float64Array.from(bias);
      for (let i = 0; i < n; i++) {
        const at = vectors.index[i]! * K;
        const v = vectors.value[i]!;
        for (let t = 0; t < K; t++) p[t]! += v * weights[at + t]!;
      }
      let max = -Infinity;
      for (let t = 0; t < K; t++) if (p[t]! > max) max = p[t]!;
      let total = 0;
      for (let t = 0; t < K; t++) total += p[t] = Math.exp(sharpness * (p[t]! - max));
      for (let t = 0; t < K; t++) p[t]! /= total;
      return p;
    },
  };
}

/**
 * The terms worth learning (in 2+ examples and in the examples of `minOutlets` outlets, or of all
 * when there are fewer) with their ids and idf. Examples are visited outlet by outlet, so a new outlet
 * for a term is a change of its last outlet. Its own function, so the counts are garbage once it returns.
 */
function learnVocabulary(examples: readonly TopicExample[], minOutletsGiven: number): { table: TermTable; idf: Float64Array } {
  const outlets = [...new Set(examples.map((e) => e.outlet))].sort();
  const minOutlets = Math.min(minOutletsGiven, outlets.length);
  const outletIds = new Map(outlets.map((o, i) => [o, i + 1]));
  const byOutlet = examples.map((e) => ({ e, o: outletIds.get(e.outlet)! })).sort((a, b) => a.o - b.o || compare(a.e.key, b.e.key));
  const seen = new TermTable(1 << 16);
  // Per term id: examples using it, outlets using it, last example and outlet seen (1-based, 0 = none).
  let stats = new Int32Array(4 << 16);
  byOutlet.forEach(({ e, o }, i) => {
    e.terms((key, second) => {
      const at = seen.add(key, second) * 4;
      if (at >= stats.length) stats = grown(stats, at + 4);
      if (stats[at + 2] === i + 1) return;
      stats[at + 2] = i + 1;
      stats[at]!++;
      if (stats[at + 3] !== o) {
        stats[at + 3] = o;
        stats[at + 1]!++;
      }
    });
  });
  let learnt = 0;
  for (let id = 0; id < seen.size; id++) if (stats[id * 4]! >= 2 && stats[id * 4 + 1]! >= minOutlets) learnt++;
  const table = new TermTable(learnt);
  const idf = new Float64Array(learnt);
  seen.forEach((key, second, id) => {
    const uses = stats[id * 4]!;
    if (uses < 2 || stats[id * 4 + 1]! < minOutlets) return;
    idf[table.add(key, second)] = Math.log((examples.length + 1) / (uses + 1)) + 1;
  });
  return { table, idf };
}

/** Cuts terms into a TF-IDF vector (sublinear tf × idf of the known terms, length 1) in reused arrays. */
class Vectorizer {
  index = new Int32Array(1024);
  value = new Float64Array(1024);
  private readonly counts: Float64Array;

  constructor(
    private readonly table: TermTable,
    private readonly idf: Float64Array,
  ) {
    this.counts = new Float64Array(idf.length);
  }

  /** The vector's length (`index[0, n)`, `value[0, n)`); 0 when no term is known. */
  cut(terms: Terms): number {
    const { table, counts } = this;
    let n = 0;
    terms((key, second) => {
      const j = table.idOf(key, second);
      if (j < 0) return;
      if (counts[j] === 0) {
        if (n === this.index.length) this.grow();
        this.index[n++] = j;
      }
      counts[j]!++;
    });
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const j = this.index[i]!;
      const v = (1 + Math.log(counts[j]!)) * this.idf[j]!;
      counts[j] = 0;
      this.value[i] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) this.value[i]! /= norm;
    return n;
  }

  private grow(): void {
    this.index = grown(this.index);
    this.value = new Float64Array(this.index.length);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
