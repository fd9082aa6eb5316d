import { open } from 'node:fs/promises';

/** Bytes read at a time: a file of any size (the parse cache's store is 1.5 GB at 100,000 seeds) is never in memory whole. */
const READ_CHUNK = 8 << 20;

/**
 * Calls `onLine` with each non-empty line of `file`, reading it a chunk at a time; stops early (and
 * returns false) when `onLine` returns false. A missing file has no lines.
 */
export async function forEachLine(file: string, onLine: (text: string) => boolean, chunkBytes = READ_CHUNK): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined); // a missing file has no lines
  if (handle === undefined) return true;
  try {
    let buffer = Buffer.alloc(chunkBytes);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]); // a line longer than the buffer
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      filled += bytesRead;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end >= 0 && end < filled; end = buffer.indexOf(10, start)) {
        if (end > start && !onLine(buffer.toString('utf8', start, end))) return false;
        start = end + 1;
      }
      if (bytesRead === 0) {
        return start >= filled || onLine(buffer.toString('utf8', start, filled));
      }
      buffer.copy(buffer, 0, start, filled);
      filled -= start;
    }
  } finally {
    await handle.close();
  }
}
