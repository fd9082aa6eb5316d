import type { Article } from '../article/article.ts';
import type { ArticlePage, Link } from './site-model.ts';
import type { SiteContext } from './make-site-context.ts';
import { shortenTitle } from './shorten-title.ts';
import { dateTrail } from './date-trail.ts';

/** Neighbours of an article in a newest-first list. */
export interface Neighbours {
  readonly newer?: Readonly<Article>;
  readonly older?: Readonly<Article>;
}

export function buildArticlePage(ctx: SiteContext, a: Readonly<Article>, inDay: Neighbours, inTopic: Neighbours): ArticlePage {
  const { routes, time } = ctx;
  const published = time.full(a.publishedAt);
  if (!published.iso.startsWith(a.keys.day)) {
    throw new Error(
      `${a.sourcePath}: day key ${a.keys.day} does not match the publication time in ${ctx.config.timeZone} (${published.iso}); ` +
        'load the archive with the same timeZone as the site',
    );
  }
  const trail = dateTrail(ctx, a.keys.day);
  const short = shortenTitle(a.title);
  const route = routes.article(a.slug);
  const link = (b: Readonly<Article> | undefined): Link | undefined => (b ? { label: shortenTitle(b.title), url: routes.article(b.slug).url } : undefined);
  const dayCrumb = trail[trail.length - 1] as Link;
  const capturedAt = a.captures[0]?.capturedAt ?? a.publishedAt;
  return {
    kind: 'article',
    ...ctx.base(route, short, trail, a.summary || short),
    heading: a.title,
    article: {
      title: a.title,
      outlet: ctx.outletLink(a),
      topic: ctx.topicLink(a),
      day: dayCrumb,
      published,
      readingTime: `约 ${a.readingMinutes} 分钟`,
      ...(a.dateline ? { dateline: a.dateline } : {}),
      originalUrl: a.url,
      captured: time.full(capturedAt),
      ...(a.hero ? { hero: { ...a.hero } } : {}),
      bodyHtml: a.bodyHtml,
      captures: a.captures.length > 1 ? a.captures.map((c) => time.full(c.capturedAt)) : [],
    },
    ...optional('newerInDay', link(inDay.newer)),
    ...optional('olderInDay', link(inDay.older)),
    ...optional('newerInTopic', link(inTopic.newer)),
    ...optional('olderInTopic', link(inTopic.older)),
  };
}

function optional<K extends string>(key: K, value: Link | undefined): { [P in K]?: Link } {
  return (value ? { [key]: value } : {}) as { [P in K]?: Link };
}
