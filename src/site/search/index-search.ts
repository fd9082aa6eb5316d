import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

export interface IndexSearchOptions {
  /** "/" or "/sub/": result URLs in the index include it, so the bundle works under any prefix. */
  readonly pathPrefix: string;
  /** Folder name of the bundle inside the output dir (default `pagefind`). */
  readonly bundleDir?: string;
}

export interface IndexSearchResult {
  /** Pages in the index (pages that carry `data-pagefind-body`: the articles). */
  readonly pages: number;
  /** Total size of the written bundle. */
  readonly bytes: number;
  readonly ms: number;
}

/**
 * Builds the Pagefind search bundle of a rendered site into `<outputDir>/pagefind/`.
 * Run it after rendering. Only pages that mark their content with `data-pagefind-body` are indexed
 * (article pages; index pages are not); their `<html lang>` picks the language, and `zh-CN`
 * makes Pagefind segment Chinese words at index time.
 *
 *     const { pages, bytes, ms } = await indexSearch('_site', { pathPrefix: '/sub/' });
 *
 * Errors from Pagefind are thrown with its messages, prefixed by the file they concern.
 */
export async function indexSearch(outputDir: string, options: IndexSearchOptions): Promise<IndexSearchResult> {
  const started = performance.now();
  const bundleDir = options.bundleDir ?? 'pagefind';
  const bundlePath = join(outputDir, bundleDir);
  await rm(bundlePath, { recursive: true, force: true });
  const files = (await htmlFiles(outputDir)).filter((f) => !f.startsWith(bundlePath + sep));

  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
  if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
  try {
    let pages = 0;
    // One page at a time, in path order: Pagefind's file names are hashes of what it was given in the
    // order it was given, so a fixed order makes two builds of the same pages byte-identical (with
    // several adds in flight, clean builds differed). The next file is read while one is indexed.
    const read = (i: number): Promise<string> | undefined => {
      if (i >= files.length) return undefined;
      const reading = readFile(files[i]!, 'utf8');
      reading.catch(() => undefined); // awaited below; this only keeps an error after an early throw from going unhandled
      return reading;
    };
    let next = read(0);
    for (let i = 0; i < files.length; i++) {
      const content = await next!;
      next = read(i + 1);
      if (!content.includes('data-pagefind-body')) continue;
      const file = files[i]!;
      const response = await index.addHTMLFile({ url: pageUrl(outputDir, file, options.pathPrefix), content });
      if (response.errors.length > 0) throw new Error(`${file}: pagefind: ${response.errors.join('; ')}`);
      pages++;
    }
    const written = await index.writeFiles({ outputPath: bundlePath });
    if (written.errors.length > 0) throw new Error(`${bundlePath}: pagefind: ${written.errors.join('; ')}`);
    return { pages, bytes: await sizeOf(bundlePath), ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/** `articles/x/index.html` under prefix `/sub/` → `/sub/articles/x/`. */
function pageUrl(outputDir: string, file: string, pathPrefix: string): string {
  const rel = relative(outputDir, file).split(sep).join('/');
  return pathPrefix + rel.replace(/(^|\/)index\.html$/, '$1');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function sizeOf(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  for (const e of entries) if (e.isFile()) bytes += (await stat(join(e.parentPath, e.name))).size;
  return bytes;
}
