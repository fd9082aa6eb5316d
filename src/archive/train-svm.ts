/**
 * The weights of the topic model (src/archive/topic-model.ts): a linear SVM per topic, one against the
 * rest, trained by stochastic gradient descent over packed TF-IDF vectors in an order of their keys' hashes.
 */

/** Defaults, measured with eval/topics.ts (src/archive/README.md "Topics" has the figures). */
export const EPOCHS = 6;
export const LAMBDA = 3e-4;

export interface SvmOptions {
  /** Passes over the training examples (default EPOCHS). */
  readonly epochs?: number;
  /** L2 regularization λ (default LAMBDA). */
  readonly lambda?: number;
}

/** The examples' vectors: example i is `index/value[start[i], start[i + 1])`, its topic `topic[i]`. */
export interface PackedVectors {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float32Array;
  readonly topic: Int32Array;
  /**
   * A hash of each example's key: each pass visits the examples in the order of these hashes mixed
   * with the pass number, so an added or removed example inserts or drops one step of the path, and
   * leaves the others in the same order (a shuffle of positions reorders them all: one back-dated
   * article entering the training set then moved 17 % of the placements).
   */
  readonly visit: Uint32Array;
}

/**
 * One linear SVM per topic (hinge loss, L2), all trained in the same pass: Pegasos' step 1 / (λ (t + T0)),
 * the weights kept as `scale × w` so the shrinking step costs nothing, biases unregularized and learnt
 * slowly. Each pass visits the examples in an order of their keys' hashes, anew each pass (`visit`).
 * An example of a topic with c of the n examples weighs √(n / (K c)): a third of the sectioned articles
 * are 中国, and unweighted the model filed anything it knew little about there (美股劲扬 日股开高 → 中国;
 * eval/topics.ts: weight 1 → 57.4 %, hand check 25/50; √ → 58.3 %, 32/50; n / (K c) → 53.2 %, 32/50).
 */
export function trainSvm(data: PackedVectors, vocabulary: number, K: number, options: SvmOptions = {}): { weights: Float64Array; bias: Float64Array } {
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
    const rank = Uint32Array.from(data.visit, (h) => mix(h ^ Math.imul(epoch + 1, 0x9e3779b9)));
    order.sort((a, b) => rank[a]! - rank[b]! || a - b);
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

/** A 32-bit integer hash finalizer (murmur3's): nearby inputs land far apart. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
