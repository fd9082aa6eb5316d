/** Term ids as `makeTermIds` gives them: a function of the term's key, plus what a kept index needs. */
export interface TermIds {
  (key: string | number, second?: number): number;
  /** Ids given so far (ids are 0 … size − 1). */
  readonly size: number;
  /** Every key by id, to be kept and given back to `makeTermIds`. */
  keys(): TermKeys;
}

/**
 * The keys of ids 0 … `bigrams.length` − 1: a BMP bigram as its packed code points (first << 16 |
 * second, never 0: both are CJK), any other term 0 in `bigrams` and its key in `others`.
 */
export interface TermKeys {
  readonly bigrams: Int32Array;
  readonly others: readonly (readonly [id: number, key: string | number])[];
}

/**
 * Numbers terms as first seen: `ids(first, second)` for a CJK bigram (code points), `ids(key)` for
 * any other term. BMP bigrams (nearly all of them) go through an open-addressing table of int32 keys.
 * Given the `keys()` of an earlier run it goes on from there: the same terms get the same ids, and new
 * ones the ids that run would have given next.
 */
export function makeTermIds(known?: TermKeys): TermIds {
  const other = new Map<string | number, number>();
  let next = 0;
  let mask = (1 << 14) - 1;
  let keys = new Int32Array(mask + 1);
  let values = new Int32Array(mask + 1).fill(-1);
  let size = 0;
  const slot = (key: number): number => {
    let i = Math.imul(key, 0x9e3779b1) & mask;
    while (values[i] !== -1 && keys[i] !== key) i = (i + 1) & mask;
    return i;
  };
  const rehash = (): void => {
    const oldKeys = keys;
    const oldValues = values;
    mask = mask * 2 + 1;
    keys = new Int32Array(mask + 1);
    values = new Int32Array(mask + 1).fill(-1);
    for (let i = 0; i < oldValues.length; i++) {
      if (oldValues[i] === -1) continue;
      const j = slot(oldKeys[i]!);
      keys[j] = oldKeys[i]!;
      values[j] = oldValues[i]!;
    }
  };
  const put = (packed: number, id: number): void => {
    if ((size + 1) * 2 > mask) rehash();
    const i = slot(packed);
    keys[i] = packed;
    values[i] = id;
    size++;
  };
  if (known !== undefined) {
    known.bigrams.forEach((packed, id) => packed !== 0 && put(packed, id));
    for (const [id, key] of known.others) other.set(key, id);
    next = known.bigrams.length;
  }
  const ids = (key: string | number, second = -1): number => {
    if (second >= 0 && (key as number) <= 0xffff && second <= 0xffff) {
      const packed = ((key as number) << 16) | second;
      const i = slot(packed);
      if (values[i] === -1) {
        put(packed, next);
        return next++;
      }
      return values[i]!;
    }
    const mapKey = second >= 0 ? `${key}:${second}` : key;
    let id = other.get(mapKey);
    if (id === undefined) other.set(mapKey, (id = next++));
    return id;
  };
  return Object.defineProperties(ids, {
    size: { get: () => next },
    keys: {
      value: (): TermKeys => {
        const bigrams = new Int32Array(next);
        for (let i = 0; i < values.length; i++) if (values[i] !== -1) bigrams[values[i]!] = keys[i]!;
        return { bigrams, others: [...other].map(([key, id]) => [id, key] as const) };
      },
    },
  }) as TermIds;
}
