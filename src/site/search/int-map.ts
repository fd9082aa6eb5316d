/**
 * A hash map from uint32 keys (never 0) to non-negative ints, by open addressing in typed arrays:
 * the postings builder looks up a bigram key (two code points in 32 bits) for every character of
 * the archive, and a Map of numbers above 2³¹ (heap numbers) is several times slower.
 *
 *     const ids = new IntMap();
 *     ids.set(0x56fd5b89, 7);
 *     ids.get(0x56fd5b89); // 7; −1 when absent
 */
export class IntMap {
  private keys = new Uint32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = hash32(key) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.values[i]!;
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if (this.size * 2 >= this.keys.length) this.rehash();
    const mask = this.keys.length - 1;
    let i = hash32(key) & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.keys[i] === 0) this.size++;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private rehash(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}

/** murmur3's finalizer: every key bit moves the low bits the table uses. */
function hash32(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
