import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, Capture, ParseOptions } from '../article/article.ts';
import type { ParseOutcome } from './parse-outcome.ts';
import { shareCaptureBodies } from './share-capture-bodies.ts';

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
 * thousands of opens. Compact: a capture whose body or text equals its article's is stored as null
 * (every article's own capture), which halves the file (245 → ~125 MB at 10,000 seeds) and, decoded
 * onto the article's strings, the heap. New results are appended to a journal beside the store
 * (`<store>.journal`, one JSON line per result), so adding one file writes one line, not the whole
 * store; the store is rewritten (atomically, journal removed) when entries are pruned or the journal
 * outgrows a quarter of the store. Unchanged loads write nothing.
 */
export class ParseCache {
  private readonly entries: Map<string, StoredEntry>;
  private readonly used = new Set<string>();
  /** Results set since the last save, for the journal. */
  private readonly added = new Map<string, StoredEntry>();
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly key: string,
    entries: Map<string, StoredEntry>,
    /** Entries read from the journal (not yet in the store file). */
    private journaled: number,
    /** Whether the store file was read (appending to a journal needs a store to append to). */
    private readonly stored: boolean,
  ) {
    this.entries = entries;
  }

  /** Opens the store for these options; `cacheDir` undefined gives a memory-only cache. */
  static async open(cacheDir: string | undefined, parserVersion: string, options: ParseOptions): Promise<ParseCache> {
    const key = createHash('sha256')
      .update(JSON.stringify({ parserVersion, timeZone: options.timeZone, outlets: options.outlets }))
      .digest('hex');
    if (cacheDir === undefined) return new ParseCache(undefined, key, new Map(), 0, false);
    const file = path.join(cacheDir, `${key.slice(0, 24)}.json`);
    const entries = new Map<string, StoredEntry>();
    let stored = false;
    try {
      // Bytes first, then one native decode: readFile(file, 'utf8') decodes chunk by chunk through a
      // StringDecoder, ~1 s of the 10k no-change rebuild.
      const store = JSON.parse((await readFile(file)).toString('utf8')) as StoreFile;
      if (store.key === key) {
        for (const [hash, entry] of Object.entries(store.entries)) entries.set(hash, decode(entry));
        stored = true;
      }
    } catch {
      // A missing or unreadable store is an empty cache: everything is reparsed and the store rewritten.
    }
    let journaled = 0;
    if (stored) {
      const journal = await readFile(`${file}.journal`).then((b) => b.toString('utf8'), () => '');
      for (const line of journal.split('\n')) {
        if (line === '') continue;
        try {
          const { hash, entry } = JSON.parse(line) as { hash: string; entry: StoredEntry };
          entries.set(hash, decode(entry));
          journaled++;
        } catch {
          // A line cut short by a crash: that one result is simply parsed again.
        }
      }
    }
    return new ParseCache(file, key, entries, journaled, stored);
  }

  /** The cached result for these bytes, relocated to `filePath`. */
  get(contentHash: string, filePath: string): ParseOutcome | undefined {
    const entry = this.entries.get(contentHash);
    if (entry === undefined) return undefined;
    this.used.add(contentHash);
    return entry.path === filePath ? entry.result : relocate(entry.result, entry.path, filePath);
  }

  set(contentHash: string, filePath: string, result: ParseOutcome): void {
    const entry = { path: filePath, result: shareCaptureBodies(result) };
    this.entries.set(contentHash, entry);
    this.added.set(contentHash, entry);
    this.used.add(contentHash);
    this.dirty = true;
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
    try {
      if (!pruned && this.stored && (this.journaled + this.added.size) * 4 <= this.entries.size) {
        const lines = [...this.added].map(([hash, entry]) => `${JSON.stringify({ hash, entry: encode(entry) })}\n`);
        await appendFile(`${this.file}.journal`, lines.join(''));
        this.journaled += this.added.size;
      } else {
        const entries: Record<string, StoredEntry> = {};
        for (const [hash, entry] of this.entries) entries[hash] = encode(entry);
        const temp = `${this.file}.${process.pid}.tmp`;
        await mkdir(path.dirname(this.file), { recursive: true });
        await writeFile(temp, JSON.stringify({ key: this.key, entries } satisfies StoreFile));
        await rename(temp, this.file);
        await rm(`${this.file}.journal`, { force: true });
        this.journaled = 0;
      }
      this.added.clear();
      this.dirty = false;
    } catch (error) {
      throw new Error(`cannot write the parse cache ${this.file}`, { cause: error });
    }
  }
}

/** The stored form: a capture's body and text are null where they equal the article's. */
function encode(entry: StoredEntry): StoredEntry {
  const article = entry.result.article;
  if (article === undefined) return entry;
  const captures = article.captures.map((c) => ({ ...c, bodyHtml: c.bodyHtml === article.bodyHtml ? null : c.bodyHtml, text: c.text === article.text ? null : c.text }));
  return { path: entry.path, result: { ...entry.result, article: { ...article, captures } } } as unknown as StoredEntry;
}

/** Undoes `encode`, pointing the nulls at the article's own strings (one copy in memory). */
function decode(entry: StoredEntry): StoredEntry {
  const article = entry.result.article as (Omit<Article, 'captures'> & { captures: (Omit<Capture, 'bodyHtml' | 'text'> & { bodyHtml: string | null; text: string | null })[] }) | undefined;
  if (article === undefined) return entry;
  for (const c of article.captures) {
    if (c.bodyHtml === null) c.bodyHtml = article.bodyHtml;
    if (c.text === null) c.text = article.text;
  }
  return entry;
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
