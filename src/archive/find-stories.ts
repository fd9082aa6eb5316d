import type { Article } from '../article/article.ts';
import { isRoundup } from './is-roundup.ts';
import { detectStories, type StorySettings } from './story-detection.ts';
import { keptStories } from './story-cache.ts';

/**
 * Stories: articles about the same event, published within a few days of each other, from one or
 * more outlets. An article belongs to at most one story.
 *
 * 0. Roundups (src/archive/is-roundup.ts: a bulletin's transcript, a briefing, the week's picks,
 *    recognised by the shape of their headline) tell many events at once and share a few words
 *    with each: they are left out.
 * 1. Vectors (src/archive/story-vectors.ts): folded title, lead and body start as CJK bigrams,
 *    Latin names, numbers and quoted names (regional spellings of names made one), weighted from
 *    the article's own months (`backgroundDays`: idf, common words dropped) with a bonus for title
 *    terms and for terms that several articles of the same days use; only terms another article
 *    within `windowDays` also has count. Each article keeps its `queryTerms` heaviest terms. So an
 *    added article changes the vectors of its own weeks only. A term is *specific* (a name rather
 *    than a word) where it is rare in those months (`specificShare`) or bursts in the window
 *    (`specificBurst` times as frequent there).
 * 2. Links, from an inverted index of those query terms: each article looks up the articles that
 *    share a query term and were published within `windowDays` after it (postings are in time
 *    order; at most `maxScan` per term), so the work per article is bounded: no all-pairs pass. Two
 *    articles are linked when the cosine of their query vectors reaches `minSimilarity`, they share
 *    at least `minSharedTerms` query terms and `minSpecificTerms` specific ones
 *    (src/archive/shared-names.ts: one name and the day are not an event), and a headline term,
 *    or `manyNames` specific terms, or reach `strongSimilarity`.
 * 3. Clusters (src/archive/cluster-links.ts): links strongest first merge clusters whose span stays
 *    within `maxSpanDays` and whose centroids are alike (`mergeSimilarity`; `pairSimilarity` for two
 *    lone articles), so one article that mentions two events does not chain them together.
 * 4. Splits (src/archive/split-clusters.ts): a cluster is cut in two, in time order, where the
 *    centroids of its earlier and later articles are least alike, when that is below
 *    `splitSimilarity`: two events told one after the other in the same words part again.
 * 5. A cluster is a story when it has at least two outlets or at least three articles; two
 *    articles left together by a split must share `minSpecificTerms` specific terms too.
 *
 * Deterministic: articles are ordered by time then id before anything else, and ties go to the
 * smaller id, so the stories do not depend on the input order.
 *
 * With `cacheFile`, what a build found is kept for the next (src/archive/story-cache.ts): an archive
 * that only gained articles newer than all recomputes its last months alone, with the same stories.
 */
export interface FindStoriesOptions {
  /** Articles further apart than this are never linked directly (default 3 days). */
  readonly windowDays?: number;
  /** A story spans at most this many days, first to last article (default 6). */
  readonly maxSpanDays?: number;
  /** Heaviest terms per article used to link (default 40). */
  readonly queryTerms?: number;
  /** Characters of the body read after the title (default 300). */
  readonly bodyChars?: number;
  /** Term weights (idf, common words) come from the articles this close in time (default 60 days). */
  readonly backgroundDays?: number;
  /** Weight added per doubling of the articles in the window using a term, beyond two (default 0.25). */
  readonly burst?: number;
  /** Added to the saturated body frequency of a term in the title (default 2). */
  readonly titleWeight?: number;
  /** Terms in more than this share of the articles of their background are not terms (default 0.1). */
  readonly maxShare?: number;
  /** Postings scanned per query term and article at most (default 200). */
  readonly maxScan?: number;
  /** Minimum cosine of two articles' query vectors (default 0.2). */
  readonly minSimilarity?: number;
  /** Two articles whose headlines share no term link only from this cosine up (default 0.5). */
  readonly strongSimilarity?: number;
  /** Minimum shared query terms (default 4). */
  readonly minSharedTerms?: number;
  /** Minimum shared specific terms (overlapping bigrams of one word count once; default 2). */
  readonly minSpecificTerms?: number;
  /** Two articles sharing this many specific terms link without a shared headline term (default 4). */
  readonly manyNames?: number;
  /** A term is specific where at most this share of the articles of its background has it (default 0.02)… */
  readonly specificShare?: number;
  /** …or where its share of the articles of the window is at least this many times that (default 5). */
  readonly specificBurst?: number;
  /** Two clusters merge when the cosine of their centroids reaches this (default 0.25). */
  readonly mergeSimilarity?: number;
  /** Two articles in no cluster yet merge when their cosine reaches this (default 0.3). */
  readonly pairSimilarity?: number;
  /** A cluster is cut in two (in time order) where its two sides' centroids are less alike than this (default 0.45). */
  readonly splitSimilarity?: number;
  /** Where the stories are kept between builds (src/archive/story-cache.ts); none: every build finds all. */
  readonly cacheFile?: string;
}

export interface Story {
  /** The id of the story's first article (earliest, ties by id): stable while that article stays first. */
  readonly id: string;
  /** Its articles' ids, oldest first (ties by id). */
  readonly articleIds: readonly string[];
  /** The article most linked to the others (ties: the earliest): the story's title and description. */
  readonly leadId: string;
}

const DAY_MS = 86_400_000;

/** Every story of an archive, newest first (by first article; ties by id). */
export function findStories(articles: readonly Readonly<Article>[], options: FindStoriesOptions = {}): Story[] {
  // Roundups (a bulletin's transcript, a briefing: src/archive/is-roundup.ts) tell many events at once: never in a story.
  const docs = articles.filter((a) => !isRoundup(a)).sort((a, b) => a.publishedAt - b.publishedAt || compareIds(a.id, b.id));
  if (docs.length < 2) return [];
  const settings = storySettings(options);
  const groups = options.cacheFile === undefined ? detectStories(docs, settings).stories : keptStories(docs, settings, options.cacheFile);
  const stories = groups.map(({ members, lead }) => ({ id: docs[members[0]!]!.id, articleIds: members.map((m) => docs[m]!.id), leadId: docs[lead]!.id }));
  const firstTime = new Map(docs.map((d) => [d.id, d.publishedAt]));
  return stories.sort((a, b) => firstTime.get(b.id)! - firstTime.get(a.id)! || compareIds(a.id, b.id));
}

function storySettings(options: FindStoriesOptions): StorySettings {
  return {
    windowMs: (options.windowDays ?? 3) * DAY_MS,
    maxSpanMs: (options.maxSpanDays ?? 6) * DAY_MS,
    queryTerms: options.queryTerms ?? 40,
    bodyChars: options.bodyChars ?? 300,
    backgroundMs: (options.backgroundDays ?? 60) * DAY_MS,
    burst: options.burst ?? 0.25,
    titleWeight: options.titleWeight ?? 2,
    maxShare: options.maxShare ?? 0.1,
    maxScan: options.maxScan ?? 200,
    minSimilarity: options.minSimilarity ?? 0.2,
    strongSimilarity: options.strongSimilarity ?? 0.5,
    minSharedTerms: options.minSharedTerms ?? 4,
    minSpecificTerms: options.minSpecificTerms ?? 2,
    manyNames: options.manyNames ?? 4,
    specificShare: options.specificShare ?? 0.02,
    specificBurst: options.specificBurst ?? 5,
    mergeSimilarity: options.mergeSimilarity ?? 0.25,
    pairSimilarity: options.pairSimilarity ?? 0.3,
    splitSimilarity: options.splitSimilarity ?? 0.45,
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
