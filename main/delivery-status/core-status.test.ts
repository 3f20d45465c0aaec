// The calls the app makes, through the core in test mode: statuses refreshed from the in-process
// simulator, counted by delivery status, billed cost summed; retry refuses a campaign with nothing to retry.
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusRefreshProgress } from '../../shared/contract';
import type { ExportResult } from '../../shared/types';
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import type { Platform } from '../platform';
import { callerOf, draftWithRecipients } from '../handlers/test-support';
import { tempDir } from '../testing/temp-dir';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const call = callerOf(() => core);

describe('delivery statuses through the core (test mode)', () => {
  it('refreshes statuses on demand, counts them and sums the billed cost', async () => {
    const dataDir = tempDir('omnicast-core-status');
    const platform: Platform = { offerExport: async (): Promise<ExportResult> => ({ kind: 'cancelled' }) };
    core = await createCore({ dataDir, platform, version: 'test', credentials: createMemoryStore() });
    const id = await draftWithRecipients(call, 'Statuses', ['+37251234567', '+37251234568', '+37251234569']);
    await call('campaigns.start', { id, rate: 10 });
    expect((await core.sender.whenSettled(id)).counts.accepted).toBe(3);
    expect(await call('campaigns.deliveryCounts', { id })).toEqual({ PENDING: 3 });

    // The test-mode simulator moves a status one step every 3 s.
    await new Promise((r) => setTimeout(r, 3_200));
    // The call returns at once; the refresh reports through 'status.progress' until done.
    const progress: StatusRefreshProgress[] = [];
    const finished = new Promise<StatusRefreshProgress>((resolve) =>
      core!.events.subscribe((name, payload) => {
        if (name !== 'status.progress') return;
        progress.push(payload);
        if (payload.done) resolve(payload);
      }),
    );
    expect(await call('campaigns.refreshStatuses', { id })).toEqual({ started: true, total: 3 });
    expect(await finished).toMatchObject({ campaignId: id, checked: 3, total: 3, done: true, error: null });
    expect(progress[0]).toMatchObject({ checked: 0, done: false });
    expect(await call('campaigns.cancelRefresh', { id })).toEqual({ cancelled: false });
    await expect(call('campaigns.cancelRefresh', { id: 999 })).rejects.toThrow(/no campaign 999/);
    const counts = await call('campaigns.deliveryCounts', { id });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3);
    expect(counts.PENDING).toBeUndefined();
    const summary = await call('campaigns.get', { id });
    expect(summary.billedCostMicros).toBeGreaterThan(0);
    expect(Number.isInteger(summary.billedCostMicros)).toBe(true);

    await expect(call('campaigns.retryFailed', { id, kinds: ['failed', 'unknown'] })).rejects.toThrow(
      /no failed or unknown rows/,
    );
    await expect(call('campaigns.retryFailed', { id, kinds: [] })).rejects.toThrow(/kinds/);
  }, 15_000);
});
