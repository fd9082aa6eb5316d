import { firstIndex } from '../runtime/first-index.ts';
import type { Article } from '../article/article.ts';
import type { Archive } from '../archive/archive.ts';
import type { Story } from '../archive/find-stories.ts';
import type { ArticleStory, OutletCoverage, StoryArticle, StoryEntry, StoryListPage, StoryPage } from './site-model.ts';
import type { SiteContext } from './make-site-context.ts';
import { dateLabel } from './date-trail.ts';
import { paginate } from './paginate.ts';
import { shortenTitle } from './shorten-title.ts';

export interface StoryPages {
  readonly story: StoryPage[];
  readonly storyList: StoryListPage[];
  /** The story of an article, for its page ("本事件的其他报道"). */
  articleStory(articleId: string): ArticleStory | undefined;
  /** The stories some of these articles belong to, newest first (day and topic pages). */
  storiesOf(articles: readonly Readonly<Article>[]): StoryEntry[];
  /** Every story's entry, newest first (the stories feed). */
  readonly entries: readonly { readonly entry: StoryEntry; readonly first: Readonly<Article>; readonly lead: Readonly<Article> }[];
}

const DAY_MS = 86_400_000;

/**
 * The pages of the stories found by findStories (src/archive/find-stories.ts): one page per story
 * (`/stories/<id>/`, id = its first article's slug, so it stays while that article stays first)
 * and the paginated index (`/stories/`). Every text comes from the articles: the title is the
 * headline of the story's most central article and the description its summary.
 */
export function buildStoryPages(ctx: SiteContext, archive: Archive, stories: readonly Story[]): StoryPages {
  const { routes, time } = ctx;
  const byId = new Map(archive.articles.map((a) => [a.id, a]));
  const presence = outletTimes(archive);
  const listCrumb = { label: '事件', url: routes.stories().url };
  const built = stories.map((s) => {
    const articles = s.articleIds.map((id) => byId.get(id)!);
    const first = articles[0]!;
    const last = articles[articles.length - 1]!;
    const lead = byId.get(s.leadId)!;
    const seen = new Set<string>();
    const timeline = articles.map((a): StoryArticle => {
      const firstOfOutlet = !seen.has(a.outlet.key);
      seen.add(a.outlet.key);
      return { title: a.title, url: routes.article(a.slug).url, outlet: ctx.outletLink(a), time: time.short(a.publishedAt), lead: clip(a.lead || a.summary, 140), firstOfOutlet };
    });
    const counts = new Map<string, number>();
    for (const a of articles) counts.set(a.outlet.key, (counts.get(a.outlet.key) ?? 0) + 1);
    const summary = `${counts.size} 家媒体 · ${articles.length} 篇报道`;
    const span = first.keys.day === last.keys.day ? dateLabel(first.keys.day) : `${dateLabel(first.keys.day)} 至 ${shortDay(first.keys.day, last.keys.day)}`;
    const route = routes.story(first.slug);
    const entry: StoryEntry = { title: shortenTitle(lead.title), url: route.url, span, summary, outlets: [...seen].map((key) => articles.find((a) => a.outlet.key === key)!.outlet.name) };
    const covered: OutletCoverage[] = archive.outlets
      .filter((g) => counts.has(g.key.key))
      .map((g) => ({ label: g.key.name, url: routes.outlet(g.key.key).url, count: counts.get(g.key.key)!, state: 'covered' as const }))
      .sort((a, b) => b.count - a.count);
    const absent: OutletCoverage[] = archive.outlets
      .filter((g) => !counts.has(g.key.key))
      .map((g) => ({
        label: g.key.name,
        url: routes.outlet(g.key.key).url,
        count: 0,
        state: publishedBetween(presence.get(g.key.key)!, first.publishedAt - DAY_MS, last.publishedAt + DAY_MS) ? ('silent' as const) : ('none' as const),
      }));
    const page: StoryPage = {
      kind: 'story',
      ...ctx.base(route, lead.title, [ctx.home, listCrumb], lead.summary || lead.title),
      span,
      start: time.short(first.publishedAt),
      end: time.short(last.publishedAt),
      summary,
      lede: lead.summary,
      source: { label: lead.title, url: routes.article(lead.slug).url, outlet: lead.outlet.name },
      timeline,
      coverage: [...covered, ...absent],
      headlines: timeline.filter((t) => t.firstOfOutlet),
    };
    return { story: s, page, entry, first, lead };
  });

  const storyList = paginate(built, ctx.config.pageSize, (n) => routes.stories(n)).map((chunk): StoryListPage => ({
    kind: 'storyList',
    ...ctx.base(chunk.route, '事件', chunk.number > 1 ? [ctx.home, listCrumb] : [ctx.home], `${ctx.config.title}：多家媒体报道的同一事件`, chunk.number),
    summary: `共 ${built.length.toLocaleString('en-US')} 个事件，每个至少两家媒体或三篇报道`,
    stories: chunk.items.map((b) => b.entry),
    ...(chunk.pagination ? { pagination: chunk.pagination } : {}),
    ...(ctx.options.feeds ? { feedUrl: routes.storiesFeed() } : {}),
  }));

  const storyOf = new Map<string, (typeof built)[number]>();
  for (const b of built) for (const id of b.story.articleIds) storyOf.set(id, b);
  const order = new Map(built.map((b, i) => [b, i]));
  return {
    story: built.map((b) => b.page),
    storyList,
    entries: built.map(({ entry, first, lead }) => ({ entry, first, lead })),
    articleStory(articleId) {
      const b = storyOf.get(articleId);
      if (!b) return undefined;
      const others = b.story.articleIds
        .filter((id) => id !== articleId)
        .map((id) => byId.get(id)!)
        .map((o) => ({ title: shortenTitle(o.title), url: routes.article(o.slug).url, outlet: o.outlet.name, time: time.short(o.publishedAt) }));
      return { title: b.entry.title, url: b.entry.url, summary: b.entry.summary, others };
    },
    storiesOf(articles) {
      const found = new Set<(typeof built)[number]>();
      for (const a of articles) {
        const b = storyOf.get(a.id);
        if (b) found.add(b);
      }
      return [...found].sort((x, y) => order.get(x)! - order.get(y)!).map((b) => b.entry);
    },
  };
}

/** Each outlet's publication times, sorted. */
function outletTimes(archive: Archive): Map<string, Float64Array> {
  return new Map(archive.outlets.map((g) => [g.key.key, Float64Array.from(g.articles, (a) => a.publishedAt).sort()]));
}

/** Whether a sorted list of times has one in [from, to]. */
function publishedBetween(times: Float64Array, from: number, to: number): boolean {
  const first = firstIndex(0, times.length, (i) => times[i]! < from);
  return first < times.length && times[first]! <= to;
}

/** The end of a span without what it shares with the start: 2020-07-22 → 2020-07-28 gives "7月28日". */
function shortDay(start: string, end: string): string {
  const [y, m, d] = end.split('-');
  if (start.slice(0, 4) !== y) return dateLabel(end);
  return start.slice(0, 7) === end.slice(0, 7) ? `${Number(d)}日` : `${Number(m)}月${Number(d)}日`;
}

/** At most `max` code points, with "…" when cut. */
function clip(text: string, max: number): string {
  const points = [...text.trim()];
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('')}…`;
}
