/**
 * Integer ids for the terms of `forEachTermKey` (src/archive/for-each-term-key.ts): a CJK bigram,
 * given as its two code points, or a Latin word. Bigrams live in an open-addressing table of typed
 * arrays (no string and no boxed number per bigram, so 100,000 distinct bigrams cost ~2 MB); the few
 * Latin words in a Map. Ids are given in the order terms are first added, from 0.
 */
export class TermTable {
  private firsts: Int32Array;
  private seconds: Int32Array;
  /** id + 1 per slot; 0 is an empty slot. */
  private ids: Int32Array;
  private mask: number;
  private bigrams = 0;
  private readonly words = new Map<string, number>();

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Terms in the table. */
  get size(): number {
    return this.bigrams + this.words.size;
  }

  /** The id of a term, or -1 when it is not in the table. */
  idOf(key: string | number, second = -1): number {
    if (typeof key === 'string') return this.words.get(key) ?? -1;
    for (let slot = hash(key, second) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot]!;
      if (id === 0) return -1;
      if (this.firsts[slot] === key && this.seconds[slot] === second) return id - 1;
    }
  }

  /** The id of a term, added with the next id when it is new. */
  add(key: string | number, second = -1): number {
    if (typeof key === 'string') {
      let id = this.words.get(key);
      if (id === undefined) this.words.set(key, (id = this.size));
      return id;
    }
    for (let slot = hash(key, second) & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.ids[slot]!;
      if (id !== 0) {
        if (this.firsts[slot] === key && this.seconds[slot] === second) return id - 1;
        continue;
      }
      const added = this.size;
      this.firsts[slot] = key;
      this.seconds[slot] = second;
      this.ids[slot] = added + 1;
      if (++this.bigrams * 2 > this.ids.length) this.grow();
      return added;
    }
  }

  /** Every term with its id: the Latin words in the order added, then the bigrams in table order (the same for the same additions). */
  forEach(visit: (key: string | number, second: number, id: number) => void): void {
    for (const [word, id] of this.words) visit(word, -1, id);
    for (let slot = 0; slot < this.ids.length; slot++) if (this.ids[slot] !== 0) visit(this.firsts[slot]!, this.seconds[slot]!, this.ids[slot]! - 1);
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    const size = ids.length * 2;
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.mask = size - 1;
    for (let old = 0; old < ids.length; old++) {
      if (ids[old] === 0) continue;
      let slot = hash(firsts[old]!, seconds[old]!) & this.mask;
      while (this.ids[slot] !== 0) slot = (slot + 1) & this.mask;
      this.firsts[slot] = firsts[old]!;
      this.seconds[slot] = seconds[old]!;
      this.ids[slot] = ids[old]!;
    }
  }
}

function hash(first: number, second: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
