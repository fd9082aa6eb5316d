/**
 * Values kept between builds under a key (capture diffs, topic probabilities, search segment digests):
 * a build asks for each value it needs; one the last build kept is reused, any other made. Only the
 * values this build asked for are kept for the next, and a cache file needs writing only when they
 * are not exactly what it holds. Reading and writing the file is the caller's: layouts differ.
 */
export class KeptValues<V> {
  readonly #used = new Map<string, V>();
  #fresh = false;

  constructor(private readonly saved: ReadonlyMap<string, V> = new Map()) {}

  /** The value kept under `key`, else `make()`'s; either way kept for the next build. */
  get(key: string, make: () => V): V {
    if (this.#used.has(key)) return this.#used.get(key) as V;
    let value: V;
    if (this.saved.has(key)) value = this.saved.get(key) as V;
    else {
      value = make();
      this.#fresh = true;
    }
    this.#used.set(key, value);
    return value;
  }

  /** What this build used, to be written; undefined when the file already holds exactly that. */
  get toSave(): ReadonlyMap<string, V> | undefined {
    return this.#fresh || this.#used.size !== this.saved.size ? this.#used : undefined;
  }
}
