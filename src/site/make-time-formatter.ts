import { format } from 'date-fns/format'; // subpaths: the package index loads every function (~0.4 s)
import { TZDate, tzOffset } from '@date-fns/tz';
import { zhCN } from 'date-fns/locale/zh-CN'; // and every locale (~0.3 s)
import type { TimeModel } from './site-model.ts';

/** Formats instants in one IANA zone (zh-CN), e.g. `2023年8月31日 02:45 (GMT+8)`. */
export interface TimeFormatter {
  /** Date and time with the zone, for article pages. */
  full(ms: number): TimeModel;
  /** Date and time without the zone, for lists. */
  short(ms: number): TimeModel;
  /** `yyyy-MM-dd` in the zone (to check day keys against). */
  dayKey(ms: number): string;
}

/**
 * date-fns formatting through TZDate costs ~80 µs an instant, too slow for 100,000 articles; so the
 * zone offset comes from @date-fns/tz's fast `tzOffset`, the date and zone labels are formatted by
 * date-fns once per distinct day and offset (cached), and only hours and minutes are computed here.
 */
export function makeTimeFormatter(timeZone: string): TimeFormatter {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch (cause) {
    throw new Error(`unknown time zone ${JSON.stringify(timeZone)}: use an IANA name like "Asia/Shanghai"`, { cause });
  }
  const dateLabels = new Map<string, string>();
  const zoneLabels = new Map<number, string>();
  const memo = new Map<number, Parts>();
  // The offset of each UTC day whose start and end have the same one (a zone changes its offset at
  // most twice a year): one pair of tzOffset calls a day instead of one per instant (~40 ms at
  // 10,000 articles); a day with a change in it asks tzOffset for each instant.
  const dayOffsets = new Map<number, number | undefined>();
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let offset = dayOffsets.get(day);
    if (offset === undefined && !dayOffsets.has(day)) {
      const start = tzOffset(timeZone, new Date(day * DAY_MS));
      offset = start === tzOffset(timeZone, new Date(day * DAY_MS + DAY_MS - 1)) ? start : undefined;
      dayOffsets.set(day, offset);
    }
    return offset ?? tzOffset(timeZone, new Date(ms));
  };
  const parts = (ms: number): Parts => {
    const known = memo.get(ms);
    if (known) return known;
    const offset = offsetAt(ms); // minutes east of UTC
    const local = new Date(ms + offset * 60_000);
    const stamp = local.toISOString(); // "2023-08-31T02:45:25.000Z", in local time
    const day = stamp.slice(0, 10);
    const time = stamp.slice(11, 16);
    const seconds = stamp.slice(16, 19);
    let dateLabel = dateLabels.get(day);
    if (dateLabel === undefined) {
      dateLabel = format(new TZDate(ms, timeZone), 'yyyy年M月d日', { locale: zhCN });
      dateLabels.set(day, dateLabel);
    }
    const iso = `${day}T${time}${seconds}${offset === 0 ? 'Z' : offsetText(offset)}`;
    const result = { offset, day, time, dateLabel, iso };
    memo.set(ms, result);
    return result;
  };
  const zoneLabel = (ms: number, offset: number) => {
    let label = zoneLabels.get(offset);
    if (label === undefined) {
      label = format(new TZDate(ms, timeZone), 'O');
      zoneLabels.set(offset, label);
    }
    return label;
  };
  return {
    full(ms) {
      const p = parts(ms);
      return { display: `${p.dateLabel} ${p.time} (${zoneLabel(ms, p.offset)})`, iso: p.iso };
    },
    short(ms) {
      const p = parts(ms);
      return { display: `${p.dateLabel} ${p.time}`, iso: p.iso };
    },
    dayKey: (ms) => parts(ms).day,
  };
}

const DAY_MS = 86_400_000;

interface Parts {
  readonly offset: number;
  readonly day: string;
  readonly time: string;
  readonly dateLabel: string;
  readonly iso: string;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
