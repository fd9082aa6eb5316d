import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../runtime/write-file-atomic.ts';

/** The persistent record of image mirroring: one entry per image URL, as written in the HTML. */
export interface ImageCache {
  readonly version: 1;
  readonly entries: Record<string, ImageCacheEntry>;
}

export type ImageCacheEntry =
  | {
      readonly ok: true;
      /** Path relative to the media folder, e.g. "ab/abcdef….jpg" (sha256 of the content). */
      readonly file: string;
      readonly contentType: string;
      readonly bytes: number;
      readonly fetchedAt: string;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly failedAt: string;
    };

/** Reads the cache file; a missing file is an empty cache, a damaged one is an error. */
export async function loadImageCache(cacheFile: string): Promise<ImageCache> {
  let text: string;
  try {
    text = await readFile(cacheFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
    throw new Error(`${cacheFile}: cannot read the image cache`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${cacheFile}:1: not valid JSON; delete it to start the image cache afresh`, { cause: error });
  }
  if (!isCache(data)) {
    throw new Error(`${cacheFile}:1: not an image cache (expected {"version":1,"entries":{…}}); delete it to start afresh`);
  }
  return data;
}

/** Writes the cache atomically (temp file + rename), URLs sorted so the file diffs well. */
export async function saveImageCache(cacheFile: string, cache: ImageCache): Promise<void> {
  const entries = Object.fromEntries(Object.entries(cache.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(cacheFile, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
}

function isCache(data: unknown): data is ImageCache {
  if (typeof data !== 'object' || data === null) return false;
  const { version, entries } = data as { version?: unknown; entries?: unknown };
  if (version !== 1 || typeof entries !== 'object' || entries === null) return false;
  return Object.values(entries).every(
    (entry: unknown) =>
      typeof entry === 'object' &&
      entry !== null &&
      ((entry as { ok?: unknown }).ok === true
        ? typeof (entry as { file?: unknown }).file === 'string' &&
          /^[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]+$/.test((entry as { file: string }).file)
        : typeof (entry as { reason?: unknown }).reason === 'string'),
  );
}
