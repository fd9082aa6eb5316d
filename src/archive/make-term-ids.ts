/**
 * Numbers terms as first seen: `ids(first, second)` for a CJK bigram (code points), `ids(key)` for
 * any other term. BMP bigrams (nearly all of them) go through an open-addressing table of int32 keys.
 */
export function makeTermIds(): (key: string | number, second?: number) => number {
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
  return (key, second = -1) => {
    if (second >= 0 && (key as number) <= 0xffff && second <= 0xffff) {
      const packed = ((key as number) << 16) | second;
      let i = slot(packed);
      if (values[i] === -1) {
        if ((size + 1) * 2 > mask) {
          rehash();
          i = slot(packed);
        }
        keys[i] = packed;
        values[i] = next++;
        size++;
      }
      return values[i]!;
    }
    const mapKey = second >= 0 ? `${key}:${second}` : key;
    let id = other.get(mapKey);
    if (id === undefined) other.set(mapKey, (id = next++));
    return id;
  };
}
