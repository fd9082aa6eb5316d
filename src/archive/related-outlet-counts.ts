/**
 * One outlet's documents so far and, per term, how many of them hold it: what tells its boilerplate
 * as of each document (related-terms.ts, `earlierOnly`). Counts kept from an earlier build come in as
 * two arrays, terms ascending, and are counted on in place; terms new to the outlet go in a map.
 */
export class OutletCounts {
  readonly #terms: Int32Array;
  readonly #counts: Int32Array;
  readonly #added = new Map<number, number>();

  constructor(
    /** Documents of the outlet so far. */
    public members = 0,
    terms: Int32Array = new Int32Array(0),
    counts: Int32Array = new Int32Array(0),
  ) {
    this.#terms = terms;
    this.#counts = counts;
  }

  /** Counts one more document holding `term`; the count with it. */
  add(term: number): number {
    const at = this.#terms.length === 0 ? -1 : find(this.#terms, term);
    if (at >= 0) return ++this.#counts[at]!;
    const count = (this.#added.get(term) ?? 0) + 1;
    this.#added.set(term, count);
    return count;
  }

  /** Every term counted and its count, terms ascending. */
  entries(): { readonly terms: Int32Array; readonly counts: Int32Array } {
    const added = Int32Array.from(this.#added.keys()).sort();
    const size = this.#terms.length + added.length;
    const terms = new Int32Array(size);
    const counts = new Int32Array(size);
    let i = 0;
    let j = 0;
    for (let k = 0; k < size; k++) {
      if (j === added.length || (i < this.#terms.length && this.#terms[i]! < added[j]!)) {
        terms[k] = this.#terms[i]!;
        counts[k] = this.#counts[i++]!;
      } else {
        terms[k] = added[j]!;
        counts[k] = this.#added.get(added[j++]!)!;
      }
    }
    return { terms, counts };
  }
}

/** Where `term` is in the ascending `terms`, or −1. */
function find(terms: Int32Array, term: number): number {
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = terms[mid]!;
    if (at === term) return mid;
    if (at < term) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
