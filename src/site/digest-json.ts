import type { PageModel } from './site-model.ts';

/**
 * Set by buildArticlePage on an article page's `article` (a symbol: JSON and templates never see it):
 * the article's fields with `bodySource` in place of `bodyHtml`, when what the body is made from says it
 * all, i.e. the sha256 of the seed file whose parse gave it. The parser version and the config, which the body also depends on, are in every page's
 * digest already (src/cli/templates-digest.ts); mirrored images are not, so a site with any sets none.
 */
export const BODY_SOURCE = Symbol('body source');

/**
 * The JSON a page's digest is made of: the page model's JSON, except that an article page's body is
 * given by its source (BODY_SOURCE) instead of its text. A digest pass then reads no body back from the
 * text store, escapes none and hashes none: ~6 s of a 100,000-article daily rebuild. The page on the
 * shelf (what is rendered) is still the whole `JSON.stringify(page)`.
 */
export function digestJson(page: PageModel): { readonly json: string; readonly whole: boolean } {
  if (page.kind !== 'article') return { json: JSON.stringify(page), whole: true };
  const withoutBody = (page.article as object as Record<PropertyKey, unknown>)[BODY_SOURCE];
  if (typeof withoutBody !== 'object' || withoutBody === null) return { json: JSON.stringify(page), whole: true };
  return { json: JSON.stringify({ ...page, article: withoutBody }), whole: false };
}
