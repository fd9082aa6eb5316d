import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import type { IndexSearchResult } from '../site/search/index-search.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { manifestPath, readManifest, type BuildManifest } from './build-manifest.ts';
import type { Progress } from './create-progress.ts';
import { formatRejected } from './format-summary.ts';
import { abandonStaging, cleanStaleOutputs, stagingDir } from './publish-output.ts';
import { digestPhase, type BuildDigests } from './build-phases/digest-phase.ts';
import { firstMissing } from './build-phases/first-missing.ts';
import { indexPhase } from './build-phases/index-phase.ts';
import { loadPhase } from './build-phases/load-phase.ts';
import { modelPhase, type ModelledSite } from './build-phases/model-phase.ts';
import { publishPhase } from './build-phases/publish-phase.ts';
import { renderPhase } from './build-phases/render-phase.ts';
import { asWriteFailure } from '../runtime/as-write-failure.ts';
import { collectGarbage, heapIsLarge } from '../runtime/collect-garbage.ts';
import { tracePhase } from './build-phases/trace-phase.ts';
import { newStamp, removeStamp, stampPath, writeStamp } from './fast-path/build-stamp.ts';
import type { InputsStamp } from './fast-path/stamp-inputs.ts';
import { stampOutput, type OutputStamp, type TouchedFolders } from './fast-path/stamp-output.ts';

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
  /** The inputs as stamped before the build (src/cli/fast-path/): written with the output's stamp when it succeeds. */
  readonly inputs?: InputsStamp;
  /** The output's stamp before this build, when it was intact: the new stamp re-reads only changed folders. */
  readonly previousOutput?: OutputStamp;
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
  /** The search index written by this build (unchanged segments kept); undefined without search. */
  readonly search?: IndexSearchResult;
}

/** Seed files below which a full build loads Eleventy while it parses (see runBuild). */
const PRELOAD_BELOW_SEEDS = 50_000;

/** Thrown by `--strict` builds with rejected files: nothing is published. */
export class StrictBuildError extends Error {}

/**
 * Loads the archive, builds the page models and publishes the site without ever showing a
 * half-written page: pages whose digest (page model + shell + templates digest) is unchanged are left
 * as they are, the others rendered into a staging folder, which then replaces the live one (full
 * build) or is moved into it file by file (incremental build). Each phase is one function in
 * build-phases/: load → model → digest → render → index (search) → publish.
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const { config, output, progress } = options;
  const stampFile = stampPath(options.cacheDir, output);
  await removeStamp(stampFile);
  await cleanStaleOutputs(output);
  // A build with no previous manifest renders everything: it starts loading Eleventy now, while the
  // workers parse (imports run on this thread, which is mostly waiting then). Others load it only
  // if something changed: a no-change build never pays for it. Nor does a large archive: Eleventy's
  // modules (~50 MB) would sit on top of the build's peak (finding related articles, right after
  // parsing: ~1.4 GB at 100,000 articles), so it loads them when it renders (~0.3 s).
  const manifestFile = manifestPath(options.cacheDir, output);
  const small = (options.inputs?.files.length ?? 0) < PRELOAD_BELOW_SEEDS;
  const renderer = small && (options.full || !existsSync(manifestFile)) ? import('../site/render-site.ts') : undefined;
  renderer?.catch(() => undefined); // awaited (and reported) where it is used

  const { archive, parsed, parserVersion } = await loadPhase(options.input, options.cacheDir, config, progress, options.inputs?.files);
  if (options.strict && archive.rejected.length > 0) {
    throw new StrictBuildError([`${archive.rejected.length} file(s) rejected and --strict is set: nothing was published`, ...formatRejected(archive)].join('\n'));
  }
  const lastBuild = options.full ? undefined : await readManifest(manifestFile);
  const { model, digests, previous } = await modelAndDigest(archive, options, parserVersion, lastBuild);
  // The page models, collected once nothing holds them (they are on the shelf): rendering starts from the
  // archive's heap alone. An incremental build with a small heap renders few pages: no collection then.
  if (previous === undefined || heapIsLarge()) collectGarbage();
  tracePhase('page models and digests');
  const incremental = previous !== undefined;
  const { shelf } = digests;

  // When the whole digest matches the last build and the output is still there, nothing is
  // rendered, indexed, copied or rewritten.
  // Once the output is what this build made, the stamp lets the next build with the same inputs stop at once.
  const stamp = async (touched?: TouchedFolders): Promise<void> => {
    const { inputs } = options;
    if (inputs === undefined || inputs.racy !== undefined) return;
    const summary = {
      articles: archive.articles.length,
      filesRead: archive.filesRead,
      rejected: archive.rejected.length,
      warnings: archive.warnings.length,
      duplicatesMerged: archive.duplicatesMerged,
      pagesTotal: digests.pageCount,
      rejectedLines: formatRejected(archive),
    };
    await writeStamp(stampFile, newStamp(inputs, stampOutput(output, manifestFile, options.full ? undefined : options.previousOutput, touched), summary)).catch((error: unknown) => {
      throw asWriteFailure(error, 'the build stamp', stampFile);
    });
  };
  if (incremental && previous.siteDigest === digests.site && allExist(output, digests.search.entries)) {
    await stamp({ folders: new Set(), fresh: new Set() }); // nothing written
    return { archive, pagesTotal: digests.pageCount, pagesWritten: 0, pagesDeleted: 0, incremental, parsed, published: true, ms: Date.now() - started };
  }
  const staging = path.resolve(stagingDir(output));
  await rm(staging, { recursive: true, force: true });
  const live = path.resolve(output);
  const removeStaging = (): void => abandonStaging(staging, live); // on exit (e.g. Ctrl-C), even mid-swap
  process.once('exit', removeStaging);
  try {
    // A full build renders everything into the staging folder, which then replaces the live one. An
    // incremental build stages only what changed (pages, feeds and sitemaps whose digest differs, search
    // index segments whose documents changed, and what every build rewrites: public/ assets, the
    // search manifest and script), then moves it into the live output and deletes what is gone.
    let only: Set<string> | undefined;
    let removed: string[] = [];
    if (incremental) {
      only = new Set(shelf.paths); // the pages whose digest changed: the only ones shelved
      removed = Object.keys(previous.pages).filter((rel) => digests.pages[rel] === undefined);
    }
    const pagesDeleted = removed.length;
    // A full disk or a folder we may not write gets one message saying what, where and what to do (asWriteFailure).
    const pagesWritten = await mkdir(staging, { recursive: true })
      .then(() => renderPhase({ shelf, staging, only, published: digests.published.filter((rel) => !incremental || previous.pages[rel] !== digests.pages[rel]), projectDir: options.projectDir, renderer, progress }))
      .catch((error: unknown) => { throw asWriteFailure(error, 'the pages', live); });
    const searched = model.withSearch
      ? await indexPhase({ search: digests.search, incremental, staging, live, progress })
        .catch((error: unknown) => { throw asWriteFailure(error, 'the search index', path.join(live, 'search')); })
      : undefined;
    const touched = await publishPhase({
      archive,
      media: model.media,
      staging,
      live,
      exportFiles: new Set(digests.exportFiles.filter((rel) => !(incremental && previous.pages[rel] === digests.pages[rel]))),
      sourceRoot: options.input,
      incremental,
      replaceDirs: searched?.replaceDirs ?? [],
      removed: [...removed, ...(searched?.removed ?? [])],
      manifestFile,
      manifest: { output: live, templatesDigest: model.templates, siteDigest: digests.site, pages: digests.pages },
    });
    await stamp(touched);
    return {
      archive,
      pagesTotal: digests.pageCount,
      pagesWritten,
      pagesDeleted,
      incremental,
      parsed,
      published: true,
      ms: Date.now() - started,
      ...(searched?.result ? { search: searched.result } : {}),
    };
  } finally {
    process.removeListener('exit', removeStaging);
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Phases 2 and 3. The page models live only in here: once digested they are on the shelf
 * (src/site/page-shelf.ts), and nothing holds them in the heap while the site renders.
 */
async function modelAndDigest(archive: Archive, options: BuildOptions, parserVersion: string, lastBuild: BuildManifest | undefined): Promise<Digested> {
  const { site, ...model } = await modelPhase(archive, options.config, options.projectDir, parserVersion);
  // Incremental: the last build's manifest, made with the same templates, and its pages still there.
  // With the output as the last build's stamp says (options.previousOutput: every file statted by the no-change check), its pages are there.
  const pagesThere = (pages: BuildManifest['pages']): boolean => options.previousOutput !== undefined || allExist(options.output, Object.keys(pages));
  const previous = lastBuild !== undefined && lastBuild.templatesDigest === model.templates && pagesThere(lastBuild.pages) ? lastBuild : undefined;
  // An incremental build renders only the pages whose digest changed, so only those are shelved.
  const changed = previous === undefined ? undefined : (rel: string, digest: string): boolean => previous.pages[rel] !== digest;
  const digests = digestPhase({ site, ...model }, archive, options.output, options.input, options.cacheDir, changed);
  return { model, digests, previous };
}

interface Digested {
  readonly model: Omit<ModelledSite, 'site'>;
  readonly digests: BuildDigests;
  /** The last build's manifest when this build is incremental. */
  readonly previous: BuildManifest | undefined;
}


function allExist(root: string, rels: readonly string[]): boolean {
  return firstMissing(root, rels) === undefined;
}
