import { describe, expect, it } from 'vitest';
import { deliveryCell } from './delivery-words';

describe('delivery words', () => {
  it("adds the recipient's own clock only when their zone differs from the operator's", () => {
    const base = { appointment: '2026-12-07T09:00:00+02:00', locale: 'et', movedByQuietHours: false };
    const same = deliveryCell(
      { ok: true, ...base, sendAt: '2026-12-07T07:00:00Z', zone: 'Europe/Tallinn' },
      'Europe/Tallinn',
    );
    expect(same).toEqual({ text: 'Mon 7 Dec, 09:00', local: null, problem: null });
    const other = deliveryCell(
      { ok: true, ...base, sendAt: '2026-12-07T07:00:00Z', zone: 'America/New_York' },
      'Europe/Tallinn',
    );
    expect(other.local).toBe('Mon 7 Dec, 02:00 New York time');
  });

  it('gives a short reason for a row whose time cannot be used, and a dash for a row never sent', () => {
    expect(deliveryCell({ ok: false, problem: 'unparseable', message: 'x' }, 'Europe/Tallinn')).toEqual({
      text: '—',
      local: null,
      problem: 'time unreadable',
    });
    const far = deliveryCell(
      { ok: false, problem: 'too-far', message: 'x', sendAt: '2027-03-01T08:00:00Z', zone: 'Europe/Tallinn' },
      'Europe/Tallinn',
    );
    expect(far).toEqual({ text: 'Mon 1 Mar, 10:00', local: null, problem: 'beyond 30 days' });
    expect(deliveryCell(null, 'Europe/Tallinn').text).toBe('—');
  });
});
