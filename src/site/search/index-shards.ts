import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { spawnWorker } from '../../runtime/spawn-worker.ts';
import type { SearchShard } from './shard-articles.ts';

/** The folder of all search bundles in the output. */
export const SEARCH_DIR = 'pagefind';

/** Where one lane of shards is indexed, and from where pages not in `outputDir` are read. */
export interface ShardJob {
  readonly outputDir: string;
  readonly shards: readonly SearchShard[];
  readonly pathPrefix: string;
  readonly previousOutput: string | undefined;
}

/**
 * Indexes shards in two lanes at once on a machine with two or more cores: this thread drives one
 * Pagefind process, a worker thread (src/site/search/index-worker.ts) another. Pagefind spends much
 * of each shard on one core, so two lanes take ~0.8 of the time of one; each process still holds one
 * shard at a time, so memory per process is unchanged. Lanes are balanced by page count; bundles are
 * the same bytes whichever lane builds them. Returns the pages indexed.
 */
export async function indexShardsInLanes(job: ShardJob): Promise<number> {
  const lanes: [SearchShard[], SearchShard[]] = [[], []];
  const load = [0, 0];
  for (const shard of [...job.shards].sort((a, b) => b.paths.length - a.paths.length || (a.key < b.key ? -1 : 1))) {
    const lane = load[0]! <= load[1]! ? 0 : 1;
    lanes[lane].push(shard);
    load[lane]! += shard.paths.length;
  }
  if (lanes[1].length === 0 || availableParallelism() < 2) return indexShards(job);
  const worker = spawnWorker(new URL('./index-worker.ts', import.meta.url), { ...job, shards: lanes[1] } satisfies ShardJob);
  const other = new Promise<number>((resolvePages, reject) => {
    worker.once('message', (reply: { pages?: number; error?: string; code?: string }) =>
      reply.error === undefined ? resolvePages(reply.pages ?? 0) : reject(Object.assign(new Error(reply.error), reply.code === undefined ? {} : { code: reply.code })));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker exited with code ${code}`)));
  });
  other.catch(() => undefined); // awaited below; a failure here must not go unhandled while this lane runs
  try {
    const [here, there] = await Promise.all([indexShards({ ...job, shards: lanes[0] }), other]);
    return here + there;
  } finally {
    await worker.terminate();
  }
}

/** Indexes the shards one after the other in this thread's Pagefind process. */
export async function indexShards(job: ShardJob): Promise<number> {
  let pages = 0;
  for (const shard of job.shards) pages += await indexShard(job.outputDir, shard, job.pathPrefix, job.previousOutput);
  return pages;
}

/**
 * Indexes one shard's pages into `pagefind/<key>/`. Pagefind reads a folder itself, on every core and
 * in a fixed order (byte-identical bundles from identical pages), 4-5× faster than sending pages one
 * by one. Its URLs are paths relative to that folder, so the folder is a farm of symlinks to this
 * shard's pages under the path prefix (`<tmp>/sub/articles/<slug>/index.html`): result URLs carry the
 * prefix. A fresh Pagefind process per shard gives its memory back when the shard is written.
 */
async function indexShard(outputDir: string, shard: SearchShard, pathPrefix: string, previousOutput: string | undefined): Promise<number> {
  const bundlePath = join(outputDir, SEARCH_DIR, shard.key);
  rmSync(bundlePath, { recursive: true, force: true });
  const root = mkdtempSync(join(tmpdir(), 'clippings-search-'));
  try {
    const prefix = pathPrefix.replace(/^\/+|\/+$/g, '');
    const base = prefix === '' ? root : join(root, prefix);
    for (const rel of shard.paths) {
      const link = join(base, rel);
      mkdirSync(dirname(link), { recursive: true }); // synchronous: a fifth of the CPU of async calls here, per page
      const page = resolve(outputDir, rel);
      symlinkSync(previousOutput === undefined || existsSync(page) ? page : resolve(previousOutput, rel), link, 'file');
    }
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
    if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: root, glob: '**/*.html' });
    if (added.errors.length > 0) throw new Error(`${bundlePath}: pagefind: ${added.errors.join('; ')}`);
    // Written by Node, not by Pagefind: Pagefind panics on a full disk (a Rust backtrace, then a process
    // that never answers), while a Node write error says what happened and can be reported (asWriteFailure).
    const built = await index.getFiles();
    if (built.errors.length > 0) throw new Error(`${bundlePath}: pagefind: ${built.errors.join('; ')}`);
    for (const file of built.files) {
      const target = resolve(bundlePath, file.path);
      if (relative(bundlePath, target).startsWith('..')) throw new Error(`${bundlePath}: pagefind: unexpected file path ${file.path}`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return await indexedPages(bundlePath);
  } finally {
    await pagefind.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Pages in the bundle, as its entry file counts them (pages with `data-pagefind-body`). */
async function indexedPages(bundlePath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundlePath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

