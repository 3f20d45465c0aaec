// The report screen while its campaign moves: progress events from the sender, and a status refresh
// running in the background.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ReportScreen from './ReportScreen.svelte';
import { fakeApi } from '../../testing/fake-api';
import { counts, detail, progress, row } from '../../testing/results';
import { campaignApi } from './campaign-api';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ReportScreen, live', () => {
  describe('progress', () => {
    beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
    afterEach(() => vi.useRealTimers());

    it('follows progress events, refreshes rows at most once a second and unsubscribes', async () => {
      const api = campaignApi('sending');
      const view = render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
      await screen.findByRole('heading', { name: 'Spring offer' });
      expect(api.listenerCount('campaign.progress')).toBe(1);
      const rowsBefore = api.callsTo('campaigns.rows').length;

      api.emit('campaign.progress', progress({ campaignId: 99, counts: counts({ accepted: 10 }) }));
      const moving = progress({
        campaignId: 5,
        counts: counts({ accepted: 7, failed: 1, queued: 2 }),
        currentRate: 12,
        etaSeconds: 30,
      });
      api.emit('campaign.progress', {
        ...moving,
        errors: [{ code: '105', title: 'Invalid data', count: 1, explanation: 'Check the number.' }],
      });
      for (let i = 0; i < 5; i++) api.emit('campaign.progress', progress({ campaignId: 5 }));
      api.emit('campaign.progress', moving);
      await settle();
      const bar = screen.getByRole('progressbar', { name: 'Sending progress' });
      expect(bar).toHaveAttribute('aria-valuenow', '80');
      expect(screen.getByText('12 msg/s')).toBeInTheDocument();
      expect(screen.getByText('30 s')).toBeInTheDocument();
      expect(api.callsTo('campaigns.rows').length).toBe(rowsBefore + 1);
      await vi.advanceTimersByTimeAsync(1100);
      expect(api.callsTo('campaigns.rows').length).toBe(rowsBefore + 2);

      api.emit(
        'campaign.progress',
        progress({ campaignId: 5, status: 'paused', stopReason: 'Messente refused the API password (401).' }),
      );
      await settle();
      expect(screen.getByRole('alert')).toHaveTextContent('401');

      view.unmount();
      expect(api.listenerCount('campaign.progress')).toBe(0);
    });
  });

  it('refreshes statuses in the background and reloads counts, cost and rows when done', async () => {
    let delivered = 3;
    const api = fakeApi({
      'campaigns.get': () => detail({ id: 5, status: 'completed', billedCostMicros: delivered * 1_000 }),
      'campaigns.rows': () => ({ total: 1, rows: [row(1, 'accepted')] }),
      'campaigns.deliveryCounts': () => ({ DELIVRD: delivered, PENDING: 4 - delivered }),
      'campaigns.refreshStatuses': () => ({ started: true, total: 1 }),
    });
    render(ReportScreen, { api, campaignId: 5, onBack: () => {} });
    expect(await screen.findByRole('img', { name: 'DELIVRD: 3 of 4 rows' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh statuses' }));
    await settle();
    expect(screen.getByRole('progressbar', { name: 'Status refresh progress' })).toBeInTheDocument();
    const rowsBefore = api.callsTo('campaigns.rows').length;
    delivered = 4;
    api.emit('status.progress', {
      campaignId: 5,
      checked: 1,
      total: 1,
      changed: 1,
      done: true,
      cancelled: false,
      error: null,
    });
    expect(await screen.findByRole('img', { name: 'DELIVRD: 4 of 4 rows' })).toBeInTheDocument();
    expect(api.callsTo('campaigns.rows').length).toBeGreaterThan(rowsBefore);
    expect(api.callsTo('campaigns.get').length).toBe(2);
    expect(screen.queryByRole('progressbar', { name: 'Status refresh progress' })).not.toBeInTheDocument();
  });
});
