import type { SiteContext } from '../make-site-context.ts';
import type { SearchPage } from '../site-model.ts';

/**
 * The model of `/search/`: a GET form (`?q=`) that works as a plain form without JavaScript, and
 * the URLs its script (`search/search.js`, bundled from client/search-page.ts) needs: the index
 * folder (`search/`, where writeSearchIndex puts index.json) and the stylesheet.
 */
export function buildSearchPage(ctx: SiteContext): SearchPage {
  const { routes } = ctx;
  const url = routes.search();
  const route = { path: `${url.slice(routes.prefix.length)}index.html`, url };
  return {
    kind: 'search',
    ...ctx.base(route, '搜索', [ctx.home], `在 ${ctx.config.title} 中全文搜索`),
    indexUrl: `${routes.prefix}search/`,
    scriptUrl: `${routes.prefix}search/search.js`,
    styleUrl: `${routes.prefix}search/search.css`,
    browse: [
      { label: '按话题浏览', url: routes.topics().url },
      { label: '按媒体浏览', url: routes.outlets().url },
      { label: '按日期浏览', url: routes.archive().url },
    ],
  };
}
