import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ParseOptions } from '../article/article.ts';
import { spawnWorker } from '../runtime/spawn-worker.ts';
import type { ParseOutcome } from './parse-outcome.ts';
import { importParser } from './parse-outcome.ts';
import { parseSafely } from './parse-safely.ts';
import { expandOutcome, type CompactOutcome } from './compact-outcome.ts';

export interface SeedInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface ParseSeedsOptions {
  readonly parserUrl: string;
  readonly options: ParseOptions;
  /** Worker count; 0 parses in this thread. Default: one per core once there is enough work. */
  readonly workers?: number;
  readonly onProgress?: (done: number) => void;
  /** Applied to each outcome as it arrives (in any order): loading moves its texts out of the heap then. */
  readonly onOutcome?: (outcome: ParseOutcome) => ParseOutcome;
}

/** Below this many files (or bytes) starting workers (~0.3 s each, parser imports) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 150;
const MIN_BYTES_FOR_WORKERS = 1_500_000;
const BATCH_FILES = 32;
/** Batches read ahead of the workers. */
const MAX_WAITING_BATCHES = 8;

/**
 * Parses files as they are pushed, so reading the next files overlaps parsing the first ones.
 * Files wait here until there is enough work to pay for starting workers (an add-one rebuild parses
 * its one file in this thread); from then on they go to the workers in batches. `finish` returns the
 * outcomes in push order, so the result never depends on worker timing.
 */
export class ParseQueue {
  readonly #opts: ParseSeedsOptions;
  /** Files not yet handed to a worker (all of them while parsing here); sent ones are let go. */
  readonly #pending: SeedInput[] = [];
  #pushed = 0;
  readonly #results: ParseOutcome[] = [];
  #waitingBytes = 0;
  #pool: WorkerPool | undefined;

  constructor(opts: ParseSeedsOptions) {
    this.#opts = opts;
  }

  push(input: SeedInput): void {
    this.#pending.push(input);
    this.#pushed++;
    this.#waitingBytes += input.bytes.byteLength;
    if (this.#pool === undefined && this.#poolPays()) this.#pool = new WorkerPool(this.#opts, this.#results, this.#opts.workers ?? availableParallelism());
    if (this.#pool !== undefined) this.#send(BATCH_FILES);
  }

  /** Resolves when the workers have little work waiting: the reader pauses here rather than hold every file's bytes. */
  async ready(): Promise<void> {
    await this.#pool?.fewWaiting(MAX_WAITING_BATCHES);
  }

  async finish(): Promise<ParseOutcome[]> {
    if (this.#pool === undefined) return this.#parseHere();
    this.#send(1);
    await this.#pool.finish(this.#pushed);
    return this.#results;
  }

  /** Hands the pending files to the pool in batches of BATCH_FILES, while at least `min` wait. */
  #send(min: number): void {
    while (this.#pending.length >= min && this.#pending.length > 0) {
      const start = this.#pushed - this.#pending.length;
      this.#pool!.send(start, this.#pending.splice(0, BATCH_FILES));
    }
  }

  #poolPays(): boolean {
    if (this.#opts.workers !== undefined) return this.#opts.workers > 0;
    return this.#pushed >= MIN_FILES_FOR_WORKERS || this.#waitingBytes >= MIN_BYTES_FOR_WORKERS;
  }

  async #parseHere(): Promise<ParseOutcome[]> {
    if (this.#pending.length === 0) return [];
    const parser = await importParser(this.#opts.parserUrl);
    return this.#pending.map((input, index) => {
      const parsed = parseSafely(parser, input.bytes, input.path, this.#opts.options);
      const result = this.#opts.onOutcome?.(parsed) ?? parsed;
      this.#opts.onProgress?.(index + 1);
      return result;
    });
  }
}

interface WorkerReply {
  readonly ready?: true;
  readonly start?: number;
  readonly results?: CompactOutcome[];
}

/** Parse workers fed batches as they arrive; an idle worker takes the next waiting batch. */
class WorkerPool {
  readonly #opts: ParseSeedsOptions;
  readonly #results: ParseOutcome[];
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #waiting: { start: number; files: SeedInput[] }[] = [];
  #done = 0;
  #expected = Infinity;
  #failure: Error | undefined;
  #waiters: { max: number; resolve: () => void }[] = [];
  #settle: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(opts: ParseSeedsOptions, results: ParseOutcome[], count: number) {
    this.#opts = opts;
    this.#results = results;
    for (let i = 0; i < count; i++) this.#workers.push(this.#spawn());
  }

  send(start: number, files: SeedInput[]): void {
    this.#waiting.push({ start, files });
    this.#dispatch();
  }

  fewWaiting(max: number): Promise<void> {
    if (this.#waiting.length <= max || this.#failure) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ max, resolve }));
  }

  finish(expected: number): Promise<void> {
    this.#expected = expected;
    return new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
      this.#check();
    });
  }

  #spawn(): Worker {
    const worker = spawnWorker(new URL('./parse-worker.ts', import.meta.url), { parserUrl: this.#opts.parserUrl, options: this.#opts.options });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.results !== undefined && reply.start !== undefined) {
        reply.results.forEach((result, offset) => {
          const outcome = expandOutcome(result);
          this.#results[reply.start! + offset] = this.#opts.onOutcome?.(outcome) ?? outcome;
        });
        this.#done += reply.results.length;
        this.#opts.onProgress?.(this.#done);
      }
      this.#idle.push(worker);
      this.#dispatch();
      this.#check();
    });
    worker.on('error', (error) => this.#fail(new Error('a parse worker failed', { cause: error })));
    worker.on('exit', (code) => {
      if (code !== 0) this.#fail(new Error(`a parse worker exited with code ${code}`));
    });
    return worker;
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#waiting.length > 0) {
      const batch = this.#waiting.shift()!;
      this.#idle.pop()!.postMessage({ start: batch.start, files: batch.files });
    }
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      if (this.#waiting.length <= waiter.max || this.#failure) waiter.resolve();
      else this.#waiters.push(waiter);
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#wake();
    this.#check();
  }

  #check(): void {
    if (this.#settle === undefined) return;
    if (this.#failure === undefined && this.#done < this.#expected) return;
    for (const worker of this.#workers) void worker.terminate();
    const settle = this.#settle;
    this.#settle = undefined;
    if (this.#failure) settle.reject(this.#failure);
    else settle.resolve();
  }
}
