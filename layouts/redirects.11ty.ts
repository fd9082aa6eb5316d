import type { SiteModel } from '../src/site/site-model.ts';

/** `_redirects`: v0.1's list addresses for hosts that read it (src/site/sitemap/render-redirect-rules.ts). */
export const data = {
  permalink: (d: { site: SiteModel }) => d.site.publish.redirects?.path ?? false,
  eleventyExcludeFromCollections: true,
};

export function render({ site }: { site: SiteModel }): string {
  return site.publish.redirects?.text ?? '';
}
