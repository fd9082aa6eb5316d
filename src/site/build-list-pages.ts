import type { Article } from '../article/article.ts';
import type { SiteContext } from './make-site-context.ts';
import type { Route } from './make-routes.ts';
import type { IndexPage, Link, RedirectPage, StoryEntry } from './site-model.ts';
import { dateLabel } from './date-trail.ts';
import { paginateFromOldest } from './paginate-from-oldest.ts';

/** Where the pages of one list (home, a topic, an outlet) go. */
export interface ListRoutes {
  /** The list's first page: its newest articles. */
  readonly first: Route;
  /** Page `n` numbered from the oldest (`<list>/p/<n>/`). */
  readonly numbered: (n: number) => Route;
  /** Page `n` ≥ 2 of the newest-first numbering v0.1 used (`<list>/page/<n>/`), now a redirect page where the config asks (`v01PageRedirects`); none for lists that never had it. */
  readonly old?: (n: number) => Route;
  /** How many articles v0.1's list at that address held, when not this list's count (a topic of v0.1's taxonomy). */
  readonly oldArticles?: number;
}

/** v0.1's page size (its default): its newest-first lists had pages 2 … ⌈articles / 20⌉. */
export const V01_PAGE_SIZE = 20;

export interface ListOptions {
  readonly heading: string;
  readonly trail: readonly Link[];
  readonly description?: string;
  readonly feedUrl?: string;
  /** The stories a page's articles belong to (topic pages list them; src/site/build-story-pages.ts). */
  readonly storiesOf?: (articles: readonly Readonly<Article>[]) => StoryEntry[];
}

/**
 * The pages of a newest-first list of articles, numbered from the oldest so they stay put as the
 * list grows (src/site/paginate-from-oldest.ts), and, where the config asks (`v01PageRedirects`:
 * the site was published by v0.1 on a host without `_redirects`), redirect pages from the addresses
 * v0.1's newest-first numbering published (20 a page) to the list's first page (a page of that numbering had no lasting
 * content: it shifted with every new article, so the first page is where a reader who kept one
 * would want to be).
 *
 * The first page says how many articles the list has; a numbered page says which days it covers,
 * which does not change when the list grows.
 */
export function buildListPages(ctx: SiteContext, kind: 'home' | 'topic' | 'outlet', articles: readonly Readonly<Article>[], routes: ListRoutes, options: ListOptions): { pages: IndexPage[]; redirects: RedirectPage[] } {
  const { heading, trail } = options;
  const size = ctx.config.pageSize;
  const firstCrumb: Link = { label: heading, url: routes.first.url };
  const pages = paginateFromOldest(articles, size, routes.numbered, routes.first).map((chunk): IndexPage => {
    const first = chunk.number === 0;
    const newest = chunk.items[0];
    const oldest = chunk.items[chunk.items.length - 1];
    return {
      kind,
      ...ctx.base(chunk.route, heading, kind === 'home' && first ? [] : first ? trail : [...trail, firstCrumb], options.description, first ? 1 : chunk.number),
      summary: first || !newest || !oldest ? `共 ${articles.length.toLocaleString('en-US')} 篇` : daySpan(oldest.keys.day, newest.keys.day),
      entries: chunk.items.map((a) => ctx.entry(a)),
      ...(chunk.pagination ? { pagination: chunk.pagination } : {}),
      ...(options.feedUrl ? { feedUrl: options.feedUrl } : {}),
      ...storiesOn(chunk.items, options.storiesOf),
    };
  });
  const redirects: RedirectPage[] = [];
  const target: Link = { label: heading, url: routes.first.url };
  const oldPages = Math.ceil((routes.oldArticles ?? articles.length) / V01_PAGE_SIZE);
  const old = ctx.config.v01PageRedirects === true ? routes.old : undefined;
  for (let n = 2; old !== undefined && n <= oldPages; n++) {
    redirects.push({ kind: 'redirect', ...ctx.base(old(n), heading, []), noindex: true, target, targetCanonical: ctx.canonical(target.url), note: '这一页已移到' });
  }
  return { pages, redirects };
}

/** The stories of a page's articles, when there are any (topic and day pages). */
export function storiesOn(articles: readonly Readonly<Article>[], storiesOf?: (articles: readonly Readonly<Article>[]) => StoryEntry[]): { stories?: StoryEntry[] } {
  const stories = storiesOf?.(articles) ?? [];
  return stories.length > 0 ? { stories } : {};
}

/** "2023年8月1日至8月30日"; one day: "2023年8月30日". */
function daySpan(from: string, to: string): string {
  if (from === to) return dateLabel(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${dateLabel(from)}至${sameYear ? dateLabel(to).slice(5) : dateLabel(to)}`;
}
