import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TouchedFolders } from './fast-path/stamp-output.ts';

/**
 * Publishing the output folder without ever showing a half-written page.
 *
 * Every build renders into `<output>.staging-<pid>` beside the live folder; nothing live changes
 * until rendering, indexing and the export are done. An incremental build then moves its few files
 * in (`applyStaging`). A full build swaps: the live folder is
 * renamed to `<output>.old-<pid>`, the staging folder to the live name, and the old one removed.
 * Two renames on one file system: a static server sees either the old or the new site (for an
 * instant, between the renames, no folder at all) and never a half-written one. A failed or
 * interrupted build leaves its staging folder behind and the live output untouched; the next build
 * removes staging/old folders whose process is gone. A build stopped between the two renames (live
 * folder moved aside, staging not yet in its place) gets the previous output back: at once on Ctrl-C
 * (`abandonStaging`, run on exit), or by the next build after a SIGKILL (`cleanStaleOutputs`). (A symlink swap would avoid the instant without
 * a folder, but several static hosts and `cp -r` users trip over a symlinked root, so plain renames.)
 */
export function stagingDir(output: string): string {
  return `${output}.staging-${process.pid}`;
}

function oldDir(output: string): string {
  return `${output}.old-${process.pid}`;
}

/**
 * Removes `<output>.staging-*` and `<output>.old-*` left by builds that are no longer running. When
 * the live output is missing (a build killed between the two renames of `swapIn`), an old folder is
 * the previous output: it is put back instead of removed.
 */
export async function cleanStaleOutputs(output: string): Promise<void> {
  const live = path.resolve(output);
  const parent = path.dirname(live);
  const base = path.basename(live);
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const name of entries.sort()) {
    const match = /^(.*)\.(staging|old)-(\d+)$/.exec(name);
    if (match === null || match[1] !== base) continue;
    const pid = Number(match[3]);
    if (pid !== process.pid && isAlive(pid)) continue;
    if (match[2] === 'old' && !existsSync(live)) {
      await rename(path.join(parent, name), live);
      continue;
    }
    await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Synchronous clean-up for an `exit` handler (Ctrl-C during a build): removes the staging folder, and
 * if the process stops between the two renames of `swapIn`, first moves the previous output back.
 * Paths must be absolute (the handler may run while the working directory is elsewhere).
 */
export function abandonStaging(staging: string, output: string): void {
  const old = oldDir(output);
  if (!existsSync(output) && existsSync(old)) {
    try {
      renameSync(old, output);
    } catch {
      // The in-flight rename of staging won the race: the new output is live, the old one is stale.
    }
  }
  // A render worker told to stop may still finish writing a file as this runs: a folder not yet empty is tried again.
  rmSync(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
}

/** What an incremental build removes from the live output besides replacing what it wrote. */
export interface LiveChanges {
  /** Folders (relative) in staging that replace their live counterpart whole. */
  readonly replaceDirs: ReadonlySet<string>;
  /** Files and folders (relative) to delete from the live output: pages, feeds and search segments that are gone. */
  readonly remove: readonly string[];
}

/**
 * Publishes an incremental build in place: each file in the staging folder (only what this build
 * wrote) is renamed over its live counterpart, which is atomic per file, then what is gone is
 * deleted. Its cost follows what changed, not the archive's size (re-linking every unchanged file
 * into a fresh folder, then deleting the old one, cost ~10 s at 10,000 articles). A build stopped
 * during this step leaves a site whose every file is whole, some old and some new; the caller removes
 * the build manifest first, so the next build is a full one.
 */
export function applyStaging(staging: string, output: string, changes: LiveChanges): TouchedFolders {
  // What it changed, for the output's stamp (src/cli/fast-path/stamp-output.ts): every other live folder is as it was.
  const touched = { folders: new Set<string>(), fresh: new Set<string>() };
  moveInto(staging, output, '', changes.replaceDirs, touched);
  for (const rel of changes.remove) {
    rmSync(insideRoot(output, rel), { recursive: true, force: true });
    for (let dir = path.posix.dirname(rel); ; dir = path.posix.dirname(dir)) {
      touched.folders.add(dir === '.' ? '' : dir);
      if (dir === '.') break;
    }
    removeEmptyParents(output, rel);
  }
  rmSync(staging, { recursive: true, force: true });
  return touched;
}


/** Folders a deleted page leaves empty (`articles/<slug>/`) go too, up to the output root. */
function removeEmptyParents(output: string, rel: string): void {
  for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) {
    const folder = path.join(output, dir);
    if (!existsSync(folder) || readdirSync(folder).length > 0) return;
    rmdirSync(folder);
  }
}

function moveInto(from: string, to: string, rel: string, replaceDirs: ReadonlySet<string>, touched: { folders: Set<string>; fresh: Set<string> }): void {
  mkdirSync(to, { recursive: true });
  touched.folders.add(rel);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory() && replaceDirs.has(child)) {
      const aside = `${target}.old-${process.pid}`;
      const hadOne = existsSync(target);
      if (hadOne) renameSync(target, aside);
      renameSync(source, target);
      if (hadOne) rmSync(aside, { recursive: true, force: true });
      touched.fresh.add(child);
    } else if (entry.isDirectory()) moveInto(source, target, child, replaceDirs, touched);
    else if (sameBytes(source, target)) rmSync(source);
    else renameSync(source, target);
  }
}

/**
 * True when the live file already has the staged bytes: it is then left as it is (same inode and
 * time), so deploy tools that compare times (`rsync` without `--checksum`, `aws s3 sync`) do not
 * upload the feeds, sitemaps and assets every build writes again unchanged. Sizes first: a page
 * whose digest changed almost always changed size, and costs one stat.
 */
function sameBytes(staged: string, live: string): boolean {
  let size: number;
  try {
    size = statSync(live).size;
  } catch {
    return false;
  }
  if (size !== statSync(staged).size) return false;
  return readFileSync(staged).equals(readFileSync(live));
}

/** Resolves a page path inside root, refusing anything that would land outside it. */
export function insideRoot(root: string, rel: string): string {
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, rel);
  if (path.isAbsolute(rel) || !file.startsWith(resolvedRoot + path.sep)) throw new Error(`refusing to write outside the output folder: ${rel}`);
  return file;
}

/** Replaces the live output with the staging folder. */
export async function swapIn(staging: string, output: string): Promise<void> {
  const old = oldDir(output);
  let hadOld = true;
  try {
    await rename(output, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot move the previous output ${output} aside`, { cause: error });
    hadOld = false;
  }
  try {
    await rename(staging, output);
  } catch (error) {
    if (hadOld) await rename(old, output).catch(() => undefined);
    throw new Error(`cannot publish ${staging} as ${output}`, { cause: error });
  }
  if (hadOld) rmSync(old, { recursive: true, force: true }); // synchronous: far fewer thread-pool round trips
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
