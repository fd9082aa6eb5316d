import { grown } from '../../runtime/grown.ts';
import { forEachTerm, nextBit, type CodeFolder } from '../../text/search-terms.ts';
import { BlockChains } from './block-chains.ts';
import { IntMap } from './int-map.ts';

/**
 * Postings of one index segment, built document by document in increasing id order, in bounded
 * memory: each term's postings are varint bytes in its own chain of blocks (BlockChains), and
 * per-term state lives in typed arrays. Nothing per posting is a JS object, so 100,000 articles
 * (~100 M postings) take a few hundred MB, not gigabytes.
 *
 * A posting is one varint: `(doc − previous doc) × 16 + (in title ? 8 : 0) + min(tf in body, 7)`,
 * the first delta counted from −1; a bigram's posting is followed by one byte, the bits (nextBit) of
 * the characters that follow it in the document, which lets a longer query check that its bigrams
 * are neighbours (search-format.ts).
 *
 *     const b = new PostingsBuilder(codeFolder(FOLD_TABLE));
 *     b.add(0, title, text);
 *     for (let id = 0; id < b.terms; id++) b.copyPostings(id, out, offset); // with b.term(id), b.postingsLength(id)
 */
export class PostingsBuilder {
  private readonly cjkIds = new IntMap();
  /** Bigrams with a character beyond U+FFFF (rare): keys above 2³². */
  private readonly wideIds = new Map<number, number>();
  private readonly wordIds = new Map<string, number>();
  private readonly keys: (number | string)[] = [];
  private lastDoc = new Int32Array(1 << 16);
  private seenIn = new Int32Array(1 << 16);
  private df = new Int32Array(1 << 16);
  private tf = new Int32Array(1 << 16);
  private inTitle = new Uint8Array(1 << 16);
  /** Per bigram in the current document: a bit (nextBit) for each character that follows it. */
  private next = new Uint8Array(1 << 16);
  private lastBigram = -1;
  private readonly chains = new BlockChains();
  private touched: number[] = [];
  private doc = -1;
  /** Bytes of postings written (without block overhead). */
  bytes = 0;

  get terms(): number {
    return this.keys.length;
  }

  constructor(private readonly fold: CodeFolder) {}

  /** Adds one document; ids must increase. */
  add(doc: number, title: string, text: string): void {
    if (doc <= this.doc) throw new Error(`PostingsBuilder: document ${doc} after ${this.doc}`);
    this.doc = doc;
    this.touched = [];
    this.lastBigram = -1;
    forEachTerm(title, this.fold, (code, prev) => this.cjk(code, prev, true), (w) => this.see(this.wordId(w), true));
    this.lastBigram = -1;
    forEachTerm(text, this.fold, (code, prev) => this.cjk(code, prev, false), (w) => this.see(this.wordId(w), false));
    for (const id of this.touched) {
      const value = (doc - this.lastDoc[id]!) * 16 + this.inTitle[id]! * 8 + Math.min(this.tf[id]!, 7);
      this.lastDoc[id] = doc;
      this.df[id]!++;
      this.writeVarint(id, value);
      if (this.isBigram(id)) this.writeByte(id, this.next[id]!);
    }
  }

  /** The string form of term `id` (what the browser looks up): the word, the character or the pair. */
  term(id: number): string {
    return termString(this.keys[id]!);
  }

  /** Documents holding term `id`. */
  docFrequency(id: number): number {
    return this.df[id]!;
  }

  /** Bytes of term `id`'s postings. */
  postingsLength(id: number): number {
    return this.chains.length(id);
  }

  /** Copies term `id`'s postings into `target` at `offset`; returns the offset after them. */
  copyPostings(id: number, target: Uint8Array, offset: number): number {
    return this.chains.copy(id, target, offset);
  }

  private cjk(code: number, previous: number, title: boolean): void {
    this.see(this.cjkId(code), title);
    if (previous === -1) {
      this.lastBigram = -1;
      return;
    }
    // The bigram before this one is followed by this character: its bit in that bigram's mask.
    if (this.lastBigram !== -1) this.next[this.lastBigram]! |= nextBit(code);
    // Both in the BMP (nearly always): one 32-bit key above every unigram (CJK code points are ≥ U+1100).
    const id = previous < 0x10000 && code < 0x10000 ? this.cjkId(((previous << 16) | code) >>> 0) : this.wideId(BIGRAM * (previous + 1) + code);
    this.see(id, title);
    this.lastBigram = id;
  }

  private see(id: number, title: boolean): void {
    if (this.seenIn[id] !== this.doc) {
      this.seenIn[id] = this.doc;
      this.tf[id] = 0;
      this.inTitle[id] = 0;
      this.next[id] = 0;
      this.touched.push(id);
    }
    if (title) this.inTitle[id] = 1;
    else this.tf[id]!++;
  }

  private isBigram(id: number): boolean {
    const key = this.keys[id]!;
    return typeof key === 'number' && key >= BIGRAM;
  }

  private cjkId(key: number): number {
    let id = this.cjkIds.get(key);
    if (id === -1) this.cjkIds.set(key, (id = this.newTerm(key)));
    return id;
  }

  private wideId(key: number): number {
    let id = this.wideIds.get(key);
    if (id === undefined) this.wideIds.set(key, (id = this.newTerm(key)));
    return id;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) this.wordIds.set(word, (id = this.newTerm(word)));
    return id;
  }

  private newTerm(key: number | string): number {
    const id = this.keys.length;
    this.keys.push(key);
    if (id >= this.lastDoc.length) this.grow();
    this.chains.ensure(id + 1);
    this.lastDoc[id] = -1;
    this.seenIn[id] = -1;
    return id;
  }

  private grow(): void {
    this.lastDoc = grown(this.lastDoc);
    this.seenIn = grown(this.seenIn);
    this.df = grown(this.df);
    this.tf = grown(this.tf);
    this.inTitle = grown(this.inTitle);
    this.next = grown(this.next);
  }

  private writeVarint(id: number, value: number): void {
    while (value >= 0x80) {
      this.writeByte(id, (value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.writeByte(id, value);
  }

  private writeByte(id: number, byte: number): void {
    this.chains.push(id, byte);
    this.bytes++;
  }
}

/** Multiplier of a bigram's first code point in its numeric key (above every unigram key). */
const BIGRAM = 0x110000;

/** A term's string form (what the browser looks up): the word, the character or the pair. */
function termString(key: number | string): string {
  if (typeof key === 'string') return key;
  if (key < BIGRAM) return String.fromCodePoint(key);
  if (key < 2 ** 32) return String.fromCodePoint(key >>> 16, key & 0xffff);
  const first = Math.floor(key / BIGRAM) - 1;
  return String.fromCodePoint(first, key % BIGRAM);
}

