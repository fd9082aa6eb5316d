import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DayKeys } from './article.ts';

/** Year, month and day keys of a Unix-ms instant in an IANA time zone (1693421125000 → 2023-08-31 in Asia/Shanghai). */
export function dayKeys(ms: number, timeZone: string): DayKeys {
  const day = format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
  return { year: day.slice(0, 4), month: day.slice(0, 7), day };
}
