import { grown } from '../runtime/grown.ts';
import { TermTable } from './term-table.ts';
import type { TopicExample } from './topic-model.ts';
import type { PackedVectors } from './train-svm.ts';
import { fnv1a } from '../text/fnv1a.ts';

/**
 * The terms worth learning (in 2+ examples and in the examples of `minOutlets` outlets, or of all
 * when there are fewer) with their ids and idf; and, from the same cut, each example's distinct terms
 * with their counts, made into the examples' TF-IDF vectors once the vocabulary is chosen, so the
 * training examples are cut once. Examples are visited outlet by outlet (then by
 * key: a fixed order), so a new outlet for a term is a change of its last outlet.
 */
export function learnVocabulary(examples: readonly TopicExample[], minOutletsGiven: number): { table: TermTable; idf: Float64Array; vectors: PackedVectors } {
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
  // Each example's place in each pass of the training (src/archive/train-svm.ts): a hash of its key.
  const visit = Uint32Array.from(byOutlet, ({ e }) => fnv1a(e.key));
  return { table, idf, vectors: packed({ start, index: ids.subarray(0, used), value: counts.subarray(0, used), topic, visit }, learntId, idf) };
}

/** The examples' TF-IDF vectors (sublinear tf × idf of the learnt terms, length 1) from the counts learnVocabulary kept. */
function packed(counts: PackedVectors, learntId: Int32Array, idf: Float64Array): PackedVectors {
  const { start: from, index: seenIds, value: tfs, topic, visit } = counts;
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
  return { start, index, value, topic, visit };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
