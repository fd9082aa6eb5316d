/**
 * Worker-thread entry for RenderThread (render-thread.ts): loads Eleventy and the layouts once, then
 * renders each batch of shelved page models the main thread sends (parsing their JSON here, not there)
 * and replies with the number of pages written, or with the error and its causes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { collectGarbage } from '../runtime/collect-garbage.ts';
import { PageShelf, type ShelvedPages } from './page-shelf.ts';
import { renderSite } from './render-site.ts';
import type { PublishModel, Shell } from './site-model.ts';

export interface RenderWorkerInit {
  readonly shell: Shell;
}

export interface RenderRequest {
  readonly pages: ShelvedPages;
  readonly outputDir: string;
}

/** An error and each of its causes, outermost first: what survives the trip between threads. */
export type ErrorChain = readonly { readonly name: string; readonly message: string; readonly code?: string; readonly stack?: string }[];

export type RenderReply = { readonly ready: true } | { readonly pagesWritten: number } | { readonly error: ErrorChain };

/** The main thread renders the feeds, sitemaps, robots.txt and _redirects itself: a worker's batches hold pages only. */
const NO_PUBLISHED: PublishModel = { feeds: [], sitemaps: [], robots: undefined, redirects: undefined };

const { shell } = workerData as RenderWorkerInit;
const port = parentPort;
if (port === null) throw new Error('render-worker.ts must run in a worker thread');
// One batch at a time, in the order sent; the next one waits unparsed (its JSON only) until this one is written.
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: RenderRequest) => {
  queue = queue.then(() => render(request)).then(
    (pagesWritten) => port.postMessage({ pagesWritten } satisfies RenderReply),
    (error: unknown) => port.postMessage({ error: errorChain(error) } satisfies RenderReply),
  );
});
port.postMessage({ ready: true } satisfies RenderReply);

async function render(request: RenderRequest): Promise<number> {
  const { pagesWritten } = await renderSite(PageShelf.siteOf(shell, NO_PUBLISHED, request.pages), request.outputDir, { quiet: true });
  collectGarbage(); // the batch's models, Eleventy's objects and the HTML, gone before the next batch
  return pagesWritten;
}

/** Eleventy wraps the error it caught as `originalError`, our code as `cause`; file-system errors carry a `code`. */
function errorChain(error: unknown): ErrorChain {
  const chain: { name: string; message: string; code?: string; stack?: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (!(current instanceof Error)) {
      chain.push({ name: 'Error', message: String(current) });
      break;
    }
    const { code } = current as { code?: unknown };
    chain.push({ name: current.name, message: current.message, ...(typeof code === 'string' ? { code } : {}), ...(current.stack ? { stack: current.stack } : {}) });
    current = current.cause ?? (current as { originalError?: unknown }).originalError;
  }
  return chain;
}
