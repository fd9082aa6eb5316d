import type { Article } from '../../article/article.ts';
import type { Archive } from '../../archive/archive.ts';
import type { SiteConfig } from '../site-config.ts';
import { makeRoutes } from '../make-routes.ts';
import type { FeedEntry, FeedModel } from './feed-model.ts';

export interface BuildFeedsOptions {
  /**
   * Site-relative URL → absolute URL (the site context's `canonical`, which copes with a base URL
   * that already holds the path prefix). Default: `config.baseUrl + url`.
   */
  readonly absolute?: (url: string) => string;
  /** Entries per feed, newest first (default 50). */
  readonly limit?: number;
  /**
   * Bodies longer than this many UTF-16 code units go into the feed as summary only (default 64 KiB),
   * so one huge article cannot make a feed of 50 entries weigh megabytes.
   */
  readonly maxContentLength?: number;
}

/**
 * Models of every Atom feed of the site: the whole archive (`/feed.xml`), one per topic
 * (`/topics/<slug>/feed.xml`) and one per outlet (`/outlets/<key>/feed.xml`), newest 50 each.
 *
 *     const feeds = buildFeeds(archive, config);
 *     for (const feed of feeds) await writeFile(join(out, feed.path), renderAtom(feed));
 */
export function buildFeeds(archive: Archive, config: SiteConfig, options: BuildFeedsOptions = {}): FeedModel[] {
  const limit = options.limit ?? 50;
  const maxContent = options.maxContentLength ?? 64 * 1024;
  const routes = makeRoutes(config.pathPrefix);
  const absolute = options.absolute ?? ((url: string): string => `${config.baseUrl}${url}`);
  const entry = (a: Readonly<Article>): FeedEntry => ({
    url: absolute(routes.article(a.slug).url),
    title: a.title,
    published: a.publishedAt,
    summary: a.summary,
    author: a.outlet.name,
    category: { term: a.topic.slug, label: a.topic.label },
    ...(a.bodyHtml.length > 0 && a.bodyHtml.length <= maxContent ? { contentHtml: a.bodyHtml } : {}),
  });
  const feed = (url: string, pageUrl: string, title: string, subtitle: string, articles: readonly Readonly<Article>[]): FeedModel => {
    const entries = newest(articles, limit).map(entry);
    return {
      kind: 'feed',
      path: url.slice(config.pathPrefix.length),
      url,
      selfUrl: absolute(url),
      pageUrl: absolute(pageUrl),
      title,
      subtitle,
      language: config.language,
      updated: entries[0]?.published ?? 0,
      entries,
    };
  };
  return [
    feed(routes.feed(), routes.home().url, config.title, config.description, archive.articles),
    ...archive.topics.map((g) =>
      feed(routes.topicFeed(g.key.slug), routes.topic(g.key.slug).url, `${g.key.label} · ${config.title}`, config.description, g.articles),
    ),
    ...archive.outlets.map((g) =>
      feed(routes.outletFeed(g.key.key), routes.outlet(g.key.key).url, `${g.key.name} · ${config.title}`, config.description, g.articles),
    ),
  ];
}

/** The `limit` newest articles, newest first; ties broken by id (the archive's own order). */
function newest(articles: readonly Readonly<Article>[], limit: number): readonly Readonly<Article>[] {
  const sorted = [...articles].sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.slice(0, limit);
}
