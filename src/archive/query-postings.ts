/** For each term, the documents having it among their query terms (in document order) and its weight there. */
export function queryPostings(queryStart: Int32Array, queryTerm: Int32Array, queryWeight: Float64Array) {
  let termCount = 0;
  for (const term of queryTerm) termCount = Math.max(termCount, term + 1);
  const start = new Int32Array(termCount + 1);
  for (let q = 0; q < queryStart[queryStart.length - 1]!; q++) start[queryTerm[q]! + 1]!++;
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, termCount);
  const doc = new Int32Array(start[termCount]!);
  const weight = new Float64Array(start[termCount]!);
  for (let d = 0; d + 1 < queryStart.length; d++) {
    for (let q = queryStart[d]!; q < queryStart[d + 1]!; q++) {
      const at = fill[queryTerm[q]!]!++;
      doc[at] = d;
      weight[at] = queryWeight[q]!;
    }
  }
  return { start, doc, weight };
}
