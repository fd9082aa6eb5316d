import { readVarint } from '../search-format.ts';

/**
 * A bucket file (search-format.ts) as a map from term to its postings bytes (views into `bytes`).
 *
 *     parseBucket(await files.bytes('s0-…/b17.bin')).get('台湾') // Uint8Array | undefined
 */
export function parseBucket(bytes: Uint8Array): Map<string, Uint8Array> {
  const decoder = new TextDecoder();
  let at = 0;
  let count: number;
  [count, at] = readVarint(bytes, at);
  const entries: [string, number][] = [];
  for (let i = 0; i < count; i++) {
    const len = bytes[at++]!;
    const term = decoder.decode(bytes.subarray(at, at + len));
    at += len;
    let size: number;
    [size, at] = readVarint(bytes, at);
    entries.push([term, size]);
  }
  const map = new Map<string, Uint8Array>();
  for (const [term, size] of entries) (map.set(term, bytes.subarray(at, at + size)), (at += size));
  return map;
}
