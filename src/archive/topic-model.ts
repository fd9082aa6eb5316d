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

export interface TopicModelOptions {
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
  /** Passes over the training examples (default EPOCHS). */
  readonly epochs?: number;
  /** L2 regularization λ of the SVM (default LAMBDA). */
  readonly lambda?: number;
}

/** Defaults, measured with eval/topics.ts (src/archive/README.md "Topics" has the figures). */
export const SHARPNESS = 3;
export const EPOCHS = 6;
export const LAMBDA = 3e-4;

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
 * `minOutlets` outlets, are left out. Deterministic: the examples are sorted by key and visited in the
 * order of a fixed-seed shuffle, so the same examples give the same bits whatever the order of
 * `examples`. Lean: terms are integer ids in typed arrays; each example's vector is cut once into two
 * packed arrays for the passes and dropped with them; the model is its vocabulary table and one row of
 * K weights per term.
 */
export function trainTopicModel(examples: readonly TopicExample[], topicCount: number, options: TopicModelOptions = {}): TopicModel {
  const K = topicCount;
  const perTopic = new Array<number>(K).fill(0);
  for (const e of examples) perTopic[e.topic]!++;
  const { table, idf, seenCounts, learntId } = learnVocabulary(examples, options.minOutlets ?? 2);
  const { weights, bias } = trainSvm(packed(seenCounts, learntId, idf), table.size, K, options);
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

/** The examples' vectors: example i is `index/value[start[i], start[i + 1])`, its topic `topic[i]`. */
interface Packed {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float32Array;
  readonly topic: Int32Array;
}

/** The examples' TF-IDF vectors (sublinear tf × idf of the learnt terms, length 1) from the counts learnVocabulary kept. */
function packed(counts: Packed, learntId: Int32Array, idf: Float64Array): Packed {
  const { start: from, index: seenIds, value: tfs, topic } = counts;
  const start = new Int32Array(from.length);
  const index = new Int32Array(seenIds.length);
  const value = new Float32Array(seenIds.length);
  let at = 0;
  for (let e = 0; e + 1 < from.length; e++) {
    const first = at;
    let norm = 0;
    for (let i = from[e]!; i < from[e + 1]!; i++) {
      const j = learntId[seenIds[i]!]!;
      if (j < 0) continue;
      const v = (1 + Math.log(tfs[i]!)) * idf[j]!;
      index[at] = j;
      value[at++] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let i = first; i < at; i++) value[i]! /= norm;
    start[e + 1] = at;
  }
  return { start, index, value, topic };
}

/**
 * One linear SVM per topic (hinge loss, L2), all trained in the same pass: Pegasos' step 1 / (λ (t + T0)),
 * the weights kept as `scale × w` so the shrinking step costs nothing, biases unregularized and learnt
 * slowly. The examples are visited in the order of a shuffle seeded with a constant, anew each epoch.
 * An example of a topic with c of the n examples weighs √(n / (K c)): a third of the sectioned articles
 * are 中国, and unweighted the model filed anything it knew little about there (美股劲扬 日股开高 → 中国;
 * eval/topics.ts: weight 1 → 57.4 %, hand check 25/50; √ → 58.3 %, 32/50; n / (K c) → 53.2 %, 32/50).
 */
function trainSvm(data: Packed, vocabulary: number, K: number, options: TopicModelOptions): { weights: Float64Array; bias: Float64Array } {
  const lambda = options.lambda ?? LAMBDA;
  const epochs = options.epochs ?? EPOCHS;
  const { start, index, value, topic } = data;
  const n = topic.length;
  const w = new Float64Array(vocabulary * K);
  const bias = new Float64Array(K);
  const score = new Float64Array(K);
  const classes = new Int32Array(K);
  const by = new Float64Array(K);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(42);
  let scale = 1;
  let t = 0;
  const counts = new Float64Array(K);
  for (const k of topic) counts[k]!++;
  const weightOf = Float64Array.from(counts, (c) => (c === 0 ? 0 : Math.sqrt(n / (K * c))));
  const average = new Float64Array(w.length);
  const averageBias = new Float64Array(K);
  const averagedFrom = Math.floor(epochs / 2) * n;
  const every = Math.max(1, Math.ceil(n / SNAPSHOTS_PER_EPOCH));
  let snapshots = 0;
  const snapshot = (): void => {
    for (let i = 0; i < w.length; i++) average[i]! += scale * w[i]!;
    for (let k = 0; k < K; k++) averageBias[k]! += bias[k]!;
    snapshots++;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swapped = order[i]!;
      order[i] = order[j]!;
      order[j] = swapped;
    }
    for (const e of order) {
      const step = 1 / (lambda * (++t + T0));
      score.set(bias);
      for (let i = start[e]!; i < start[e + 1]!; i++) {
        const at = index[i]! * K;
        const v = scale * value[i]!;
        for (let k = 0; k < K; k++) score[k]! += v * w[at + k]!;
      }
      scale *= 1 - step * lambda;
      // The topics whose margin this example violates, each updated along the example (one pass over its terms).
      let violated = 0;
      for (let k = 0; k < K; k++) {
        const y = k === topic[e] ? 1 : -1;
        if (y * score[k]! >= 1) continue;
        classes[violated] = k;
        by[violated++] = (step * y * weightOf[topic[e]!]!) / scale;
        bias[k]! += step * y * weightOf[topic[e]!]! * BIAS_RATE;
      }
      if (violated > 0) {
        for (let i = start[e]!; i < start[e + 1]!; i++) {
          const at = index[i]! * K;
          const v = value[i]!;
          for (let c = 0; c < violated; c++) w[at + classes[c]!]! += by[c]! * v;
        }
      }
      if (t > averagedFrom && t % every === 0) snapshot();
    }
  }
  if (snapshots === 0) snapshot();
  for (let i = 0; i < w.length; i++) average[i]! /= snapshots;
  for (let k = 0; k < K; k++) averageBias[k]! /= snapshots;
  return { weights: average, bias: averageBias };
}

/** Pegasos' step offset (a first step of 1 / (λ T0), not 1 / λ) and the biases' share of the step. */
const T0 = 1000;
const BIAS_RATE = 0.01;
/**
 * The model is the mean of the weights taken this many times per pass over the second half of the passes:
 * one SGD path ends anywhere near the optimum, the mean of its last stretch sits close to it, so a retrain
 * on 10 % more articles moves fewer placements (bench/topics.ts: last weights 30.0 %, mean of the last 3
 * passes' ends 27.6 %, this 22.4 %).
 */
const SNAPSHOTS_PER_EPOCH = 8;

/** A small fixed-seed generator of numbers in [0, 1) (mulberry32): the same sequence on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The terms worth learning (in 2+ examples and in the examples of `minOutlets` outlets, or of all
 * when there are fewer) with their ids and idf; and, from the same cut, each example's distinct terms
 * with their counts (`seenCounts`, ids of all terms seen; `learntId` maps them to the learnt ids, -1 for
 * the others), so the training examples are cut once. Examples are visited outlet by outlet (then by
 * key: a fixed order), so a new outlet for a term is a change of its last outlet.
 */
function learnVocabulary(examples: readonly TopicExample[], minOutletsGiven: number): { table: TermTable; idf: Float64Array; seenCounts: Packed; learntId: Int32Array } {
  const outlets = [...new Set(examples.map((e) => e.outlet))].sort();
  const minOutlets = Math.min(minOutletsGiven, outlets.length);
  const outletIds = new Map(outlets.map((o, i) => [o, i + 1]));
  const byOutlet = examples.map((e) => ({ e, o: outletIds.get(e.outlet)! })).sort((a, b) => a.o - b.o || compare(a.e.key, b.e.key));
  const seen = new TermTable(1 << 16);
  // Per term id: examples using it, outlets using it, last example and outlet seen (1-based, 0 = none).
  let stats = new Int32Array(4 << 16);
  // Per term id, its count in the current example; the current example's distinct ids.
  let count = new Int32Array(1 << 16);
  const distinct: number[] = [];
  const start = new Int32Array(examples.length + 1);
  const topic = new Int32Array(examples.length);
  let ids = new Int32Array(1 << 16);
  let counts = new Float32Array(1 << 16);
  byOutlet.forEach(({ e, o }, i) => {
    e.terms((key, second) => {
      const id = seen.add(key, second);
      const at = id * 4;
      if (at >= stats.length) stats = grown(stats, at + 4);
      if (id >= count.length) count = grown(count, id + 1);
      count[id]!++;
      if (stats[at + 2] === i + 1) return;
      distinct.push(id);
      stats[at + 2] = i + 1;
      stats[at]!++;
      if (stats[at + 3] !== o) {
        stats[at + 3] = o;
        stats[at + 1]!++;
      }
    });
    let end = start[i]!;
    if (end + distinct.length > ids.length) {
      ids = grown(ids, end + distinct.length);
      counts = grown(counts, ids.length);
    }
    for (const id of distinct) {
      ids[end] = id;
      counts[end++] = count[id]!;
      count[id] = 0;
    }
    distinct.length = 0;
    start[i + 1] = end;
    topic[i] = e.topic;
  });
  let learnt = 0;
  for (let id = 0; id < seen.size; id++) if (stats[id * 4]! >= 2 && stats[id * 4 + 1]! >= minOutlets) learnt++;
  const table = new TermTable(learnt);
  const idf = new Float64Array(learnt);
  const learntId = new Int32Array(seen.size).fill(-1);
  seen.forEach((key, second, id) => {
    const uses = stats[id * 4]!;
    if (uses < 2 || stats[id * 4 + 1]! < minOutlets) return;
    const j = (learntId[id] = table.add(key, second));
    idf[j] = Math.log((examples.length + 1) / (uses + 1)) + 1;
  });
  const used = start[examples.length]!;
  return { table, idf, seenCounts: { start, index: ids.subarray(0, used), value: counts.subarray(0, used), topic }, learntId };
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
