import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseOptions } from '../article/article.ts';
import { COMPILED_DIST, runnableModule } from '../runtime/runnable-module.ts';
import type { ParseOutcome } from './parse-outcome.ts';
import { importParser } from './parse-outcome.ts';
import { parseSafely } from './parse-safely.ts';

export interface SeedInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface ParseSeedsOptions {
  readonly parserUrl: string;
  readonly options: ParseOptions;
  /** Worker count; 0 parses in this thread. Default: one per core when there is enough work. */
  readonly workers?: number;
  readonly onProgress?: (done: number) => void;
}

/** Below this many files (or bytes) starting workers (~0.3 s each, tsx + parser imports) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 150;
const MIN_BYTES_FOR_WORKERS = 1_500_000;
const BATCH_FILES = 32;

/**
 * Parses seed files, in worker threads when it pays off. Results come back in input order,
 * so the outcome never depends on worker timing.
 */
export async function parseSeeds(inputs: readonly SeedInput[], opts: ParseSeedsOptions): Promise<ParseOutcome[]> {
  const bytes = inputs.reduce((sum, input) => sum + input.bytes.byteLength, 0);
  const auto = inputs.length >= MIN_FILES_FOR_WORKERS || bytes >= MIN_BYTES_FOR_WORKERS ? availableParallelism() : 0;
  const workers = Math.min(opts.workers ?? auto, Math.ceil(inputs.length / BATCH_FILES));
  if (workers <= 0) return parseHere(inputs, opts);
  return parseInWorkers(inputs, opts, workers);
}

async function parseHere(inputs: readonly SeedInput[], opts: ParseSeedsOptions): Promise<ParseOutcome[]> {
  const parser = await importParser(opts.parserUrl);
  return inputs.map((input, index) => {
    const result = parseSafely(parser, input.bytes, input.path, opts.options);
    opts.onProgress?.(index + 1);
    return result;
  });
}

interface WorkerReply {
  readonly ready?: true;
  readonly batch?: number;
  readonly results?: ParseOutcome[];
}

function parseInWorkers(inputs: readonly SeedInput[], opts: ParseSeedsOptions, count: number): Promise<ParseOutcome[]> {
  const results = new Array<ParseOutcome>(inputs.length);
  const batches: number[] = [];
  for (let start = 0; start < inputs.length; start += BATCH_FILES) batches.push(start);
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  return new Promise<ParseOutcome[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of pool) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker): void => {
      const batch = next++;
      const start = batches[batch];
      if (start === undefined) return;
      worker.postMessage({ batch, files: inputs.slice(start, start + BATCH_FILES) });
    };
    for (let i = 0; i < count; i++) {
      const worker = spawnWorker(opts);
      pool.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (reply.results !== undefined && reply.batch !== undefined) {
          const start = batches[reply.batch] ?? 0;
          reply.results.forEach((result, offset) => (results[start + offset] = result));
          done += reply.results.length;
          opts.onProgress?.(done);
          if (done === inputs.length) return finish();
        }
        feed(worker);
      });
      worker.on('error', (error) => finish(new Error('a parse worker failed', { cause: error })));
      worker.on('exit', (code) => {
        if (code !== 0) finish(new Error(`a parse worker exited with code ${code}`));
      });
    }
  });
}

/**
 * Compiled (dist/), the worker runs the compiled entry. Otherwise workers start plain JavaScript, so
 * this registers tsx in the worker before loading the TypeScript entry.
 */
function spawnWorker(opts: ParseSeedsOptions): Worker {
  const workerData = { parserUrl: opts.parserUrl, options: opts.options };
  if (COMPILED_DIST !== undefined) return new Worker(runnableModule(new URL('./parse-worker.ts', import.meta.url)), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}
