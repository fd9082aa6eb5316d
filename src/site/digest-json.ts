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
  if (page.kind !== 'article') return { json: 'entries' in page ? withEntries(page) : JSON.stringify(page), whole: true };
  const withoutBody = (page.article as object as Record<PropertyKey, unknown>)[BODY_SOURCE];
  if (typeof withoutBody !== 'object' || withoutBody === null) return { json: JSON.stringify(page), whole: true };
  // Related entries last, each one's JSON made once (an article is related to several others).
  const head = JSON.stringify({ ...page, article: withoutBody, related: undefined });
  return { json: `${head.slice(0, -1)},"related":[${page.related.map(jsonOf).join(',')}]}`, whole: false };
}

/** Each entry's JSON, made once: an article's list entry (one object, SiteContext.entry) is on its home, topic, outlet and day pages, its related entry on the pages of the articles it is related to. */
const entryJson = new WeakMap<object, string>();

/**
 * A list page's JSON with its `entries` last, each entry's JSON made once for all the pages that list
 * it (a quarter less to serialize at 10,000 articles). It parses to the same page (keys in another
 * order, which neither templates nor digests depend on), so it is also what goes on the shelf.
 */
function withEntries(page: PageModel & { readonly entries: readonly object[] }): string {
  const { entries, ...rest } = page;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)},"entries":[${entries.map(jsonOf).join(',')}]}`;
}

/** An entry's JSON (a list entry or a related one: one object per article, shared by the pages that show it), made once. */
function jsonOf(entry: object): string {
  let json = entryJson.get(entry);
  if (json === undefined) entryJson.set(entry, (json = JSON.stringify(entry)));
  return json;
}
