import { grown } from './grown.ts';
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asWriteFailure } from './as-write-failure.ts';

/** Bytes gathered before one write to the file. */
const STAGING_BYTES = 4 << 20;

/** Blocks read at a time, and how many are kept by default (16 MB). */
const BLOCK_BYTES = 1 << 20;
const BLOCKS = 16;

interface Block {
  /** 0: the store's own file; n: the n-th attached file. */
  source: number;
  start: number;
  length: number;
  readonly bytes: Buffer;
}

/** Closes a store's file once the store itself is garbage (a long `serve` builds many archives). */
const closeWhenGone = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * Strings kept in a file instead of the heap, read back on demand: an archive's bodies and texts
 * are most of its memory (~8 KB of UTF-16 per article, 780 MB at 100,000 articles), yet each is read
 * only a few times per build (digests, render, search, export). The file is unlinked as soon as it is
 * opened, so it vanishes with the process whatever happens; it is written in UTF-16, which gives back
 * every string exactly (lone surrogates included) and decodes without a UTF-8 pass.
 */
export class TextStore {
  readonly #fd: number;
  readonly #dir: string;
  #staging = Buffer.allocUnsafe(STAGING_BYTES);
  #staged = 0;
  /** File offset of the first staged byte (everything before it is written). */
  #written = 0;
  #starts = new Float64Array(1024);
  #lengths = new Uint32Array(1024);
  /** Per text, where it is: 0 the store's own file, n the n-th attached file (`attach`). */
  #sources = new Uint8Array(1024);
  /** The attached files (index 0 unused): descriptor and size when attached. */
  readonly #attached: { fd: number; size: number }[] = [{ fd: -1, size: 0 }];
  #count = 0;
  #scratch = Buffer.allocUnsafe(64 << 10);
  readonly #blocks: Block[] = [];
  readonly #maxBlocks: number;
  #nextEvicted = 0;

  /**
   * A store in a fresh file under `dir` (created if missing). `blocks`: how many 1 MB blocks of the
   * file are kept for reads (fewer for a store read straight through once).
   */
  constructor(dir: string, blocks = BLOCKS) {
    this.#dir = dir;
    this.#maxBlocks = Math.max(1, blocks);
    let file = '';
    try {
      mkdirSync(dir, { recursive: true });
      const folder = mkdtempSync(path.join(dir, 'texts-'));
      file = path.join(folder, 'store');
      this.#fd = openSync(file, 'w+');
      rmSync(folder, { recursive: true, force: true }); // the open descriptor keeps the file's bytes
    } catch (error) {
      throw asWriteFailure(new Error(`cannot create the text store in ${dir}`, { cause: error }), 'the text store', file || dir);
    }
    closeWhenGone.register(this, this.#fd);
  }

  /** Stores `text` and returns its id for `get`. */
  put(text: string): number {
    const bytes = text.length * 2;
    if (this.#staged + bytes > this.#staging.length) this.#flush();
    if (bytes > this.#staging.length) this.#staging = Buffer.allocUnsafe(bytes);
    const id = this.#count++;
    if (id === this.#starts.length) this.#grow();
    this.#starts[id] = this.#written + this.#staged;
    this.#lengths[id] = text.length;
    this.#staged += this.#staging.write(text, this.#staged, 'utf16le');
    return id;
  }

  /**
   * Takes the open file `fd` (read only; closed with the store), of which the first `size` bytes are
   * read, so that texts already in it as UTF-16LE
   * can be `adopt`ed: the parse cache's store holds its texts that way, so a cached load copies nothing.
   * The file's bytes must not change in place while the store lives (appending and replacing it by a
   * rename are fine: the open descriptor keeps the bytes it had). Returns the source for `adopt`.
   */
  attach(fd: number, size: number): number {
    if (this.#attached.length === 256) throw new Error('a text store attaches at most 255 files');
    closeWhenGone.register(this, fd);
    return this.#attached.push({ fd, size }) - 1;
  }

  /** A text of `byteLength` UTF-16LE bytes at `position` of the attached `source`, without reading it. */
  adopt(source: number, position: number, byteLength: number): number {
    const file = this.#attached[source];
    if (source < 1 || file === undefined || position + byteLength > file.size) throw new Error(`no text at ${position}+${byteLength} of attached file ${source}`);
    const id = this.#count++;
    if (id === this.#starts.length) this.#grow();
    this.#starts[id] = position;
    this.#lengths[id] = byteLength >> 1;
    this.#sources[id] = source;
    return id;
  }

  get(id: number): string {
    return this.head(id, Infinity);
  }

  /** The length of text `id`, without reading it. */
  length(id: number): number {
    return this.#lengths[id]!;
  }

  /**
   * The first `chars` UTF-16 code units of text `id` (`get(id).slice(0, chars)`), reading and decoding
   * no more of it: related articles and stories index only the start of each text.
   */
  head(id: number, chars: number): string {
    const start = this.#starts[id]!;
    const bytes = Math.min(this.#lengths[id]!, chars) * 2;
    if (bytes === 0) return '';
    const source = this.#sources[id]!;
    if (source !== 0) return this.#headOf(source, start, bytes);
    if (start >= this.#written) {
      const at = start - this.#written;
      return this.#staging.toString('utf16le', at, at + bytes);
    }
    return this.#headOf(0, start, bytes);
  }

  /** `bytes` bytes at `start` of `source` (0: the written part of the store's own file), through the block cache. */
  #headOf(source: number, start: number, bytes: number): string {
    const end = source === 0 ? this.#written : this.#attached[source]!.size;
    const aligned = start - (start % BLOCK_BYTES);
    if (start + bytes <= Math.min(aligned + BLOCK_BYTES, end)) {
      const block = this.#block(source, aligned, start + bytes, end);
      const at = start - block.start;
      return block.bytes.toString('utf16le', at, at + bytes);
    }
    if (bytes > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(bytes);
    this.#read(source, this.#scratch, bytes, start);
    return this.#scratch.toString('utf16le', 0, bytes);
  }

  /**
   * The cached block of the file at `start` (a multiple of BLOCK_BYTES; a text across two blocks is
   * read on its own). Readers go through the archive in an order close to the one it was written in (by
   * outlet, by time, forwards or backwards), so one read serves the ~100 texts of a block: a read per
   * text cost ~10 µs, 3 s per pass at 100,000 articles.
   */
  #block(source: number, start: number, end: number, fileEnd: number): Block {
    // A block read near the end of the file, before more was written, may be short of `end`: read again.
    for (const block of this.#blocks) if (block.source === source && block.start === start && end <= block.start + block.length) return block;
    const block = this.#blocks.length < this.#maxBlocks ? { source, start: 0, length: 0, bytes: Buffer.allocUnsafe(BLOCK_BYTES) } : this.#blocks[this.#nextEvicted]!;
    if (this.#blocks.length < this.#maxBlocks) this.#blocks.push(block);
    else this.#nextEvicted = (this.#nextEvicted + 1) % this.#maxBlocks;
    block.source = source;
    block.start = start;
    block.length = Math.min(BLOCK_BYTES, fileEnd - start);
    this.#read(source, block.bytes, block.length, start);
    return block;
  }

  #read(source: number, into: Buffer, bytes: number, position: number): void {
    const fd = source === 0 ? this.#fd : this.#attached[source]!.fd;
    let read = 0;
    while (read < bytes) {
      const n = readSync(fd, into, read, bytes - read, position + read);
      if (n === 0) throw new Error(`the text store in ${this.#dir} ended early (at byte ${position + read})`);
      read += n;
    }
  }

  #flush(): void {
    let done = 0;
    try {
      while (done < this.#staged) done += writeSync(this.#fd, this.#staging, done, this.#staged - done, this.#written + done);
    } catch (error) {
      throw asWriteFailure(new Error(`cannot write the text store in ${this.#dir}`, { cause: error }), 'the text store', this.#dir);
    }
    this.#written += this.#staged;
    this.#staged = 0;
  }

  #grow(): void {
    this.#starts = grown(this.#starts);
    this.#lengths = grown(this.#lengths);
    this.#sources = grown(this.#sources);
  }
}
