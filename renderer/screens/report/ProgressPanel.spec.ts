import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProgressPanel from './ProgressPanel.svelte';
import { counts } from '../../testing/results';

const base = {
  status: 'sending' as const,
  counts: counts({ accepted: 40, failed: 5, unknown: 5, queued: 50 }),
  sendable: 100,
  currentRate: 4.25,
  etaSeconds: 200,
  errors: [],
  stopReason: null,
};

describe('ProgressPanel', () => {
  it('shows how far, how fast and how long', () => {
    render(ProgressPanel, base);
    const bar = screen.getByRole('progressbar', { name: 'Sending progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    const text = screen.getByRole('region', { name: 'Progress' }).textContent ?? '';
    expect(text).toContain('4.3 msg/s');
    expect(text).toContain('3 min 20 s');
    expect(text).toMatch(/Not sent yet\s*50/);
    expect(text).toContain('never sent again automatically');
  });

  it('separates delivered, not delivered, refused by Messente and unknown; the cards add up', () => {
    render(ProgressPanel, { ...base, delivery: { DELIVRD: 30, UNDELIV: 4, EXPIRED: 2, ACK: 4 } });
    const figures = [...screen.getByRole('region', { name: 'Progress' }).querySelectorAll('dl div')].map(
      (d) => [d.querySelector('dt')?.textContent?.trim(), d.querySelector('dd')?.textContent?.trim()],
    );
    expect(figures.slice(0, 6)).toEqual([
      ['Delivered', '30'],
      ['Not delivered', '6'],
      ['Awaiting delivery status', '4'],
      ['Refused by Messente', '5'],
      ['Unknown', '5'],
      ['Not sent yet', '50'],
    ]);
    expect(figures.slice(0, 6).reduce((sum, [, n]) => sum + Number(n), 0)).toBe(base.sendable);
  });

  it('shows no rate or time left once not sending, and the stop reason prominently', () => {
    render(ProgressPanel, {
      ...base,
      status: 'paused',
      stopReason: 'The spending cap of €5.00 was reached.',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('spending cap');
    expect(screen.queryByText('4.3 msg/s')).not.toBeInTheDocument();
  });

  it('groups errors by code with their explanation', () => {
    render(ProgressPanel, {
      ...base,
      errors: [
        { code: '105', title: 'Invalid data', count: 5, explanation: 'Check the sender name in Settings.' },
      ],
    });
    const table = screen.getByRole('table', { name: 'Errors by code' });
    expect(table).toHaveTextContent('105');
    expect(table).toHaveTextContent('Check the sender name in Settings.');
  });

  it('is full when nothing is left to send', () => {
    render(ProgressPanel, { ...base, status: 'completed', counts: counts({ skipped: 3 }), sendable: 0 });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  });
});
