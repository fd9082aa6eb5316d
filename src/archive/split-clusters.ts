import type { Vectors } from './cluster-links.ts';

/**
 * Splits clusters of story detection (src/archive/find-stories.ts) where they hold two events told
 * one after the other: greedy merging can join the disqualification of candidates and the
 * postponement of the election a day later, or the vote count and the winner's declaration, when
 * one article mentions both. A cluster's members are in time order; for every cut between two of
 * them (each side keeping at least `minPart` documents) the cosine of the two sides' centroids
 * (sums of their unit vectors) is computed incrementally, and the cluster is cut where it is lowest
 * when that is below `splitSimilarity`; both sides are split again the same way. A cluster that is
 * about one event has no such cut: what its early and late articles share is the event.
 *
 * Work: O(terms of the cluster) per level, no pairs. Deterministic (ties: the earliest cut).
 */
export function splitClusters(clusters: readonly number[][], vectors: Vectors, splitSimilarity: number, minPart = 2): number[][] {
  const out: number[][] = [];
  const split = (members: number[]): void => {
    const cut = members.length >= 2 * minPart ? weakestCut(members, vectors, minPart) : undefined;
    if (cut === undefined || cut.similarity >= splitSimilarity) {
      out.push(members);
      return;
    }
    split(members.slice(0, cut.at));
    split(members.slice(cut.at));
  };
  for (const members of clusters) split(members);
  return out.sort((x, y) => x[0]! - y[0]!);
}

/** The cut [0, at) | [at, n) whose sides' centroids are least alike, and that cosine. */
function weakestCut(members: readonly number[], vectors: Vectors, minPart: number) {
  const before = new Map<number, number>();
  const after = new Map<number, number>();
  for (const m of members) addUnit(after, vectors, m);
  let dot = 0; // before · after
  let normBefore = 0; // |before|²
  let normAfter = 0;
  for (const w of after.values()) normAfter += w * w;
  let best: { at: number; similarity: number } | undefined;
  for (let i = 0; i + minPart <= members.length; i++) {
    if (i >= minPart) {
      const similarity = dot / (Math.sqrt(normBefore * normAfter) || 1);
      if (!best || similarity < best.similarity - 1e-12) best = { at: i, similarity };
    }
    // Move member i from after to before, keeping the dot product and the norms up to date.
    const m = members[i]!;
    const norm = vectors.norm[m]!;
    for (let k = vectors.start[m]!; k < vectors.start[m + 1]!; k++) {
      const term = vectors.term[k]!;
      const u = vectors.weight[k]! / norm;
      const b = before.get(term) ?? 0;
      const a = after.get(term) ?? 0;
      // before' = b + u, after' = a − u.
      dot += (b + u) * (a - u) - b * a;
      normBefore += (b + u) * (b + u) - b * b;
      normAfter += (a - u) * (a - u) - a * a;
      before.set(term, b + u);
      after.set(term, a - u);
    }
  }
  return best;
}

function addUnit(into: Map<number, number>, vectors: Vectors, d: number): void {
  const norm = vectors.norm[d]!;
  for (let k = vectors.start[d]!; k < vectors.start[d + 1]!; k++) {
    into.set(vectors.term[k]!, (into.get(vectors.term[k]!) ?? 0) + vectors.weight[k]! / norm);
  }
}

