import { availableParallelism } from 'node:os';
import { collectGarbageIfGrown } from '../../runtime/collect-garbage.ts';
import type { PageShelf } from '../../site/page-shelf.ts';
import type { RenderThread } from '../../site/render-thread.ts';
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
  /** Feeds, sitemaps, robots.txt and _redirects to render (an incremental build's changed ones). */
  readonly published: readonly string[];
  readonly projectDir: string;
  /** Eleventy, started loading early by a full build; loaded here otherwise. */
  readonly renderer: Promise<RenderSite> | undefined;
  readonly progress: Progress;
  /** From how many pages a second thread renders too, and its batches (tests lower both); default SECOND_THREAD. */
  readonly secondThread?: SecondThread;
}

export interface SecondThread {
  /** Pages to render from which a second thread helps; Infinity: never. */
  readonly from: number;
  /** A batch's weight on each thread when it does: the length of its pages' JSON, plus PAGE_CHARS a page. */
  readonly batchChars: number;
}

/**
 * What a page weighs when rendering: its model's JSON (the article body, list entries …), which is
 * about as long as the HTML it becomes, plus Eleventy's own objects for a page. Batches are cut by
 * weight, not count: a topic list page is ~15,000 characters of JSON, three times an article page, and
 * batches of list pages set the peak when they were cut by count.
 */
const PAGE_CHARS = 2000;
/** Characters per Eleventy run on one thread: ~2,000 article pages (each run costs ~0.05 s to set up; its garbage is collected after it). */
const RENDER_BATCH_CHARS = 13_000_000;
/**
 * Two threads: a worker costs ~0.3 s to start (Eleventy's imports, on its own thread, while this one
 * renders its first batch) and ~55 MB, so it starts only for builds that render more than a few batches:
 * a clean build, or an article added at a random date (~3,800 pages at 10,000 articles), not one added
 * as the newest (~30 pages) nor a day's 300 at 100,000 (~800). Both threads hold a batch at a time, so
 * batches are smaller (~300 article pages), keeping the peak near where one thread had it: at 10,000
 * articles (clean, fresh cache, /usr/bin/time) 2 M characters peaked at 389–401 MB like one thread
 * (396–402), 3 M at 402–418 and 4.5 M at 425–451 MB; render wall 12.0 s against 16.5 s on one thread.
 * Two threads take ~20 % more CPU (smaller batches, a second Eleventy): with one core they would only cost.
 */
const SECOND_THREAD: SecondThread = { from: availableParallelism() > 1 ? 1500 : Infinity, batchChars: 2_000_000 };
/**
 * A batch leaves ~100 MB of garbage (its page models read back, Eleventy's objects, the HTML): collected
 * after each one at 10,000 articles, where two piled up set the peak (490 MB instead of ~400).
 */
const BATCH_GARBAGE_MB = 32;

/**
 * Phase 4: renders the pages into the staging folder, in batches read back from the shelf, collecting
 * garbage between them: a batch's page models and Eleventy's per-page objects are gone before the next
 * piles up, which keeps the peak near the live heap (see collect-garbage.ts). Feeds, sitemaps and
 * robots.txt go in the first batch, which this thread renders. With many pages a second thread
 * (src/site/render-thread.ts) renders too: it takes the second batch once it has started, then each
 * thread takes the next batch whenever it is free. Returns the number of files written.
 */
export async function renderPhase(input: RenderInput): Promise<number> {
  const { shelf, staging, only, progress } = input;
  const pagePaths = shelf.paths.filter((p) => only === undefined || only.has(p));
  const second = input.secondThread ?? SECOND_THREAD;
  const twoThreads = pagePaths.length >= second.from;
  // Loaded only when something is rendered: Eleventy costs ~1 s of imports a no-change build never needs.
  const { renderSite } = await (input.renderer ?? import('../../site/render-site.ts'));
  progress.start('render', only?.size ?? shelf.size);
  const batches = inBatches(input.published, shelf, only, twoThreads ? second.batchChars : RENDER_BATCH_CHARS);
  let pagesWritten = 0;
  const done = (pages: number): void => {
    pagesWritten += pages;
    progress.update(pagesWritten);
  };
  // The first batch is this thread's and the second the worker's, which may still be starting; after that, whoever is free.
  const thread = twoThreads && batches.length > 1 ? await startThread(shelf) : undefined;
  let next = thread ? 2 : 1;
  let failure: { error: unknown } | undefined;
  const started = performance.now();
  let workerReady = started;
  let workerPages = 0;
  const take = (): Set<string> | undefined => (failure || next >= batches.length ? undefined : batches[next++]);
  const here = async (): Promise<void> => {
    for (let batch = batches[0]; batch !== undefined; batch = take()) {
      done((await renderSite(shelf.site(batch), staging, { only: batch, quiet: true })).pagesWritten);
      collectGarbageIfGrown(BATCH_GARBAGE_MB);
    }
  };
  // The worker has its next batch waiting (as JSON) while it renders one: this thread, busy rendering
  // with synchronous writes, may not read its reply until its own batch is done.
  const there = async (worker: RenderThread): Promise<void> => {
    await worker.ready;
    workerReady = performance.now();
    const sent: Promise<number>[] = [];
    const send = (batch: Set<string> | undefined): void => {
      if (batch === undefined) return;
      const rendered = worker.render(shelf.shelved(batch), staging);
      rendered.catch(() => undefined); // the first failure is awaited below; the ones queued after it fail with it
      sent.push(rendered);
    };
    send(failure ? undefined : batches[1]);
    send(take());
    for (let rendered = sent.shift(); rendered !== undefined; rendered = sent.shift()) {
      const pages = await rendered;
      workerPages += pages;
      done(pages);
      send(take());
    }
  };
  // The first error is the one reported; the other thread stops (the worker at once, this one after its batch).
  const stopOn = (error: unknown): void => {
    failure ??= { error };
    void thread?.close();
  };
  // Eleventy resolves the layouts folder against the working directory, which a worker shares with this thread.
  try {
    await inProjectDir(input.projectDir, () => Promise.all([here().catch(stopOn), thread && there(thread).catch(stopOn)]));
  } finally {
    await thread?.close(); // whatever happened: a live worker would keep the process (or `serve`) running
  }
  if (failure) throw failure.error;
  progress.stop();
  tracePhase(`render ${pagesWritten} pages${thread ? ` (${workerPages} by a second thread, ready after ${((workerReady - started) / 1000).toFixed(1)} s)` : ''}`);
  const missing = firstMissing(staging, pagePaths);
  if (missing !== undefined) throw new Error(`rendering did not produce ${missing}`);
  return pagesWritten;
}

/**
 * The paths to render in batches of about `chars` (page weights, PAGE_CHARS), in the order they were
 * shelved, the published files (feeds, sitemaps, robots.txt, _redirects) in the first. There is always
 * a first batch, even an empty one: every build that renders anything copies public/.
 */
function inBatches(published: readonly string[], shelf: PageShelf, only: ReadonlySet<string> | undefined, chars: number): Set<string>[] {
  const batches = [new Set(published)];
  let weight = 0;
  shelf.paths.forEach((path, i) => {
    if (only !== undefined && !only.has(path)) return;
    const page = PAGE_CHARS + shelf.jsonLength(i);
    if (weight > 0 && weight + page > chars) {
      batches.push(new Set());
      weight = 0;
    }
    batches.at(-1)!.add(path);
    weight += page;
  });
  return batches;
}

async function startThread(shelf: PageShelf): Promise<RenderThread> {
  const { RenderThread } = await import('../../site/render-thread.ts');
  return new RenderThread(shelf.shell);
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
