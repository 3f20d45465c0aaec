import { describe, expect, it } from 'vitest';
import { deliveryItems, deliveryTone, stateItems, viewOfProgress, viewOfSummary } from './report-model';
import { counts, progress, summary } from './test-api';

describe('stateItems', () => {
  it('has one item per state with the product word', () => {
    const items = stateItems(counts({ accepted: 5, failed: 2 }));
    expect(items.map((i) => i.label)).toEqual([
      'skipped',
      'queued',
      'sending',
      'accepted',
      'failed',
      'unknown',
      'cancelled',
    ]);
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
