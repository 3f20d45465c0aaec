import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ReportSummary from './ReportSummary.svelte';
import { fakeApi } from '../../testing/fake-api';
import { counts, detail } from '../../testing/results';

function setup(partial: Partial<Parameters<typeof render<typeof ReportSummary>>[1]> = {}) {
  const api = fakeApi({ 'campaigns.refreshStatuses': () => ({ started: true, total: 8 }) });
  const seen = { differing: 0, refreshed: 0 };
  render(ReportSummary, {
    api,
    campaign: detail({ id: 7, billedCostMicros: 470_000 }),
    counts: counts({ accepted: 8, failed: 1, skipped: 1 }),
    delivery: { DELIVRD: 7, UNDELIV: 1 },
    differingRows: 2,
    onShowDiffering: () => seen.differing++,
    onStatusesRefreshed: () => seen.refreshed++,
    ...partial,
  });
  return { api, seen };
}

describe('ReportSummary', () => {
  it('shows rows by state, delivery statuses and cost side by side', () => {
    setup();
    expect(screen.getByRole('img', { name: 'accepted: 8 of 10 rows' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Delivery status' })).toHaveTextContent(/7/);
    expect(screen.getByRole('region', { name: 'Cost' })).toBeInTheDocument();
  });

  it('refreshes this campaign’s statuses and offers the rows billed differently', async () => {
    const { api, seen } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh statuses' }));
    expect(api.callsTo('campaigns.refreshStatuses')).toEqual([{ id: 7 }]);
    await fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    expect(seen.differing).toBe(1);
  });

  it('cannot refresh statuses before anything was accepted; delivery says nothing yet', () => {
    setup({ counts: counts({ queued: 10 }), delivery: null });
    expect(screen.getByRole('button', { name: 'Refresh statuses' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Nothing yet.')).toBeInTheDocument();
  });
});
