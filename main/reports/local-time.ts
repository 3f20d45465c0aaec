// A row's delivery time as the operator's spreadsheet and terminal show it: the recipient's local
// time with its UTC offset ("2026-03-28T10:00+02:00"), so that it reads as the clock on the wall
// and still names one instant.
import { DateTime } from 'luxon';

/** `utc` (ISO-8601) in `zone`, to the minute, with its offset; the UTC text itself if either is unknown. */
export function localTime(utc: string, zone: string | null): string {
  const at = DateTime.fromISO(utc, { zone: zone ?? 'UTC' });
  if (!at.isValid) return utc;
  return at.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: true }) ?? utc;
}
