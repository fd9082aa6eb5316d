/**
 * The model of one Atom feed: everything `renderAtom` needs, computed once by `buildFeeds`.
 * Times are the articles' own published times (Unix ms), never the build time, so the same archive
 * always gives byte-identical feeds.
 */

export interface FeedEntry {
  /** Absolute URL of the article page on this site; also the entry's Atom id. */
  readonly url: string;
  /** Plain text (escaped when rendered). */
  readonly title: string;
  /** Unix ms: the article's published time. */
  readonly published: number;
  /** Plain-text summary (may be empty). */
  readonly summary: string;
  /** The outlet's name: the entry's author. */
  readonly author: string;
  /** Topic as an Atom category: term is the URL-safe slug, label the display text. */
  readonly category: { readonly term: string; readonly label: string };
  /** Sanitized body HTML, or undefined when the body is too large for a feed (summary only). */
  readonly contentHtml?: string;
}

export interface FeedModel {
  readonly kind: 'feed';
  /** Output path relative to the output dir, e.g. `topics/china/feed.xml`. */
  readonly path: string;
  /** Site-relative URL including the path prefix, e.g. `/sub/topics/china/feed.xml`. */
  readonly url: string;
  /** Absolute URL of the feed itself (`rel="self"`, and the feed's Atom id). */
  readonly selfUrl: string;
  /** Absolute URL of the HTML page the feed mirrors (`rel="alternate"`). */
  readonly pageUrl: string;
  /** Plain text; also the `title` of the page's `<link rel="alternate">`. */
  readonly title: string;
  readonly subtitle: string;
  readonly language: string;
  /** Unix ms: the newest entry's published time (0 for an empty feed). */
  readonly updated: number;
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
}
