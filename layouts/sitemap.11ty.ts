import type { SiteModel } from '../src/site/site-model.ts';
import type { SitemapFile } from '../src/site/sitemap/build-sitemaps.ts';

/** `sitemap.xml` (a urlset, or a sitemap index) and its `sitemap-N.xml` parts. */
export const data = {
  pagination: { data: 'site.publish.sitemaps', size: 1, alias: 'model' },
  permalink: (d: { model: SitemapFile }) => d.model.path,
  eleventyExcludeFromCollections: true,
};

export function render({ model }: { model: SitemapFile; site: SiteModel }): string {
  return model.xml;
}
