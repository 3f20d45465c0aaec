import { fireEvent, render, screen } from '@testing-library/svelte';
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
    expect(screen.getByRole('heading', { level: 2, name: 'Cost' })).toBeInTheDocument();
    expect(text).toContain('€1.00');
    expect(text).toContain('€1.25');
    expect(text).toContain('+€0.25');
  });

  it('shows the predicted range, and no difference for a bill at its low end', () => {
    render(CostSummary, {
      predictedMinMicros: 87_855_000,
      predictedMicros: 94_950_000,
      billedMicros: 87_855_000,
      unpricedRows: 0,
      segments: 1_292,
    });
    const text = screen.getByRole('region', { name: 'Cost' }).textContent ?? '';
    expect(text).toContain('€87.86–€94.95');
    expect(text).not.toContain('Difference');
  });

  it('says when nothing is billed yet and which rows have no price', () => {
    render(CostSummary, { predictedMicros: 500_000, billedMicros: null, unpricedRows: 3, segments: 10 });
    const text = screen.getByRole('region', { name: 'Cost' }).textContent ?? '';
    expect(text).toContain('not reported yet');
    expect(text).toContain('3 rows have no known price');
    expect(text).not.toContain('Difference');
  });

  it('counts the rows billed at another price and shows them on demand', async () => {
    let shown = 0;
    render(CostSummary, {
      predictedMicros: 1_000_000,
      billedMicros: 1_250_000,
      unpricedRows: 0,
      segments: 20,
      differingRows: 3,
      onShowDiffering: () => shown++,
    });
    const region = screen.getByRole('region', { name: 'Cost' });
    expect(region.textContent?.replace(/\s+/g, ' ')).toContain(
      '3 rows were billed outside the predicted range.',
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    expect(shown).toBe(1);
  });

  it('says when every billed row cost what was predicted, and nothing before billing', () => {
    const view = render(CostSummary, {
      predictedMicros: 1_000_000,
      billedMicros: 1_000_000,
      unpricedRows: 0,
      segments: 20,
      differingRows: 0,
      onShowDiffering: () => {},
    });
    expect(
      screen.getByText('Every billed row cost what was predicted (within its range).'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show them' })).not.toBeInTheDocument();
    view.unmount();
    render(CostSummary, {
      predictedMicros: 1_000_000,
      billedMicros: null,
      unpricedRows: 0,
      segments: 20,
      differingRows: 2,
      onShowDiffering: () => {},
    });
    expect(screen.queryByRole('button', { name: 'Show them' })).not.toBeInTheDocument();
  });
});
