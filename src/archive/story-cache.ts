import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Article } from '../article/article.ts';
import { firstIndex } from '../runtime/first-index.ts';
import { readCheckedFile, writeCheckedFile } from '../runtime/checked-file.ts';
import { hashSources } from '../runtime/hash-sources.ts';
import { PARSER_VERSION } from '../article/parse-article.ts';
import { dropOutletBoilerplate } from './related-terms.ts';
import { indexStoryTerms } from './story-terms.ts';
import { detectStories, type StoryGroup, type StorySettings } from './story-detection.ts';
import { liveRecorder, outletTerms, updatedOutletTerms, type OutletTerms } from './story-outlet-terms.ts';

/** Bump when this file's layout changes: a file of another version is never read. */
export const STORY_CACHE_VERSION = 2;

/**
 * Part of the kept state's key: the source of every module story detection runs (src/archive, src/text,
 * the runtime helpers they use), as PARSER_VERSION does for parsing, so an edit of the algorithm never
 * serves stories found by the code before it. Made when stories are first kept, not when the module
 * loads: reading those ~80 files is no cost of a command that finds no stories.
 */
let storyCode: string | undefined;
const codeKey = (): string =>
  (storyCode ??= hashSources(
    ['./', '../text/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url))),
    ['../runtime/first-index.ts', '../runtime/grown.ts'].map((file) => fileURLToPath(new URL(file, import.meta.url))),
  ));

interface Kept {
  /** The documents: how many, and the digest of what story detection reads of them, in order. */
  readonly count: number;
  readonly digest: string;
  /** Indexes q where no link joins a document before q to one from q on, ascending. */
  readonly quiet: readonly number[];
  readonly stories: readonly StoryGroup[];
  readonly outlets: ReadonlyMap<string, OutletTerms>;
}

/**
 * The stories of `docs` (findStories' documents: non-roundups in time order), kept in `file` between
 * builds. Stories are local in time, and the kept state proves how far a change reaches:
 *
 * - a document's vector reads the documents within `backgroundMs` of it, and its outlet's boilerplate
 *   (terms in half the outlet's articles: the only archive-wide input, kept as the counts of every term
 *   that could become boilerplate: src/archive/story-outlet-terms.ts);
 * - a link joins documents within `windowMs`; clusters, splits and leads only follow links, so the
 *   stories before a *quiet point* (an index no link crosses) depend on the documents before it alone.
 *
 * So when the archive only gained documents after all it had (the same digest of the first ones, then
 * new ones from `T`), the vectors change from `T − backgroundMs` on and the links from `T −
 * backgroundMs − windowMs` on: the stories before the last quiet point before that are kept, and the
 * rest is found again (detectStories from that point, reading the terms of `backgroundMs` more), when
 * no outlet's boilerplate changed for a term that a kept vector uses or would use. Anything else (an article edited, removed or inserted earlier, other
 * options, a missing, foreign or damaged file) finds every story again: never a story that a clean
 * build would not find.
 */
export function keptStories(docs: readonly Readonly<Article>[], settings: StorySettings, file: string): readonly StoryGroup[] {
  const key = JSON.stringify({ parser: PARSER_VERSION, code: codeKey(), ...settings });
  const kept = read(file, key);
  const { digest, prefixDigest } = digestOf(docs, kept?.count ?? 0);
  if (kept?.count === docs.length && kept.digest === digest) return kept.stories;
  const found = (kept !== undefined && kept.digest === prefixDigest && tailStories(docs, settings, kept)) || allStories(docs, settings);
  writeCheckedFile(file, STORY_CACHE_VERSION, () => [serialize(key, { count: docs.length, digest, ...found })]);
  return found.stories;
}

function allStories(docs: readonly Readonly<Article>[], settings: StorySettings): Omit<Kept, 'count' | 'digest'> {
  let counted: ReturnType<typeof outletTerms> | undefined;
  const index = indexStoryTerms(docs, settings.bodyChars, (all, docStart, terms, termCount, termKey) => {
    dropOutletBoilerplate(all, docStart, terms, termCount);
    counted = outletTerms(all, docStart, terms, termCount, termKey);
  });
  const { outlets, watched } = counted!;
  const live = liveRecorder(outlets, docs, index.termKey, 0, 0);
  const found = detectStories(docs, settings, 0, index, { terms: watched, onLive: live.onLive });
  live.finish();
  return { ...found, outlets };
}

/** The stories when `kept` is of the first documents of `docs` and no outlet's boilerplate changed that kept vectors use; else undefined. */
function tailStories(docs: readonly Readonly<Article>[], settings: StorySettings, kept: Kept): Omit<Kept, 'count' | 'digest'> | undefined {
  const old = kept.count;
  if (old === 0 || old >= docs.length) return undefined;
  // A vector reads the documents within `near` of it (its background, its window): vectors may change
  // from `changedFrom`, and links from `reach`, the first document with a partner within the window
  // there.
  const near = Math.max(settings.backgroundMs, settings.windowMs);
  const changedFrom = firstIndex(0, old, (i) => docs[i]!.publishedAt < docs[old]!.publishedAt - near);
  const reach = firstIndex(0, old, (i) => docs[i]!.publishedAt < docs[old]!.publishedAt - near - settings.windowMs);
  const cut = kept.quiet[firstIndex(0, kept.quiet.length, (i) => kept.quiet[i]! <= reach) - 1];
  if (cut === undefined || cut === 0) return undefined;
  // From `cut` on, every vector reads documents no earlier than `near` before it.
  const start = firstIndex(0, cut, (i) => docs[i]!.publishedAt < docs[cut]!.publishedAt - near);
  const tail = docs.slice(start);
  let updated: ReturnType<typeof updatedOutletTerms>;
  const index = indexStoryTerms(tail, settings.bodyChars, (all, docStart, terms, termCount, termKey) => {
    updated = updatedOutletTerms(kept.outlets, all, docStart, terms, termCount, termKey, { from: old - start, start, cut, changedFrom });
  });
  if (updated === undefined) return undefined;
  const { outlets, watched } = updated;
  const live = liveRecorder(outlets, tail, index.termKey, start, cut - start);
  const found = detectStories(tail, settings, cut - start, index, { terms: watched, onLive: live.onLive });
  live.finish();
  const stories = kept.stories.filter((s) => s.members[0]! < cut);
  for (const { members, lead } of found.stories) stories.push({ members: members.map((m) => m + start), lead: lead + start });
  const quiet = kept.quiet.filter((q) => q < cut);
  for (const q of found.quiet) quiet.push(q + start);
  return { stories, quiet, outlets };
}

/**
 * The digest (sha1, base64) of what story detection reads of `docs` (findStories, indexStoryTerms), and
 * of their first `prefix` only: one hash over the archive, forked at `prefix`. Title, lead and text are
 * not read: they are what the parser (PARSER_VERSION, in the file's key) made of the seed bytes of
 * `contentHash` (the outlet too, but the site's outlet rules may rename it).
 */
function digestOf(docs: readonly Readonly<Article>[], prefix: number): { digest: string; prefixDigest: string | undefined } {
  const hash = createHash('sha1');
  let prefixDigest: string | undefined;
  let chunk = '';
  docs.forEach((doc, d) => {
    if (d === prefix) {
      prefixDigest = hash.update(chunk).copy().digest('base64');
      chunk = '';
    }
    // Each field after its length: no two lists of fields give the same string.
    chunk += `${doc.id.length}:${doc.id}${doc.publishedAt}:${doc.contentHash}${doc.outlet.key.length}:${doc.outlet.key}`;
    if (chunk.length > 1 << 16) {
      hash.update(chunk);
      chunk = '';
    }
  });
  const digest = hash.update(chunk).digest('base64');
  return { digest, prefixDigest: prefix === docs.length ? digest : prefixDigest };
}

function serialize(key: string, kept: Kept): string {
  const outlets = [...kept.outlets].map(([outlet, { n, h, slack, terms, live }]) => [outlet, n, h, slack, [...terms], [...live]]);
  return JSON.stringify({ key, count: kept.count, digest: kept.digest, quiet: kept.quiet, stories: kept.stories.map((s) => [s.lead, ...s.members]), outlets });
}

/** The kept state for options `key`; undefined when missing, of other options, damaged or not what this module writes. */
function read(file: string, key: string): Kept | undefined {
  const body = readCheckedFile(file, STORY_CACHE_VERSION);
  if (body === undefined) return undefined;
  try {
    const data = JSON.parse(body) as { key?: unknown; count?: unknown; digest?: unknown; quiet?: unknown; stories?: unknown; outlets?: unknown };
    if (data.key !== key || !Number.isInteger(data.count) || typeof data.digest !== 'string') return undefined;
    if (!isIntegers(data.quiet) || !Array.isArray(data.stories) || !Array.isArray(data.outlets)) return undefined;
    const count = data.count as number;
    const quiet = data.quiet;
    if (quiet.some((q, i) => q > count || (i > 0 && q <= quiet[i - 1]!))) return undefined;
    const stories: StoryGroup[] = [];
    for (const story of data.stories as unknown[]) {
      if (!isIntegers(story) || story.length < 3) return undefined;
      const members = story.slice(1);
      if (members.some((m, i) => m >= count || (i > 0 && m <= members[i - 1]!)) || !members.includes(story[0]!)) return undefined;
      stories.push({ lead: story[0]!, members });
    }
    const outlets = new Map<string, OutletTerms>();
    for (const entry of data.outlets as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 6 || typeof entry[0] !== 'string' || !isIntegers(entry.slice(1, 4)) || !Array.isArray(entry[4]) || !Array.isArray(entry[5])) return undefined;
      const terms = new Map<string, number>();
      for (const term of entry[4] as unknown[]) {
        if (!Array.isArray(term) || typeof term[0] !== 'string' || !Number.isInteger(term[1])) return undefined;
        terms.set(term[0], term[1] as number);
      }
      const live = new Map<string, number[]>();
      for (const term of entry[5] as unknown[]) {
        if (!Array.isArray(term) || typeof term[0] !== 'string' || !isIntegers(term[1]) || term[1].length === 0) return undefined;
        live.set(term[0], term[1]);
      }
      outlets.set(entry[0], { n: entry[1] as number, h: entry[2] as number, slack: entry[3] as number, terms, live });
    }
    return { count, digest: data.digest, quiet, stories, outlets };
  } catch {
    return undefined;
  }
}

function isIntegers(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => Number.isInteger(x) && x >= 0);
}
