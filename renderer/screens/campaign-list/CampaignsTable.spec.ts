import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { counts, summary } from '../../testing/results';
import CampaignsTable from './CampaignsTable.svelte';
import type { SortKey } from './campaign-list';

describe('CampaignsTable', () => {
  it('shows one row per campaign, unknown costs as unknown, and sorts from its headers', async () => {
    const sorted: SortKey[] = [];
    render(CampaignsTable, {
      campaigns: [
        summary({
          id: 4,
          name: 'Opening hours',
          predictedCostMicros: null,
          counts: counts({ accepted: 2, failed: 3 }),
        }),
      ],
      sortKey: 'created',
      direction: 'descending',
      onSort: (key) => sorted.push(key),
      onOpen: () => {},
    });
    const row = screen.getByRole('row', { name: /Opening hours/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent?.trim());
    expect(cells.slice(2)).toEqual(['10', '2', '3', 'unknown', '—', expect.stringMatching(/2026/)]);
    expect(screen.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');
    await fireEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(sorted).toEqual(['cost']);
  });
});
