import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import { readCheckedFile, writeCheckedFile } from '../runtime/checked-file.ts';
import { textHead } from './offload-texts.ts';

/** Bump when related lists or this file's layout change: a file of another version is never read. */
export const RELATED_CACHE_VERSION = 1;

export interface KeptList {
  readonly id: string;
  readonly score: number;
}

/**
 * Related lists kept between builds (`findRelated` with `earlierOnly` and a `cacheFile`). With
 * `earlierOnly` an article's list is a function of the options and of the articles up to it in time
 * order (ties by id) alone: so each list is kept under a chain key, the digest of the options and of
 * every such article's id, time, canonical URL, topic, outlet, title, lead and text start (what
 * related-terms.ts reads), each folded into the key of the article before it. A list is taken from
 * the file only when its key is the same: any change to an earlier article (or a new one before it,
 * or a new topic of it after a retrain) gives every later article another key, and their lists are
 * computed again. A missing, foreign or damaged file (src/runtime/checked-file.ts) is no cache:
 * everything is computed. The file is written a list at a time, never built as one object or string.
 */
export class RelatedCache {
  private constructor(
    private readonly file: string,
    /** The chain key of each document (time order). */
    readonly keys: readonly string[],
    /** Each document's kept list, where the file had one under its key. */
    readonly known: readonly (readonly KeptList[] | undefined)[],
    private readonly stale: boolean,
  ) {}

  /** The keys of `docs` (time order) and what `file` keeps for them. `settings`: every option with its default applied. */
  static open(file: string, docs: readonly Article[], settings: object, bodyChars: number): RelatedCache {
    const keys = chainKeys(docs, settings, bodyChars);
    const saved = read(file);
    const known = keys.map((key) => saved.get(key));
    return new RelatedCache(file, keys, known, saved.size !== keys.length || known.includes(undefined));
  }

  /** Every document's list known: nothing to compute. */
  get complete(): boolean {
    return !this.known.includes(undefined);
  }

  /** Keeps `lists` (time order) for the next build; writes nothing when the file already holds exactly them. */
  save(lists: readonly (readonly KeptList[])[]): void {
    if (this.stale) writeCheckedFile(this.file, RELATED_CACHE_VERSION, () => pieces(this.keys, lists));
  }
}

/** The body: one JSON object of [id, score] lists by key. */
function* pieces(keys: readonly string[], lists: readonly (readonly KeptList[])[]): Generator<string> {
  yield '{';
  for (let d = 0; d < keys.length; d++) yield `${d === 0 ? '' : ','}${JSON.stringify(keys[d])}:${JSON.stringify(lists[d]!.map((r) => [r.id, r.score]))}`;
  yield '}';
}

/** Key of document d: sha256 of the key of d − 1 (the options' for the first) and d's own fields. */
function chainKeys(docs: readonly Article[], settings: object, bodyChars: number): string[] {
  let key = createHash('sha256').update(JSON.stringify({ version: RELATED_CACHE_VERSION, settings })).digest('base64');
  return docs.map((doc) => {
    const fields = [doc.id, doc.publishedAt, doc.canonicalUrl, doc.topic.slug, doc.outlet.key, doc.title, doc.lead.slice(0, Math.max(40, bodyChars)), textHead(doc, bodyChars)];
    key = createHash('sha256').update(key).update(JSON.stringify(fields)).digest('base64');
    return key;
  });
}

/** The file's lists by key; empty when it is missing, of another version or not what this module writes. */
function read(file: string): Map<string, KeptList[]> {
  const saved = new Map<string, KeptList[]>();
  const body = readCheckedFile(file, RELATED_CACHE_VERSION);
  let lists: unknown;
  try {
    lists = body === undefined ? undefined : JSON.parse(body);
  } catch {
    return saved;
  }
  if (typeof lists !== 'object' || lists === null) return saved;
  for (const [key, list] of Object.entries(lists)) {
    if (!Array.isArray(list) || !list.every(isEntry)) continue; // that one list is computed again
    saved.set(key, list.map(([id, score]) => ({ id, score })));
  }
  return saved;
}

function isEntry(entry: unknown): entry is [string, number] {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'number' && Number.isFinite(entry[1]);
}
