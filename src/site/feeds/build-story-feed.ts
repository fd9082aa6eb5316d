import type { Article } from '../../article/article.ts';
import type { StoryEntry } from '../site-model.ts';
import type { SiteContext } from '../make-site-context.ts';
import type { FeedModel } from './feed-model.ts';

/**
 * `/stories/feed.xml`: the newest stories (by first article), one entry each: the story page, its
 * title and its lead article's summary, its first article's time, its outlets as the author. A
 * story's entry keeps its id and time when more articles join it, so readers are told once.
 */
export function buildStoryFeed(
  ctx: SiteContext,
  stories: readonly { readonly entry: StoryEntry; readonly first: Readonly<Article>; readonly lead: Readonly<Article> }[],
  limit = 50,
): FeedModel {
  const url = ctx.routes.storiesFeed();
  const entries = stories.slice(0, limit).map(({ entry, first, lead }) => ({
    url: ctx.canonical(entry.url),
    title: lead.title,
    published: first.publishedAt,
    summary: `${entry.span} · ${entry.summary}：${lead.summary}`,
    author: entry.outlets.join('、'),
    category: { term: 'stories', label: '事件' },
  }));
  return {
    kind: 'feed',
    path: url.slice(ctx.routes.prefix.length),
    url,
    selfUrl: ctx.canonical(url),
    pageUrl: ctx.canonical(ctx.routes.stories().url),
    title: `事件 · ${ctx.config.title}`,
    subtitle: '多家媒体报道的同一事件',
    language: ctx.config.language,
    updated: entries.reduce((max, e) => Math.max(max, e.published), 0),
    entries,
  };
}
