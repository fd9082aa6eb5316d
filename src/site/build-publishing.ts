import type { Archive } from '../archive/archive.ts';
import type { SiteContext } from './make-site-context.ts';
import { articleTimes } from './build-article-page.ts';
import type { PageModel, PublishModel } from './site-model.ts';
import { buildFeeds } from './feeds/build-feeds.ts';
import { buildSitemaps, type SitemapUrl } from './sitemap/build-sitemaps.ts';
import { renderRobots } from './sitemap/render-robots.ts';
import { renderRedirectRules } from './sitemap/render-redirect-rules.ts';

/**
 * The non-HTML files of the site: Atom feeds (when `options.feeds`), sitemap.xml (split into a
 * sitemap index beyond `sitemapMaxUrls` URLs) listing every article (from the archive) and every page of `pages` but the 404 page and noindex pages (earlier captures, changes), robots.txt
 * naming the sitemap's absolute URL, and `_redirects` for v0.1's list addresses.
 */
export function buildPublishing(archive: Archive, ctx: SiteContext, pages: readonly PageModel[], sitemapMaxUrls?: number): PublishModel {
  // Article pages first, from the articles (their pages are built one at a time: src/site/build-site.ts).
  const articleUrls = archive.articles.map((a): SitemapUrl => {
    const { published, captured } = articleTimes(ctx, a);
    return { url: ctx.routes.article(a.slug).url, lastmod: captured.iso, group: `articles-${published.iso.slice(0, 4)}` };
  });
  const urls: SitemapUrl[] = [
    ...articleUrls,
    ...pages.filter((p) => p.kind !== 'article' && p.kind !== 'notFound' && p.noindex !== true).map((p) => ({ url: p.url, group: 'pages' })),
  ];
  const sitemaps = buildSitemaps(urls, {
    pathPrefix: ctx.routes.prefix,
    absolute: ctx.canonical,
    ...(sitemapMaxUrls === undefined ? {} : { maxUrlsPerFile: sitemapMaxUrls }),
  });
  const sitemapUrl = ctx.canonical(sitemaps[0]?.url ?? `${ctx.routes.prefix}sitemap.xml`);
  return {
    feeds: ctx.options.feeds ? buildFeeds(archive, ctx.config, { absolute: ctx.canonical }) : [],
    sitemaps,
    robots: { path: 'robots.txt', text: renderRobots(sitemapUrl) },
    redirects: { path: '_redirects', text: renderRedirectRules(ctx.routes.prefix) },
  };
}
