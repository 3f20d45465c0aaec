// A row's own delivery time in the report of a campaign delivered row by row: when (on the
// operator's clock) and where it stands: scheduled, kept in Omnicast, delivered, cancelled.
import type { MessageRow } from '../../../shared/types';
import { stateLabel } from '../../lib/format';
import { timeIn } from '../../lib/zone-time';

/** What became of the row, in the report's words; `now` decides whether a time is still ahead. */
export function rowDeliveryState(r: MessageRow, now: number): string {
  if (r.state === 'cancelled' || r.scheduleCancel === 'cancelled') return 'cancelled';
  if (r.state === 'skipped') return 'not sent';
  if (r.deliveryStatus === 'DELIVRD') return 'delivered';
  if (r.holdUntil && r.state === 'queued') return 'kept in Omnicast';
  if (r.state === 'accepted' && r.deliveryStatus === null && r.sendAt && Date.parse(r.sendAt) > now)
    return 'scheduled';
  return stateLabel(r.state);
}

/** "Mon 7 Dec, 09:00 · scheduled"; a row sent on submission shows its state alone. */
export function rowDeliveryText(r: MessageRow, zone: string, now: number): string {
  const state = rowDeliveryState(r, now);
  return r.sendAt ? `${timeIn(r.sendAt, zone)} · ${state}` : state;
}
