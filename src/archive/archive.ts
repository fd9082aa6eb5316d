import type { Article, Outlet, Topic } from '../article/article.ts';
import type { SeedProblem } from '../seed/seed-problem.ts';
import type { Taxonomy } from './resolve-taxonomy.ts';

/** Articles sharing a topic or an outlet, newest first. */
export interface Group<K> {
  readonly key: K;
  readonly articles: readonly Readonly<Article>[];
}

export interface DayGroup {
  readonly day: string; // "2023-08-31"
  readonly articles: readonly Readonly<Article>[];
}

export interface MonthGroup {
  readonly month: string; // "2023-08"
  readonly days: readonly DayGroup[]; // newest first
  readonly count: number;
}

export interface YearGroup {
  readonly year: string; // "2023"
  readonly months: readonly MonthGroup[]; // newest first
  readonly count: number;
}

export interface RejectedFile {
  readonly path: string;
  readonly problems: readonly SeedProblem[];
}

/** A whole archive, loaded, deduplicated and grouped. Same input files → same Archive, whatever the read order. */
export interface Archive {
  /** Newest first; ties broken by id. */
  readonly articles: readonly Readonly<Article>[];
  /** Topics with articles, in taxonomy order; an article with a second topic is in both. */
  readonly topics: readonly Group<Topic>[];
  /** The taxonomy the articles were placed in (default data + config): topics, redirects of old slugs. */
  readonly taxonomy: Taxonomy;
  /** Sorted by name. */
  readonly outlets: readonly Group<Outlet>[];
  /** Newest first. */
  readonly years: readonly YearGroup[];
  readonly rejected: readonly RejectedFile[];
  /** Warnings of accepted files (e.g. timestamp in seconds, NUL bytes dropped). */
  readonly warnings: readonly SeedProblem[];
  /** Files folded into another article: byte-identical twins and older captures of a URL. */
  readonly duplicatesMerged: number;
  readonly filesRead: number;
  /**
   * The folder loadArchive keeps its caches in (parse results, the topic model), when it has one:
   * archive-level results kept between builds (related lists: src/archive/cached-related.ts) go there too.
   */
  readonly cacheDir?: string;
  /**
   * What each article's fields follow from beside its seed's bytes (digest of the parser version and
   * parse options): under one key, articles of the same `contentHash` are the same (the parse cache's
   * rule). Kept results go by it (related lists: src/archive/cached-related.ts).
   */
  readonly sourceKey?: string;
}
