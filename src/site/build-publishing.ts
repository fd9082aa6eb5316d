import type { Archive } from '../archive/archive.ts';
import type { SiteContext } from './make-site-context.ts';
import type { PageModel, PublishModel } from './site-model.ts';
import { buildFeeds } from './feeds/build-feeds.ts';
import { buildSitemaps, type SitemapUrl } from './sitemap/build-sitemaps.ts';
import { renderRobots } from './sitemap/render-robots.ts';
import { renderRedirectRules } from './sitemap/render-redirect-rules.ts';

/**
 * The non-HTML files of the site: Atom feeds (when `options.feeds`), sitemap.xml (split into a
 * sitemap index beyond `sitemapMaxUrls` URLs) listing every HTML page but the 404 page and noindex pages (earlier captures, changes), robots.txt
 * naming the sitemap's absolute URL, and `_redirects` for v0.1's list addresses.
 */
export function buildPublishing(archive: Archive, ctx: SiteContext, pages: readonly PageModel[], sitemapMaxUrls?: number): PublishModel {
  const urls: SitemapUrl[] = pages
    .filter((p) => p.kind !== 'notFound' && p.noindex !== true)
    .map((p) => (p.kind === 'article' ? { url: p.url, lastmod: p.article.captured.iso, group: `articles-${p.article.published.iso.slice(0, 4)}` } : { url: p.url, group: 'pages' }));
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
