import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import type { Archive } from '../archive/archive.ts';
import type { ListOptions, ListRoutes } from './build-list-pages.ts';
import type { SiteContext } from './make-site-context.ts';
import type { GroupListPage, IndexPage, Link, PartLink, RedirectPage } from './site-model.ts';

/** How build-site.ts makes the pages of one list (buildListPages, with its stories). */
export type ListPagesOf = (articles: readonly Readonly<Article>[], routes: ListRoutes, options: ListOptions) => { pages: IndexPage[]; redirects: RedirectPage[] };

export interface TopicPages {
  readonly topicList: GroupListPage;
  /** Each topic's pages, then its pages filtered to one outlet (section). */
  readonly topic: IndexPage[];
  readonly redirect: RedirectPage[];
}

/**
 * The topics index (topics with their counts and how many outlets they come from), each topic's
 * paginated list with the outlets · sections it draws on (each a filtered list, static pages so no
 * script is needed), and redirect pages for topic URLs of earlier taxonomies.
 */
export function buildTopicPages(ctx: SiteContext, archive: Archive, feeds: boolean, listPages: ListPagesOf): TopicPages {
  const { routes } = ctx;
  const topicsRoute = routes.topics();
  const topicsCrumb: Link = { label: '话题', url: topicsRoute.url };
  const topic: IndexPage[] = [];
  const redirect: RedirectPage[] = [];
  const v01Counts = countBySectionLabel(archive.articles);
  for (const group of archive.topics) {
    const { slug, label } = group.key;
    const own: Link = { label, url: routes.topic(slug).url };
    const parts = partsOf(group.articles);
    // Counts (and the largest-first order) only on the topic's first page: on its numbered pages, which
    // stay put as the archive grows, they would change every page of the topic when one article is added.
    const byLabel = [...parts].sort((a, b) => compare(a.label, b.label) || compare(a.key, b.key));
    const links = (current: string | undefined, counted: boolean): PartLink[] =>
      parts.length < 2
        ? []
        : [
            { label: '全部', url: own.url, ...(counted ? { count: group.articles.length } : {}), current: current === undefined },
            ...(counted ? parts : byLabel).map((p) => ({ label: p.label, url: routes.topicPart(slug, p.key).url, ...(counted ? { count: p.articles.length } : {}), current: current === p.key })),
          ];
    const first = (page: IndexPage): boolean => (page.pagination?.current ?? 0) === 0;
    const v01 = V01_TOPIC_LABELS[slug];
    const old = v01 === undefined ? {} : { old: (n: number) => routes.topic(slug, n), oldArticles: v01Counts.get(v01) ?? 0 };
    const main = listPages(group.articles, { first: routes.topic(slug), numbered: (n) => routes.topicPage(slug, n), ...old }, {
      heading: label,
      trail: [ctx.home, topicsCrumb],
      ...(feeds ? { feedUrl: routes.topicFeed(slug) } : {}),
    });
    redirect.push(...main.redirects);
    // Once per topic (and per part below), not once per page: a big topic has thousands of pages.
    const outlets = outletCount(group.articles);
    const allLinks = [links(undefined, false), links(undefined, true)] as const;
    topic.push(...main.pages.map((page) => ({ ...page, summary: `${page.summary}，来自 ${outlets} 家媒体`, parts: allLinks[first(page) ? 1 : 0] })));
    if (parts.length < 2) continue;
    for (const part of parts) {
      const { pages } = listPages(part.articles, { first: routes.topicPart(slug, part.key), numbered: (n) => routes.topicPartPage(slug, part.key, n) }, {
        heading: `${label} · ${part.label}`,
        trail: [ctx.home, topicsCrumb, own],
      });
      // Filtered pages never show counts: one more article in a topic would change every one of them.
      const partLinks = links(part.key, false);
      topic.push(...pages.map((page) => ({ ...page, parts: partLinks })));
    }
  }
  const topicList: GroupListPage = {
    kind: 'topicList',
    ...ctx.base(topicsRoute, '话题', [ctx.home]),
    items: archive.topics.map((g) => ({
      label: g.key.label,
      url: routes.topic(g.key.slug).url,
      count: g.articles.length,
      note: `来自 ${outletCount(g.articles)} 家媒体`,
    })),
  };
  return { topicList, topic, redirect: [...redirect, ...redirects(ctx, archive)] };
}

/**
 * The topic slugs v0.1 published that are still topics, with the label v0.1 gave them. v0.1 filed an
 * article under its outlet's section label (no section: 综合), so its `/topics/<slug>/page/<n>/`
 * pages numbered the articles whose section has that label, not today's topic: those are the only
 * old page addresses a topic keeps redirects for. Topics new since v0.1 never had `page/<n>/`.
 */
const V01_TOPIC_LABELS: Readonly<Record<string, string>> = {
  china: '中国', 'hk-macau-taiwan': '港澳台', usa: '美国', 'asia-pacific': '亚太', europe: '欧洲', international: '国际',
  economy: '经济', technology: '科技', health: '健康', society: '社会', 'human-rights': '人权', environment: '环境',
  culture: '文化', sports: '体育', general: '综合',
};

/** Articles per v0.1 topic label: their section's label, 综合 without one. */
function countBySectionLabel(articles: readonly Readonly<Article>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles) {
    const label = a.section?.label ?? '综合';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

interface Part {
  readonly key: string;
  readonly label: string;
  readonly articles: Readonly<Article>[];
}

/** A topic's articles by outlet and section, the largest first (ties by label). */
function partsOf(articles: readonly Readonly<Article>[]): Part[] {
  const parts = new Map<string, Part>();
  for (const a of articles) {
    const key = a.section === undefined || a.section.key === '' ? a.outlet.key : `${a.outlet.key}-${sectionSlug(a.section.key)}`;
    let part = parts.get(key);
    if (part === undefined) {
      const label = a.section === undefined || a.section.key === '' ? a.outlet.name : `${a.outlet.name} · ${a.section.label}`;
      parts.set(key, (part = { key, label, articles: [] }));
    }
    part.articles.push(a);
  }
  return [...parts.values()].sort((a, b) => b.articles.length - a.articles.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** An ASCII section key as it is (`chinese-news`), any other as 8 hex digits of its sha256. */
function sectionSlug(key: string): string {
  return /^[a-z0-9-]{1,40}$/.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function outletCount(articles: readonly Readonly<Article>[]): number {
  return new Set(articles.map((a) => a.outlet.key)).size;
}

/** Old topic slugs without a page of their own lead to their topic now, or to the topics index. */
function redirects(ctx: SiteContext, archive: Archive): RedirectPage[] {
  const { routes } = ctx;
  const live = new Set(archive.topics.map((g) => g.key.slug));
  const labels = new Map(archive.topics.map((g) => [g.key.slug, g.key.label]));
  const wanted = [...archive.taxonomy.redirects, { from: archive.taxonomy.fallback.slug }];
  const seen = new Set<string>();
  const pages: RedirectPage[] = [];
  for (const { from, to } of wanted) {
    if (live.has(from) || seen.has(from)) continue;
    seen.add(from);
    const target: Link = to !== undefined && live.has(to) ? { label: labels.get(to)!, url: routes.topic(to).url } : { label: '话题', url: routes.topics().url };
    const base = ctx.base(routes.topic(from), target.label, [ctx.home], `此话题已并入「${target.label}」`);
    pages.push({ kind: 'redirect', ...base, noindex: true, target, targetCanonical: ctx.canonical(target.url), note: '这个话题已并入' });
  }
  return pages;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
