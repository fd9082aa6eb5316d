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
 * read: an incremental build walks a few hundred folders instead of every article's. Given also the
 * folders the build changed (`touched`, from applyStaging: the output was as `previous` says when the
 * build started, and the build changes it only there), every other folder and its files keep their
 * lines from `previous` without a stat: the ~27,000 stats of a 10,000-article site (~0.2 s) become a
 * few hundred.
 */
export function stampOutput(output: string, manifestFile: string, previous?: OutputStamp, touched?: TouchedFolders): OutputStamp {
  const known = previous === undefined ? new Map<string, Folder>() : foldersOf(previous.list);
  const lines: string[] = [];
  let files = 0;
  const visit = (rel: string, fresh: boolean): void => {
    const abs = rel === '' ? output : path.join(output, rel);
    const was = known.get(rel);
    const kept = !fresh && touched !== undefined && was !== undefined && !touched.folders.has(rel);
    const stat = kept ? was.stat : describe(abs, true);
    lines.push(`${rel}\t${stat}`);
    if (!stat.startsWith('d ')) return;
    let children = was?.stat === stat && !fresh ? was.children : undefined;
    if (children === undefined) {
      children = readdirSync(abs, { withFileTypes: true, encoding: 'utf8' }).map((e) => ({ name: e.name, folder: e.isDirectory(), file: e.isFile() }));
    }
    for (const child of children) {
      const childRel = rel === '' ? child.name : `${rel}/${child.name}`;
      if (child.folder) visit(childRel, fresh || touched?.fresh.has(childRel) === true);
      else {
        files++;
        const line = kept ? child.line : undefined;
        lines.push(line ?? `${childRel}\t${child.file ? describe(path.join(abs, child.name), false) : 'other'}`);
      }
    }
  };
  visit('', false);
  return { list: lines.join('\n'), files, manifest: describe(manifestFile, false) };
}

/** The live folders an incremental build changed (src/cli/publish-output.ts applyStaging). */
export interface TouchedFolders {
  /** Folders an entry was added to, renamed over or removed from ('' is the output itself). */
  readonly folders: ReadonlySet<string>;
  /** Folders replaced whole: everything below them is new. */
  readonly fresh: ReadonlySet<string>;
}

interface Folder {
  /** The folder's own stat, as its line has it. */
  readonly stat: string;
  readonly children: Child[];
}

interface Child {
  readonly name: string;
  readonly folder: boolean;
  readonly file: boolean;
  /** A file's whole line in the stamp. */
  readonly line?: string;
}

/** Folder → its stat and entries, from a stamp's lines (a folder's line starts its stat with "d "). */
function foldersOf(list: string): Map<string, Folder> {
  const out = new Map<string, Folder>();
  const folder = (rel: string): Folder => {
    let found = out.get(rel);
    if (found === undefined) out.set(rel, (found = { stat: '', children: [] }));
    return found;
  };
  for (const line of list.split('\n')) {
    const tab = line.indexOf('\t');
    const rel = line.slice(0, tab);
    const stat = line.slice(tab + 1);
    const isFolder = stat.startsWith('d ');
    if (isFolder) (folder(rel) as { stat: string }).stat = stat;
    if (rel === '') continue;
    const slash = rel.lastIndexOf('/');
    folder(slash < 0 ? '' : rel.slice(0, slash)).children.push({ name: rel.slice(slash + 1), folder: isFolder, file: stat.startsWith('f '), ...(isFolder ? {} : { line }) });
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
  // Joined by hand: the relative paths are already normal ('/'-separated, no '.' or '..'), and path.join per entry was a fifth of the check.
  const root = output.endsWith(path.sep) ? output : `${output}${path.sep}`;
  for (const line of stamp.list.split('\n')) {
    const tab = line.indexOf('\t');
    const rel = line.slice(0, tab);
    const was = line.slice(tab + 1);
    const abs = rel === '' ? output : root + rel;
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
