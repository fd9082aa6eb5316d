import type { Bigrams } from './story-terms.ts';

/**
 * How many specific terms (names rather than words: see storyVectors) the query terms of `a` share
 * with `b`, overlapping bigrams counted once (阿富 and 富汗 are one name, 阿富汗): two reports of
 * one event share more than one name; two events of one day that mention the same place or person
 * (a bomb in Afghanistan, a call not to leave Afghanistan) share that one. Work: the query terms of
 * `a` and, per shared bigram, the other shared terms (a handful).
 *
 *     // 阿富 富汗 (阿富汗) and 喀布 布尔 (喀布尔) shared: 2 names
 */
export function sharedNames(a: number, b: number, queryStart: Int32Array, queryTerm: Int32Array, specific: readonly Set<number>[], bigrams: Bigrams): number {
  const shared: number[] = [];
  for (let q = queryStart[a]!; q < queryStart[a + 1]!; q++) {
    const term = queryTerm[q]!;
    if (specific[a]!.has(term) && specific[b]!.has(term)) shared.push(term);
  }
  // A bigram whose first character ends another shared bigram continues the same word.
  let names = shared.length;
  for (const term of shared) if (bigrams.first[term]! >= 0 && continues(term, shared, bigrams)) names--;
  return names;
}

/** Whether some other shared bigram ends with the first character of `term`. */
function continues(term: number, shared: readonly number[], bigrams: Bigrams): boolean {
  for (const other of shared) if (other !== term && bigrams.second[other] === bigrams.first[term] && bigrams.first[other]! >= 0) return true;
  return false;
}
