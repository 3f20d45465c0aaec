// The preview's chart: how many messages go out in each hour of the operator's clock.
import { DateTime } from 'luxon';
import { rememberingZone } from './zone-cache';

/**
 * How many of `sendAts` (UTC ISO) fall in each hour of `zone`'s clock, by hour from the first to the
 * last, hours with none included. `hour` is the hour's start, ISO with its offset
 * ('2026-05-04T09:00+03:00'), so a repeated hour on a fall-back night shows twice.
 */
export function messagesPerHour(sendAts: readonly string[], zone: string): { hour: string; count: number }[] {
  const clock = rememberingZone(zone) ?? zone;
  const counts = new Map<number, number>();
  for (const sendAt of sendAts) {
    const moment = DateTime.fromISO(sendAt, { zone: clock });
    if (!moment.isValid) continue;
    const hour = moment.startOf('hour').toMillis();
    counts.set(hour, (counts.get(hour) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const hour of counts.keys()) {
    first = Math.min(first, hour);
    last = Math.max(last, hour);
  }
  const result: { hour: string; count: number }[] = [];
  for (let hour = DateTime.fromMillis(first, { zone: clock }); hour.toMillis() <= last;) {
    const key = hour.toMillis();
    result.push({
      hour: hour.toISO({ suppressMilliseconds: true, suppressSeconds: true })!,
      count: counts.get(key) ?? 0,
    });
    hour = hour.plus({ hours: 1 }).startOf('hour');
  }
  return result;
}
