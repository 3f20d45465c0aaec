import { describe, expect, it } from 'vitest';
import { messagesPerHour } from './per-hour';

describe('messagesPerHour', () => {
  it('counts per hour of the zone’s clock, sorted, with the empty hours between', () => {
    const sendAts = [
      '2026-05-04T06:10:00Z',
      '2026-05-04T05:59:00Z',
      '2026-05-04T06:00:00Z',
      '2026-05-04T08:30:00Z',
    ];
    expect(messagesPerHour(sendAts, 'Europe/Tallinn')).toEqual([
      { hour: '2026-05-04T08:00+03:00', count: 1 },
      { hour: '2026-05-04T09:00+03:00', count: 2 },
      { hour: '2026-05-04T10:00+03:00', count: 0 },
      { hour: '2026-05-04T11:00+03:00', count: 1 },
    ]);
  });
  it('shows a repeated hour twice on the night the clocks go back', () => {
    const sendAts = ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'];
    expect(messagesPerHour(sendAts, 'Europe/Tallinn')).toEqual([
      { hour: '2026-10-25T03:00+03:00', count: 1 },
      { hour: '2026-10-25T03:00+02:00', count: 1 },
    ]);
  });
  it('has no hours for no messages, and skips what is not a time', () => {
    expect(messagesPerHour([], 'Europe/Tallinn')).toEqual([]);
    expect(messagesPerHour(['x', '2026-05-04T06:10:00Z'], 'UTC')).toEqual([
      { hour: '2026-05-04T06:00Z', count: 1 },
    ]);
  });
});
