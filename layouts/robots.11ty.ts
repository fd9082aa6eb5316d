import type { SiteModel } from '../src/site/site-model.ts';

/** `robots.txt`, naming the sitemap's absolute URL. */
export const data = {
  permalink: (d: { site: SiteModel }) => d.site.publish.robots?.path ?? false,
  eleventyExcludeFromCollections: true,
};

export function render({ site }: { site: SiteModel }): string {
  return site.publish.robots?.text ?? '';
}
