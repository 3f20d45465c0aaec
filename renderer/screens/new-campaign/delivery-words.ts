// How a row's delivery time is said on screen: in the operator's zone, with the recipient's own
// clock beside it when the recipient lives in another zone, and a short reason when it cannot be used.
import type { RowProblem, RowTime } from '../../../shared/delivery-time';
import { timeIn, zoneCity } from '../../lib/zone-time';

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
