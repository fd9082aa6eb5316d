import type { IndexSearchResult } from '../../site/search/index-search.ts';
import type { Progress } from '../create-progress.ts';
import type { SearchState } from './search-state.ts';
import { tracePhase } from './trace-phase.ts';

export interface IndexInput {
  readonly search: SearchState;
  /** An incremental build keeps the live output's index segments whose documents are unchanged. */
  readonly incremental: boolean;
  /** Rendered pages of this build (all of them, or an incremental build's changed ones). */
  readonly staging: string;
  /** The live output: an incremental build keeps unchanged segments there. */
  readonly live: string;
  readonly progress: Progress;
}

export interface IndexOutcome {
  readonly result: IndexSearchResult;
  /** Output folders the staging copy replaces whole (none: segment folders are new names). */
  readonly replaceDirs: readonly string[];
  /** Output-relative paths to delete: segment folders, chunks and a fold table this index no longer uses. */
  readonly removed: readonly string[];
}

/**
 * Phase 5, search: writes the search index (src/site/search/) into the staging folder. Segments
 * whose documents are unchanged stay in the live output, and so do result chunks with the same
 * bytes (the newest article rewrites the tail segment, its chunk and index.json); index.json, the
 * fold table and the page's script are rewritten by every build that writes anything.
 */
export async function indexPhase(input: IndexInput): Promise<IndexOutcome> {
  const { search, progress } = input;
  progress.start('search', 1);
  const [{ indexSearch }, { SegmentDigests }] = await Promise.all([import('../../site/search/index-search.ts'), import('../../site/search/segment-digests.ts')]);
  const digests = search.kept === undefined ? undefined : SegmentDigests.open(search.kept.file, search.kept.scope);
  const result = await indexSearch(input.staging, search.docs, { ...(input.incremental ? { previousOutput: input.live } : {}), ...(digests ? { digests } : {}) });
  digests?.save();
  progress.update(1);
  progress.stop();
  tracePhase(`search index (${result.written.length} of ${result.segments.length} segments written, ${result.docsIndexed} articles, ${result.chunksWritten} chunks)`);
  return { result, replaceDirs: [], removed: result.obsolete };
}
