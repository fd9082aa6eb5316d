import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { SeedFile } from './list-seed-files.ts';
import { readCheckedFile, writeCheckedFile } from '../runtime/checked-file.ts';

/** Bump when the file's layout changes. */
const SEED_HASHES_VERSION = 1;

/**
 * A file changed within this long before the build started may change again without its size, mtime
 * or ctime showing it (timestamps of a coarse file system, or of the same tick): its hash is not kept.
 */
const RACY_MS = 2000;

type Entry = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

/**
 * The sha256 of each seed file's bytes as the last load found it, by path and file system metadata
 * (size, mtime, ctime, inode), kept in the cache folder: a file whose metadata are as they were is not
 * read again to find its parse result (reading and hashing 100,000 seeds, ~0.8 GB, was seconds of
 * every rebuild). The rule is git's index and the build's no-change check (src/cli/fast-path/): a
 * write changes the ctime, which nothing but the kernel sets; a file changed less than RACY_MS
 * before the load began is never kept (a change in the same tick would not show). A missing or
 * damaged file (its first line holds the version and the sha1 of the rest) keeps nothing.
 *
 * What changed since the file was written goes into a second, small file (`<file>.changes`: the
 * entries added, changed or gone, and the sha1 of the file they apply to), rewritten each time, until
 * the changes reach a quarter of the file's entries, when the file is written anew with them and the
 * changes file removed: a daily rebuild writes a few entries instead of every seed's (1.7 MB at 10,000
 * seeds, ~0.1 s; 17 MB at 100,000). A changes file that is damaged, foreign or made for another version
 * of the file is not read: its files are read and hashed again.
 */
export class SeedHashes {
  readonly #found = new Map<string, Entry>();
  #changed = false;

  private constructor(
    private readonly file: string,
    /** The file's entries (without its changes), and the sha1 of its body. */
    private readonly base: { readonly entries: ReadonlyMap<string, Entry>; readonly sum: string | undefined },
    /** The base with its changes: what the last load found. */
    private readonly saved: ReadonlyMap<string, Entry>,
    /** When the load began: files changed after RACY_MS before it are not kept. */
    private readonly startedAt: number,
  ) {}

  static open(file: string, startedAt = Date.now()): SeedHashes {
    const base = read(file);
    const saved = new Map(base.entries);
    for (const [path, entry] of base.sum === undefined ? [] : readChanges(changesFile(file), base.sum)) {
      if (entry === null) saved.delete(path);
      else saved.set(path, entry);
    }
    return new SeedHashes(file, base, saved, startedAt);
  }

  /** The hash the last load found for `file`, when its metadata are unchanged. */
  hashOf(file: SeedFile): string | undefined {
    const entry = this.saved.get(file.path);
    if (entry === undefined || entry[0] !== file.size || entry[1] !== file.mtimeMs || entry[2] !== file.ctimeMs || entry[3] !== file.ino) return undefined;
    return entry[4];
  }

  /** What this load found: `hash` of `file`'s bytes, kept unless the file changed too recently. */
  found(file: SeedFile, hash: string): void {
    if (file.ctimeMs >= this.startedAt - RACY_MS || file.mtimeMs >= this.startedAt - RACY_MS) {
      this.#changed = true; // not kept: the file is read again next time
      return;
    }
    const entry: Entry = [file.size, file.mtimeMs, file.ctimeMs, file.ino, hash];
    const before = this.saved.get(file.path);
    if (before === undefined || !sameEntry(before, entry)) this.#changed = true;
    this.#found.set(file.path, entry);
  }

  /**
   * Keeps what this load found (only the files it saw); writes nothing when that is what the files
   * hold, the changes file alone while the changes are few, else the whole file.
   */
  save(): void {
    if (!this.#changed && this.#found.size === this.saved.size) return;
    const changes: [string, Entry | null][] = [];
    for (const [path, entry] of this.#found) {
      const before = this.base.entries.get(path);
      if (before === undefined || !sameEntry(before, entry)) changes.push([path, entry]);
    }
    for (const path of this.base.entries.keys()) if (!this.#found.has(path)) changes.push([path, null]);
    const changesFileName = changesFile(this.file);
    if (this.base.sum !== undefined && changes.length * 4 <= this.base.entries.size) {
      const body = JSON.stringify({ base: this.base.sum, changes });
      writeCheckedFile(changesFileName, SEED_HASHES_VERSION, () => [body]);
      return;
    }
    const body = JSON.stringify([...this.#found]);
    writeCheckedFile(this.file, SEED_HASHES_VERSION, () => [body]);
    rmSync(changesFileName, { force: true }); // made for the file before: it would not be read anyway
  }
}

function changesFile(file: string): string {
  return `${file}.changes`;
}

function sameEntry(a: Entry, b: Entry): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
}

function read(file: string): { entries: Map<string, Entry>; sum: string | undefined } {
  const saved = new Map<string, Entry>();
  const body = readCheckedFile(file, SEED_HASHES_VERSION);
  if (body === undefined) return { entries: saved, sum: undefined };
  try {
    for (const item of JSON.parse(body) as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !isEntry(item[1])) return { entries: new Map(), sum: undefined };
      saved.set(item[0], item[1]);
    }
  } catch {
    return { entries: new Map(), sum: undefined };
  }
  return { entries: saved, sum: createHash('sha1').update(body).digest('hex') };
}

/** The changes made to the file whose body's sha1 is `base`; none when the changes file is missing, damaged or for another. */
function readChanges(file: string, base: string): [string, Entry | null][] {
  const body = readCheckedFile(file, SEED_HASHES_VERSION);
  if (body === undefined) return [];
  try {
    const parsed = JSON.parse(body) as { base?: unknown; changes?: unknown };
    if (parsed.base !== base || !Array.isArray(parsed.changes)) return [];
    const changes = parsed.changes as unknown[];
    return changes.every((c) => Array.isArray(c) && typeof c[0] === 'string' && (c[1] === null || isEntry(c[1]))) ? (changes as [string, Entry | null][]) : [];
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is Entry {
  return Array.isArray(value) && value.length === 5 && value.slice(0, 4).every((v) => typeof v === 'number') && typeof value[4] === 'string';
}
