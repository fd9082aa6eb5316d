import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** One candidate seed file: `path` is the input dir joined with the relative path, "/"-separated. */
export interface SeedFile {
  readonly path: string;
  readonly absolutePath: string;
  readonly size: number;
}

/**
 * Lists every non-hidden file under `inputDir`, recursively, sorted by path.
 * Seeds are recognized by content, not extension, so nothing else is filtered here.
 * Symbolic links to files are followed; links to directories are not (no cycles).
 */
export async function listSeedFiles(inputDir: string): Promise<SeedFile[]> {
  const files: SeedFile[] = [];
  await walk(inputDir, toDisplay(inputDir), files);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}

async function walk(dir: string, display: string, out: SeedFile[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`cannot read the input folder ${display}`, { cause: error });
  }
  await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map(async (entry) => {
        const absolutePath = path.join(dir, entry.name);
        const shown = display === '' ? entry.name : `${display}/${entry.name}`;
        if (entry.isDirectory()) return walk(absolutePath, shown, out);
        if (!entry.isFile() && !entry.isSymbolicLink()) return;
        const info = await stat(absolutePath).catch(() => undefined);
        if (info?.isFile()) out.push({ path: shown, absolutePath, size: info.size });
      }),
  );
}

function toDisplay(dir: string): string {
  const normalized = path.normalize(dir).split(path.sep).join('/');
  return normalized === '.' ? '' : normalized.replace(/\/+$/, '');
}
