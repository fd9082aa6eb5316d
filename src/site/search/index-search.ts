import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { SHARD_KEY, type SearchShard } from './shard-articles.ts';
import { indexShardsInLanes, SEARCH_DIR } from './index-shards.ts';

export interface IndexSearchOptions {
  /** "/" or "/sub/": result URLs in the index include it, so the bundles work under any prefix. */
  readonly pathPrefix: string;
  /** Keys of the shards to (re)index; the others must already be in `<outputDir>/pagefind/<key>/` (or the previous output's). Default: all. */
  readonly stale?: ReadonlySet<string>;
  /**
   * The live output an incremental build will be applied to: article pages not rendered into
   * `outputDir` by this build, and the bundles of shards not re-indexed, are read from there.
   */
  readonly previousOutput?: string;
}

export interface IndexSearchResult {
  /** Pages in the shards indexed by this call (pages that carry `data-pagefind-body`: the articles). */
  readonly pages: number;
  /** Total size of the search folder (`pagefind/`, every shard). */
  readonly bytes: number;
  readonly ms: number;
  /** Shards of the site, and the keys of those indexed by this call. */
  readonly shards: number;
  readonly indexed: readonly string[];
}

/** The shard list the search page reads, in the folder of all search bundles. */
export { SEARCH_DIR };
export const SHARD_LIST = 'shards.json';

/**
 * Builds the Pagefind search bundles of a rendered site: one bundle per shard (shardArticles) at
 * `<outputDir>/pagefind/<key>/`, indexed one shard at a time in a fresh Pagefind process, so memory
 * is bounded by the largest shard. Then writes `pagefind/shards.json` (keys, newest first) and puts
 * Pagefind's runtime files (pagefind.js, pagefind-ui.js, …) at `pagefind/` too, for anyone who loads
 * them from there. Only pages that mark their content with `data-pagefind-body` are indexed; their
 * `<html lang>` picks the language, and `zh-CN` makes Pagefind segment Chinese words at index time.
 *
 *     const shards = shardArticles(site.lists.article.map((p) => ({ path: p.path, day: p.article.published.iso })));
 *     const { pages, bytes, ms } = await indexSearch('_site', shards, { pathPrefix: '/sub/' });
 *
 * Errors from Pagefind are thrown with its messages, prefixed by the folder they concern.
 */
export async function indexSearch(outputDir: string, shards: readonly SearchShard[], options: IndexSearchOptions): Promise<IndexSearchResult> {
  const started = performance.now();
  const searchDir = join(outputDir, SEARCH_DIR);
  await mkdir(searchDir, { recursive: true });
  for (const shard of shards) if (!SHARD_KEY.test(shard.key)) throw new Error(`${searchDir}: invalid search shard key "${shard.key}"`);
  const stale = shards.filter((shard) => options.stale === undefined || options.stale.has(shard.key));
  const pages = await indexShardsInLanes({ outputDir, shards: stale, pathPrefix: options.pathPrefix, previousOutput: options.previousOutput });
  const indexed = stale.map((shard) => shard.key);
  // Runtime files are the same for every bundle of one Pagefind version: copy them from the newest
  // shard's bundle, re-indexed into outputDir or kept in the previous output.
  const newest = shards[0] && [outputDir, options.previousOutput ?? outputDir].map((dir) => join(dir, SEARCH_DIR, shards[0]!.key)).find((dir) => existsSync(dir));
  const runtimeFrom = newest ?? (await emptyBundle());
  try {
    for (const name of await readdir(runtimeFrom)) {
      if (/\.(js|css)$/.test(name)) await copyFile(join(runtimeFrom, name), join(searchDir, name));
    }
  } finally {
    if (newest === undefined) await rm(dirname(runtimeFrom), { recursive: true, force: true });
  }
  await writeFile(join(searchDir, SHARD_LIST), `${JSON.stringify(shards.map((s) => s.key))}\n`);
  let bytes = sizeOf(searchDir);
  if (options.previousOutput !== undefined) for (const shard of shards) if (!indexed.includes(shard.key)) bytes += sizeOf(join(options.previousOutput, SEARCH_DIR, shard.key));
  return { pages, bytes, ms: Math.round(performance.now() - started), shards: shards.length, indexed };
}

/** A bundle of no pages, in a temporary folder: where the runtime files come from when there is no shard. */
async function emptyBundle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'clippings-search-empty-'));
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
    if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'bundle') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return join(dir, 'bundle');
  } finally {
    await pagefind.close();
  }
}

/** Synchronous: one stat per bundle file (tens of thousands at 10,000 articles) without thread-pool round trips. */
function sizeOf(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) bytes += statSync(join(e.parentPath, e.name)).size;
  return bytes;
}
