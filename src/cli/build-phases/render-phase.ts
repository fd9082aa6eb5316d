import { collectGarbageIfGrown } from '../../runtime/collect-garbage.ts';
import type { PageShelf } from '../../site/page-shelf.ts';
import type { Progress } from '../create-progress.ts';
import { firstMissing } from './first-missing.ts';
import { tracePhase } from './trace-phase.ts';

type RenderSite = typeof import('../../site/render-site.ts');

export interface RenderInput {
  /** The page models (src/site/page-shelf.ts), read back a batch at a time. */
  readonly shelf: PageShelf;
  readonly staging: string;
  /** Pages to render (an incremental build's changed ones); undefined: all of them. */
  readonly only: ReadonlySet<string> | undefined;
  /** Feeds, sitemaps and robots.txt: rendered by every build that renders anything. */
  readonly published: readonly string[];
  readonly projectDir: string;
  /** Eleventy, started loading early by a full build; loaded here otherwise. */
  readonly renderer: Promise<RenderSite> | undefined;
  readonly progress: Progress;
}

/**
 * Pages per Eleventy run: each run costs ~0.1 s to set up; its garbage is collected after it. At 10,000
 * articles 2,500 a batch peaked at ~420 MB, 2,000 at ~395, 1,250 at ~390 but ~1 s slower.
 */
const RENDER_BATCH = 2000;
/**
 * A batch leaves ~100 MB of garbage (its page models read back, Eleventy's objects, the HTML): collected
 * after each one at 10,000 articles, where two piled up set the peak (490 MB instead of ~400).
 */
const BATCH_GARBAGE_MB = 32;

/**
 * Phase 4: renders the pages into the staging folder, in batches read back from the shelf, collecting
 * garbage between them: a batch's page models and Eleventy's per-page objects are gone before the next
 * piles up, which keeps the peak near the live heap (see collect-garbage.ts). Feeds, sitemaps and robots.txt go in the first batch.
 * Returns the number of files written.
 */
export async function renderPhase(input: RenderInput): Promise<number> {
  const { shelf, staging, only, progress } = input;
  // Loaded only when something is rendered: Eleventy costs ~1 s of imports a no-change build never needs.
  const { renderSite } = await (input.renderer ?? import('../../site/render-site.ts'));
  progress.start('render', only?.size ?? shelf.size);
  const pagePaths = shelf.paths.filter((p) => only === undefined || only.has(p));
  const toRender = [...input.published, ...pagePaths];
  let pagesWritten = 0;
  for (let start = 0; start === 0 || start < toRender.length; start += RENDER_BATCH) {
    const batch = new Set(toRender.slice(start, start + RENDER_BATCH));
    const site = shelf.site(batch);
    pagesWritten += (await inProjectDir(input.projectDir, () => renderSite(site, staging, { only: batch, quiet: true }))).pagesWritten;
    progress.update(pagesWritten);
    collectGarbageIfGrown(BATCH_GARBAGE_MB);
  }
  progress.stop();
  tracePhase(`render ${pagesWritten} pages`);
  const missing = firstMissing(staging, pagePaths);
  if (missing !== undefined) throw new Error(`rendering did not produce ${missing}`);
  return pagesWritten;
}

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
