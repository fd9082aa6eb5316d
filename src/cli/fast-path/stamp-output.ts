import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The published output as the file system describes it, and the build manifest's file the same way. */
export interface OutputStamp {
  /**
   * One line per file and folder under the output (the folder itself first, as ""): `path\tstat`
   * with `/` in paths, where a file's stat is `f size mtime`, a folder's `d mtime` (a file added to
   * or removed from a folder changes the folder's mtime). Size and mtime, as rsync and make judge a
   * file, not ctime or inode: `chown -R`, or a CI cache restored by tar (which keeps mtimes), leaves
   * an output that is as the build left it, and must not cost a full build.
   */
  readonly list: string;
  readonly files: number;
  /** The build manifest (in the cache folder): size and mtime; 'missing' when there is none. */
  readonly manifest: string;
}

/**
 * Stamps the output folder after a build: one stat per file and folder, no file read. Given the stamp
 * of the output before the build, a folder whose stat is unchanged has the same entries (adding,
 * removing or renaming an entry changes its folder's times), so only folders the build changed are
 * read: an incremental build walks a few hundred folders instead of every article's.
 */
export function stampOutput(output: string, manifestFile: string, previous?: OutputStamp): OutputStamp {
  const known = previous === undefined ? new Map<string, Child[]>() : childrenOf(previous.list);
  const was = previous === undefined ? new Map<string, string>() : statsOf(previous.list);
  const lines: string[] = [];
  let files = 0;
  const visit = (rel: string): void => {
    const abs = rel === '' ? output : path.join(output, rel);
    const stat = describe(abs, true);
    lines.push(`${rel}\t${stat}`);
    if (!stat.startsWith('d ')) return;
    let children = was.get(rel) === stat ? known.get(rel) : undefined;
    if (children === undefined) {
      children = readdirSync(abs, { withFileTypes: true, encoding: 'utf8' }).map((e) => ({ name: e.name, folder: e.isDirectory(), file: e.isFile() }));
    }
    for (const child of children) {
      const childRel = rel === '' ? child.name : `${rel}/${child.name}`;
      if (child.folder) visit(childRel);
      else {
        files++;
        lines.push(`${childRel}\t${child.file ? describe(path.join(abs, child.name), false) : 'other'}`);
      }
    }
  };
  visit('');
  return { list: lines.join('\n'), files, manifest: describe(manifestFile, false) };
}

interface Child {
  readonly name: string;
  readonly folder: boolean;
  readonly file: boolean;
}

/** Folder → its entries, from a stamp's lines (a folder's line starts its stat with "d "). */
function childrenOf(list: string): Map<string, Child[]> {
  const out = new Map<string, Child[]>();
  for (const line of list.split('\n')) {
    const tab = line.indexOf('\t');
    const rel = line.slice(0, tab);
    if (rel === '') continue;
    const slash = rel.lastIndexOf('/');
    const parent = slash < 0 ? '' : rel.slice(0, slash);
    const stat = line.slice(tab + 1);
    let siblings = out.get(parent);
    if (siblings === undefined) out.set(parent, (siblings = []));
    siblings.push({ name: rel.slice(slash + 1), folder: stat.startsWith('d '), file: stat.startsWith('f ') });
  }
  return out;
}

function statsOf(list: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of list.split('\n')) {
    const tab = line.indexOf('\t');
    if (line.startsWith('d ', tab + 1)) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
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
  if (folder) return s.isDirectory() ? `d ${s.mtimeMs}` : 'not a folder';
  return s.isFile() ? `f ${s.size} ${s.mtimeMs}` : 'not a file';
}
