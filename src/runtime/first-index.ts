/**
 * Binary search: the first index in [from, to) at which `before(index)` is false, where `before` is
 * true up to some index and false from there on. `(i) => sorted[i] < value` gives a sorted array's
 * lower bound, `(i) => sorted[i] <= value` its upper bound.
 */
export function firstIndex(from: number, to: number, before: (index: number) => boolean): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (before(mid)) from = mid + 1;
    else to = mid;
  }
  return from;
}
