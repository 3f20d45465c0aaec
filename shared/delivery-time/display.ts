// A row's appointment in its recipient's words (time, date, weekday), and the hourly counts the
// preview draws: both on Intl's data, so each language reads as its speakers write it.
import { DateTime } from 'luxon';

const OPTIONS: Record<'time' | 'date' | 'weekday', Intl.DateTimeFormatOptions> = {
  time: { hour: 'numeric', minute: '2-digit' },
  date: { day: 'numeric', month: 'long' },
  weekday: { weekday: 'long' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'time' | 'date' | 'weekday', locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${kind} ${locale} ${zone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...OPTIONS[kind], timeZone: zone });
    formatters.set(key, format);
  }
  return format;
}

/**
 * `appointment` (ISO 8601) as the recipient reads it: 'time' "9:05" (fi "9.05", en "9:05 AM"),
 * 'date' "4. mai" (en "May 4"), 'weekday' "esmaspäev" (en "Monday"), in `locale` and `zone`.
 * An appointment that does not read as a time is returned as it is.
 */
export function formatAppointment(
  appointment: string,
  kind: 'time' | 'date' | 'weekday',
  locale: string,
  zone: string,
): string {
  const at = Date.parse(appointment);
  if (Number.isNaN(at)) return appointment;
  // Newer ICU data puts a narrow no-break space before "AM": outside GSM-7, it would turn a whole
  // English message into UCS-2 for the sake of one invisible character.
  return formatter(kind, locale, zone)
    .format(at)
    .replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * How many of `sendAts` (UTC ISO) fall in each hour of `zone`'s clock, by hour from the first to the
 * last, hours with none included. `hour` is the hour's start, ISO with its offset
 * ('2026-05-04T09:00+03:00'), so a repeated hour on a fall-back night shows twice.
 */
export function messagesPerHour(sendAts: readonly string[], zone: string): { hour: string; count: number }[] {
  const counts = new Map<number, number>();
  for (const sendAt of sendAts) {
    const moment = DateTime.fromISO(sendAt, { zone });
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
  for (let hour = DateTime.fromMillis(first, { zone }); hour.toMillis() <= last;) {
    const key = hour.toMillis();
    result.push({
      hour: hour.toISO({ suppressMilliseconds: true, suppressSeconds: true })!,
      count: counts.get(key) ?? 0,
    });
    hour = hour.plus({ hours: 1 }).startOf('hour');
  }
  return result;
}
