import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParseOptions } from '../article/article.ts';
import type { ParseOutcome } from './parse-outcome.ts';

interface StoredEntry {
  /** The path the result was parsed under (re-applied when the same bytes live elsewhere). */
  readonly path: string;
  readonly result: ParseOutcome;
}

interface StoreFile {
  readonly key: string;
  readonly entries: Record<string, StoredEntry>;
}

/**
 * Parse results keyed by sha256(file bytes), in one compact JSON store per parser version + options.
 *
 * One file per (PARSER_VERSION, timeZone, outlets): a changed version or option simply selects another
 * store, so stale results are never read. One store means one read and one JSON.parse instead of
 * thousands of opens; it is rewritten whole (atomically) when anything changed. Not yet benchmarked
 * against one-file-per-entry shards: on the real corpus (2,785 files, ~2 s cached load on a loaded
 * 2-core machine) it has not been the bottleneck.
 */
export class ParseCache {
  private readonly entries: Map<string, StoredEntry>;
  private readonly used = new Set<string>();
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly key: string,
    entries: Map<string, StoredEntry>,
  ) {
    this.entries = entries;
  }

  /** Opens the store for these options; `cacheDir` undefined gives a memory-only cache. */
  static async open(cacheDir: string | undefined, parserVersion: string, options: ParseOptions): Promise<ParseCache> {
    const key = createHash('sha256')
      .update(JSON.stringify({ parserVersion, timeZone: options.timeZone, outlets: options.outlets }))
      .digest('hex');
    if (cacheDir === undefined) return new ParseCache(undefined, key, new Map());
    const file = path.join(cacheDir, `${key.slice(0, 24)}.json`);
    const entries = new Map<string, StoredEntry>();
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as StoreFile;
      if (stored.key === key) for (const [hash, entry] of Object.entries(stored.entries)) entries.set(hash, entry);
    } catch {
      // A missing or unreadable store is an empty cache: everything is reparsed and the store rewritten.
    }
    return new ParseCache(file, key, entries);
  }

  /** The cached result for these bytes, relocated to `filePath`. */
  get(contentHash: string, filePath: string): ParseOutcome | undefined {
    const entry = this.entries.get(contentHash);
    if (entry === undefined) return undefined;
    this.used.add(contentHash);
    return entry.path === filePath ? entry.result : relocate(entry.result, entry.path, filePath);
  }

  set(contentHash: string, filePath: string, result: ParseOutcome): void {
    this.entries.set(contentHash, { path: filePath, result });
    this.used.add(contentHash);
    this.dirty = true;
  }

  /** Writes the store atomically if it changed; drops entries no load has used once it grows large. */
  async save(): Promise<void> {
    if (this.file === undefined) return;
    if (this.entries.size > 2 * this.used.size + 1000) {
      for (const hash of [...this.entries.keys()]) if (!this.used.has(hash)) this.entries.delete(hash);
      this.dirty = true;
    }
    if (!this.dirty) return;
    const store: StoreFile = { key: this.key, entries: Object.fromEntries(this.entries) };
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temp, JSON.stringify(store));
      await rename(temp, this.file);
      this.dirty = false;
    } catch (error) {
      throw new Error(`cannot write the parse cache ${this.file}`, { cause: error });
    }
  }
}

/** The same parse result for identical bytes found at another path. */
function relocate(result: ParseOutcome, from: string, to: string): ParseOutcome {
  const problems = result.problems.map((p) => (p.path === from ? { ...p, path: to } : p));
  if (result.article === undefined) return { problems };
  const article = result.article;
  return {
    problems,
    article: {
      ...article,
      sourcePath: article.sourcePath === from ? to : article.sourcePath,
      captures: article.captures.map((c) => (c.sourcePath === from ? { ...c, sourcePath: to } : c)),
    },
  };
}
