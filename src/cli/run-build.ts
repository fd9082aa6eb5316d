import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { exportDigest, exportRecords } from '../archive/export-records.ts';
import { buildSite } from '../site/build-site.ts';
import type { IndexSearchResult } from '../site/search/index-search.ts';
import { searchDocs } from '../site/search/search-doc.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { manifestPath, readManifest, writeManifest } from './build-manifest.ts';
import type { Progress } from './create-progress.ts';
import { formatRejected } from './format-summary.ts';
import { loadMedia, publishMedia } from './load-media.ts';
import { abandonStaging, applyStaging, cleanStaleOutputs, insideRoot, stagingDir, swapIn } from './publish-output.ts';
import { templatesDigest } from './templates-digest.ts';
import { collectGarbage, collectGarbageIfGrown } from '../runtime/collect-garbage.ts';

export interface BuildOptions {
  readonly input: string;
  readonly output: string;
  readonly cacheDir: string;
  readonly config: SiteConfig;
  /** Ignore the previous output and render every page. */
  readonly full: boolean;
  /** Fail (and publish nothing) when any file is rejected. */
  readonly strict: boolean;
  readonly progress: Progress;
  /** Project folder whose layouts/, public/ and src/site/ the templates digest covers. */
  readonly projectDir: string;
}

export interface BuildResult {
  readonly archive: Archive;
  readonly pagesTotal: number;
  readonly pagesWritten: number;
  readonly pagesDeleted: number;
  readonly incremental: boolean;
  readonly parsed: number;
  readonly published: boolean;
  readonly ms: number;
  /** The search index written by this build (some segments may have been kept); undefined without search. */
  readonly search?: IndexSearchResult;
}

/** Thrown by `--strict` builds with rejected files: nothing is published. */
export class StrictBuildError extends Error {}

/**
 * Test hook: with CLIPPINGS_FAIL_AFTER_RENDER=1 the build throws after rendering into the staging
 * folder and before the swap, as a crash at the worst moment would. The live output must survive.
 */
const FAIL_AFTER_RENDER = 'CLIPPINGS_FAIL_AFTER_RENDER';

/** Written by `exportRecords` (docs/export-schema.json); tracked in the build manifest like a page. */
const EXPORT_FILE = 'data/articles.ndjson';

/**
 * Loads the archive, builds the page models and publishes the site without ever showing a
 * half-written page: pages whose digest (page model + shell + templates digest) is unchanged are left
 * as they are, the others rendered into a staging folder, which then replaces the live one (full
 * build) or is moved into it file by file (incremental build).
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const { config, output, progress } = options;
  await cleanStaleOutputs(output);
  // A build with no previous manifest renders everything: it starts loading Eleventy now, while the
  // workers parse (imports run on this thread, which is mostly waiting then). Others load it only
  // if something changed: a no-change build never pays for it.
  const manifestFile = manifestPath(options.cacheDir, output);
  const renderer = options.full || !existsSync(manifestFile) ? import('../site/render-site.ts') : undefined;
  renderer?.catch(() => undefined); // awaited (and reported) where it is used

  let parsed = 0;
  let parserVersion = '';
  let parseTotal = -1;
  const archive = await loadArchive(options.input, {
    timeZone: config.timeZone,
    outlets: config.outlets,
    cacheDir: path.join(options.cacheDir, 'parse'),
    onProgress: (done, total) => {
      if (total !== parseTotal) progress.start('parse', (parseTotal = total));
      progress.update(done);
    },
    onStats: (stats) => {
      parsed = stats.parsed;
      parserVersion = stats.parserVersion;
    },
  });
  progress.stop();
  collectGarbage(); // the seeds' bytes and the workers' replies: the peak is set later, by what is live
  phase('load archive');
  if (options.strict && archive.rejected.length > 0) {
    throw new StrictBuildError([`${archive.rejected.length} file(s) rejected and --strict is set: nothing was published`, ...formatRejected(archive)].join('\n'));
  }

  // Mirrored images (`clippings images --mirror`): read from the cache file only, never the network.
  const media = await loadMedia(config.mediaDir ?? 'media', config.pathPrefix);
  const withSearch = config.search !== false;
  const site = buildSite(archive, config, { feeds: true, search: withSearch, mirror: media.mirror });
  const templates = await templatesDigest(options.projectDir, parserVersion, config);
  const shell = JSON.stringify(site.shell);
  const digests: Record<string, string> = {};
  for (const page of site.pages) {
    insideRoot(output, page.path); // a page path that escapes the output folder stops the build here
    digests[page.path] = createHash('sha256').update(templates).update(shell).update(JSON.stringify(page)).digest('hex');
  }
  // The data export is kept like a page: rewritten only when its content would change.
  const exportOptions = { sourceRoot: options.input };
  digests[EXPORT_FILE] = exportDigest(archive, exportOptions);
  // Feeds, sitemaps and robots.txt are rewritten by every build that writes anything; listed here so
  // that one which is gone (a topic's feed, a sitemap part) is deleted.
  const { feeds, sitemaps, robots } = site.publish;
  const published = [...feeds, ...sitemaps, ...(robots ? [robots] : [])].map((f) => f.path);
  for (const rel of published) digests[rel] = 'rewritten';
  collectGarbage();
  phase('page models and digests');

  // Everything the output depends on in one digest: when it matches the last build and the output is
  // still there, nothing is rendered, indexed, copied or rewritten.
  const siteDigest = wholeDigest(templates, digests, JSON.stringify(site.publish), media.files, withSearch);

  const previous = options.full ? undefined : await readManifest(manifestFile);
  const incremental = previous !== undefined && previous.templatesDigest === templates && allExist(output, Object.keys(previous.pages));
  // The search index is made of the article pages' fields and text, which their digests cover.
  if (incremental && previous.siteDigest === siteDigest && (!withSearch || allExist(output, SEARCH_ENTRIES))) {
    return { archive, pagesTotal: site.pages.length, pagesWritten: 0, pagesDeleted: 0, incremental, parsed, published: true, ms: Date.now() - started };
  }
  const staging = path.resolve(stagingDir(output));
  await rm(staging, { recursive: true, force: true });
  const live = path.resolve(output);
  const removeStaging = (): void => abandonStaging(staging, live); // on exit (e.g. Ctrl-C), even mid-swap
  process.once('exit', removeStaging);
  try {
    // A full build renders everything into the staging folder, which then replaces the live one. An
    // incremental build stages only what changed (pages whose digest differs, search index segments
    // whose inputs changed, and what every build rewrites: feeds, sitemaps, public/ assets, the search
    // manifest and script), then moves it into the live output and deletes what is gone (applyStaging).
    let only: Set<string> | undefined;
    let removed: string[] = [];
    let pagesDeleted = 0;
    if (incremental) {
      const unchanged = (rel: string): boolean => previous.pages[rel] !== undefined && previous.pages[rel] === digests[rel];
      only = new Set(site.pages.map((p) => p.path).filter((p) => !unchanged(p)));
      removed = Object.keys(previous.pages).filter((rel) => digests[rel] === undefined);
      pagesDeleted = removed.length;
    }
    await mkdir(staging, { recursive: true });

    // Loaded only when something is rendered: Eleventy costs ~1 s of imports a no-change build never needs.
    const { renderSite } = await (renderer ?? import('../site/render-site.ts'));
    progress.start('render', only?.size ?? site.pages.length);
    // In batches, collecting garbage between them: Eleventy's per-page objects from one batch are
    // gone before the next piles up, which keeps the peak near the live heap (see collect-garbage.ts).
    // Feeds, sitemaps and robots.txt go in the first batch.
    const pagePaths = site.pages.map((p) => p.path).filter((p) => only === undefined || only.has(p));
    const toRender = [...published, ...pagePaths];
    let pagesWritten = 0;
    for (let start = 0; start === 0 || start < toRender.length; start += RENDER_BATCH) {
      const batch = new Set(toRender.slice(start, start + RENDER_BATCH));
      pagesWritten += (await inProjectDir(options.projectDir, () => renderSite(site, staging, { only: batch, quiet: true }))).pagesWritten;
      progress.update(pagesWritten);
      collectGarbageIfGrown();
    }
    progress.stop();
    phase(`render ${pagesWritten} pages`);
    const missing = firstMissing(staging, pagePaths);
    if (missing !== undefined) throw new Error(`rendering did not produce ${missing}`);
    // The search index (src/site/search/): segments whose inputs are unchanged stay in the live output.
    let search: IndexSearchResult | undefined;
    if (withSearch) {
      progress.start('search', 1);
      const { indexSearch } = await import('../site/search/index-search.ts');
      search = await indexSearch(staging, searchDocs(archive.articles, site.lists.article), incremental ? { previousOutput: live } : {});
      removed.push(...search.obsolete);
      progress.update(1);
      progress.stop();
      phase(`search index (${search.written.length} of ${search.segments.length} segments written, ${search.docsIndexed} articles)`);
    }
    if (!(incremental && previous.pages[EXPORT_FILE] === digests[EXPORT_FILE])) await exportRecords(archive, staging, exportOptions);
    removed.push(...(await publishMedia(media, staging, incremental ? live : undefined)));
    if (process.env[FAIL_AFTER_RENDER] === '1') throw new Error(`${FAIL_AFTER_RENDER}=1: failing before the swap, as asked`);

    phase('export and media');
    if (incremental) {
      await rm(manifestFile, { force: true }); // stopped while applying, the next build is a full one
      applyStaging(staging, live, { replaceDirs: new Set(), remove: removed });
    } else {
      await swapIn(staging, output);
    }
    await writeManifest(manifestFile, { output: path.resolve(output), templatesDigest: templates, siteDigest, pages: digests });
    phase('publish');
    return {
      archive,
      pagesTotal: site.pages.length,
      pagesWritten,
      pagesDeleted,
      incremental,
      parsed,
      published: true,
      ms: Date.now() - started,
      ...(search ? { search } : {}),
    };
  } finally {
    process.removeListener('exit', removeStaging);
    await rm(staging, { recursive: true, force: true });
  }
}

/** Pages per Eleventy run: each run costs ~0.1 s to set up; its garbage is collected after it. */
const RENDER_BATCH = 2500;

/**
 * Eleventy resolves the layouts folder against the working directory, so rendering runs from the
 * project folder (the command itself may be run from anywhere; every path it holds is absolute by then).
 */
async function inProjectDir<T>(projectDir: string, work: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(projectDir);
  try {
    return await work();
  } finally {
    process.chdir(previous);
  }
}

function wholeDigest(templates: string, pages: Readonly<Record<string, string>>, publish: string, media: readonly string[], search: boolean): string {
  const hash = createHash('sha256').update(templates).update(`\0${publish}\0${media.join('\n')}\0${search}`);
  for (const rel of Object.keys(pages).sort()) hash.update(`\0${rel}\0${pages[rel]}`);
  return hash.digest('hex');
}

/** CLIPPINGS_TRACE=1: seconds since the previous phase and the heap/RSS after it, on stderr (for the benchmark). */
const trace = process.env.CLIPPINGS_TRACE === '1';
let phaseStarted = performance.now();
let phaseCpu = process.cpuUsage();
function phase(name: string): void {
  if (!trace) return;
  const now = performance.now();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (n: number): string => `${Math.round(n / 1048576)} MB`;
  const peak = process.resourceUsage().maxRSS * 1024;
  const cpu = process.cpuUsage(phaseCpu);
  phaseCpu = process.cpuUsage();
  process.stderr.write(`[trace] ${name}: ${((now - phaseStarted) / 1000).toFixed(1)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), heap ${mb(heapUsed)}, rss ${mb(rss)}, peak rss so far ${mb(peak)}\n`);
  phaseStarted = now;
}

/** Files that show a search index is in place (index.json is written last). */
const SEARCH_ENTRIES = ['search/search.js', 'search/index.json'];

function allExist(root: string, rels: readonly string[]): boolean {
  return firstMissing(root, rels) === undefined;
}

/** Synchronous existence checks: ~30 ms for 14,000 pages, a thirtieth of the async calls' cost here. */
function firstMissing(root: string, rels: readonly string[]): string | undefined {
  return rels.find((rel) => !existsSync(path.join(root, rel)));
}
