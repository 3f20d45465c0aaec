import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createTotals } from '../../../shared/sms';
import PreviewTotals from './PreviewTotals.svelte';

describe('PreviewTotals', () => {
  it('never shows an unknown cost as zero', () => {
    const totals = {
      ...createTotals(),
      messages: 3,
      segments: 4,
      unpricedMessages: 3,
      byCountry: { EE: { messages: 3, segments: 4, costMaxMicros: null } },
    };
    render(PreviewTotals, { totals, skipped: 2 });
    const region = screen.getByRole('region', { name: 'Totals' });
    expect(region.textContent?.replace(/\s+/g, ' ')).toContain('Cost unknown');
    expect(region).toHaveTextContent('No prices yet: add them in Settings');
    expect(region).toHaveTextContent('By country: EE 3 (unknown)');
  });

  it('shows a cost range and what autoconvert saves when prices are known', () => {
    const totals = {
      ...createTotals(),
      messages: 2,
      segments: 2,
      costMinMicros: 100_000,
      costMaxMicros: 120_000,
      savedSegments: 1,
      savedCostMaxMicros: 60_000,
    };
    render(PreviewTotals, { totals, skipped: 0 });
    const region = screen.getByRole('region', { name: 'Totals' });
    expect(region).toHaveTextContent('€0.10–€0.12');
    expect(region).toHaveTextContent('1 segment · €0.06');
  });

  it('explains each figure in one line, reachable by keyboard as well as on hover', () => {
    render(PreviewTotals, { totals: { ...createTotals(), messages: 5, segments: 10 }, skipped: 0 });
    const extra = screen.getByRole('button', { name: 'Extra segment' });
    expect(extra).toHaveAttribute('aria-describedby');
    const help = document.getElementById(extra.getAttribute('aria-describedby')!);
    expect(help).toHaveAttribute('role', 'tooltip');
    expect(help?.textContent).toContain('when every row needs as many as that message, none is extra');
    for (const term of [
      'Messages',
      'Segments',
      'Cost',
      'Not sent',
      'Autoconvert saves',
      'Empty merge field',
    ]) {
      const button = screen.getByRole('button', { name: term });
      expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).not.toBe('');
    }
  });
});
