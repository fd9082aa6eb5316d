/**
 * The Article record: what one seed file becomes once parsed, sanitized and enriched.
 * Everything downstream (archive, site, templates) reads these fields and never re-validates them.
 */

/** Maps a host to an outlet (built-in table in src/article, extendable from the site config). */
export interface OutletRule {
  /** Host name, e.g. "www.rfi.fr" (a leading "www." is ignored when matching). */
  readonly host: string;
  readonly key: string;
  readonly name: string;
}

/** What parsing needs to know about the site. */
export interface ParseOptions {
  /** IANA zone in which day keys are computed, e.g. "Asia/Shanghai". */
  readonly timeZone: string;
  /** Outlet rules that extend or override the built-in table. */
  readonly outlets: readonly OutletRule[];
}

/** A news outlet. `key` is a lowercase ASCII slug safe for URLs and file names. */
export interface Outlet {
  readonly key: string;
  readonly name: string;
}

/** A topic of the site's taxonomy (src/article/topic-taxonomy.ts). `slug` is [a-z0-9-] only. */
export interface Topic {
  readonly label: string;
  readonly slug: string;
}

/** The outlet's own section, from its URL (e.g. RFI `/cn/港澳台/…` → 港澳台): shown beside the topic. */
export interface Section {
  /** The key in the URL (`港澳台`, `chinese-news`); empty for a single-subject outlet. */
  readonly key: string;
  readonly label: string;
}

/** How an article's topic was found (src/archive/place-topics.ts). */
export interface TopicPlacement {
  /** section: its section maps to the topic; rule: the classifier, with a topic keyword in the title deciding; content: the classifier alone; fallback: nothing known. */
  readonly by: 'section' | 'rule' | 'content' | 'fallback';
  /** Classifier's probability of the topic, 0–1 (1 for section and rule). */
  readonly confidence: number;
  /** The classifier was unsure: `clippings check --topics` lists these for a curator. */
  readonly uncertain: boolean;
}

export interface HeroImage {
  /** Absolute http(s) URL. */
  readonly src: string;
  readonly alt: string;
  readonly width?: number;
  readonly height?: number;
  /** Caption that followed the image in the source (the hero is taken out of bodyHtml with its caption). */
  readonly caption?: string;
}

/** Calendar keys of the published time in the configured time zone. */
export interface DayKeys {
  readonly year: string; // "2023"
  readonly month: string; // "2023-08"
  readonly day: string; // "2023-08-31"
}

/** One capture of an article's URL (an article captured twice has two). */
export interface Capture {
  readonly capturedAt: number; // Unix ms, from the seed's first line
  readonly title: string;
  readonly text: string; // plain text of the sanitized body
  readonly bodyHtml: string; // sanitized
  readonly sourcePath: string;
  readonly contentHash: string;
}

/** What parsing one seed gives: an Article before the archive places it in a topic. */
export interface ParsedArticle {
  /** Stable id: hex digest of the normalized URL. */
  readonly id: string;
  /** URL-safe ASCII slug, unique in an archive (derived from the id). */
  readonly slug: string;
  /** The URL exactly as the seed gave it. */
  readonly url: string;
  /** Normalized URL (https where the outlet serves it, no duplicate slashes, trailing %20 trimmed...). */
  readonly canonicalUrl: string;
  readonly outlet: Outlet;
  /** The outlet's section, when its URL has one (the outlet rules of src/article/topic-taxonomy.ts). */
  readonly section?: Section;
  /** Clean title: outlet suffixes removed, whitespace collapsed. */
  readonly title: string;
  /** Unix ms from line 1 (seconds are converted). */
  readonly publishedAt: number;
  readonly keys: DayKeys;
  /** The outlet's own dateline when the body starts with one, e.g. "30/08/2023 - 20:34". */
  readonly dateline?: string;
  /** First paragraph as plain text (may be empty). */
  readonly lead: string;
  /** Plain-text summary, at most ~160 characters. */
  readonly summary: string;
  readonly hero?: HeroImage;
  /** Sanitized body HTML: the only HTML that templates output raw. */
  readonly bodyHtml: string;
  /** Plain text of the body. */
  readonly text: string;
  /** CJK-aware reading time in whole minutes (at least 1). */
  readonly readingMinutes: number;
  /** Path of the seed file this capture came from, as given to the loader. */
  readonly sourcePath: string;
  /** sha256 (hex) of the seed file bytes. */
  readonly contentHash: string;
  /** All captures of this URL, newest first (the first is this article's own). */
  readonly captures: readonly Capture[];
}

/** An article placed in the archive's taxonomy (src/archive/place-topics.ts). */
export interface Article extends ParsedArticle {
  readonly topic: Topic;
  /** A second topic where the evidence for it is strong (e.g. 中美 trade: 经济 and 美国). */
  readonly secondTopic?: Topic;
  readonly placement: TopicPlacement;
}
