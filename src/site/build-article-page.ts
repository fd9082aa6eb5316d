import type { Article } from '../article/article.ts';
import type { ArticlePage, ArticleStory, CaptureLink, Entry, Link, RelatedEntry, TimeModel } from './site-model.ts';
import type { SiteContext } from './make-site-context.ts';
import { rewriteImageUrls } from '../images/rewrite-image-urls.ts';
import { shortenTitle } from './shorten-title.ts';
import { captureAnchor } from './build-changes-page.ts';
import { dateTrail } from './date-trail.ts';
import { BODY_SOURCE } from './digest-json.ts';

/** Neighbours of an article in a newest-first list. */
export interface Neighbours {
  readonly newer?: Readonly<Article>;
  readonly older?: Readonly<Article>;
}

export function buildArticlePage(
  ctx: SiteContext,
  a: Readonly<Article>,
  inDay: Neighbours,
  inTopic: Neighbours,
  related: readonly Readonly<Article>[] = [],
  story?: ArticleStory,
): ArticlePage {
  const { routes } = ctx;
  const { published, captured } = articleTimes(ctx, a);
  if (!published.iso.startsWith(a.keys.day)) {
    throw new Error(
      `${a.sourcePath}: day key ${a.keys.day} does not match the publication time in ${ctx.config.timeZone} (${published.iso}); ` +
        'load the archive with the same timeZone as the site',
    );
  }
  const trail = dateTrail(ctx, a.keys.day);
  const short = shortenTitle(a.title);
  const route = routes.article(a.slug);
  // Other articles as their list entry has them (made once per article: ctx.entry): short title, URL, outlet, time.
  const link = (b: Readonly<Article> | undefined): Link | undefined => {
    if (b === undefined) return undefined;
    const e = ctx.entry(b);
    return { label: e.title, url: e.url };
  };
  const dayCrumb = trail[trail.length - 1] as Link;
  const mirror = ctx.options.mirror ?? EMPTY;
  const hero = a.hero ? { ...a.hero, src: mirror.get(a.hero.src) ?? a.hero.src } : undefined;
  return {
    kind: 'article',
    ...ctx.base(route, short, trail, a.summary || short),
    heading: a.title,
    article: withBody(
      {
        title: a.title,
        outlet: ctx.outletLink(a),
        topic: ctx.topicLink(a),
        ...(a.secondTopic ? { secondTopic: { label: a.secondTopic.label, url: routes.topic(a.secondTopic.slug).url } } : {}),
        ...(a.section ? { section: a.section.label } : {}),
        ...placementNote(a),
        day: dayCrumb,
        published,
        readingTime: `约 ${a.readingMinutes} 分钟`,
        ...(a.dateline ? { dateline: a.dateline } : {}),
        originalUrl: a.url,
        captured,
        ...(hero ? { hero } : {}),
      },
      // Read from the archive's text store when the page is digested or rendered, never held (offload-texts.ts).
      () => rewriteImageUrls(a.bodyHtml, mirror),
      {
        captures: captureLinks(ctx, a),
        ...(a.captures.length > 1 ? { changesUrl: routes.articleChanges(a.slug).url } : {}),
      },
      // What the body is made from (src/site/digest-json.ts): its digest, without reading it.
      mirror.size === 0 ? a.contentHash : undefined,
    ),
    ...optional('newerInDay', link(inDay.newer)),
    ...optional('olderInDay', link(inDay.older)),
    ...optional('newerInTopic', link(inTopic.newer)),
    ...optional('olderInTopic', link(inTopic.older)),
    ...(story ? { story } : {}),
    // Articles of its story are listed there, not again among the related ones.
    related: related.map((b) => ctx.entry(b)).filter((e) => !story?.others.some((o) => o.url === e.url)).map(relatedEntry),
  };
}

/** When an article was published and last captured (its newest capture), as its page shows them and the sitemap dates it. */
export function articleTimes(ctx: SiteContext, a: Readonly<Article>): { readonly published: TimeModel; readonly captured: TimeModel } {
  return { published: ctx.time.full(a.publishedAt), captured: ctx.time.full(a.captures[0]?.capturedAt ?? a.publishedAt) };
}

/**
 * The captures of an article, newest first, numbered from 1 = the oldest (so a capture keeps its
 * number, and its place on the changes page, when a newer one arrives). Empty when there is only one capture.
 */
export function captureLinks(ctx: SiteContext, a: Readonly<Article>): CaptureLink[] {
  if (a.captures.length < 2) return [];
  const total = a.captures.length;
  return a.captures.map((c, index) => {
    const number = total - index;
    return {
      number,
      time: ctx.time.full(c.capturedAt),
      title: c.title,
      url: index === 0 ? ctx.routes.article(a.slug).url : `${ctx.routes.articleChanges(a.slug).url}#${captureAnchor(number)}`,
      latest: index === 0,
    };
  });
}

const EMPTY: ReadonlyMap<string, string> = new Map();

/** An article as a related entry, one object per list entry (per article): its JSON is then made once for every page that lists it (digest-json.ts). */
const relatedEntries = new WeakMap<Entry, RelatedEntry>();

function relatedEntry(e: Entry): RelatedEntry {
  let related = relatedEntries.get(e);
  if (related === undefined) relatedEntries.set(e, (related = { title: e.title, url: e.url, outlet: e.outlet.label, time: e.time }));
  return related;
}

type ArticleFields = ArticlePage['article'];

/**
 * An article page's `article`: `before`, the body behind a getter, `after`, in that order (the order
 * of its JSON on the shelf). With the body's `source`, it also holds (under BODY_SOURCE, which JSON and
 * templates never see) the same fields with `bodySource` instead of the body: what its digest is made of
 * (src/site/digest-json.ts), made here from the parts rather than copied from the whole later (~0.1 s of
 * the 10k add-newest build).
 */
function withBody(before: Omit<ArticleFields, 'bodyHtml' | 'captures' | 'changesUrl'>, body: () => string, after: Pick<ArticleFields, 'captures' | 'changesUrl'>, source: string | undefined): ArticleFields {
  const article = {
    ...before,
    get bodyHtml() {
      return body();
    },
    ...after,
  };
  if (source !== undefined) Object.defineProperty(article, BODY_SOURCE, { value: { ...before, ...after, bodySource: source } });
  return article;
}

function optional<K extends string>(key: K, value: Link | undefined): { [P in K]?: Link } {
  return (value ? { [key]: value } : {}) as { [P in K]?: Link };
}

/** Says so when the topic was not the outlet's own choice: classified by content, or by a curator's rule. */
function placementNote(a: Readonly<Article>): { placement?: string } {
  switch (a.placement.by) {
    case 'content':
      return { placement: a.placement.uncertain ? '按内容归类，把握不大' : '按内容归类' };
    case 'rule':
      return { placement: '按关键词归类' };
    case 'fallback':
      return { placement: '未能归类' };
    default:
      return {};
  }
}
