import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { SiteModel } from './site-model.ts';
import { onlyPages } from './only-pages.ts';
import { provideSiteModel } from './site-data.ts';
import { runnableModule } from '../runtime/runnable-module.ts';

export interface RenderOptions {
  /** Output paths of the pages and published files to render (as in `page.path`); undefined renders all. */
  readonly only?: ReadonlySet<string>;
  /** Keep Eleventy silent (default true). */
  readonly quiet?: boolean;
}

const root = new URL('../../', import.meta.url);
// Compiled (dist/), Eleventy loads the compiled config and layouts: the same module instances as this one.
const layoutsDir = fileURLToPath(runnableModule(new URL('layouts/', root)));
const configPath = fileURLToPath(runnableModule(new URL('.eleventy.ts', root)));

/**
 * Writes the site's pages into `outputDir` with Eleventy (plus public/ assets). With `only`, the
 * page lists are filtered before Eleventy sees them, so unchanged pages cost nothing. Safe to call
 * several times in one process; calls are serialized.
 */
export async function renderSite(site: SiteModel, outputDir: string, options: RenderOptions = {}): Promise<{ pagesWritten: number }> {
  const run = queue.then(() => renderOnce(site, outputDir, options));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function renderOnce(site: SiteModel, outputDir: string, options: RenderOptions): Promise<{ pagesWritten: number }> {
  const model = options.only ? onlyPages(site, options.only) : site;
  provideSiteModel(model);
  try {
    const quiet = options.quiet ?? true;
    const eleventy = new Eleventy(layoutsDir, outputDir, { configPath, quietMode: quiet, ...(quiet ? { config: quietBenchmarks } : {}) });
    // The build prints its own summary (pages written, time); Eleventy's forced "Wrote N files" line would
    // repeat it and break --quiet. Its errors still reach us: write() rejects and we wrap them below.
    eleventy.disableLogger();
    await eleventy.write();
  } catch (cause) {
    throw new Error(`rendering the site into ${outputDir} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  } finally {
    provideSiteModel(undefined);
  }
  return { pagesWritten: model.pages.length };
}

/**
 * Eleventy warns "[11ty] Benchmark … (Configuration) … Transform" when one step takes over 8 % of a
 * run, which a short batch can; its Configuration group is made before quietMode reaches the
 * benchmarks (Eleventy 3), so it is silenced here.
 */
function quietBenchmarks(eleventyConfig: unknown): void {
  const { benchmarks } = eleventyConfig as { benchmarks?: Record<string, { setIsVerbose?(verbose: boolean): void } | undefined> };
  for (const group of Object.values(benchmarks ?? {})) group?.setIsVerbose?.(false);
}
