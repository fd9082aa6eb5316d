import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Garbage collection on demand. On a machine with plenty of RAM V8 lets garbage pile up to hundreds
 * of MB before collecting (its limit scales with total memory); the build collects after loading,
 * after the page models and between render batches, so its peak memory tracks what is live (~410 MB
 * instead of ~700 MB at 10,000 articles). `--expose-gc` is switched on here rather than on the
 * command line, and only the new context's `gc` is taken: the global scope is left as it was.
 */
let gc: (() => void) | undefined;
/** Heap in use right after the last collection: what was live then. */
let liveAfterLast = 0;

export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  liveAfterLast = getHeapStatistics().used_heap_size;
}

/**
 * Collects only once the heap has grown by a third of what was live after the last collection (and
 * by at least `atLeastMb`). A full collection costs in proportion to the live heap (~1 s at 100,000
 * articles), so collecting after every batch regardless would make a large build's time grow with
 * the square of its size; this keeps collections proportional while bounding the garbage to a third.
 */
export function collectGarbageIfGrown(atLeastMb = 64): void {
  const grown = getHeapStatistics().used_heap_size - liveAfterLast;
  if (grown >= Math.max(atLeastMb * 1024 * 1024, liveAfterLast / 3)) collectGarbage();
}

/**
 * Heap in use above which a build collects after a phase whatever it did: below it (an incremental
 * build of 10,000 articles holds ~100 MB) a collection costs ~30 ms and lowers no peak that matters.
 */
export const LARGE_HEAP_BYTES = 256 * 1024 * 1024;

/** Whether the heap in use is past LARGE_HEAP_BYTES. */
export function heapIsLarge(): boolean {
  return getHeapStatistics().used_heap_size > LARGE_HEAP_BYTES;
}
