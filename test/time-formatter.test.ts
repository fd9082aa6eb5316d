/**
 * makeTimeFormatter (src/site/make-time-formatter.ts) takes a zone's offset once per UTC day when the
 * day starts and ends with the same one: instants around DST changes must still get date-fns's own
 * local time and offset.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import { makeTimeFormatter } from '../src/site/make-time-formatter.ts';

test('local times and offsets equal date-fns around DST changes, in zones with and without them', () => {
  const instants: number[] = [];
  // Every 7 minutes across the days of the 2023 changes in New York (Mar 12, Nov 5), Berlin (Mar 26, Oct 29) and Lord Howe (half-hour change, Apr 2).
  for (const day of [Date.UTC(2023, 2, 11), Date.UTC(2023, 2, 25), Date.UTC(2023, 3, 1), Date.UTC(2023, 9, 28), Date.UTC(2023, 10, 4)]) {
    for (let ms = day; ms < day + 3 * 86_400_000; ms += 7 * 60_000 + 13_000) instants.push(ms);
  }
  for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Shanghai', 'UTC']) {
    const time = makeTimeFormatter(zone);
    for (const ms of instants) {
      const expected = format(new TZDate(ms, zone), "yyyy-MM-dd'T'HH:mm:ssXXX");
      assert.equal(time.full(ms).iso, expected, `${zone} ${new Date(ms).toISOString()}`);
      assert.equal(time.dayKey(ms), expected.slice(0, 10));
    }
  }
});
