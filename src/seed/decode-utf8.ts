/** Result of strict UTF-8 decoding: the text, or where the first invalid byte is. */
export type DecodeUtf8Result =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly byteOffset: number; readonly line: number; readonly byte: number };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decode bytes as UTF-8, failing on the first invalid sequence.
 * A leading BOM is dropped. On failure, reports the byte offset (0-based) and 1-based line.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeUtf8Result {
  try {
    return { ok: true, text: fatal.decode(bytes) };
  } catch {
    const byteOffset = firstInvalidByte(bytes);
    let line = 1;
    for (let i = 0; i < byteOffset; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, byteOffset, line, byte: bytes[byteOffset] ?? 0 };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
