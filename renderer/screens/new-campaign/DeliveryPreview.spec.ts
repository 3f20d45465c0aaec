import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { RowTime } from '../../../shared/delivery-time';
import type { DeliveryPass } from './delivery-pass';
import DeliveryPreview from './DeliveryPreview.svelte';

function scheduled(sendAt: string): RowTime {
  return {
    ok: true,
    appointment: sendAt,
    sendAt,
    zone: 'Europe/Tallinn',
    locale: 'et',
    movedByQuietHours: false,
  };
}

const pass: DeliveryPass = {
  times: [
    scheduled('2026-12-07T07:00:00Z'),
    scheduled('2026-12-07T07:20:00Z'),
    scheduled('2026-12-07T09:00:00Z'),
    { ok: false, problem: 'past', message: 'The appointment has passed.' },
    null,
  ],
  problems: { unparseable: 0, past: 1, 'too-far': 0 },
  scheduled: 3,
  now: Date.UTC(2026, 11, 5, 12, 0),
};
const choices = { unparseable: 'skip', past: 'skip', tooFar: 'skip' } as const;

describe('DeliveryPreview', () => {
  it('says while the times are being worked out', () => {
    render(DeliveryPreview, { pass: null, zone: 'Europe/Tallinn', choices, onChoices: () => {} });
    expect(screen.getByRole('status')).toHaveTextContent("Working out each row's delivery time");
  });

  it('says from when to when, the problem groups and the messages per hour with its peak', () => {
    render(DeliveryPreview, { pass, zone: 'Europe/Tallinn', choices, onChoices: () => {} });
    expect(
      screen.getByText(
        /3 messages delivered at each row's own time, from Mon 7 Dec, 09:00 to Mon 7 Dec, 11:00/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 skipped/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '1 row has a delivery time already past' })).toBeInTheDocument();
    expect(screen.getByRole('figure')).toHaveTextContent(
      'the busiest hour is Mon 7 Dec, 09:00 with 2 messages',
    );
  });

  it('hands up a choice for a group', async () => {
    const onChoices = vi.fn();
    render(DeliveryPreview, { pass, zone: 'Europe/Tallinn', choices, onChoices });
    await fireEvent.click(screen.getByRole('radio', { name: 'Send them now' }));
    expect(onChoices).toHaveBeenCalledWith({ ...choices, past: 'send-now' });
  });
});
