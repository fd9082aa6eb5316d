import { existsSync, readdirSync } from 'node:fs';
import { access, copyFile, link, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadMirrorMap } from '../images/load-mirror-map.ts';

/** The mirrored images a build uses: URL → local URL for the pages, and the files to publish. */
export interface Media {
  readonly mediaDir: string;
  /** Image URL → site URL of its copy (`<pathPrefix>media/ab/abcdef….jpg`). */
  readonly mirror: ReadonlyMap<string, string>;
  /** Files relative to mediaDir ("ab/abcdef….jpg"), each validated and present on disk. */
  readonly files: readonly string[];
}

/** What `clippings images` writes: `<2 hex>/<64 hex>.<ext>`; anything else never reaches the file system. */
const MEDIA_FILE = /^[0-9a-f]{2}\/[0-9a-f]{64}\.(?:jpg|png|gif|webp|avif|bmp)$/;

/**
 * Reads `<mediaDir>/index.json` (the cache `clippings images --mirror` writes; no network). A missing
 * cache means no mirrored images. Entries whose file is missing or whose name is not one the mirror
 * writes are left out, so their images keep the remote URL.
 */
export async function loadMedia(mediaDir: string, pathPrefix: string): Promise<Media> {
  const urlPrefix = `${pathPrefix}media/`;
  const all = await loadMirrorMap(path.join(mediaDir, 'index.json'), { urlPrefix });
  const mirror = new Map<string, string>();
  const present = new Map<string, boolean>();
  for (const [url, local] of all) {
    const file = local.slice(urlPrefix.length);
    if (!local.startsWith(urlPrefix) || !MEDIA_FILE.test(file)) continue;
    let ok = present.get(file);
    if (ok === undefined) {
      ok = await access(path.join(mediaDir, file)).then(() => true, () => false);
      present.set(file, ok);
    }
    if (ok) mirror.set(url, local);
  }
  const files = [...present].filter(([, ok]) => ok).map(([file]) => file).sort();
  return { mediaDir, mirror, files };
}

/**
 * Hard-links (or copies, across file systems) the mirrored files into `<outputDir>/media/`. Given the
 * live output an incremental build will be applied to, only files it lacks are staged (names are
 * content hashes: same name, same bytes), and the live media files no longer used are returned, to be
 * deleted (relative paths).
 */
export async function publishMedia(media: Media, outputDir: string, live?: string): Promise<string[]> {
  const target = path.join(outputDir, 'media');
  for (const file of media.files) {
    if (live !== undefined && existsSync(path.join(live, 'media', file))) continue;
    const to = path.join(target, file);
    await mkdir(path.dirname(to), { recursive: true });
    const from = path.join(media.mediaDir, file);
    await link(from, to).catch(() => copyFile(from, to));
  }
  if (live === undefined) return [];
  const used = new Set(media.files);
  const liveMedia = path.join(live, 'media');
  if (!existsSync(liveMedia)) return [];
  return readdirSync(liveMedia, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(liveMedia, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !used.has(file))
    .map((file) => `media/${file}`);
}
