/**
 * `_redirects`: the rules Netlify, Cloudflare Pages and GitLab Pages read from the site's root (the
 * Netlify syntax: `source destination code`, `*` a splat, `:name` one path segment). They send the
 * newest-first list addresses v0.1 published, `<list>/page/<n>/`, to the list's first page with a
 * 301, in three lines whatever the archive's size, where a redirect page per address would be a
 * file each (src/site/build-list-pages.ts writes those only where the config asks). A topic or
 * outlet that no longer exists gets its first-page address, which is then the site's 404 page or
 * an old topic's redirect page. Current pages never match: numbered list pages are `<list>/p/<n>/`,
 * and day and topic-part pages sit deeper than the `:name` segment reaches.
 *
 *     renderRedirectRules('/news/')
 *     // /news/page/*  /news/  301
 *     // /news/outlets/:key/page/*  /news/outlets/:key/  301
 *     // /news/topics/:slug/page/*  /news/topics/:slug/  301
 */
export function renderRedirectRules(pathPrefix: string): string {
  if (!/^\/([a-z0-9_~-][a-z0-9._~-]*\/)*$/i.test(pathPrefix)) throw new Error(`_redirects needs a plain path prefix, got ${JSON.stringify(pathPrefix)}`);
  const rules = V01_LISTS.map(([from, to]) => `${pathPrefix}${from}  ${pathPrefix}${to}  301`);
  return `# v0.1's newest-first list pages, now each list's first page (docs/deploy.md)\n${rules.join('\n')}\n`;
}

/** v0.1's paged lists: home, an outlet, a topic. */
const V01_LISTS: readonly (readonly [string, string])[] = [
  ['page/*', ''],
  ['outlets/:key/page/*', 'outlets/:key/'],
  ['topics/:slug/page/*', 'topics/:slug/'],
];
