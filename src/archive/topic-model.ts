import { grown } from '../runtime/grown.ts';
import { learnVocabulary } from './learn-vocabulary.ts';
import type { TermTable } from './term-table.ts';
import { trainSvm, type SvmOptions } from './train-svm.ts';

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
 * A linear support vector machine per topic (one topic against the rest) over TF-IDF vectors of terms,
 * trained by stochastic gradient descent (Pegasos) on articles whose section says their topic. Why this
 * model (and not the nearest-centroid one it replaced, naive Bayes or logistic regression), and why
 * written here rather than taken from a package: src/archive/README.md ("Topics").
 */

export interface TopicExample {
  /** Terms of the article (title terms repeated; see topicTerms). */
  readonly terms: Terms;
  /** Index of its topic. */
  readonly topic: number;
  /** Its outlet: a word only one or two outlets use is their house style and is not learnt. */
  readonly outlet: string;
  /** A stable, unique key (the article id): it fixes the training order, whatever the input order. */
  readonly key: string;
}

export interface TopicModelOptions extends SvmOptions {
  /**
   * Scores become probabilities by a softmax of `sharpness × score` (default SHARPNESS): chosen so that the
   * probability of the topic given roughly matches how often it is right (eval/topics.ts prints both).
   */
  readonly sharpness?: number;
  /**
   * A term is learnt only when the examples of at least this many outlets use it (default 2): words of
   * one outlet's house style ("法新社", "德国之声") would otherwise carry that outlet's section mix over
   * to every article written like it.
   */
  readonly minOutlets?: number;
}

/** Default sharpness, measured with eval/topics.ts (src/archive/README.md "Topics" has the figures). */
export const SHARPNESS = 3;

export interface TopicModel {
  readonly topicCount: number;
  /** Examples learnt per topic. */
  readonly examples: readonly number[];
  /** Terms the model knows. */
  readonly vocabulary: number;
  /** The trained parts (to save the model). */
  readonly parts: TopicModelParts;
  /** Probability of each topic for these terms; undefined when none of them is known to the model. */
  classify(terms: Terms): Float64Array | undefined;
}

/**
 * Learns one weight per term and topic. Terms seen in fewer than two examples, or used by fewer than
 * `minOutlets` outlets, are left out (src/archive/learn-vocabulary.ts); the weights are a linear SVM per
 * topic (src/archive/train-svm.ts). Deterministic: the examples are put in (outlet, key) order and
 * visited in an order of their keys' hashes, so the same examples give the same bits whatever the
 * order of `examples`. Lean: terms are integer ids in typed arrays; each example is cut once, its
 * vector packed in two typed arrays for the passes and dropped with them; the model is its vocabulary
 * table and one row of K weights per term.
 */
export function trainTopicModel(examples: readonly TopicExample[], topicCount: number, options: TopicModelOptions = {}): TopicModel {
  const K = topicCount;
  const perTopic = new Array<number>(K).fill(0);
  for (const e of examples) perTopic[e.topic]!++;
  const { table, idf, vectors } = learnVocabulary(examples, options.minOutlets ?? 2);
  const { weights, bias } = trainSvm(vectors, table.size, K, options);
  // A topic without examples can never be given.
  for (let t = 0; t < K; t++) if (perTopic[t] === 0) bias[t] = -Infinity;
  return topicModelOf({ table, idf, weights, bias, examples: perTopic }, options.sharpness);
}

/** What a trained model is: its vocabulary with idf, one row of K weights per term, K biases (src/archive/cached-topic-model.ts saves it). */
export interface TopicModelParts {
  readonly table: TermTable;
  readonly idf: Float64Array;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  /** Examples learnt per topic. */
  readonly examples: readonly number[];
}

/** The classifier of trained parts. */
export function topicModelOf(parts: TopicModelParts, sharpness = SHARPNESS): TopicModel {
  const { table, idf, weights, bias } = parts;
  const K = bias.length;
  const vectors = new Vectorizer(table, idf);
  return {
    topicCount: K,
    examples: parts.examples,
    vocabulary: table.size,
    parts,
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
