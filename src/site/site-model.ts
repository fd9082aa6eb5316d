/**
 * What templates read: one prepared model per output page, computed once by buildSite.
 * A page model holds everything its HTML depends on (besides the site-wide `Shell`) and nothing
 * volatile, so `JSON.stringify(shell) + JSON.stringify(page)` is a stable key for incremental builds.
 */
import type { FeedModel } from './feeds/feed-model.ts';
import type { SitemapFile } from './sitemap/build-sitemaps.ts';
import type { DiffPart } from '../archive/diff-captures.ts';

/** A link whose label is plain (untrusted) text and whose url is site-relative or http(s). */
export interface Link {
  readonly label: string;
  readonly url: string;
}

/** A formatted instant: `display` for people, `iso` for `<time datetime>`. */
export interface TimeModel {
  readonly display: string;
  readonly iso: string;
}

/** Site-wide chrome shared by every page. */
export interface Shell {
  readonly lang: string;
  readonly siteTitle: string;
  readonly description: string;
  readonly homeUrl: string;
  readonly cssUrl: string;
  readonly nav: readonly Link[];
  /** Site-wide feed (`/feed.xml`) when feeds are built. */
  readonly feedUrl?: string;
  /** Search page (`/search/`) when search is built. */
  readonly searchUrl?: string;
}

/** What every page model has; page kinds extend it. */
export interface PageBase {
  /** Output path relative to the output dir, e.g. `articles/3fa2c1d0e4b5a697/index.html`. */
  readonly path: string;
  /** Site-relative URL including the path prefix, e.g. `/sub/articles/3fa2c1d0e4b5a697/`. */
  readonly url: string;
  readonly canonicalUrl: string;
  /** Text of `<title>` (titles already shortened). */
  readonly title: string;
  /** Text of the page's one h1. */
  readonly heading: string;
  readonly description: string;
  /** Trail from home; the last one is the current page. */
  readonly breadcrumbs: readonly Link[];
  /** Feed of this page's list (`<link rel="alternate">`), when feeds are built. */
  readonly feedUrl?: string;
  /** `<meta name="robots" content="noindex">` and left out of the sitemap (earlier captures, changes). */
  readonly noindex?: boolean;
}

/** One light entry of an index list: never a whole body. */
export interface Entry {
  /** Shortened title. */
  readonly title: string;
  readonly url: string;
  readonly outlet: Link;
  readonly topic: Link;
  readonly time: TimeModel;
  readonly summary: string;
}

/** A numbered page; `label` replaces the number (最新: a list's first page, number 0). */
export type PageLink = { readonly number: number; readonly label?: string; readonly url: string; readonly current: boolean } | { readonly gap: true };

export interface Pagination {
  /** The current page's number (0: a list's first page, see src/site/paginate-from-oldest.ts). */
  readonly current: number;
  /** Pages in all; absent where pages are numbered from the oldest (it would change every page). */
  readonly total?: number;
  /** First, last and a window around the current page, with gaps between. */
  readonly pages: readonly PageLink[];
  readonly prevUrl?: string;
  readonly nextUrl?: string;
}

export interface ArticleView {
  /** Full title (the h1). */
  readonly title: string;
  readonly outlet: Link;
  readonly topic: Link;
  /** A second topic where the evidence is strong. */
  readonly secondTopic?: Link;
  /** The outlet's own section, e.g. "港澳台". */
  readonly section?: string;
  /** How the topic was found, for readers: e.g. "按内容归类（把握不大）". Absent when the section gave it. */
  readonly placement?: string;
  readonly day: Link;
  readonly published: TimeModel;
  readonly readingTime: string;
  readonly dateline?: string;
  readonly originalUrl: string;
  readonly captured: TimeModel;
  readonly hero?: { readonly src: string; readonly alt: string; readonly width?: number; readonly height?: number };
  /** Sanitized body HTML (the only raw HTML of the site). */
  readonly bodyHtml: string;
  /** Every capture, newest first (the first is this page); empty when there is only one capture. */
  readonly captures: readonly CaptureLink[];
  /** The changes page (`/articles/<slug>/changes/`), when there are several captures. */
  readonly changesUrl?: string;
}

/** One capture in a list of captures. */
export interface CaptureLink {
  /** Capture number, 1 = the oldest. */
  readonly number: number;
  readonly time: TimeModel;
  /** Full title of that capture. */
  readonly title: string;
  /** The article page for the newest capture; an earlier one's place on the changes page (`…/changes/#capture-<n>`). */
  readonly url: string;
  /** True for the newest capture. */
  readonly latest: boolean;
}

/** A related article (light: no body). */
export interface RelatedEntry {
  /** Shortened title. */
  readonly title: string;
  readonly url: string;
  readonly outlet: string;
  readonly time: TimeModel;
}

/** The story an article belongs to: "本事件的其他报道". */
export interface ArticleStory {
  readonly title: string;
  readonly url: string;
  /** e.g. "5 家媒体 · 9 篇报道". */
  readonly summary: string;
  /** The story's other articles, oldest first. */
  readonly others: readonly RelatedEntry[];
}

export interface ArticlePage extends PageBase {
  readonly kind: 'article';
  /** The story (src/archive/find-stories.ts) this article belongs to, if any. */
  readonly story?: ArticleStory;
  readonly article: ArticleView;
  readonly newerInDay?: Link;
  readonly olderInDay?: Link;
  readonly newerInTopic?: Link;
  readonly olderInTopic?: Link;
  /** Up to 5 related articles (src/archive/find-related.ts), best first. */
  readonly related: readonly RelatedEntry[];
}

/** An earlier capture, in full, on its article's changes page (`#capture-<n>`). */
export interface EarlierCapture {
  readonly capture: CaptureLink;
  /** Sanitized body of this capture (mirrored images rewritten). */
  readonly bodyHtml: string;
}

/** One step between consecutive captures, older → newer. */
export interface CaptureChange {
  readonly older: CaptureLink;
  readonly newer: CaptureLink;
  /** Neither title nor text changed (only markup or boilerplate differed). */
  readonly identical: boolean;
  /** Title parts, when the title changed. */
  readonly title?: readonly DiffPart[];
  readonly text: { readonly parts: readonly DiffPart[]; readonly added: number; readonly removed: number; readonly changed: boolean };
}

/**
 * `/articles/<slug>/changes/`: what differs between consecutive captures, newest step first, then
 * every earlier capture in full (newest first), each at `#capture-<n>`: one page per recaptured
 * article, noindex, canonical = the article.
 */
export interface ChangesPage extends PageBase {
  readonly kind: 'changes';
  readonly article: Link;
  readonly changes: readonly CaptureChange[];
  readonly earlier: readonly EarlierCapture[];
  readonly originalUrl: string;
}

export interface IndexPage extends PageBase {
  readonly kind: 'home' | 'topic' | 'outlet' | 'day';
  /** e.g. "共 1,234 篇". */
  readonly summary: string;
  /** Topic pages: the outlets (and their sections) its articles come from, each a filtered page. */
  readonly parts?: readonly PartLink[];
  readonly entries: readonly Entry[];
  readonly pagination?: Pagination;
  /** Day and topic pages: the stories the listed articles belong to, newest first. */
  readonly stories?: readonly StoryEntry[];
}

/** A story in a list (the stories index, day and topic pages). */
export interface StoryEntry {
  /** Its title: the headline of its most central article (shortened). */
  readonly title: string;
  readonly url: string;
  /** e.g. "2020年7月22日 至 7月28日". */
  readonly span: string;
  /** e.g. "5 家媒体 · 9 篇报道". */
  readonly summary: string;
  /** Names of the outlets that covered it, in order of their first report. */
  readonly outlets: readonly string[];
}

/** One article in a story's timeline. */
export interface StoryArticle {
  /** Full headline. */
  readonly title: string;
  readonly url: string;
  readonly outlet: Link;
  readonly time: TimeModel;
  /** Its lead (first paragraph), shortened; may be empty. */
  readonly lead: string;
  /** This outlet's first report of the story. */
  readonly firstOfOutlet: boolean;
}

/**
 * An outlet of the archive in a story's "who covered it" row: `covered` with `count` articles,
 * `silent` when it published other articles in the story's days but none about it, `none` when the
 * archive holds nothing of it for those days.
 */
export interface OutletCoverage {
  readonly label: string;
  readonly url: string;
  readonly count: number;
  readonly state: 'covered' | 'silent' | 'none';
}

/** `/stories/<id>/`: one event, every outlet's coverage side by side. */
export interface StoryPage extends PageBase {
  readonly kind: 'story';
  readonly span: string;
  readonly start: TimeModel;
  readonly end: TimeModel;
  /** e.g. "5 家媒体 · 9 篇报道". */
  readonly summary: string;
  /** The lead of its most central article (the description), with that article as the source. */
  readonly lede: string;
  readonly source: Link & { readonly outlet: string };
  /** Every article, oldest first. */
  readonly timeline: readonly StoryArticle[];
  /** Every outlet of the archive: those that covered it first (by article count), then the absent ones. */
  readonly coverage: readonly OutletCoverage[];
  /** Each covering outlet's first report (headline and lead), in order of first report. */
  readonly headlines: readonly StoryArticle[];
}

/** `/stories/`, paginated: stories newest first. */
export interface StoryListPage extends PageBase {
  readonly kind: 'storyList';
  readonly summary: string;
  readonly stories: readonly StoryEntry[];
  readonly pagination?: Pagination;
}

export interface CountedLink extends Link {
  readonly count: number;
  /** A line under the link, e.g. the outlets of a topic. */
  readonly note?: string;
}

/** One outlet (· section) of a topic, linking to the topic's page filtered to it. */
export interface PartLink extends Link {
  /**
   * Its articles: on the topic's first page only. Its numbered pages (from the oldest) and its
   * filtered pages show the links without counts, in label order, so adding an article rewrites none of them.
   */
  readonly count?: number;
  /** This page is that filter (or, for the "all" link, the unfiltered topic page). */
  readonly current: boolean;
}

/**
 * A small page at an address that moved (a topic of an earlier taxonomy, a newest-first `page/<n>/`
 * of home, topic and outlet lists): canonical link and a meta refresh to the new place, no script;
 * noindex and out of the sitemap.
 */
export interface RedirectPage extends PageBase {
  readonly kind: 'redirect';
  /** Where it leads: site-relative, and absolute for the canonical link. */
  readonly target: Link;
  readonly targetCanonical: string;
  /** What the reader is told before the link, e.g. "这个话题已并入" or "这一页已移到". */
  readonly note: string;
}

/** Topic list, outlet list and the years page. */
export interface GroupListPage extends PageBase {
  readonly kind: 'topicList' | 'outletList' | 'archive';
  readonly items: readonly CountedLink[];
}

export interface CalendarCell {
  readonly day: number;
  readonly count: number;
  /** Volume bucket 0–4 (CSS class `v0`…`v4`). */
  readonly level: number;
  /** Day page, when the day has articles. */
  readonly url?: string;
  /** Accessible label, e.g. "8月31日：3 篇". */
  readonly label: string;
}

export interface MonthCalendar {
  /** "2023年8月" */
  readonly label: string;
  readonly url?: string;
  readonly count: number;
  /** Weeks, Monday first; null pads days outside the month. */
  readonly weeks: readonly (readonly (CalendarCell | null)[])[];
}

export interface YearPage extends PageBase {
  readonly kind: 'year';
  readonly summary: string;
  readonly months: readonly MonthCalendar[];
  readonly newer?: Link;
  readonly older?: Link;
}

export interface MonthPage extends PageBase {
  readonly kind: 'month';
  readonly summary: string;
  readonly calendar: MonthCalendar;
  readonly newer?: Link;
  readonly older?: Link;
}

export interface NotFoundPage extends PageBase {
  readonly kind: 'notFound';
}

/** `/search/`: a GET form, and the index its script (search/search.js) loads. */
export interface SearchPage extends PageBase {
  readonly kind: 'search';
  /** Folder of the search index (index.json), e.g. `/sub/search/`. */
  readonly indexUrl: string;
  readonly scriptUrl: string;
  readonly styleUrl: string;
  /** Ways to browse when search is unavailable (no JavaScript). */
  readonly browse: readonly Link[];
}

export type PageModel =
  | ArticlePage
  | ChangesPage
  | IndexPage
  | GroupListPage
  | YearPage
  | MonthPage
  | NotFoundPage
  | SearchPage
  | StoryPage
  | StoryListPage
  | RedirectPage;

/** The page lists templates paginate over, one per template. */
export interface PageLists {
  readonly article: readonly ArticlePage[];
  /** Changes pages of recaptured articles (with their earlier captures). */
  readonly changes: readonly ChangesPage[];
  readonly home: readonly IndexPage[];
  readonly topicList: readonly GroupListPage[];
  readonly topic: readonly IndexPage[];
  readonly outletList: readonly GroupListPage[];
  readonly outlet: readonly IndexPage[];
  readonly archive: readonly GroupListPage[];
  readonly year: readonly YearPage[];
  readonly month: readonly MonthPage[];
  readonly day: readonly IndexPage[];
  readonly notFound: readonly NotFoundPage[];
  /** Empty unless search is built. */
  readonly search: readonly SearchPage[];
  /** Moved addresses: former topic URLs, and the newest-first list pages of earlier versions. */
  readonly redirect: readonly RedirectPage[];
  /** Story pages (src/site/build-story-pages.ts); empty when stories are off. */
  readonly story: readonly StoryPage[];
  /** The stories index, paginated. */
  readonly storyList: readonly StoryListPage[];
}

export interface SiteModel {
  readonly shell: Shell;
  /** Every page of the site, paths unique. */
  readonly pages: readonly PageModel[];
  readonly lists: PageLists;
  /** Feeds, sitemap, robots.txt and _redirects (src/site/build-publishing.ts). */
  readonly publish: PublishModel;
}

/** The site's non-HTML files; each is written by its own template in layouts/. */
export interface PublishModel {
  /** Empty unless feeds are built. */
  readonly feeds: readonly FeedModel[];
  /** `sitemap.xml`, then `sitemap-N.xml` parts when it is a sitemap index. */
  readonly sitemaps: readonly SitemapFile[];
  /** Always built; undefined only in a render that leaves it out (renderSite's `only`). */
  readonly robots: { readonly path: string; readonly text: string } | undefined;
  /** `_redirects` (src/site/sitemap/render-redirect-rules.ts); undefined like robots. */
  readonly redirects: { readonly path: string; readonly text: string } | undefined;
}
