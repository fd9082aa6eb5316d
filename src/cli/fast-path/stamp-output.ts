import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** The published output as the file system describes it, and the build manifest's file the same way. */
export interface OutputStamp {
  /**
   * One line per file and folder under the output (the folder itself first): `path\tstat`, where a
   * file's stat is size, mtime, ctime and inode, and a folder's is mtime, ctime and inode (a file
   * added to or removed from a folder changes the folder's times).
   */
  readonly list: string;
  readonly files: number;
  /** The build manifest (in the cache folder): size, times, inode; 'missing' when there is none. */
  readonly manifest: string;
}

/** Stamps the output folder after a build: a walk and one stat per entry, no file read. */
export function stampOutput(output: string, manifestFile: string): OutputStamp {
  const lines = [`\t${describe(output, true)}`];
  let files = 0;
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(output, { recursive: true, withFileTypes: true, encoding: 'utf8' });
  } catch {
    // no output folder: its line says 'missing'
  }
  for (const e of entries) {
    const abs = path.join(e.parentPath, e.name);
    const folder = e.isDirectory();
    if (!folder) files++;
    lines.push(`${path.relative(output, abs)}\t${folder ? describe(abs, true) : e.isFile() ? describe(abs, false) : 'other'}`);
  }
  return { list: lines.join('\n'), files, manifest: describe(manifestFile, false) };
}

/**
 * The first entry of `stamp` that is not as it was (a file edited, replaced or removed, a folder with
 * a file added or removed), or the manifest if it changed; undefined when all are the same. Stats the
 * stamped paths (no folder is read): about 110 ms for the 35,000 entries of a 10,000-article site.
 */
export function outputChange(output: string, stamp: OutputStamp, manifestFile: string): string | undefined {
  if (describe(manifestFile, false) !== stamp.manifest) return 'the build manifest';
  for (const line of stamp.list.split('\n')) {
    const tab = line.indexOf('\t');
    const rel = line.slice(0, tab);
    const was = line.slice(tab + 1);
    const abs = rel === '' ? output : path.join(output, rel);
    if (was === 'other' || describe(abs, !was.startsWith('f')) !== was) return rel === '' ? output : rel;
  }
  return undefined;
}

function describe(file: string, folder: boolean): string {
  const s = statSync(file, { throwIfNoEntry: false });
  if (s === undefined) return 'missing';
  if (folder) return s.isDirectory() ? `d ${s.mtimeMs} ${s.ctimeMs} ${s.ino}` : 'not a folder';
  return s.isFile() ? `f ${s.size} ${s.mtimeMs} ${s.ctimeMs} ${s.ino}` : 'not a file';
}
