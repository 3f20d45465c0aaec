import { describe, expect, it } from 'vitest';
import { rowDeliveryState, rowDeliveryText } from './row-delivery';
import { row } from '../../testing/results';

// Saturday 5 December 2026, 12:00 UTC.
const NOW = Date.UTC(2026, 11, 5, 12, 0);
const AHEAD = '2026-12-07T07:00:00Z';
const PAST = '2026-12-05T07:00:00Z';

describe("a row's own delivery in the report", () => {
  it('is scheduled while Messente holds it, delivered once reported, cancelled once taken back', () => {
    expect(rowDeliveryState(row(1, 'accepted', { sendAt: AHEAD }), NOW)).toBe('scheduled');
    expect(rowDeliveryState(row(1, 'accepted', { sendAt: PAST, deliveryStatus: 'DELIVRD' }), NOW)).toBe(
      'delivered',
    );
    expect(rowDeliveryState(row(1, 'accepted', { sendAt: AHEAD, scheduleCancel: 'cancelled' }), NOW)).toBe(
      'cancelled',
    );
    expect(rowDeliveryState(row(1, 'cancelled', { sendAt: AHEAD }), NOW)).toBe('cancelled');
  });

  it('says a row kept in Omnicast beyond the window, a row not sent, and otherwise its state', () => {
    expect(
      rowDeliveryState(
        row(1, 'queued', { sendAt: '2027-02-01T08:00:00Z', holdUntil: '2027-01-02T08:00:00Z' }),
        NOW,
      ),
    ).toBe('kept in Omnicast');
    expect(rowDeliveryState(row(1, 'skipped'), NOW)).toBe('not sent');
    expect(rowDeliveryState(row(1, 'accepted', { sendAt: PAST }), NOW)).toBe('accepted');
    expect(rowDeliveryState(row(1, 'failed', { sendAt: AHEAD }), NOW)).toBe('failed');
  });

  it("puts the time on the operator's clock before the state", () => {
    expect(rowDeliveryText(row(1, 'accepted', { sendAt: AHEAD }), 'Europe/Tallinn', NOW)).toBe(
      'Mon 7 Dec, 09:00 · scheduled',
    );
    expect(rowDeliveryText(row(1, 'skipped'), 'Europe/Tallinn', NOW)).toBe('not sent');
  });
});
