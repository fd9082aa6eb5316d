import { read } from 'node:fs';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';

const readAsync = promisify(read);

/** Bytes read at a time: a store of any size (~1.3 GB at 100,000 seeds) is never in memory whole. */
const READ_CHUNK = 8 << 20;

/** u32 meta bytes, u32 text bytes, u32 crc32 of both. */
const HEAD = 12;

/**
 * The parse cache's record layout (src/archive/parse-cache.ts): a JSON `meta` (UTF-8) and the UTF-16LE
 * bytes of its texts, behind a 12-byte head (both lengths, and the crc32 of both parts). Texts stay in
 * the form the build's TextStore keeps them in, so loading copies bytes instead of decoding and
 * re-encoding ~1 GB of UTF-8 at 100,000 seeds (half the cost of reading the store as JSON lines).
 */
export function encodeRecord(meta: unknown, texts: readonly string[] = []): Buffer {
  const metaBytes = Buffer.from(JSON.stringify(meta));
  const textBytes = texts.reduce((sum, t) => sum + t.length * 2, 0);
  const out = Buffer.allocUnsafe(HEAD + metaBytes.length + textBytes);
  metaBytes.copy(out, HEAD);
  let at = HEAD + metaBytes.length;
  for (const text of texts) at += out.write(text, at, 'utf16le');
  out.writeUInt32LE(metaBytes.length, 0);
  out.writeUInt32LE(textBytes, 4);
  out.writeUInt32LE(crc32(out.subarray(HEAD)), 8);
  return out;
}

/** How a read of the records ended: all read, stopped by the caller, or at a record cut short or damaged (the rest unread). */
export type RecordsEnd = 'done' | 'stopped' | 'damaged';

/**
 * Calls `onRecord` with each record in the first `fileSize` bytes of the open file `fd` (left open): its
 * meta text, the buffer holding its texts at [start, end) (valid during the call only), and where in
 * the file they start. Stops when it returns false.
 */
export async function forEachRecord(fd: number, fileSize: number, onRecord: (meta: string, bytes: Buffer, start: number, end: number, position: number) => boolean, chunkBytes = READ_CHUNK): Promise<RecordsEnd> {
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  /** Bytes of the file before buffer[0]. */
  let consumed = 0;
  let ended = false;
  for (;;) {
    if (!ended && filled < buffer.length) {
      const want = Math.min(buffer.length - filled, fileSize - consumed - filled);
      const { bytesRead } = want === 0 ? { bytesRead: 0 } : await readAsync(fd, buffer, filled, want, consumed + filled);
      filled += bytesRead;
      ended = bytesRead === 0;
    }
    let at = 0;
    while (filled - at >= HEAD) {
      const metaBytes = buffer.readUInt32LE(at);
      const size = HEAD + metaBytes + buffer.readUInt32LE(at + 4);
      if (consumed + at + size > fileSize) return 'damaged'; // cut short, or a damaged length
      if (filled - at < size) break;
      if (crc32(buffer.subarray(at + HEAD, at + size)) !== buffer.readUInt32LE(at + 8)) return 'damaged';
      const texts = at + HEAD + metaBytes;
      if (!onRecord(buffer.toString('utf8', at + HEAD, texts), buffer, texts, at + size, consumed + texts)) return 'stopped';
      at += size;
    }
    if (ended) return at === filled ? 'done' : 'damaged';
    // Keep the partial record at the start; one larger than the buffer grows it.
    buffer.copy(buffer, 0, at, filled);
    filled -= at;
    consumed += at;
    if (filled >= HEAD) {
      const size = HEAD + buffer.readUInt32LE(0) + buffer.readUInt32LE(4);
      if (size > buffer.length) {
        const grown = Buffer.allocUnsafe(size);
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
    }
  }
}
