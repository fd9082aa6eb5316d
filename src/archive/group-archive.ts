import type { Article, Outlet, Topic } from '../article/article.ts';
import type { Group, YearGroup, MonthGroup, DayGroup } from './archive.ts';
import type { Taxonomy } from './resolve-taxonomy.ts';

const collator = new Intl.Collator('zh-CN');

export interface Grouped {
  readonly articles: readonly Readonly<Article>[];
  readonly topics: readonly Group<Topic>[];
  readonly outlets: readonly Group<Outlet>[];
  readonly years: readonly YearGroup[];
}

/**
 * Sorts articles newest first (ties by id) and groups them by topic (in taxonomy order; an article
 * with a second topic is in both; topics without articles left out), outlet (sorted by name) and
 * year → month → day (newest first, from article.keys). Deterministic.
 */
export function groupArchive(input: readonly Readonly<Article>[], taxonomy: Pick<Taxonomy, 'topics'>): Grouped {
  const articles = [...input].sort(byNewest);
  const bySlug = new Map<string, Readonly<Article>[]>();
  for (const article of articles) {
    getOrSet(bySlug, article.topic.slug, () => []).push(article);
    if (article.secondTopic !== undefined) getOrSet(bySlug, article.secondTopic.slug, () => []).push(article);
  }
  const topics = taxonomy.topics.flatMap((key) => {
    const list = bySlug.get(key.slug);
    return list === undefined ? [] : [{ key, articles: list }];
  });
  const outlets = groupBy(articles, (a) => a.outlet.key, (a) => a.outlet).sort(
    (a, b) => collator.compare(a.key.name, b.key.name) || plain(a.key.key, b.key.key),
  );
  return { articles, topics, outlets, years: groupByYear(articles) };
}

function groupByYear(articles: readonly Readonly<Article>[]): YearGroup[] {
  const years = new Map<string, Map<string, Map<string, Readonly<Article>[]>>>();
  for (const article of articles) {
    const { year, month, day } = article.keys;
    const months = getOrSet(years, year, () => new Map<string, Map<string, Readonly<Article>[]>>());
    const days = getOrSet(months, month, () => new Map<string, Readonly<Article>[]>());
    getOrSet(days, day, () => []).push(article);
  }
  return sortedKeysDesc(years).map((year): YearGroup => {
    const months = sortedKeysDesc(years.get(year)!).map((month): MonthGroup => {
      const dayMap = years.get(year)!.get(month)!;
      const days = sortedKeysDesc(dayMap).map((day): DayGroup => ({ day, articles: dayMap.get(day)! }));
      return { month, days, count: days.reduce((n, d) => n + d.articles.length, 0) };
    });
    return { year, months, count: months.reduce((n, m) => n + m.count, 0) };
  });
}

/** Groups keep the order of `articles` (already newest first). */
function groupBy<K>(articles: readonly Readonly<Article>[], id: (a: Readonly<Article>) => string, key: (a: Readonly<Article>) => K): Group<K>[] {
  const groups = new Map<string, { key: K; articles: Readonly<Article>[] }>();
  for (const article of articles) getOrSet(groups, id(article), () => ({ key: key(article), articles: [] })).articles.push(article);
  return [...groups.values()];
}

function byNewest(a: Readonly<Article>, b: Readonly<Article>): number {
  return b.publishedAt - a.publishedAt || plain(a.id, b.id);
}

function sortedKeysDesc(map: Map<string, unknown>): string[] {
  return [...map.keys()].sort((a, b) => plain(b, a));
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function plain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
