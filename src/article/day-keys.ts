import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DayKeys } from './article.ts';

/** Year, month and day keys of a Unix-ms instant in an IANA time zone (1693421125000 → 2023-08-31 in Asia/Shanghai). */
export function dayKeys(ms: number, timeZone: string): DayKeys {
  const date = new TZDate(ms, timeZone);
  return { year: format(date, 'yyyy'), month: format(date, 'yyyy-MM'), day: format(date, 'yyyy-MM-dd') };
}
