import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ParseOptions } from '../article/article.ts';
import type { ParseOutcome } from './parse-outcome.ts';
import { offloadTexts } from './offload-texts.ts';
import { withFields } from './with-fields.ts';
import type { TextStore } from '../runtime/text-store.ts';
import { asWriteFailure } from '../runtime/as-write-failure.ts';
import { forEachLine } from '../runtime/for-each-line.ts';
import { collectGarbageIfGrown } from '../runtime/collect-garbage.ts';
import { compactOutcome, expandOutcome, type CompactOutcome } from './compact-outcome.ts';

interface StoredEntry {
  /** The path the result was parsed under (re-applied when the same bytes live elsewhere). */
  readonly path: string;
  readonly result: ParseOutcome;
}

/** One line of the store: the first is `{ key }`, each other `{ hash, entry }` (a later line wins). */
interface StoreLine {
  readonly key?: string;
  readonly hash?: string;
  readonly entry?: StoredEntry;
}

/**
 * Parse results keyed by sha256(file bytes), in one compact NDJSON store per parser version + options.
 *
 * One file per (PARSER_VERSION, timeZone, outlets): a changed version or option simply selects another
 * store, so stale results are never read. One store means one file instead of thousands of opens; it
 * is read 8 MB at a time and parsed line by line, so the whole store never exists in memory, neither as
 * bytes (1.5 GB at 100,000 seeds) nor as one JS string (a 125 MB UTF-8 file of Chinese text is a 250 MB
 * string). Compact: a capture whose body or text equals its
 * article's is stored as null (every article's own capture), which halves the file (245 → ~125 MB
 * at 10,000 seeds) and, decoded onto the article's strings, the heap. New results are appended as
 * lines, so adding one file writes one line, not the whole store; it is rewritten (atomically) when
 * entries are pruned or superseded lines reach a quarter of it. Unchanged loads write nothing.
 */
export class ParseCache {
  private readonly entries: Map<string, StoredEntry>;
  private readonly used = new Set<string>();
  /** Results set since the last save, appended to the store on save. */
  private readonly added = new Map<string, StoredEntry>();
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly key: string,
    entries: Map<string, StoredEntry>,
    /** Lines in the store superseded by a later line for the same hash (dead weight until a rewrite). */
    private journaled: number,
    /** Whether the store file was read (appending needs a store with this key to append to). */
    private stored: boolean,
    /** Where bodies and texts go as results come in (offload-texts.ts). */
    private readonly store: TextStore,
  ) {
    this.entries = entries;
  }

  /** Opens the store for these options; `cacheDir` undefined gives a memory-only cache. */
  static async open(cacheDir: string | undefined, parserVersion: string, options: ParseOptions, store: TextStore): Promise<ParseCache> {
    const key = createHash('sha256')
      .update(JSON.stringify({ parserVersion, timeZone: options.timeZone, outlets: options.outlets }))
      .digest('hex');
    if (cacheDir === undefined) return new ParseCache(undefined, key, new Map(), 0, false, store);
    const file = path.join(cacheDir, `${key.slice(0, 24)}.ndjson`);
    const entries = new Map<string, StoredEntry>();
    let stored = false;
    let journaled = 0;
    let lineNo = 0;
    const done = await forEachLine(file, (text) => {
      let line: StoreLine;
      try {
        line = JSON.parse(text) as StoreLine;
      } catch {
        return true; // a line cut short by a crash: that one result is simply parsed again
      }
      if (lineNo++ === 0) {
        if (line.key !== key) return false; // not this store: empty cache, rewritten on save
        stored = true;
      } else if (line.hash !== undefined && line.entry !== undefined) {
        if (entries.has(line.hash)) journaled++;
        const entry = decode(line.entry);
        entries.set(line.hash, { path: entry.path, result: offloadTexts(entry.result, store) });
      }
      return true;
    });
    if (!done) entries.clear();
    return new ParseCache(file, key, entries, journaled, stored, store);
  }

  /** The cached result for these bytes, relocated to `filePath`. */
  get(contentHash: string, filePath: string): ParseOutcome | undefined {
    const entry = this.entries.get(contentHash);
    if (entry === undefined) return undefined;
    this.used.add(contentHash);
    return entry.path === filePath ? entry.result : relocate(entry.result, entry.path, filePath);
  }

  /** Stores a fresh result and returns it as stored: captures sharing the article's body strings. */
  set(contentHash: string, filePath: string, result: ParseOutcome): ParseOutcome {
    // Offloading also gives a capture equal to its article one copy of its strings.
    const entry = { path: filePath, result: offloadTexts(result, this.store) };
    this.entries.set(contentHash, entry);
    this.added.set(contentHash, entry);
    this.used.add(contentHash);
    this.dirty = true;
    return entry.result;
  }

  /** Writes the store atomically if it changed; drops entries no load has used once it grows large. */
  async save(): Promise<void> {
    if (this.file === undefined) return;
    let pruned = false;
    if (this.entries.size > 2 * this.used.size + 1000) {
      for (const hash of [...this.entries.keys()]) if (!this.used.has(hash)) this.entries.delete(hash);
      pruned = true;
    }
    if (!this.dirty && !pruned) return;
    const line = (hash: string, entry: StoredEntry): string => `${JSON.stringify({ hash, entry: encode(entry) } satisfies StoreLine)}\n`;
    try {
      if (!pruned && this.stored && this.journaled * 4 <= this.entries.size) {
        await appendFile(this.file, [...this.added].map(([hash, entry]) => line(hash, entry)).join(''));
      } else {
        const temp = `${this.file}.${process.pid}.tmp`;
        await mkdir(path.dirname(this.file), { recursive: true });
        const handle = await open(temp, 'w');
        try {
          let chunk = `${JSON.stringify({ key: this.key } satisfies StoreLine)}\n`;
          for (const [hash, entry] of this.entries) {
            chunk += line(hash, entry);
            if (chunk.length > 1 << 20) {
              await handle.write(chunk);
              chunk = '';
              collectGarbageIfGrown(); // the lines written so far: 300 MB of garbage by the end at 100,000 seeds
            }
          }
          await handle.write(chunk);
        } finally {
          await handle.close();
        }
        await rename(temp, this.file);
        this.journaled = 0;
        this.stored = true;
      }
      this.added.clear();
      this.dirty = false;
    } catch (error) {
      await rm(`${this.file}.${process.pid}.tmp`, { force: true }).catch(() => undefined);
      throw asWriteFailure(new Error(`cannot write the parse cache ${this.file}`, { cause: error }), 'the parse cache', this.file);
    }
  }
}

/** The stored form: compactOutcome's (a capture's body and text are null where they equal the article's). */
function encode(entry: StoredEntry): StoredEntry {
  return { path: entry.path, result: compactOutcome(entry.result) } as unknown as StoredEntry;
}

/** Undoes `encode`, pointing the nulls at the article's own strings (one copy in memory). */
function decode(entry: StoredEntry): StoredEntry {
  return { path: entry.path, result: expandOutcome(entry.result as unknown as CompactOutcome) };
}

/** The same parse result for identical bytes found at another path. */
function relocate(result: ParseOutcome, from: string, to: string): ParseOutcome {
  const problems = result.problems.map((p) => (p.path === from ? { ...p, path: to } : p));
  if (result.article === undefined) return { problems };
  const article = result.article;
  return {
    problems,
    article: withFields(article, {
      sourcePath: article.sourcePath === from ? to : article.sourcePath,
      captures: article.captures.map((c) => (c.sourcePath === from ? withFields(c, { sourcePath: to }) : c)),
    }),
  };
}

