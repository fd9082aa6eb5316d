/**
 * Worker-thread entry for ParseQueue (parse-seeds.ts): loads the parser once, then parses batches of files
 * sent by the main thread and posts the results back in the same order, compacted (compact-outcome.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseOptions } from '../article/article.ts';
import { importParser } from './parse-outcome.ts';
import { parseSafely } from './parse-safely.ts';
import { compactOutcome } from './compact-outcome.ts';

interface WorkerInit {
  readonly parserUrl: string;
  readonly options: ParseOptions;
}

export interface BatchRequest {
  /** Index of the batch's first file among all files sent. */
  readonly start: number;
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
}

const init = workerData as WorkerInit;
const parser = await importParser(init.parserUrl);
const port = parentPort;
if (port === null) throw new Error('parse-worker.ts must run in a worker thread');
port.on('message', (request: BatchRequest) => {
  const results = request.files.map((file) => compactOutcome(parseSafely(parser, file.bytes, file.path, init.options)));
  port.postMessage({ start: request.start, results });
});
port.postMessage({ ready: true });
