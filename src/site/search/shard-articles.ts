import { createHash } from 'node:crypto';

/**
 * Most articles one year's shard may hold; a busier year is split into one shard per month. Pagefind's
 * memory grows with the shard (~0.6 MB per Chinese article page: 848 pages peaked at 503 MB), so this
 * keeps it near 350 MB.
 */
export const SHARD_MAX = 600;

/** A shard key: a year (`2023`) or a month (`2023-08`); also the shard's folder in `pagefind/`. */
export const SHARD_KEY = /^\d{4}(-\d{2})?$/;

/** One search shard: its own Pagefind bundle at `pagefind/<key>/`. */
export interface SearchShard {
  readonly key: string;
  /** Output-relative paths of its article pages, sorted. */
  readonly paths: readonly string[];
}

/** What sharding needs of an article page: where it is written and its local publication day. */
export interface ShardablePage {
  readonly path: string;
  /** ISO date or date-time in the site's time zone, starting `YYYY-MM-DD`. */
  readonly day: string;
}

/**
 * Groups article pages by publication period with stable boundaries: a calendar year when it holds
 * at most `max` articles, else one shard per month of that year. Shards come newest first, their pages
 * sorted by path, so the same pages always give the same shards in the same order.
 *
 *     shardArticles([{ path: 'articles/a/index.html', day: '2023-08-30' }]) // → [{ key: '2023', paths: [...] }]
 */
export function shardArticles(pages: readonly ShardablePage[], max: number = SHARD_MAX): SearchShard[] {
  const byYear = new Map<string, ShardablePage[]>();
  for (const page of pages) {
    if (!/^\d{4}-\d{2}/.test(page.day)) throw new Error(`${page.path}: no publication month in "${page.day}"`);
    const year = page.day.slice(0, 4);
    const list = byYear.get(year) ?? [];
    list.push(page);
    byYear.set(year, list);
  }
  const shards = new Map<string, string[]>();
  for (const [year, list] of byYear) {
    for (const page of list) {
      const key = list.length <= max ? year : page.day.slice(0, 7);
      const paths = shards.get(key) ?? [];
      paths.push(page.path);
      shards.set(key, paths);
    }
  }
  return [...shards.keys()]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((key) => ({ key, paths: shards.get(key)!.sort() }));
}

/** Digest of a shard's inputs: its key, its pages and a digest of each (of what the index reads of it). */
export function shardDigest(shard: SearchShard, pageDigests: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256').update(shard.key);
  for (const path of shard.paths) hash.update(`\0${path}\0${pageDigests[path] ?? ''}`);
  return hash.digest('hex');
}
