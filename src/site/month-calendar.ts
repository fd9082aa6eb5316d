import type { CalendarCell, MonthCalendar } from './site-model.ts';

/**
 * A month as weeks of seven days, Monday first, each day with its article count and a volume
 * level 0–4 relative to `max` (the busiest day of the page's range).
 */
export function monthCalendar(
  month: string, // "2023-08"
  counts: ReadonlyMap<string, number>, // day key → articles
  max: number,
  dayUrl: (day: string) => string,
  monthUrl?: string,
): MonthCalendar {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const length = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, mon - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (CalendarCell | null)[] = Array.from({ length: lead }, () => null);
  let total = 0;
  for (let d = 1; d <= length; d++) {
    const key = `${month}-${String(d).padStart(2, '0')}`;
    const count = counts.get(key) ?? 0;
    total += count;
    cells.push({
      day: d,
      count,
      level: count === 0 || max <= 0 ? 0 : Math.min(4, Math.ceil((4 * count) / max)),
      ...(count > 0 ? { url: dayUrl(key) } : {}),
      label: `${mon}月${d}日：${count} 篇`,
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { label: `${year}年${mon}月`, ...(monthUrl ? { url: monthUrl } : {}), count: total, weeks };
}

export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;
