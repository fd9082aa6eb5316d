/** A term: a CJK bigram as a number (see topicTerms in place-topics.ts) or a Latin word. */
export type Term = string | number;

/**
 * A multinomial naive Bayes model of topics over terms, trained on the articles whose section says
 * their topic. Why naive Bayes, and why written here rather than taken from
 * a package: src/archive/README.md ("Topics").
 */

export interface TopicExample {
  /** Terms of the article (title terms first; see placeTopics). */
  readonly words: readonly Term[];
  /** Index of its topic. */
  readonly topic: number;
  /** Its outlet: a word only one or two outlets use is their house style and is not learnt. */
  readonly outlet: string;
}

export interface TopicModelOptions {
  /** Additive smoothing of word counts (default 0.1). */
  readonly alpha?: number;
  /** Class priors are the example shares raised to this power: 0 = uniform, 1 = as trained (default 0.5). */
  readonly priorPower?: number;
  /**
   * Evidence of a document is scaled down to at most this many words (default 10): naive Bayes treats
   * words as independent and grows overconfident with length; this keeps its probabilities usable as
   * a confidence (eval/topics.ts prints how well they match accuracy).
   */
  readonly evidenceWords?: number;
  /**
   * A term is learnt only when the examples of at least this many outlets use it (default 3): words of
   * one outlet's house style ("法新社", "德国之声") would otherwise carry that outlet's section mix
   * over to every article written like it.
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

/**
 * Learns word counts per topic. Sums of integer counts: the model is the same whatever the order of
 * the examples. Words seen in fewer than two examples, or used by fewer than `minOutlets` outlets, are left out.
 */
export function trainTopicModel(examples: readonly TopicExample[], topicCount: number, options: TopicModelOptions = {}): TopicModel {
  const alpha = options.alpha ?? 0.1;
  const priorPower = options.priorPower ?? 0.5;
  const evidenceWords = options.evidenceWords ?? 10;
  // An archive of fewer outlets asks for all of them.
  const minOutlets = Math.min(options.minOutlets ?? 3, new Set(examples.map((e) => e.outlet)).size);
  const counts = new Map<Term, Float64Array>();
  const documents = new Map<Term, number>();
  const outletsOf = new Map<Term, Set<string>>();
  const perTopic = new Array<number>(topicCount).fill(0);
  for (const example of examples) {
    perTopic[example.topic]!++;
    const seen = new Set<Term>();
    for (const word of example.words) {
      let row = counts.get(word);
      if (row === undefined) counts.set(word, (row = new Float64Array(topicCount)));
      row[example.topic]!++;
      if (!seen.has(word)) {
        seen.add(word);
        documents.set(word, (documents.get(word) ?? 0) + 1);
        let outlets = outletsOf.get(word);
        if (outlets === undefined) outletsOf.set(word, (outlets = new Set()));
        outlets.add(example.outlet);
      }
    }
  }
  const totals = new Float64Array(topicCount);
  for (const [word, row] of counts) {
    if (documents.get(word)! < 2 || outletsOf.get(word)!.size < minOutlets) counts.delete(word);
    else for (let t = 0; t < topicCount; t++) totals[t]! += row[t]!;
  }
  const vocabulary = counts.size;
  const logLikelihood = new Map<Term, Float64Array>();
  for (const [word, row] of counts) {
    const logs = new Float64Array(topicCount);
    for (let t = 0; t < topicCount; t++) {
      logs[t] = Math.log((row[t]! + alpha) / (totals[t]! + alpha * vocabulary));
    }
    logLikelihood.set(word, logs);
  }
  const trained = perTopic.reduce((n, c) => n + c, 0);
  const logPrior = perTopic.map((c) => (c === 0 ? -Infinity : priorPower * Math.log(c / trained)));

  return {
    topicCount,
    examples: perTopic,
    classify(words) {
      const sums = new Float64Array(topicCount);
      let known = 0;
      for (const word of words) {
        const logs = logLikelihood.get(word);
        if (logs === undefined) continue;
        known++;
        for (let t = 0; t < topicCount; t++) sums[t]! += logs[t]!;
      }
      if (known === 0) return undefined;
      const scale = Math.min(1, evidenceWords / known);
      let max = -Infinity;
      for (let t = 0; t < topicCount; t++) {
        sums[t] = logPrior[t]! + scale * sums[t]!;
        if (sums[t]! > max) max = sums[t]!;
      }
      let total = 0;
      for (let t = 0; t < topicCount; t++) total += sums[t] = Math.exp(sums[t]! - max);
      for (let t = 0; t < topicCount; t++) sums[t]! /= total;
      return sums;
    },
  };
}
