import { createHash } from 'node:crypto';
import type { SiteModel } from '../../site/site-model.ts';
import { shardArticles, shardDigest, type SearchShard } from '../../site/search/shard-articles.ts';

/** What the search index of this build covers, as the digest phase sees it (see index-phase.ts). */
export interface SearchState {
  /** One Pagefind bundle per year, or per month in a busy year (src/site/search/shard-articles.ts). */
  readonly shards: readonly SearchShard[];
  /** Shard key → digest of its inputs; kept in the build manifest (`searchShards`). */
  readonly digests: Readonly<Record<string, string>>;
  /** Output-relative files that show a previous search build is complete (checked by a no-change build). */
  readonly entries: readonly string[];
}

/** No search (`--no-search`): nothing indexed, nothing to check. */
export const NO_SEARCH: SearchState = { shards: [], digests: {}, entries: [] };

/**
 * The search part of the digest phase: shards and their digests. A page's search digest covers only
 * what Pagefind reads: the <article data-pagefind-body> (the article view), its URL, and the shell
 * (html lang) and templates. Related and neighbour links (outside it or ignored) change on many pages
 * when one article is added, and are left out.
 */
export function searchState(site: SiteModel, templates: string, shell: string): SearchState {
  const shards = shardArticles(site.lists.article.map((p) => ({ path: p.path, day: p.article.published.iso })));
  const pageDigests: Record<string, string> = {};
  for (const p of site.lists.article) {
    pageDigests[p.path] = createHash('sha256').update(templates).update(shell).update(JSON.stringify([p.path, p.url, p.article])).digest('hex');
  }
  const digests: Record<string, string> = {};
  for (const shard of shards) digests[shard.key] = shardDigest(shard, pageDigests);
  const entries = ['pagefind/shards.json', 'pagefind/pagefind.js', ...shards.map((s) => `pagefind/${s.key}/pagefind-entry.json`)];
  return { shards, digests, entries };
}
