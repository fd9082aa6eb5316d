import type { Archive } from '../archive/archive.ts';
import type { GroupListPage, Link, MonthPage, YearPage } from './site-model.ts';
import type { SiteContext } from './make-site-context.ts';
import { dateLabel, dateTrail } from './date-trail.ts';
import { monthCalendar } from './month-calendar.ts';

/** The years page, one page per year (twelve small calendars) and one per month (a calendar). */
export function buildCalendarPages(ctx: SiteContext, archive: Archive): { archivePage: GroupListPage; year: YearPage[]; month: MonthPage[] } {
  const { routes } = ctx;
  const archivePage: GroupListPage = {
    kind: 'archive',
    ...ctx.base(routes.archive(), '归档', [ctx.home]),
    items: archive.years.map((y) => ({ label: dateLabel(y.year), url: routes.year(y.year).url, count: y.count })),
  };
  const dayUrl = (day: string) => routes.day(day).url;
  const link = (key: string | undefined, url: (k: string) => string): Link | undefined => (key ? { label: dateLabel(key), url: url(key) } : undefined);

  const year = archive.years.map((y, i): YearPage => {
    const counts = new Map<string, number>();
    for (const m of y.months) for (const d of m.days) counts.set(d.day, d.articles.length);
    const max = Math.max(0, ...counts.values());
    const present = new Set(y.months.map((m) => m.month));
    const months = Array.from({ length: 12 }, (_, k) => {
      const key = `${y.year}-${String(k + 1).padStart(2, '0')}`;
      return monthCalendar(key, counts, max, dayUrl, present.has(key) ? routes.month(key).url : undefined);
    });
    const newer = link(archive.years[i - 1]?.year, (k) => routes.year(k).url);
    const older = link(archive.years[i + 1]?.year, (k) => routes.year(k).url);
    return {
      kind: 'year',
      ...ctx.base(routes.year(y.year), dateLabel(y.year), dateTrail(ctx, y.year).slice(0, -1)),
      summary: `共 ${y.count.toLocaleString('en-US')} 篇`,
      months,
      ...(newer ? { newer } : {}),
      ...(older ? { older } : {}),
    };
  });

  const allMonths = archive.years.flatMap((y) => y.months);
  const month = allMonths.map((m, i): MonthPage => {
    const counts = new Map(m.days.map((d) => [d.day, d.articles.length] as const));
    const max = Math.max(0, ...counts.values());
    const newer = link(allMonths[i - 1]?.month, (k) => routes.month(k).url);
    const older = link(allMonths[i + 1]?.month, (k) => routes.month(k).url);
    return {
      kind: 'month',
      ...ctx.base(routes.month(m.month), dateLabel(m.month), dateTrail(ctx, m.month).slice(0, -1)),
      summary: `共 ${m.count.toLocaleString('en-US')} 篇，${m.days.length} 天有文章`,
      calendar: monthCalendar(m.month, counts, max, dayUrl),
      ...(newer ? { newer } : {}),
      ...(older ? { older } : {}),
    };
  });
  return { archivePage, year, month };
}
