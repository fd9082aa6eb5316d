import { loadImageCache } from './image-cache.ts';

/**
 * Image URL → site-relative path of its local copy, read from the cache file only (no network).
 * `urlPrefix` is where the media folder is served, e.g. "/media/" (include the site's path prefix).
 * Images that could not be fetched are absent, so they keep their remote URL.
 */
export async function loadMirrorMap(
  cacheFile: string,
  options: { readonly urlPrefix?: string } = {},
): Promise<ReadonlyMap<string, string>> {
  const prefix = (options.urlPrefix ?? '/media/').replace(/\/?$/, '/');
  const cache = await loadImageCache(cacheFile);
  const map = new Map<string, string>();
  for (const [url, entry] of Object.entries(cache.entries)) {
    if (entry.ok) map.set(url, `${prefix}${entry.file}`);
  }
  return map;
}
