/**
 * The URL scheme, and the only place output paths are made. Every path segment comes from a
 * validated key (article slug, topic slug, outlet key, date key, page number); anything else throws.
 */

export interface Route {
  /** Relative to the output dir, e.g. `topics/china/page/2/index.html`. */
  readonly path: string;
  /** Site-relative with the path prefix, e.g. `/sub/topics/china/page/2/`. */
  readonly url: string;
}

export type Routes = ReturnType<typeof makeRoutes>;

export function makeRoutes(pathPrefix: string) {
  if (!/^\/([a-z0-9_~-][a-z0-9._~-]*\/)*$/i.test(pathPrefix)) {
    throw new Error(`pathPrefix must start and end with "/" and hold plain segments, got ${JSON.stringify(pathPrefix)}`);
  }
  const dir = (...segments: string[]): Route => {
    const rel = segments.map((s) => `${s}/`).join('');
    return { path: `${rel}index.html`, url: `${pathPrefix}${rel}` };
  };
  const paged = (base: string[], page: number): Route => (page === 1 ? dir(...base) : dir(...base, 'page', pageNumber(page)));
  /** A page of a list numbered from the oldest (src/site/paginate-from-oldest.ts): `<list>/p/<n>/`. */
  const numbered = (base: string[], n: number): Route => dir(...base, 'p', listPageNumber(n));
  return {
    prefix: pathPrefix,
    /** The home page; `page` ≥ 2: the newest-first pages of earlier versions, now redirects. */
    home: (page = 1) => paged([], page),
    homePage: (n: number) => numbered([], n),
    article: (slug: string) => dir('articles', key('article slug', slug, ARTICLE_SLUG)),
    articleChanges: (slug: string) => dir('articles', key('article slug', slug, ARTICLE_SLUG), 'changes'),
    topics: () => dir('topics'),
    topic: (slug: string, page = 1) => paged(['topics', key('topic slug', slug, SLUG)], page),
    /** A topic's articles from one outlet (section): `/topics/economy/ft/`, `/topics/china/rfi-3fa2c1d0/`. */
    topicPart: (slug: string, part: string, page = 1) => paged(['topics', key('topic slug', slug, SLUG), key('topic part', part, PART)], page),
    topicPage: (slug: string, n: number) => numbered(['topics', key('topic slug', slug, SLUG)], n),
    topicPartPage: (slug: string, part: string, n: number) => numbered(['topics', key('topic slug', slug, SLUG), key('topic part', part, PART)], n),
    outlets: () => dir('outlets'),
    outlet: (outletKey: string, page = 1) => paged(['outlets', key('outlet key', outletKey, SLUG)], page),
    outletPage: (outletKey: string, n: number) => numbered(['outlets', key('outlet key', outletKey, SLUG)], n),
    archive: () => dir('archive'),
    year: (year: string) => dir('archive', key('year', year, /^\d{4}$/)),
    month: (month: string) => dir('archive', ...key('month', month, /^\d{4}-\d{2}$/).split('-')),
    day: (day: string, page = 1) => paged(['archive', ...key('day', day, /^\d{4}-\d{2}-\d{2}$/).split('-')], page),
    notFound: (): Route => ({ path: '404.html', url: `${pathPrefix}404.html` }),
    css: () => `${pathPrefix}css/site.css`,
    feed: () => `${pathPrefix}feed.xml`,
    topicFeed: (slug: string) => `${pathPrefix}topics/${key('topic slug', slug, SLUG)}/feed.xml`,
    outletFeed: (outletKey: string) => `${pathPrefix}outlets/${key('outlet key', outletKey, SLUG)}/feed.xml`,
    search: () => `${pathPrefix}search/`,
    /** A story; its id is its first article's slug. */
    story: (id: string) => dir('stories', key('story id', id, ARTICLE_SLUG)),
    stories: (page = 1) => paged(['stories'], page),
    storiesFeed: () => `${pathPrefix}stories/feed.xml`,
  };
}

const SLUG = /^[a-z0-9-]+$/;
/** Not `page` or `p` (the pagination folders). */
const PART = /^(?!(?:page|p)$)[a-z0-9-]+$/;
const ARTICLE_SLUG = /^[a-z0-9]+$/;

/** Throws unless `value` is a safe path segment of the given kind. */
export function key(kind: string, value: string, pattern: RegExp): string {
  if (typeof value !== 'string' || value.length > 200 || !pattern.test(value)) {
    throw new Error(`unsafe ${kind} for an output path: ${JSON.stringify(value)} (expected ${pattern.source})`);
  }
  return value;
}

function pageNumber(page: number): string {
  if (!Number.isSafeInteger(page) || page < 2) throw new Error(`unsafe page number for an output path: ${page}`);
  return String(page);
}

function listPageNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`unsafe page number for an output path: ${n}`);
  return String(n);
}
