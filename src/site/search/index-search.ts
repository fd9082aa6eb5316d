import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSearchScript } from './bundle-search-script.ts';
import { CHUNK_DIR, FACETS_DIR } from './search-format.ts';
import type { SearchDoc } from './search-doc.ts';
import { SEARCH_DIR, writeSearchIndex, type SearchIndexResult, type WriteSearchIndexOptions } from './write-search-index.ts';

export { SEARCH_DIR };

/** The search page's script, beside its stylesheet (public/search/search.css). */
export const SEARCH_SCRIPT = 'search.js';

export interface IndexSearchResult extends SearchIndexResult {
  /** Output-relative paths of index files the previous output has and this index no longer uses. */
  readonly obsolete: readonly string[];
}

/**
 * Everything the search page loads besides itself and its stylesheet: the index of `docs`
 * (writeSearchIndex: `search/index.json`, the fold table, the segment folders) and the page's script
 * (`search/search.js`, bundled from client/search-page.ts). With `previousOutput`, segments and
 * chunks whose inputs are unchanged stay there, and the result lists that output's index files this
 * build no longer uses (merged or rewritten segment folders, changed chunks, an old fold table), for
 * the caller to delete after publishing.
 *
 *     const docs = searchDocs(archive.articles, site.lists.article);
 *     const result = await indexSearch('_site', docs);
 */
export async function indexSearch(outputDir: string, docs: readonly SearchDoc[], options: WriteSearchIndexOptions = {}): Promise<IndexSearchResult> {
  const result = writeSearchIndex(outputDir, docs, options);
  writeFileSync(join(outputDir, SEARCH_DIR, SEARCH_SCRIPT), await bundleSearchScript());
  const previous = options.previousOutput === undefined ? undefined : join(options.previousOutput, SEARCH_DIR);
  if (previous === undefined || !existsSync(previous)) return { ...result, obsolete: [] };
  const current = new Set([...result.segments, ...readdirSync(join(outputDir, SEARCH_DIR))]);
  const obsolete = readdirSync(previous)
    .filter((name) => /^s\d+-[0-9a-f]{12}$|^(base|recent)-[0-9a-f]{12}$|^fold-[0-9a-f]{12}\.bin$/.test(name) && !current.has(name))
    .map((name) => `${SEARCH_DIR}/${name}`);
  // Chunks and facets files this index no longer has (documents gone, merged or changed segments).
  const used = new Set([...result.chunks, ...result.facets]);
  for (const [folder, name] of [[CHUNK_DIR, /^\d+\.bin$/], [FACETS_DIR, /^\d+-[0-9a-f]{12}\.bin$/]] as const) {
    if (!existsSync(join(previous, folder))) continue;
    for (const file of readdirSync(join(previous, folder))) if (name.test(file) && !used.has(`${folder}/${file}`)) obsolete.push(`${SEARCH_DIR}/${folder}/${file}`);
  }
  return { ...result, obsolete };
}
