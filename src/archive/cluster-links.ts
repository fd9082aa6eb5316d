/** A link between documents `a` < `b` (indexes in time order) and how similar they are. */
export interface Edge {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

/** Each document's vector: terms [start[d], start[d + 1]) with their weights, and its norm. */
export interface Vectors {
  readonly start: Int32Array;
  readonly term: Int32Array;
  readonly weight: Float64Array;
  readonly norm: Float64Array;
}

export interface ClusterOptions {
  /** A cluster's first and last document are at most this far apart in time. */
  readonly maxSpanMs: number;
  /** Two clusters merge only when the cosine of their centroids reaches this. */
  readonly mergeSimilarity: number;
  /** Two documents not yet in any cluster merge only when their cosine reaches this. */
  readonly pairSimilarity: number;
}

/**
 * Greedy centroid clustering of linked documents (src/archive/find-stories.ts). Edges are taken
 * strongest first (ties: smaller `a`, then smaller `b`); each proposes to merge the clusters of its
 * two documents, which happens when the merged cluster spans at most `maxSpanMs` and the centroids
 * of the two clusters (sums of their documents' unit vectors) have a cosine of at least
 * `mergeSimilarity` (`pairSimilarity` when both are lone documents, which have no other document to vouch
 * for them). A centroid holds what a cluster's documents have in common, so fragments of
 * one event merge even when no two of their documents are very alike, while an article that
 * mentions two events links them without pulling them together.
 *
 * Returns the clusters of two or more documents (members ascending), ordered by first member, and
 * each document's cluster number (-1 when alone). Deterministic for a given edge set.
 */
export function clusterLinks(edges: readonly Edge[], vectors: Vectors, times: Float64Array, options: ClusterOptions) {
  const count = times.length;
  const sorted = [...edges].sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const members = new Map<number, number[]>();
  const centroids = new Map<number, Map<number, number>>();
  const first = Float64Array.from(times);
  const last = Float64Array.from(times);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const centroid = (root: number): Map<number, number> => {
    let c = centroids.get(root);
    if (!c) {
      c = new Map();
      const norm = vectors.norm[root]!;
      for (let k = vectors.start[root]!; k < vectors.start[root + 1]!; k++) c.set(vectors.term[k]!, vectors.weight[k]! / norm);
      centroids.set(root, c);
    }
    return c;
  };
  for (const { a, b } of sorted) {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    if (Math.max(last[ra]!, last[rb]!) - Math.min(first[ra]!, first[rb]!) > options.maxSpanMs) continue;
    const ca = centroid(ra);
    const cb = centroid(rb);
    // Two lone documents have nothing else to vouch for them: they need a stronger link.
    const alone = !members.has(ra) && !members.has(rb);
    if (cosine(ca, cb) < (alone ? options.pairSimilarity : options.mergeSimilarity)) continue;
    const sizeA = members.get(ra)?.length ?? 1;
    const sizeB = members.get(rb)?.length ?? 1;
    if (sizeA < sizeB) [ra, rb] = [rb, ra];
    const into = centroid(ra);
    for (const [term, weight] of centroid(rb)) into.set(term, (into.get(term) ?? 0) + weight);
    centroids.delete(rb);
    parent[rb] = ra;
    members.set(ra, [...(members.get(ra) ?? [ra]), ...(members.get(rb) ?? [rb])]);
    members.delete(rb);
    first[ra] = Math.min(first[ra]!, first[rb]!);
    last[ra] = Math.max(last[ra]!, last[rb]!);
  }
  const clusterOf = new Int32Array(count).fill(-1);
  const clusters: number[][] = [];
  for (let d = 0; d < count; d++) {
    const list = members.get(find(d));
    if (!list || clusterOf[d] !== -1) continue;
    const ordered = [...list].sort((x, y) => x - y);
    for (const m of ordered) clusterOf[m] = clusters.length;
    clusters.push(ordered);
  }
  return { clusters, clusterOf };
}

/** Cosine of two sparse vectors; iterates over the smaller one. */
function cosine(x: Map<number, number>, y: Map<number, number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  let nx = 0;
  for (const w of x.values()) nx += w * w;
  let ny = 0;
  for (const w of y.values()) ny += w * w;
  return dot / (Math.sqrt(nx * ny) || 1);
}
