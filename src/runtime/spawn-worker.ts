import { Worker, type ResourceLimits } from 'node:worker_threads';
import { COMPILED_DIST, runnableModule } from './runnable-module.ts';

/**
 * Starts a worker thread running the TypeScript module at `entry` (a source URL). Compiled (dist/), it
 * runs the compiled copy; otherwise plain JavaScript starts the worker, so tsx is registered in it
 * before the TypeScript entry loads.
 */
export function spawnWorker(entry: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (COMPILED_DIST !== undefined) return new Worker(runnableModule(entry), { workerData, ...limits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData, ...limits });
}
