import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../article/article.ts';
import type { TermKeys } from './make-term-ids.ts';
import { textHead } from './offload-texts.ts';
import type { RunningTerms } from './related-as-of-each.ts';
import type { OutletCounts } from './related-outlet-counts.ts';
import { readRelatedState, RELATED_STATE_VERSION, writeRelatedState, type RelatedLists } from './related-state-file.ts';

/** Where indexing goes on from: what the kept documents left (their terms, weights, outlet counts). */
export interface KeptIndex {
  readonly terms: RunningTerms;
  readonly termKeys: TermKeys;
  readonly outlets: ReadonlyMap<string, OutletCounts>;
}

/**
 * Related lists kept between builds (`findRelated` with `earlierOnly` and a `cacheFile`), with what
 * the index was after the last of their articles. With `earlierOnly` an article's list is a function of
 * the options and of the articles up to it in time order (ties by id) alone; so is the index as of it.
 * The file keeps, in time order, each article's fingerprint (what related-terms.ts reads of it: id,
 * time, canonical URL, topic, outlet, title, lead and text start, as a sha1; or, when the caller
 * vouches with a `sourceKey` that an article's fields follow from its seed's bytes, its contentHash,
 * topic and outlet), its list, and the running index (src/archive/related-state-file.ts).
 *
 * The documents of this build are matched against the kept ones from the first: lists are taken up to
 * the first that differs (a changed, inserted or re-topicked article, or one removed: every later list
 * is computed again, from a full index). When every kept document is matched and only newer ones follow
 * (the daily build), the kept index goes on with the new documents alone: their lists are computed
 * against it, and no older article is read. A missing, foreign or damaged file is no cache.
 */
export class RelatedCache {
  private constructor(
    private readonly file: string,
    private readonly key: string,
    /** Each document's fingerprint, a line each (time order). */
    private readonly lines: string,
    /** Documents, from the first, whose kept list applies. */
    readonly kept: number,
    /** The kept lists (those of the first `kept` documents apply). */
    readonly lists: RelatedLists | undefined,
    /** The kept index, when it is that of exactly the first `kept` documents, all the file holds. */
    readonly index: KeptIndex | undefined,
    private readonly count: number,
  ) {}

  /** What `file` keeps for `docs` (time order). `settings`: every option with its default applied. */
  static open(file: string, docs: readonly Article[], settings: object, bodyChars: number, sourceKey?: string): RelatedCache {
    const key = createHash('sha256').update(JSON.stringify({ version: RELATED_STATE_VERSION, settings, sourceKey: sourceKey ?? null })).digest('base64');
    const fingerprint = sourceKey === undefined ? (doc: Article) => fieldsFingerprint(doc, bodyChars) : sourceFingerprint;
    // One string, compared with the kept one at once: the daily build's kept lines are all its first.
    let lines = '';
    for (const doc of docs) lines += `${fingerprint(doc)}\n`;
    const state = readRelatedState(file, key);
    if (state === undefined) return new RelatedCache(file, key, lines, 0, undefined, undefined, docs.length);
    const kept = state.fingerprints;
    let same = 0;
    let at = 0;
    if (lines.startsWith(kept)) [same, at] = [state.terms.count, kept.length];
    else {
      // Up to the first line that differs (a changed, inserted or removed document).
      for (let end = kept.indexOf('\n'); end >= 0 && lines.startsWith(kept.slice(at, end + 1), at); end = kept.indexOf('\n', at)) [same, at] = [same + 1, end + 1];
    }
    const index = at === kept.length ? { terms: state.terms, termKeys: state.termKeys, outlets: state.outlets } : undefined;
    return new RelatedCache(file, key, lines, same, state.lists, index, docs.length);
  }

  /** Every document's list kept, and nothing else: nothing to compute or write. */
  get complete(): boolean {
    return this.index !== undefined && this.kept === this.count;
  }

  /** Keeps the lists and index of this build's documents for the next build. */
  save(lists: RelatedLists, index: KeptIndex, maxScan: number): void {
    writeRelatedState(this.file, { key: this.key, fingerprints: this.lines, lists, ...index }, maxScan);
    // The JSON lists of the version before (`related.json`), when this file took their place.
    if (path.basename(this.file) === 'related.bin') rmSync(path.join(path.dirname(this.file), 'related.json'), { force: true });
  }
}

/** sha1 of what related-terms.ts reads of `doc`. */
function fieldsFingerprint(doc: Article, bodyChars: number): string {
  const fields = [doc.id, doc.publishedAt, doc.canonicalUrl, doc.topic.slug, doc.outlet.key, doc.title, doc.lead.slice(0, Math.max(40, bodyChars)), textHead(doc, bodyChars)];
  return createHash('sha1').update(JSON.stringify(fields)).digest('base64');
}

/** Under a `sourceKey`, the seed's bytes stand for the article's id, time, URL, title, lead and text. */
function sourceFingerprint(doc: Article): string {
  return `${doc.contentHash}:${doc.topic.slug}:${doc.outlet.key}`;
}
