import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StateChart from './StateChart.svelte';

describe('StateChart', () => {
  it('draws one labelled bar per non-zero count, longest for the largest', () => {
    render(StateChart, {
      title: 'Rows by state',
      items: [
        { key: 'accepted', label: 'accepted', count: 900, tone: 'ok' },
        { key: 'failed', label: 'failed', count: 100, tone: 'bad' },
        { key: 'unknown', label: 'unknown', count: 0 },
      ],
    });
    expect(screen.getByRole('figure', { name: 'Rows by state' })).toBeInTheDocument();
    const accepted = screen.getByRole('img', { name: 'accepted: 900 of 1,000 rows' });
    const failed = screen.getByRole('img', { name: 'failed: 100 of 1,000 rows' });
    expect((accepted.firstElementChild as HTMLElement).style.width).toBe('100%');
    expect((failed.firstElementChild as HTMLElement).style.width).toMatch(/^11\.1/);
    expect(screen.queryByRole('img', { name: /unknown/ })).not.toBeInTheDocument();
  });

  it('says so when there is nothing to draw', () => {
    render(StateChart, { title: 'Delivery', items: [] });
    expect(screen.getByText('Nothing yet.')).toBeInTheDocument();
  });
});
