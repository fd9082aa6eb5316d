import { grown } from '../../runtime/grown.ts';

/**
 * Many growable byte strings (one per term) in few allocations: each is a chain of blocks (8 bytes,
 * then doubling up to 4 KB, each led by 4 bytes pointing to the next) inside 8 MB pages; the chain
 * state lives in typed arrays. A term with one posting costs 12 bytes, not a typed array object
 * (~250 bytes with its buffer), so a million terms fit in tens of MB.
 *
 *     const chains = new BlockChains();
 *     chains.ensure(1);
 *     chains.push(0, 42);
 *     chains.copy(0, out, 0); // → 1
 */
export class BlockChains {
  /** Offsets in the pages: the first block, the current block, the write position in it, its end. */
  private head = new Float64Array(1 << 16);
  private tail = new Float64Array(1 << 16);
  private pos = new Float64Array(1 << 16);
  private end = new Float64Array(1 << 16);
  private readonly pages: Uint8Array[] = [];
  private pageUsed = PAGE;

  /** Makes room for chains 0 … n − 1. */
  ensure(n: number): void {
    if (n <= this.head.length) return;
    this.head = grown(this.head, n);
    this.tail = grown(this.tail, n);
    this.pos = grown(this.pos, n);
    this.end = grown(this.end, n);
  }

  /** Appends one byte to chain `chain`. */
  push(chain: number, byte: number): void {
    let at = this.pos[chain]!;
    if (at === this.end[chain]!) {
      const previous = this.tail[chain]!;
      const size = this.head[chain] === 0 ? 8 : Math.min(4096, 2 * (this.end[chain]! - previous - 4));
      const block = this.allocate(size + 4);
      if (this.head[chain] === 0) this.head[chain] = block;
      else this.view(previous).setUint32(previous % PAGE, block / 4, true);
      this.tail[chain] = block;
      at = block + 4;
      this.end[chain] = block + 4 + size;
    }
    this.pages[Math.floor(at / PAGE)]![at % PAGE] = byte;
    this.pos[chain] = at + 1;
  }

  /** Bytes in chain `chain`. */
  length(chain: number): number {
    let total = 0;
    let size = 8;
    for (let block = this.head[chain]!; block !== 0; size = Math.min(4096, size * 2)) {
      if (block === this.tail[chain]) return total + this.pos[chain]! - block - 4;
      total += size;
      block = this.view(block).getUint32(block % PAGE, true) * 4;
    }
    return total;
  }

  /** Copies chain `chain` into `target` at `offset`; returns the offset after it. */
  copy(chain: number, target: Uint8Array, offset: number): number {
    let at = offset;
    let size = 8;
    for (let block = this.head[chain]!; block !== 0; size = Math.min(4096, size * 2)) {
      const page = this.pages[Math.floor(block / PAGE)]!;
      const start = (block % PAGE) + 4;
      const isTail = block === this.tail[chain];
      const stop = isTail ? start + (this.pos[chain]! - block - 4) : start + size;
      target.set(page.subarray(start, stop), at);
      at += stop - start;
      block = isTail ? 0 : this.view(block).getUint32(block % PAGE, true) * 4;
    }
    return at;
  }

  /** A block of `size` bytes (a multiple of 4, as every offset is); offset 0 is never handed out. */
  private allocate(size: number): number {
    if (this.pageUsed + size > PAGE) {
      this.pages.push(new Uint8Array(PAGE));
      this.pageUsed = this.pages.length === 1 ? 8 : 0;
    }
    const offset = (this.pages.length - 1) * PAGE + this.pageUsed;
    this.pageUsed += size;
    return offset;
  }

  private view(block: number): DataView {
    return new DataView(this.pages[Math.floor(block / PAGE)]!.buffer);
  }
}

const PAGE = 8 << 20;
