import path from 'node:path';
import type { Article } from '../article/article.ts';
import type { Archive } from '../archive/archive.ts';
import type { SiteConfig } from './site-config.ts';
import type { ArticlePage, ChangesPage, GroupListPage, IndexPage, Link, NotFoundPage, PageLists, PageModel, PublishModel, Shell, SiteModel, StoryEntry } from './site-model.ts';
import type { Route } from './make-routes.ts';
import { makeSiteContext, type BuildSiteOptions, type SiteContext } from './make-site-context.ts';
import { buildArticlePage, type Neighbours } from './build-article-page.ts';
import { buildChangesPage } from './build-changes-page.ts';
import { findRelated } from '../archive/find-related.ts';
import { buildCalendarPages } from './build-calendar-pages.ts';
import { dateLabel, dateTrail } from './date-trail.ts';
import { paginate } from './paginate.ts';
import { buildSearchPage } from './search/build-search-page.ts';
import { buildPublishing } from './build-publishing.ts';
import { buildTopicPages } from './build-topic-pages.ts';
import { findStories } from '../archive/find-stories.ts';
import { CaptureDiffs } from '../archive/cached-capture-diffs.ts';
import { collectGarbage } from '../runtime/collect-garbage.ts';
import { buildStoryPages } from './build-story-pages.ts';
import { buildStoryFeed } from './feeds/build-story-feed.ts';
import { buildListPages, storiesOn } from './build-list-pages.ts';

export type { BuildSiteOptions } from './make-site-context.ts';

/** Computes every page model of the site once; templates only read them. */
export function buildSite(archive: Archive, config: SiteConfig, options: BuildSiteOptions = {}): SiteModel {
  const streamed = streamSite(archive, config, options);
  const article = Array.from({ length: streamed.articleCount }, (_, i) => streamed.articlePage(i));
  const lists: PageLists = { ...streamed.lists, article }; // article keeps its place: first
  return { shell: streamed.shell, pages: Object.values(lists).flat(), lists, publish: streamed.publish };
}

/**
 * The site as `buildSite` makes it, except that its article pages are built one at a time, on demand:
 * `lists.article` is empty and `articlePage(i)` builds the page of `archive.articles[i]`. A build
 * digests and shelves each page and lets it go (src/cli/build-phases/digest-phase.ts), so the article
 * pages (~4 KB each in the heap: 430 MB at 100,000 articles) are never all held at once.
 */
export interface StreamedSite {
  readonly shell: Shell;
  /** Every list of the site but `article`, which is empty. */
  readonly lists: PageLists;
  readonly publish: PublishModel;
  /** How many article pages there are: one per article of the archive, in its order (newest first). */
  readonly articleCount: number;
  /** The page of `archive.articles[i]`, built anew by each call. */
  articlePage(i: number): ArticlePage;
  /** Site-relative URL of an article's page (what search documents link to). */
  articleUrl(a: Readonly<Article>): string;
  /** Pages of the site, article pages included. */
  readonly pageCount: number;
}

export function streamSite(archive: Archive, config: SiteConfig, options: BuildSiteOptions = {}): StreamedSite {
  const ctx = makeSiteContext(config, options);
  const { routes } = ctx;
  // First, while the heap holds little more than the archive: finding related articles takes the most
  // memory of any step of a build (~700 MB of term tables at 100,000 articles: the build's peak).
  const relatedOf = relatedArticles(archive, options.related ?? true);
  // Its term tables, gone before stories build theirs on top (they are garbage, but V8 may keep them for a while).
  collectDeadTables();
  const inDay = neighbours(archive.years.flatMap((y) => y.months.flatMap((m) => m.days.map((d) => d.articles))));
  // Neighbours in the article's own (first) topic: an article listed under a second topic too keeps them.
  const inTopic = neighbours(archive.topics.map((t) => t.articles.filter((a) => a.topic.slug === t.key.slug)));
  // Stories are kept between builds too: a rebuild that adds the newest articles finds only the last months' again.
  const storyCache = archive.cacheDir === undefined ? {} : { cacheFile: path.join(archive.cacheDir, 'stories.json') };
  const stories = buildStoryPages(ctx, archive, options.stories === false ? [] : findStories(archive.articles, storyCache));
  // Stories leave their typed arrays behind (~350 MB at 100,000 articles), and related articles and
  // stories their garbage: gone before the page models pile up. (Skipping this at 10,000 articles saved
  // ~80 ms but left the heap grown by ~40 MB, which rendering then kept: a peak 50 MB higher.)
  collectGarbage();
  const pageOf = (a: Readonly<Article>): ArticlePage =>
    buildArticlePage(ctx, a, inDay.get(a.id) ?? {}, inTopic.get(a.id) ?? {}, relatedOf(a), stories.articleStory(a.id));
  // A changes page shows its article's captures and trail: that article's page, built for it and let go.
  // Diffs of captures seen by an earlier build are read from the cache folder (src/archive/cached-capture-diffs.ts).
  const diffs = CaptureDiffs.open(archive.cacheDir === undefined ? undefined : path.join(archive.cacheDir, 'capture-diffs.json'));
  const changes: ChangesPage[] = archive.articles.flatMap((a) => (a.captures.length > 1 ? buildChangesPage(ctx, a, pageOf(a), diffs) ?? [] : []));
  diffs.save();

  const homeList = buildListPages(ctx, 'home', archive.articles, { first: routes.home(), numbered: (n) => routes.homePage(n), old: (n) => routes.home(n) }, {
    heading: config.title,
    trail: [],
    description: config.description,
    ...(ctx.shell.feedUrl ? { feedUrl: ctx.shell.feedUrl } : {}),
  });
  const { topicList, topic, redirect } = buildTopicPages(ctx, archive, options.feeds === true, (articles, listRoutes, listOptions) =>
    buildListPages(ctx, 'topic', articles, listRoutes, { ...listOptions, storiesOf: stories.storiesOf }));
  const outletsRoute = routes.outlets();
  const outletsCrumb: Link = { label: '媒体', url: outletsRoute.url };
  const outletLists = archive.outlets.map((g) =>
    buildListPages(ctx, 'outlet', g.articles, { first: routes.outlet(g.key.key), numbered: (n) => routes.outletPage(g.key.key, n), old: (n) => routes.outlet(g.key.key, n) }, {
      heading: g.key.name,
      trail: [ctx.home, outletsCrumb],
      ...(options.feeds ? { feedUrl: routes.outletFeed(g.key.key) } : {}),
    }),
  );
  const home = homeList.pages;
  const outlet = outletLists.flatMap((l) => l.pages);
  const outletList: GroupListPage = {
    kind: 'outletList',
    ...ctx.base(outletsRoute, '媒体', [ctx.home]),
    items: archive.outlets.map((g) => ({ label: g.key.name, url: routes.outlet(g.key.key).url, count: g.articles.length })),
  };
  const day = archive.years.flatMap((y) =>
    y.months.flatMap((m) =>
      m.days.map((d) => ({ d, trail: dateTrail(ctx, d.day).slice(0, -1) })).flatMap(({ d, trail }) =>
        indexPages(ctx, 'day', d.articles, dateLabel(d.day), trail, (n) => routes.day(d.day, n), stories.storiesOf),
      ),
    ),
  );
  const { archivePage, year, month } = buildCalendarPages(ctx, archive);
  const notFound: NotFoundPage = { kind: 'notFound', ...ctx.base(routes.notFound(), '找不到这个页面', [ctx.home]) };

  const lists: PageLists = {
    article: [],
    changes,
    home,
    topicList: [topicList],
    topic,
    outletList: [outletList],
    outlet,
    archive: [archivePage],
    year,
    month,
    day,
    notFound: [notFound],
    search: options.search ? [buildSearchPage(ctx)] : [],
    redirect: [...homeList.redirects, ...redirect, ...outletLists.flatMap((l) => l.redirects)],
    story: stories.story,
    storyList: stories.storyList,
  };
  const pages: PageModel[] = Object.values(lists).flat();
  assertUniquePaths([...archive.articles.map((a) => routes.article(a.slug).path), ...pages.map((p) => p.path)]);
  const publish = buildPublishing(archive, ctx, pages, options.sitemapMaxUrls);
  const feeds = options.feeds ? [...publish.feeds, buildStoryFeed(ctx, stories.entries)] : publish.feeds;
  return {
    shell: ctx.shell,
    lists,
    publish: { ...publish, feeds },
    articleCount: archive.articles.length,
    articlePage: (i) => pageOf(archive.articles[i]!),
    articleUrl: (a) => routes.article(a.slug).url,
    pageCount: archive.articles.length + pages.length,
  };
}

/**
 * A full collection when the typed arrays allocated (live or dead: related articles' and stories' term
 * tables) reach DEAD_TABLES_MB. Below that no peak needs it: at 10,000 articles they are ~80 MB, and
 * each collection costs ~0.1 s of an incremental build.
 */
function collectDeadTables(): void {
  if (process.memoryUsage().arrayBuffers >= DEAD_TABLES_MB * 1048576) collectGarbage();
}

const DEAD_TABLES_MB = 160;

/** A day's pages: newest first, numbered from the newest (a day is short and is complete once past). */
function indexPages(
  ctx: SiteContext,
  kind: 'day',
  articles: readonly Readonly<Article>[],
  heading: string,
  trail: readonly Link[],
  routeOf: (page: number) => Route,
  storiesOf?: (articles: readonly Readonly<Article>[]) => StoryEntry[],
): IndexPage[] {
  return paginate(articles, ctx.config.pageSize, routeOf).map((chunk) => {
    const first = routeOf(1);
    const crumbs = chunk.number > 1 ? [...trail, { label: heading, url: first.url }] : trail;
    return {
      kind,
      ...ctx.base(chunk.route, heading, crumbs, undefined, chunk.number),
      summary: `共 ${articles.length.toLocaleString('en-US')} 篇`,
      entries: chunk.items.map((a) => ctx.entry(a)),
      ...(chunk.pagination ? { pagination: chunk.pagination } : {}),
      ...storiesOn(chunk.items, storiesOf),
    };
  });
}

/**
 * Related articles of each article, computed once for the archive (src/archive/find-related.ts):
 * earlier articles only, so the page of an article never changes when newer ones arrive (one day's
 * new articles would otherwise enter the lists of thousands of older pages, all rewritten and deployed).
 */
function relatedArticles(archive: Archive, enabled: boolean): (a: Readonly<Article>) => readonly Readonly<Article>[] {
  if (!enabled) return () => [];
  // Lists are kept between builds beside the archive's other caches: a rebuild computes only the new ones.
  const cacheFile = archive.cacheDir === undefined ? undefined : path.join(archive.cacheDir, 'related.bin');
  const kept = cacheFile === undefined ? {} : { cacheFile, ...(archive.sourceKey === undefined ? {} : { sourceKey: archive.sourceKey }) };
  const related = findRelated(archive.articles, { limit: 5, earlierOnly: true, ...kept });
  const byId = new Map(archive.articles.map((a) => [a.id, a]));
  return (a) => (related.get(a.id) ?? []).flatMap((id) => byId.get(id) ?? []);
}

/** For every article, its newer and older neighbour in each newest-first list it belongs to. */
function neighbours(lists: readonly (readonly Readonly<Article>[])[]): Map<string, Neighbours> {
  const map = new Map<string, Neighbours>();
  for (const list of lists) {
    list.forEach((a, i) => {
      const newer = list[i - 1];
      const older = list[i + 1];
      map.set(a.id, { ...(newer ? { newer } : {}), ...(older ? { older } : {}) });
    });
  }
  return map;
}

function assertUniquePaths(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) throw new Error(`two pages would be written to ${path}: two topics, outlets or articles share a key`);
    seen.add(path);
  }
}
