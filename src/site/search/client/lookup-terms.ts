import type { QueryPart } from '../../../text/search-terms.ts';

/**
 * The terms looked up for a part of a query: all its bigrams up to MAX_BIGRAMS; past that (a long
 * phrase), every other bigram and the last, which still cover every character (and the follower
 * bits check that each is followed by the next one's first character), then more in order up to
 * MAX_BIGRAMS. Each bigram costs a bucket file per segment; a long phrase is specific enough
 * without all of them (measured: eval/search.ts keeps 100 % precision on 中华人民共和国, 世界卫生组织).
 *
 *     lookupTerms(queryParts('中华人民共和国', fold)[0]) // ['中华', '华人', '人民', '共和', '和国'] → ['中华', '华人', '人民', '共和', …] at most 4
 */
export function lookupTerms(part: QueryPart): readonly string[] {
  if (part.terms.length <= MAX_BIGRAMS) return part.terms;
  const last = part.terms.length - 1;
  const chosen = new Set(part.terms.map((_, i) => i).filter((i) => i % 2 === 0 || i === last));
  for (let i = 0; i < part.terms.length && chosen.size < MAX_BIGRAMS; i++) chosen.add(i);
  return [...chosen].sort((a, b) => a - b).map((i) => part.terms[i]!);
}

const MAX_BIGRAMS = 5;
