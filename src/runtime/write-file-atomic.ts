import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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
