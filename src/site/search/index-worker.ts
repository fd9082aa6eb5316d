/** Worker-thread entry for indexShardsInLanes: indexes its lane of shards and reports the page count. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexShards, type ShardJob } from './index-shards.ts';

const port = parentPort;
if (port === null) throw new Error('index-worker.ts must run in a worker thread');
try {
  port.postMessage({ pages: await indexShards(workerData as ShardJob) });
} catch (error) {
  // The file-system code (ENOSPC, EACCES…) travels too, so the build can say what happened (asWriteFailure).
  const code = (error as { code?: unknown } | null)?.code;
  port.postMessage({ error: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) });
}
