import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../runtime/spawn-worker.ts';
import type { ShelvedPages } from './page-shelf.ts';
import type { ErrorChain, RenderReply, RenderRequest, RenderWorkerInit } from './render-worker.ts';
import type { Shell } from './site-model.ts';

/**
 * The worker's young generation (new objects), in MB: V8 lets it grow to ~48 MB, which stays committed
 * between batches; a worker whose live heap is ~20 MB between batches does with less (~20 MB less at the
 * peak of a 10,000-article build).
 */
const YOUNG_GENERATION = { maxYoungGenerationSizeMb: 8 };

/**
 * A second thread that renders batches of pages with its own Eleventy (render-worker.ts), while the
 * main thread renders others: Eleventy is single-threaded and rendering is CPU-bound, so on two cores
 * two threads take less wall time than one (not half: see src/site/README.md). It is sent each batch as
 * the pages' JSON (parsed there) and holds one batch at a time. Start it only for builds that render many pages: it costs ~0.3 s of
 * imports compiled (more through tsx) on its own thread, ~55 MB idle and up to ~100 MB with a batch.
 *
 *     const thread = new RenderThread(shell);
 *     await thread.ready;
 *     await thread.render(shelf.shelved(batch), staging);
 *     await thread.close();
 */
export class RenderThread {
  readonly #worker: Worker;
  /** Resolves once the worker has loaded Eleventy; rejects if it could not. */
  readonly ready: Promise<void>;
  /** The ready message's, then each batch's reply, in the order sent (the worker renders them in turn). */
  readonly #waiting: { resolve: (reply: RenderReply) => void; reject: (error: Error) => void }[] = [];
  #failure: Error | undefined;
  #closed = false;

  constructor(shell: Shell) {
    this.#worker = spawnWorker(new URL('./render-worker.ts', import.meta.url), { shell } satisfies RenderWorkerInit, YOUNG_GENERATION);
    this.ready = new Promise<RenderReply>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
    }).then(() => undefined);
    this.ready.catch(() => undefined); // awaited (and reported) by the caller
    // Ctrl-C exits from the main thread, whose `exit` handlers then remove the staging folder the worker is
    // still writing into: it is told to stop first (prepended: before those handlers run).
    process.prependListener('exit', this.#stopOnExit);
    this.#worker.on('message', (reply: RenderReply) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#fail(new Error(`the render worker failed: ${error.message}`, { cause: error })));
    this.#worker.on('exit', (code) => {
      if (!this.#closed) this.#fail(new Error(`the render worker stopped (exit code ${code})`));
    });
  }

  /**
   * Renders these pages into `outputDir`; resolves with the number of pages written, rejects with the
   * worker's error. Batches sent before the last one is done wait in the worker's queue, unparsed.
   */
  async render(pages: ShelvedPages, outputDir: string): Promise<number> {
    if (this.#failure) throw this.#failure;
    const reply = new Promise<RenderReply>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
    });
    this.#worker.postMessage({ pages, outputDir } satisfies RenderRequest);
    const settled = await reply;
    if ('error' in settled) throw revived(settled.error);
    if (!('pagesWritten' in settled)) throw new Error('RenderThread: unexpected reply');
    return settled.pagesWritten;
  }

  /** Stops the worker, even mid-batch (a failed build stops it at once). */
  async close(): Promise<void> {
    this.#closed = true;
    process.removeListener('exit', this.#stopOnExit);
    this.#fail(new Error('the render worker was stopped'));
    await this.#worker.terminate();
  }

  readonly #stopOnExit = (): void => {
    void this.#worker.terminate();
  };

  #settle(reply: RenderReply): void {
    this.#waiting.shift()?.resolve(reply);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.splice(0)) waiting.reject(this.#failure);
  }
}

/** The worker's error as an Error of this thread, with the same messages, names and codes down its cause chain. */
function revived(chain: ErrorChain): Error {
  let cause: Error | undefined;
  for (const link of [...chain].reverse()) {
    const error = new Error(link.message, cause ? { cause } : undefined);
    error.name = link.name;
    if (link.stack !== undefined) error.stack = link.stack;
    if (link.code !== undefined) Object.assign(error, { code: link.code });
    cause = error;
  }
  return cause ?? new Error('the render worker failed');
}
