import { grown } from '../runtime/grown.ts';
import type { TermIndex } from './related-terms.ts';

/**
 * Each document's distinct terms, read once into flat typed arrays (the TermIndex layout): the reading
 * step shared by related articles (related-terms.ts) and stories (story-terms.ts), which differ only in
 * which terms they read. Documents are read in order: `open(d)`, `add(term, inTitle)` for each term
 * occurrence, `close(d)`; `finish()` gives the arrays and each term's document frequency.
 *
 *     const table = new DocTermTable(docs.length, capacity);
 *     docs.forEach((doc, d) => { table.open(d); for (const id of termIdsOf(doc)) table.add(id, 0); table.close(d); });
 *     const { docStart, terms, counts, lengths, dfs, end } = table.finish();
 */
export class DocTermTable {
  #terms: Int32Array<ArrayBuffer>;
  #counts: Int32Array<ArrayBuffer>;
  #titled: Uint8Array<ArrayBuffer>;
  #end = 0;
  readonly #docStart: Int32Array;
  readonly #lengths: Float64Array;
  // Per term id: the document (1 + index) it was last seen in, and where its entry is.
  #seenIn = new Int32Array(4096);
  #seenAt = new Int32Array(4096);
  #current = 0;

  /** `capacity`: a first guess of the entries (about one per character read); the arrays grow past it. */
  constructor(docCount: number, capacity: number) {
    this.#terms = new Int32Array(capacity);
    this.#counts = new Int32Array(capacity);
    this.#titled = new Uint8Array(capacity);
    this.#docStart = new Int32Array(docCount + 1);
    this.#lengths = new Float64Array(docCount);
  }

  open(index: number): void {
    this.#current = index + 1;
  }

  /** One occurrence of term `id` in the open document; `inTitle` 1 marks a title term (not counted in the body). */
  add(id: number, inTitle: number): void {
    if (id >= this.#seenIn.length) {
      this.#seenIn = grown(this.#seenIn, id + 1);
      this.#seenAt = grown(this.#seenAt, id + 1);
    }
    if (this.#seenIn[id] === this.#current) {
      const at = this.#seenAt[id]!;
      this.#counts[at]! += 1 - inTitle;
      this.#titled[at]! |= inTitle;
      return;
    }
    const end = this.#end;
    if (end === this.#terms.length) {
      this.#terms = grown(this.#terms, end + 1);
      this.#counts = grown(this.#counts, end + 1);
      this.#titled = grown(this.#titled, end + 1);
    }
    this.#seenIn[id] = this.#current;
    this.#seenAt[id] = end;
    this.#terms[end] = id;
    this.#counts[end] = 1 - inTitle;
    this.#titled[end] = inTitle;
    this.#end = end + 1;
  }

  close(index: number): void {
    this.#docStart[index + 1] = this.#end;
    let length = 0;
    for (let k = this.#docStart[index]!; k < this.#end; k++) length += this.#counts[k]!;
    this.#lengths[index] = length;
  }

  /** The table; `terms`, `counts` and `titled` may run past `end`. `termCount` bounds the term ids. */
  finish(): TermIndex & { readonly end: number; readonly termCount: number } {
    const termCount = this.#seenIn.length;
    const dfs = new Int32Array(termCount);
    for (let k = 0; k < this.#end; k++) dfs[this.#terms[k]!]!++;
    return { docStart: this.#docStart, terms: this.#terms, counts: this.#counts, titled: this.#titled, lengths: this.#lengths, dfs, end: this.#end, termCount };
  }
}
