import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import HourlyChart from './HourlyChart.svelte';

const hours = [
  { hour: '2026-12-07T08:00+02:00', count: 2 },
  { hour: '2026-12-07T09:00+02:00', count: 7 },
  { hour: '2026-12-07T10:00+02:00', count: 0 },
  { hour: '2026-12-07T11:00+02:00', count: 3 },
];

describe('HourlyChart', () => {
  it('names the busiest hour in its caption and draws one bar per hour, empty ones included', () => {
    const { container } = render(HourlyChart, { hours, zone: 'Europe/Tallinn' });
    const figure = screen.getByRole('figure', { name: /Messages per hour \(Europe\/Tallinn\)/ });
    expect(figure.textContent?.replace(/\s+/g, ' ')).toContain(
      'the busiest hour is Mon 7 Dec, 09:00 with 7 messages.',
    );
    const bars = container.querySelectorAll<HTMLElement>('.bar');
    expect(bars).toHaveLength(4);
    expect(bars[1]!.style.height).toBe('100%');
    expect(bars[2]!.style.height).toBe('0%');
    expect(container.querySelectorAll('.bar.peak')).toHaveLength(1);
  });

  it('lists the hours that have messages in a table for a screen reader', () => {
    render(HourlyChart, { hours, zone: 'Europe/Tallinn' });
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent?.trim())).toEqual([
      'HourMessages',
      'Mon 7 Dec, 08:002',
      'Mon 7 Dec, 09:007',
      'Mon 7 Dec, 11:003',
    ]);
  });

  it('says which messages the chart leaves out, and when there is nothing to draw', () => {
    render(HourlyChart, { hours: [], zone: 'Europe/Helsinki', outside: 1 });
    expect(screen.getByText('No message has a delivery time yet.')).toBeInTheDocument();
    expect(screen.getByText(/1 message not shown: sent at once or kept queued/)).toBeInTheDocument();
  });
});
