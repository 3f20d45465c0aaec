import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import RetryPanel from './RetryPanel.svelte';
import { counts, fakeApi } from './test-api';

describe('RetryPanel', () => {
  it('creates a draft from the chosen kinds of rows', async () => {
    const api = fakeApi({ 'campaigns.retryFailed': () => ({ id: 12 }) });
    render(RetryPanel, { api, campaignId: 3, counts: counts({ failed: 4, unknown: 2 }), undelivered: 0 });
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /Undelivered/ }).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('checkbox', { name: /Unknown/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText(/Draft campaign #12 created/)).toBeTruthy();
    expect(api.callsTo('campaigns.retryFailed')).toEqual([{ id: 3, kinds: ['failed', 'unknown'] }]);
  });

  it('opens the new draft when asked', async () => {
    const api = fakeApi({ 'campaigns.retryFailed': () => ({ id: 12 }) });
    const onOpenCampaign = vi.fn();
    render(RetryPanel, { api, campaignId: 3, counts: counts({ failed: 4 }), undelivered: 0, onOpenCampaign });
    expect(screen.queryByRole('button', { name: 'Open draft' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Retry failed' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Open draft' }));
    expect(onOpenCampaign).toHaveBeenCalledWith(12);
  });

  it('is absent when every row got through', () => {
    render(RetryPanel, { api: fakeApi({}), campaignId: 3, counts: counts({ accepted: 5 }), undelivered: 0 });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
