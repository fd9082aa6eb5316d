import { createHash } from 'node:crypto';
import { fstatSync, openSync } from 'node:fs';
import { appendFile, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ParseOptions } from '../article/article.ts';
import type { ParseOutcome } from './parse-outcome.ts';
import { adoptTexts, offloadTexts } from './offload-texts.ts';
import { withFields } from './with-fields.ts';
import type { TextStore } from '../runtime/text-store.ts';
import { asWriteFailure } from '../runtime/as-write-failure.ts';
import { collectGarbageIfGrown } from '../runtime/collect-garbage.ts';
import { encodeRecord, forEachRecord } from './store-records.ts';

interface StoredEntry {
  /** The path the result was parsed under (re-applied when the same bytes live elsewhere). */
  readonly path: string;
  readonly result: ParseOutcome;
}

/**
 * One record's meta (src/archive/store-records.ts): the first is `{ key }`, each other `{ hash, path,
 * result }` (a later record wins) with the record's texts (UTF-16) in it: `result`'s bodies and texts
 * are the indexes of theirs, and `lengths` their bytes.
 */
interface StoreMeta {
  readonly key?: string;
  readonly hash?: string;
  readonly path?: string;
  readonly result?: ParseOutcome;
  readonly lengths?: number[];
}

/** Bump when the store's layout changes: another layout is another file. */
const STORE_FORMAT = 2;

/**
 * Parse results keyed by sha256(file bytes), in one store per parser version + options.
 *
 * One file per (PARSER_VERSION, timeZone, outlets): a changed version or option simply selects another
 * store, so stale results are never read. One store means one file instead of thousands of opens; it
 * is read 8 MB at a time, record by record, so the whole store never exists in memory (1.3 GB at
 * 100,000 seeds). Each record (src/archive/store-records.ts) is a small JSON meta and the result's
 * bodies and texts as UTF-16 bytes, which go into the build's TextStore as they are: no text is decoded
 * while loading (as JSON lines, decoding ~1 GB of UTF-8 and writing it back as UTF-16 was most of a
 * cached load). A capture whose body or text equals its article's points at the same text, which is
 * stored once. Every record carries a crc32: a damaged or cut-short record ends the read (the results
 * after it are parsed again) and the store is rewritten. New results are appended as records, so
 * adding one file writes one record, not the whole store; it is rewritten (atomically) when entries are
 * pruned or superseded records reach a quarter of it. Unchanged loads write nothing.
 */
export class ParseCache {
  private readonly entries: Map<string, StoredEntry>;
  private readonly used = new Set<string>();
  /** Results set since the last save, appended to the store on save. */
  private readonly added = new Map<string, StoredEntry>();
  private dirty = false;
  /** The JSON-lines store of the same options, left by an older version: removed once this one is written. */
  private legacy: string | undefined;

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
    const legacyKey = createHash('sha256').update(JSON.stringify({ parserVersion, timeZone: options.timeZone, outlets: options.outlets })).digest('hex');
    const key = createHash('sha256')
      .update(JSON.stringify({ format: STORE_FORMAT, parserVersion, timeZone: options.timeZone, outlets: options.outlets }))
      .digest('hex');
    if (cacheDir === undefined) return new ParseCache(undefined, key, new Map(), 0, false, store);
    const file = path.join(cacheDir, `${key.slice(0, 24)}.store`);
    // The store of the same options as JSON lines (before STORE_FORMAT 2): removed when this one is written.
    const legacy = path.join(cacheDir, `${legacyKey.slice(0, 24)}.ndjson`);
    const entries = new Map<string, StoredEntry>();
    let stored = false;
    let journaled = 0;
    let first = true;
    let unreadable = false;
    // The store's texts stay where they are: the text store reads them from this descriptor (kept open
    // with it, so a rewrite of the store by a later save or another build, which renames, cannot move them).
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
    } catch {
      fd = undefined; // no store yet
    }
    const size = fd === undefined ? 0 : fstatSync(fd).size;
    const source = fd === undefined ? 0 : store.attach(fd, size);
    const read = fd === undefined ? 'done' : await forEachRecord(fd, size, (text, _bytes, _start, _end, position) => {
      let meta: StoreMeta;
      try {
        meta = JSON.parse(text) as StoreMeta; // the crc held: only a store written by something else fails here
      } catch {
        unreadable = true;
        return false;
      }
      if (first) {
        first = false;
        if (meta.key !== key) return false; // not this store: empty cache, rewritten on save
        stored = true;
      } else if (meta.hash !== undefined && meta.path !== undefined && meta.result !== undefined && meta.lengths !== undefined) {
        if (entries.has(meta.hash)) journaled++;
        // The record's texts, read from the store's file when needed; the result's fields hold their ids.
        let at = position;
        const ids = meta.lengths.map((length) => {
          const id = store.adopt(source, at, length);
          at += length;
          return id;
        });
        entries.set(meta.hash, { path: meta.path, result: adoptTexts(withTextIds(meta.result, ids), store) });
      }
      return true;
    });
    const end = unreadable ? 'damaged' : read;
    if (end === 'stopped') entries.clear();
    // A damaged store: what was read before the damage is used, and the whole store is written anew.
    const cache = new ParseCache(file, key, entries, journaled, stored && end === 'done', store);
    cache.legacy = legacy;
    if (end === 'damaged') cache.dirty = true;
    return cache;
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
    const record = (hash: string, entry: StoredEntry): Buffer => encodeEntry(hash, entry);
    try {
      if (!pruned && this.stored && this.journaled * 4 <= this.entries.size) {
        await appendFile(this.file, Buffer.concat([...this.added].map(([hash, entry]) => record(hash, entry))));
      } else {
        const temp = `${this.file}.${process.pid}.tmp`;
        await mkdir(path.dirname(this.file), { recursive: true });
        const handle = await open(temp, 'w');
        try {
          let chunk: Buffer[] = [encodeRecord({ key: this.key } satisfies StoreMeta)];
          let size = 0;
          for (const [hash, entry] of this.entries) {
            const bytes = record(hash, entry);
            chunk.push(bytes);
            size += bytes.length;
            if (size > 1 << 22) {
              await handle.write(Buffer.concat(chunk));
              chunk = [];
              size = 0;
              collectGarbageIfGrown(); // the records written so far: 300 MB of garbage by the end at 100,000 seeds
            }
          }
          await handle.write(Buffer.concat(chunk));
        } finally {
          await handle.close();
        }
        await rename(temp, this.file);
        if (this.legacy !== undefined) await rm(this.legacy, { force: true });
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

/**
 * The record of one entry: its result with each distinct body and text replaced by its index in the
 * record's texts (a capture's equal to its article's shares the article's index).
 */
function encodeEntry(hash: string, entry: StoredEntry): Buffer {
  const texts: string[] = [];
  const indexOf = (text: string): number => {
    const at = texts.indexOf(text);
    return at >= 0 ? at : texts.push(text) - 1;
  };
  const article = entry.result.article;
  let result: unknown = entry.result;
  if (article !== undefined) {
    const own = { bodyHtml: indexOf(article.bodyHtml), text: indexOf(article.text) };
    const captures = article.captures.map((c) => withFields(c, { bodyHtml: c.bodyHtml === article.bodyHtml ? own.bodyHtml : indexOf(c.bodyHtml), text: c.text === article.text ? own.text : indexOf(c.text) }));
    result = { ...entry.result, article: withFields(article, { ...own, captures }) };
  }
  return encodeRecord({ hash, path: entry.path, result: result as ParseOutcome, lengths: texts.map((t) => t.length * 2) } satisfies StoreMeta, texts);
}

/** A stored result whose text indexes are replaced by the ids the texts got in the text store. */
function withTextIds(result: ParseOutcome, ids: readonly number[]): ParseOutcome {
  const article = result.article as unknown as { bodyHtml: number; text: number; captures: { bodyHtml: number; text: number }[] } | undefined;
  if (article !== undefined) {
    for (const holder of [article, ...article.captures]) {
      holder.bodyHtml = ids[holder.bodyHtml]!;
      holder.text = ids[holder.text]!;
    }
  }
  return result;
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

