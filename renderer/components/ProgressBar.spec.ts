import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProgressBar from './ProgressBar.svelte';

describe('ProgressBar', () => {
  it('reports a known fraction as a percentage', () => {
    render(ProgressBar, { label: 'Saving recipients', value: 0.424 });
    const bar = screen.getByRole('progressbar', { name: 'Saving recipients' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    expect(bar).toHaveAttribute('aria-valuetext', '42%');
  });

  it('has no value while the amount of work is unknown', () => {
    render(ProgressBar, { label: 'Importing', value: null });
    const bar = screen.getByRole('progressbar', { name: 'Importing' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar).toHaveAttribute('aria-valuetext', 'Working…');
  });
});
