import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CostSummary from './CostSummary.svelte';

describe('CostSummary', () => {
  it('compares predicted and billed cost', () => {
    render(CostSummary, {
      predictedMicros: 1_000_000,
      billedMicros: 1_250_000,
      unpricedRows: 0,
      segments: 20,
    });
    const text = screen.getByRole('region', { name: 'Cost' }).textContent ?? '';
    // Level 2: the next level under the report's h1 (axe heading-order).
    expect(screen.getByRole('heading', { level: 2, name: 'Cost' })).toBeTruthy();
    expect(text).toContain('€1.00');
    expect(text).toContain('€1.25');
    expect(text).toContain('+€0.25');
  });

  it('says when nothing is billed yet and which rows have no price', () => {
    render(CostSummary, { predictedMicros: 500_000, billedMicros: null, unpricedRows: 3, segments: 10 });
    const text = screen.getByRole('region', { name: 'Cost' }).textContent ?? '';
    expect(text).toContain('not reported yet');
    expect(text).toContain('3 rows have no known price');
    expect(text).not.toContain('Difference');
  });
});
