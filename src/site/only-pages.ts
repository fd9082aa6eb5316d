import type { PageLists, PageModel, SiteModel } from './site-model.ts';

/** The site with only the pages and published files (feeds, sitemaps, robots.txt, _redirects) whose paths are in `only`. */
export function onlyPages(site: SiteModel, only: ReadonlySet<string>): SiteModel {
  const keep = <P extends { readonly path: string }>(list: readonly P[]) => list.filter((p) => only.has(p.path));
  const lists = Object.fromEntries(Object.entries(site.lists).map(([k, v]: [string, readonly PageModel[]]) => [k, keep(v)])) as unknown as PageLists;
  const { feeds, sitemaps, robots, redirects } = site.publish;
  const publish = {
    feeds: keep(feeds),
    sitemaps: keep(sitemaps),
    robots: robots && only.has(robots.path) ? robots : undefined,
    redirects: redirects && only.has(redirects.path) ? redirects : undefined,
  };
  return { ...site, pages: keep(site.pages), lists, publish };
}
