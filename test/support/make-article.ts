/**
 * Test data for the site: `makeArticle` fills every Article field with something plausible,
 * `makeArchive` groups articles exactly as src/archive/archive.ts documents (newest first, ties by
 * id; topics by label in zh collation; outlets by name; years/months/days newest first).
 */
import { createHash } from 'node:crypto';
import type { Article, Outlet, Topic } from '../../src/article/article.ts';
import type { Archive, DayGroup, Group, MonthGroup, YearGroup } from '../../src/archive/archive.ts';
import { resolveTaxonomy } from '../../src/archive/resolve-taxonomy.ts';

let counter = 0;

export interface MakeArticleOptions {
  /** Zone the day keys are computed in (default Asia/Shanghai). */
  readonly timeZone?: string;
}

export function makeArticle(given: Partial<Article> = {}, options: MakeArticleOptions = {}): Article {
  const overrides = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<Article>;
  const n = counter++;
  const url = overrides.url ?? `https://www.rfi.fr/cn/中国/2023083${n}-story-${n}`;
  const id = overrides.id ?? createHash('sha256').update(url).digest('hex').slice(0, 16);
  const publishedAt = overrides.publishedAt ?? 1693421125000 - n * 3_600_000;
  const title = overrides.title ?? `测试文章 ${n}`;
  const text = overrides.text ?? `第 ${n} 篇文章的正文。`.repeat(20);
  const bodyHtml = overrides.bodyHtml ?? `<p>${text}</p>`;
  const base: Article = {
    id,
    slug: id,
    url,
    canonicalUrl: url,
    outlet: { key: 'rfi', name: '法国国际广播电台' },
    topic: { label: '中国', slug: 'zhong-guo' },
    placement: { by: 'section', confidence: 1, uncertain: false },
    title,
    publishedAt,
    keys: dayKeys(publishedAt, options.timeZone ?? 'Asia/Shanghai'),
    lead: text.slice(0, 80),
    summary: text.slice(0, 60),
    bodyHtml,
    text,
    readingMinutes: Math.max(1, Math.round(text.length / 400)),
    sourcePath: `content/rfi/${publishedAt}-${id}.md`,
    contentHash: createHash('sha256').update(bodyHtml).digest('hex'),
    captures: [],
  };
  const article = { ...base, ...overrides };
  const captures = overrides.captures ?? [
    { capturedAt: publishedAt, title, text, bodyHtml, sourcePath: article.sourcePath, contentHash: article.contentHash },
  ];
  return { ...article, captures };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dayKeys(ms: number, timeZone: string): Article['keys'] {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  const day = f.format(ms);
  return { year: day.slice(0, 4), month: day.slice(0, 7), day };
}

export function makeArchive(articles: readonly Article[]): Archive {
  const sorted = [...articles].sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const collator = new Intl.Collator('zh');
  const topics = groupBy(sorted, (a) => a.topic.slug, (a) => a.topic).sort((a, b) => collator.compare(a.key.label, b.key.label));
  const outlets = groupBy(sorted, (a) => a.outlet.key, (a) => a.outlet).sort((a, b) => collator.compare(a.key.name, b.key.name));
  const years: YearGroup[] = groupBy(sorted, (a) => a.keys.year, (a) => a.keys.year).map(({ key: year, articles: inYear }) => {
    const months: MonthGroup[] = groupBy(inYear, (a) => a.keys.month, (a) => a.keys.month).map(({ key: month, articles: inMonth }) => {
      const days: DayGroup[] = groupBy(inMonth, (a) => a.keys.day, (a) => a.keys.day).map((g) => ({ day: g.key, articles: g.articles }));
      return { month, days, count: inMonth.length };
    });
    return { year, months, count: inYear.length };
  });
  const taxonomy = { ...resolveTaxonomy(), topics: topics.map((g) => g.key) };
  return { articles: sorted, topics, outlets, years, taxonomy, rejected: [], warnings: [], duplicatesMerged: 0, filesRead: sorted.length };
}

/** Groups in order of first appearance (so newest first when the input is). */
function groupBy<K extends Topic | Outlet | string>(articles: readonly Article[], id: (a: Article) => string, key: (a: Article) => K): Group<K>[] {
  const groups = new Map<string, { key: K; articles: Article[] }>();
  for (const a of articles) {
    const g = groups.get(id(a));
    if (g) g.articles.push(a);
    else groups.set(id(a), { key: key(a), articles: [a] });
  }
  return [...groups.values()];
}
