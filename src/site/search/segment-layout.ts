/**
 * Documents in the smallest sealed segment; every segment starts at a multiple of it, and the
 * documents after the last sealed segment (fewer than BLOCK_DOCS) form the "tail".
 */
export const BLOCK_DOCS = 64;

/** Sealed segments grow by doubling up to this size; past it they are never merged again. */
export const MAX_BLOCK_DOCS = BLOCK_DOCS * 2 ** 10; // 65,536

export interface SegmentRange {
  readonly first: number;
  readonly count: number;
}

/**
 * How the index's `docs` documents (oldest first) are cut into segments: a function of the count
 * alone, so a clean build cuts as an incremental one does, and dates play no part (a new month moves
 * nothing). The count of whole BLOCK_DOCS blocks is written in binary, largest first: each 1 bit is
 * a sealed segment of BLOCK_DOCS × 2^bit documents (volumes of MAX_BLOCK_DOCS beyond that), and the
 * tail holds the rest, like the levels of a log-structured merge tree.
 *
 *     segmentLayout(9697) // 8192, 1024, 256, 128, 64 sealed (151 blocks = 10010111₂) and a tail of 33
 *
 * Appending one document rewrites the tail, except when it completes a block: then the sealed
 * segments of the lowest 1 bits merge into one (151 → 152 = 10011000₂ merges 64 + 128 + 256 + the
 * completed 64 into 512). A document's segment is rewritten once per level it climbs, so adding n
 * documents rewrites ~n × log₂(N / BLOCK_DOCS) documents' postings on average; segments never exceed
 * MAX_BLOCK_DOCS, which bounds what one addition can rewrite.
 */
export function segmentLayout(docs: number): SegmentRange[] {
  const out: SegmentRange[] = [];
  let first = 0;
  while (docs - first >= MAX_BLOCK_DOCS) {
    out.push({ first, count: MAX_BLOCK_DOCS });
    first += MAX_BLOCK_DOCS;
  }
  for (let size = MAX_BLOCK_DOCS / 2; size >= BLOCK_DOCS; size /= 2) {
    if (docs - first < size) continue;
    out.push({ first, count: size });
    first += size;
  }
  if (docs > first) out.push({ first, count: docs - first });
  return out;
}
