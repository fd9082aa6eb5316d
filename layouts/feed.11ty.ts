import type { SiteModel } from '../src/site/site-model.ts';
import type { FeedModel } from '../src/site/feeds/feed-model.ts';
import { renderAtom } from '../src/site/feeds/render-atom.ts';

/** One Atom document per feed model: `/feed.xml`, `/topics/<slug>/feed.xml`, `/outlets/<key>/feed.xml`. */
export const data = {
  pagination: { data: 'site.publish.feeds', size: 1, alias: 'model' },
  permalink: (d: { model: FeedModel }) => d.model.path,
  eleventyExcludeFromCollections: true,
};

export function render({ model }: { model: FeedModel; site: SiteModel }): string {
  return renderAtom(model);
}
