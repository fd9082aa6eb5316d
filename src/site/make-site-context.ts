import type { Article } from '../article/article.ts';
import type { SiteConfig } from './site-config.ts';
import type { Entry, Link, PageBase, Shell } from './site-model.ts';
import { makeRoutes, type Route, type Routes } from './make-routes.ts';
import { makeTimeFormatter, type TimeFormatter } from './make-time-formatter.ts';
import { shortenTitle } from './shorten-title.ts';

export interface BuildSiteOptions {
  /** Link feeds (`/feed.xml`, `/topics/<slug>/feed.xml`, `/outlets/<key>/feed.xml`) from pages. */
  readonly feeds?: boolean;
  /** Build the search page (`/search/`) and link it from the header. */
  readonly search?: boolean;
  /** URLs per sitemap file before sitemap.xml becomes an index (default 50,000; for tests). */
  readonly sitemapMaxUrls?: number;
  /**
   * Image URL → site-relative URL of its mirrored copy (`loadMirrorMap`, src/images/); body and hero
   * images found in it are pointed at the local copy. Empty or absent: every image stays remote.
   */
  readonly mirror?: ReadonlyMap<string, string>;
  /** Compute related articles (default true; false for benchmarks). */
  readonly related?: boolean;
  /** Find stories and build their pages (default true; false for benchmarks). */
  readonly stories?: boolean;
}

/** What every page builder shares: config, routes, the time formatter, and memoized small models. */
export interface SiteContext {
  readonly config: SiteConfig;
  readonly options: BuildSiteOptions;
  readonly routes: Routes;
  readonly time: TimeFormatter;
  readonly shell: Shell;
  canonical(url: string): string;
  /** Fields every page has, from its route, heading and trail. */
  base(route: Route, heading: string, trail: readonly Link[], description?: string, page?: number): PageBase;
  entry(article: Readonly<Article>): Entry;
  topicLink(article: Readonly<Article>): Link;
  outletLink(article: Readonly<Article>): Link;
  home: Link;
}


export function makeSiteContext(config: SiteConfig, options: BuildSiteOptions): SiteContext {
  const routes = makeRoutes(config.pathPrefix);
  const time = makeTimeFormatter(config.timeZone);
  const base = new URL(config.baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  const home: Link = { label: '首页', url: routes.home().url };
  const shell: Shell = {
    lang: config.language,
    siteTitle: config.title,
    description: config.description,
    homeUrl: home.url,
    cssUrl: routes.css(),
    nav: [
      home,
      { label: '事件', url: routes.stories().url },
      { label: '话题', url: routes.topics().url },
      { label: '媒体', url: routes.outlets().url },
      { label: '归档', url: routes.archive().url },
    ],
    ...(options.feeds ? { feedUrl: routes.feed() } : {}),
    ...(options.search ? { searchUrl: routes.search() } : {}),
  };
  // The prefix may already be in baseUrl ("https://u.github.io/repo" + "/repo/") or not.
  const canonical = (url: string) => `${base.origin}${basePath && !url.startsWith(`${basePath}/`) ? basePath : ''}${url}`;
  const entries = new Map<string, Entry>();
  const topicLink = (a: Readonly<Article>): Link => ({ label: a.topic.label, url: routes.topic(a.topic.slug).url });
  const outletLink = (a: Readonly<Article>): Link => ({ label: a.outlet.name, url: routes.outlet(a.outlet.key).url });
  return {
    config,
    options,
    routes,
    time,
    shell,
    canonical,
    home,
    topicLink,
    outletLink,
    base(route, heading, trail, description, page = 1) {
      const numbered = page > 1 ? `${heading}（第 ${page} 页）` : heading;
      return {
        path: route.path,
        url: route.url,
        canonicalUrl: canonical(route.url),
        title: route.url === home.url ? config.title : `${shortenTitle(numbered)} · ${config.title}`,
        heading: numbered,
        description: description ?? `${config.title}：${heading}`,
        breadcrumbs: [...trail, { label: page > 1 ? `第 ${page} 页` : heading, url: route.url }],
      };
    },
    entry(a) {
      let entry = entries.get(a.id);
      if (!entry) {
        entry = {
          title: shortenTitle(a.title),
          url: routes.article(a.slug).url,
          outlet: outletLink(a),
          topic: topicLink(a),
          time: time.short(a.publishedAt),
          summary: a.summary,
        };
        entries.set(a.id, entry);
      }
      return entry;
    },
  };
}
