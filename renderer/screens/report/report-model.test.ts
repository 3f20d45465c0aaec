import { describe, expect, it } from 'vitest';
import {
  deliveryItems,
  deliveryTone,
  outcomeCards,
  stateItems,
  viewOfProgress,
  viewOfSummary,
} from './report-model';
import { counts, progress, summary } from '../../testing/results';
import { MESSAGE_STATES } from '../../../shared/types';
import { stateLabel } from '../../lib/format';

describe('stateItems', () => {
  it('has one item per state with the product word', () => {
    const items = stateItems(counts({ accepted: 5, failed: 2 }));
    expect(items.map((i) => i.key)).toEqual(MESSAGE_STATES);
    expect(items.map((i) => i.label)).toEqual(MESSAGE_STATES.map(stateLabel));
    expect(items.find((i) => i.key === 'failed')).toMatchObject({ count: 2, tone: 'bad' });
  });
});

describe('deliveryItems', () => {
  it('orders delivered first and unknown statuses last', () => {
    const items = deliveryItems({ ZZZ: 1, UNDELIV: 2, DELIVRD: 10, PENDING: 3 });
    expect(items.map((i) => i.key)).toEqual(['DELIVRD', 'PENDING', 'UNDELIV', 'ZZZ']);
    expect(items[0]?.tone).toBe('ok');
    expect(items[2]?.tone).toBe('bad');
  });
});

describe('live view', () => {
  it('keeps the last error groups when a summary replaces progress', () => {
    const errors = [{ code: '105', title: 'Invalid data', count: 1, explanation: 'x' }];
    const live = viewOfProgress(progress({ errors, stopReason: 'Wrong password', status: 'paused' }));
    const next = viewOfSummary(summary({ status: 'paused' }), live);
    expect(next.errors).toEqual(errors);
    expect(next.stopReason).toBe('Wrong password');
    expect(viewOfSummary(summary({ status: 'sending' }), live).stopReason).toBeNull();
  });
});

describe('deliveryTone', () => {
  it('is ok for DELIVRD, danger for final failures, and null otherwise', () => {
    expect(deliveryTone('DELIVRD')).toBe('ok');
    for (const s of ['UNDELIV', 'FAILED', 'REJECTD', 'EXPIRED', 'NACK'])
      expect(deliveryTone(s), s).toBe('danger');
    for (const s of [null, 'ACK', 'SENT', 'PENDING', 'delivrd'])
      expect(deliveryTone(s), String(s)).toBeNull();
  });
});

describe('outcome cards', () => {
  it('put every message on one card: delivered, not delivered, awaiting, refused, unknown, not sent', () => {
    const rows = counts({ accepted: 1_292, failed: 3, unknown: 2, queued: 5, skipped: 7 });
    const cards = outcomeCards(rows, {
      DELIVRD: 1_190,
      UNDELIV: 60,
      EXPIRED: 20,
      FAILED: 10,
      REJECTD: 4,
      ACK: 8,
    });
    expect(cards.map((c) => [c.label, c.count])).toEqual([
      ['Delivered', 1_190],
      ['Not delivered', 94],
      ['Awaiting delivery status', 8],
      ['Refused by Messente', 3],
      ['Unknown', 2],
      ['Not sent yet', 5],
    ]);
    // Skipped rows are never sent: the cards add up to every other row.
    expect(cards.reduce((sum, c) => sum + c.count, 0)).toBe(1_292 + 3 + 2 + 5);
  });

  it('show cancelled rows only when there are some, and no statuses yet as awaiting', () => {
    const cards = outcomeCards(counts({ accepted: 4, cancelled: 6 }), null);
    expect(cards.find((c) => c.key === 'awaiting')?.count).toBe(4);
    expect(cards.at(-1)).toMatchObject({ label: 'Cancelled', count: 6 });
  });
});
