import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ParsedArticle } from '../article/article.ts';
import { collectImageUrls, toFetchUrl } from './collect-image-urls.ts';
import { fetchImage } from './fetch-image.ts';
import { loadImageCache, saveImageCache, type ImageCacheEntry } from './image-cache.ts';

/**
 * Downloads the remote images of an archive into a content-addressed media folder
 * (`<mediaDir>/ab/abcdef….jpg`, the name is the sha256 of the bytes) and records every outcome in
 * a cache file, so that a second run only fetches what is new. Opt-in: only `clippings images
 * --mirror` calls it; a build reads the cache with `loadMirrorMap` and never touches the network.
 */

export interface MirrorOptions {
  /** Folder of the local copies, e.g. "media". */
  readonly mediaDir: string;
  /** JSON cache file: URL → local file or failure reason. */
  readonly cacheFile: string;
  /** Largest image kept (default 5 MB). */
  readonly maxBytes?: number;
  /** Most downloads attempted in this run (default: no limit). */
  readonly maxCount?: number;
  /** Time limit per attempt, body included (default 15 s). */
  readonly timeoutMs?: number;
  /** Extra attempts after a 5xx or network error (default 2). */
  readonly retries?: number;
  /** First retry delay, doubling each time (default 500 ms). */
  readonly backoffMs?: number;
  /** Parallel downloads (default 4). */
  readonly concurrency?: number;
  /** Try again the URLs that failed in earlier runs (default false). */
  readonly retryFailed?: boolean;
  readonly fetch?: typeof fetch;
  /** Called after each download attempt. */
  readonly onProgress?: (progress: MirrorProgress) => void;
}

export interface MirrorProgress {
  readonly done: number;
  readonly total: number;
  readonly url: string;
  readonly ok: boolean;
  readonly reason?: string;
}

export interface MirrorSummary {
  /** Distinct image URLs referenced by the articles. */
  readonly referenced: number;
  /** Downloaded in this run. */
  readonly fetched: number;
  /** Already on disk from an earlier run. */
  readonly cached: number;
  /** Failed in this run, with the reason. */
  readonly failed: readonly { readonly url: string; readonly reason: string }[];
  /** Failed in an earlier run and not retried (see `retryFailed`). */
  readonly previouslyFailed: number;
  /** Left for a later run because of `maxCount`. */
  readonly skipped: number;
  /** Bytes written in this run. */
  readonly bytes: number;
}

export async function mirrorImages(articles: readonly Readonly<ParsedArticle>[], options: MirrorOptions): Promise<MirrorSummary> {
  const cache = await loadImageCache(options.cacheFile);
  const entries: Record<string, ImageCacheEntry> = { ...cache.entries };
  const urls = collectImageUrls(articles);

  let cached = 0;
  let previouslyFailed = 0;
  const todo: string[] = [];
  for (const url of urls) {
    const entry = entries[url];
    if (entry?.ok && (await exists(join(options.mediaDir, entry.file)))) cached++;
    else if (entry && !entry.ok && !options.retryFailed) previouslyFailed++;
    else todo.push(url);
  }
  const batch = todo.slice(0, options.maxCount ?? todo.length);

  const failed: { url: string; reason: string }[] = [];
  let fetched = 0;
  let bytes = 0;
  let done = 0;
  let saving = Promise.resolve();
  const save = (): Promise<void> => (saving = saving.then(() => saveImageCache(options.cacheFile, { version: 1, entries })));

  const work = async (url: string): Promise<void> => {
    const result = await fetchImage(toFetchUrl(url) ?? url, {
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 500,
      fetch: options.fetch ?? fetch,
    });
    const now = new Date().toISOString();
    if (result.ok) {
      const hash = createHash('sha256').update(result.bytes).digest('hex');
      const file = `${hash.slice(0, 2)}/${hash}${result.extension}`;
      await writeAtomically(join(options.mediaDir, file), result.bytes);
      entries[url] = { ok: true, file, contentType: result.contentType, bytes: result.bytes.byteLength, fetchedAt: now };
      fetched++;
      bytes += result.bytes.byteLength;
    } else {
      entries[url] = { ok: false, reason: result.reason, failedAt: now };
      failed.push({ url, reason: result.reason });
    }
    done++;
    options.onProgress?.({ done, total: batch.length, url, ok: result.ok, ...(result.ok ? {} : { reason: result.reason }) });
    if (done % 25 === 0) await save();
  };

  let next = 0;
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
    while (next < batch.length) await work(batch[next++] ?? '');
  });
  await Promise.all(workers);
  await save();
  failed.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { referenced: urls.length, fetched, cached, failed, previouslyFailed, skipped: todo.length - batch.length, bytes };
}

/** Writes a file through a temporary name, so a crash never leaves half an image under the final name. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  if (await exists(path)) return; // same name, same content
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
