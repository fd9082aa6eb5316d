import type { IndexSearchResult } from '../../site/search/index-search.ts';
import type { Progress } from '../create-progress.ts';
import { firstMissing } from './first-missing.ts';
import type { SearchState } from './search-state.ts';
import { tracePhase } from './trace-phase.ts';

export interface IndexInput {
  readonly search: SearchState;
  /** The previous build's search digests (manifest `searchShards`); undefined for a full build. */
  readonly previous: Readonly<Record<string, string>> | undefined;
  /** Rendered pages of this build (all of them, or an incremental build's changed ones). */
  readonly staging: string;
  /** The live output: an incremental build reads unchanged pages and kept bundles from it. */
  readonly live: string;
  readonly pathPrefix: string;
  readonly progress: Progress;
}

export interface IndexOutcome {
  /** The shards (re)indexed by this build; undefined when none was. */
  readonly result: IndexSearchResult | undefined;
  /** Output folders the staging copy replaces whole (re-indexed bundles). */
  readonly replaceDirs: readonly string[];
  /** Output-relative paths to delete (bundles of shards that are gone). */
  readonly removed: readonly string[];
}

/**
 * Phase 5, search: the whole of the search index's work in one call, so the index can be replaced
 * here (with search-state.ts, its digests) without touching the other phases. The index covers
 * article pages only: a shard is re-indexed when one of its pages changed, appeared or went away (or
 * its carried-over bundle is incomplete); a shard that is gone has its bundle removed.
 */
export async function indexPhase(input: IndexInput): Promise<IndexOutcome> {
  const { search, previous, progress } = input;
  const stale = new Set<string>();
  for (const shard of search.shards) {
    const kept = previous !== undefined && previous[shard.key] === search.digests[shard.key];
    if (!kept || firstMissing(input.live, [`pagefind/${shard.key}/pagefind-entry.json`]) !== undefined) stale.add(shard.key);
  }
  const removed = Object.keys(previous ?? {})
    .filter((key) => search.digests[key] === undefined)
    .map((key) => `pagefind/${key}`);
  progress.start('search', stale.size);
  const { indexSearch } = await import('../../site/search/index-search.ts');
  const indexed = await indexSearch(input.staging, search.shards, { pathPrefix: input.pathPrefix, stale, ...(previous !== undefined ? { previousOutput: input.live } : {}) });
  progress.update(stale.size);
  progress.stop();
  tracePhase(`search index (${stale.size} of ${search.shards.length} shards)`);
  return { result: indexed.indexed.length > 0 ? indexed : undefined, replaceDirs: indexed.indexed.map((key) => `pagefind/${key}`), removed };
}
