import type { Archive } from '../../archive/archive.ts';
import type { StreamedSite } from '../../site/build-site.ts';
import { searchDocs, type SearchDoc } from '../../site/search/search-doc.ts';

/** What the search index of this build covers, as the digest phase sees it (see index-phase.ts). */
export interface SearchState {
  /** The documents of the index, oldest first (src/site/search/search-doc.ts). */
  readonly docs: readonly SearchDoc[];
  /** Output-relative files that show a previous search build is complete (checked by a no-change build). */
  readonly entries: readonly string[];
  /** Where the index's segment digests are kept between builds, and what their sources' texts are made with (src/site/search/segment-digests.ts). */
  readonly kept?: { readonly file: string; readonly scope: string };
}

/** No search (`--no-search`): nothing indexed, nothing to check. */
export const NO_SEARCH: SearchState = { docs: [], entries: [] };

/**
 * The search part of the digest phase. No digests of its own: the index is made of the article
 * pages' fields and text, which the pages' digests cover (a no-change build changes no page, so no
 * document), and the index names each segment folder after a digest of its documents, so the index
 * phase finds what it can keep by name.
 */
export function searchState(archive: Archive, site: StreamedSite, kept?: SearchState['kept']): SearchState {
  // index.json is written last, so its presence shows a complete index.
  return { docs: searchDocs(archive.articles, site.articleUrl), entries: ['search/search.js', 'search/index.json'], ...(kept ? { kept } : {}) };
}
