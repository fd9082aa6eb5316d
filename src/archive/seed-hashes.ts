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
 */
export class SeedHashes {
  readonly #found = new Map<string, Entry>();
  #changed = false;

  private constructor(
    private readonly file: string,
    private readonly saved: ReadonlyMap<string, Entry>,
    /** When the load began: files changed after RACY_MS before it are not kept. */
    private readonly startedAt: number,
  ) {}

  static open(file: string, startedAt = Date.now()): SeedHashes {
    return new SeedHashes(file, read(file), startedAt);
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
    if (before === undefined || before.some((v, i) => v !== entry[i])) this.#changed = true;
    this.#found.set(file.path, entry);
  }

  /** Keeps what this load found (only the files it saw); writes nothing when that is what the file holds. */
  save(): void {
    if (!this.#changed && this.#found.size === this.saved.size) return;
    const body = JSON.stringify([...this.#found]);
    writeCheckedFile(this.file, SEED_HASHES_VERSION, () => [body]);
  }
}

function read(file: string): Map<string, Entry> {
  const saved = new Map<string, Entry>();
  const body = readCheckedFile(file, SEED_HASHES_VERSION);
  if (body === undefined) return saved;
  try {
    for (const item of JSON.parse(body) as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !isEntry(item[1])) return new Map();
      saved.set(item[0], item[1]);
    }
  } catch {
    saved.clear();
  }
  return saved;
}

function isEntry(value: unknown): value is Entry {
  return Array.isArray(value) && value.length === 5 && value.slice(0, 4).every((v) => typeof v === 'number') && typeof value[4] === 'string';
}
