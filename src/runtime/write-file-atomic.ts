import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` whole or not at all: into a temporary file beside it (its folder made if missing),
 * then renamed over it, so a reader never sees half a file and a build stopped half-way leaves the old one.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(temp, data);
  await rename(temp, file);
}

/** The same, synchronously. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/**
 * The same from pieces, written about 1 MB at a time: for files too large to build as one string while
 * the build's peak is being set (the related-lists cache at 100,000 articles: ~100 MB as objects and text).
 */
export function writeFileAtomicPiecesSync(file: string, pieces: Iterable<string>): void {
  const temp = `${file}.${process.pid}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(temp, 'w');
  try {
    let buffer = '';
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length >= 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    if (buffer !== '') writeSync(fd, buffer);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}
