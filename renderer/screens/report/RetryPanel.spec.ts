import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import RetryPanel from './RetryPanel.svelte';
import { fakeApi } from '../../testing/fake-api';
import { counts } from '../../testing/results';

describe('RetryPanel', () => {
  it('creates a draft from the chosen kinds of rows', async () => {
    const api = fakeApi({ 'campaigns.retryFailed': () => ({ id: 12 }) });
    render(RetryPanel, { api, campaignId: 3, counts: counts({ failed: 4, unknown: 2 }), undelivered: 0 });
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /Undelivered/ })).toBeDisabled();
    await fireEvent.click(screen.getByRole('checkbox', { name: /Unknown/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText(/Draft campaign #12 created/)).toBeInTheDocument();
    expect(api.callsTo('campaigns.retryFailed')).toEqual([{ id: 3, kinds: ['failed', 'unknown'] }]);
  });

  it('opens the new draft when asked', async () => {
    const api = fakeApi({ 'campaigns.retryFailed': () => ({ id: 12 }) });
    const onOpenCampaign = vi.fn();
    render(RetryPanel, { api, campaignId: 3, counts: counts({ failed: 4 }), undelivered: 0, onOpenCampaign });
    expect(screen.queryByRole('button', { name: 'Open draft' })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Open draft' }));
    expect(onOpenCampaign).toHaveBeenCalledWith(12);
  });

  it('stays visible and says so when every message was delivered', () => {
    render(RetryPanel, {
      api: fakeApi({}),
      campaignId: 3,
      counts: counts({ accepted: 5, skipped: 2 }),
      undelivered: 0,
      delivered: 5,
    });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Retry' }).textContent?.trim()).toBe(
      'Every message was delivered: nothing to retry.',
    );
  });

  it('does not claim delivery while reports are missing or rows were never sent', () => {
    for (const [c, delivered] of [
      [counts({ accepted: 5 }), 3],
      [counts({ accepted: 5 }), null],
      [counts({ accepted: 5, cancelled: 4 }), 5],
    ] as const) {
      const view = render(RetryPanel, {
        api: fakeApi({}),
        campaignId: 3,
        counts: c,
        undelivered: 0,
        delivered,
      });
      expect(screen.getByRole('status', { name: 'Retry' }).textContent?.trim()).toBe(
        'Nothing to retry: no message failed or went undelivered.',
      );
      view.unmount();
    }
  });
});
