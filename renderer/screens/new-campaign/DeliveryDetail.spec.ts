import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DeliveryDetail from './DeliveryDetail.svelte';

function text(container: HTMLElement): string {
  return (container.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('DeliveryDetail', () => {
  it("shows the appointment, the recipient's zone, both clocks and that quiet hours moved it", () => {
    const { container } = render(DeliveryDetail, {
      time: {
        ok: true,
        appointment: '2026-12-07T08:30:00-05:00',
        sendAt: '2026-12-07T13:00:00Z',
        zone: 'America/New_York',
        locale: 'en',
        movedByQuietHours: true,
      },
      zone: 'Europe/Tallinn',
    });
    const all = text(container);
    expect(all).toContain('Appointment Mon 7 Dec, 08:30 (New York time)');
    expect(all).toContain('Time zone America/New_York');
    expect(all).toContain('Delivered Mon 7 Dec, 15:00, Mon 7 Dec, 08:00 New York time');
    expect(all).toContain('Quiet hours moved it out of the quiet hours');
  });

  it("says why a row's time cannot be used", () => {
    render(DeliveryDetail, {
      time: { ok: false, problem: 'unparseable', message: 'The time "soon" is not a date and time.' },
      zone: 'Europe/Tallinn',
    });
    expect(screen.getByText('The time "soon" is not a date and time.')).toBeInTheDocument();
    expect(screen.getByText('Europe/Tallinn (yours)')).toBeInTheDocument();
  });
});
