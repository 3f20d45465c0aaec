// How a row's delivery time is said on screen: in the operator's zone, with the recipient's own
// clock beside it when the recipient lives in another zone, and a short reason when it cannot be used.
import type { RowProblem, RowTime } from '../../../shared/delivery-time';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
    });
    formats.set(zone, f);
  }
  return f;
}

/** "Mon 7 Dec, 09:00" in `zone`; "—" for a value that is not a time. */
export function timeIn(iso: string, zone: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? '—'
    : formatFor(zone)
        .format(date)
        .replace(/^(\w+),? /, '$1 ');
}

/** The city part of a zone name: "Europe/Helsinki" → "Helsinki", "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

const SHORT: Record<RowProblem, string> = {
  unparseable: 'time unreadable',
  past: 'time past',
  'too-far': 'beyond 30 days',
};

export function problemWords(problem: RowProblem): string {
  return SHORT[problem];
}

export interface DeliveryCell {
  /** The delivery time in the operator's zone, or "—". */
  text: string;
  /** The recipient's own clock when their zone differs ("10:00 Helsinki time"). */
  local: string | null;
  /** A short reason when the row's time cannot be used as it is. */
  problem: string | null;
}

/** A row's delivery cell; a row never sent (null) shows "—". */
export function deliveryCell(t: RowTime | null, operatorZone: string): DeliveryCell {
  if (t === null) return { text: '—', local: null, problem: null };
  const sendAt = t.sendAt;
  const zone = t.zone;
  const text = sendAt === undefined ? '—' : timeIn(sendAt, operatorZone);
  const local =
    sendAt !== undefined && zone !== undefined && zone !== operatorZone
      ? `${timeIn(sendAt, zone)} ${zoneCity(zone)} time`
      : null;
  return { text, local, problem: t.ok ? null : problemWords(t.problem) };
}
