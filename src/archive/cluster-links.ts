/** A link between documents `a` < `b` (indexes in time order) and how similar they are. */
export interface Edge {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

export interface ClusterOptions {
  /** A cluster's first and last document are at most this far apart in time. */
  readonly maxSpanMs: number;
  /** Two clusters merge only when at least this share of their document pairs are linked. */
  readonly linkShare: number;
}

/**
 * Greedy average-link clustering of linked documents (src/archive/find-stories.ts): edges strongest
 * first (ties: smaller `a`, then smaller `b`), each merging the clusters of its two documents when
 * the merged cluster spans at most `maxSpanMs` and at least `linkShare` of the pairs across the two
 * clusters are linked. A single strong edge can join a lone document to a small cluster, but a
 * document linked to one member of a large cluster cannot pull its own neighbours in after it,
 * which is what keeps two events from chaining into one through an article that mentions both.
 *
 * Returns the clusters of two or more documents (members ascending), ordered by first member, and
 * each document's cluster number (-1 when alone). Deterministic for a given edge set.
 */
export function clusterLinks(count: number, edges: readonly Edge[], times: Float64Array, options: ClusterOptions) {
  const sorted = [...edges].sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const neighbours: number[][] = Array.from({ length: count }, () => []);
  for (const { a, b } of edges) {
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const members: number[][] = Array.from({ length: count }, (_, i) => [i]);
  const first = Float64Array.from(times);
  const last = Float64Array.from(times);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const { a, b } of sorted) {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    if (Math.max(last[ra]!, last[rb]!) - Math.min(first[ra]!, first[rb]!) > options.maxSpanMs) continue;
    const small = members[ra]!.length <= members[rb]!.length ? ra : rb;
    const other = small === ra ? rb : ra;
    let linked = 0;
    for (const m of members[small]!) for (const n of neighbours[m]!) if (find(n) === other) linked++;
    if (linked < options.linkShare * members[ra]!.length * members[rb]!.length) continue;
    if (members[ra]!.length < members[rb]!.length) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    members[ra]!.push(...members[rb]!);
    members[rb] = [];
    first[ra] = Math.min(first[ra]!, first[rb]!);
    last[ra] = Math.max(last[ra]!, last[rb]!);
  }
  const clusterOf = new Int32Array(count).fill(-1);
  const clusters: number[][] = [];
  for (let d = 0; d < count; d++) {
    const root = find(d);
    if (members[root]!.length < 2 || clusterOf[d] !== -1) continue;
    const list = [...members[root]!].sort((x, y) => x - y);
    for (const m of list) clusterOf[m] = clusters.length;
    clusters.push(list);
  }
  return { clusters, clusterOf };
}
