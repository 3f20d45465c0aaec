// Where an existing campaign's requests go (core.campaignTarget): where it was made to send, even
// after the settings have moved on, unless this run names other URLs on the command line.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from './core';
import { createMemoryStore } from './credentials/store';
import { callerOf, draftWithRecipients } from './handlers/test-support';
import { startSimulator, type RunningSimulator } from './simulator';
import { tempDir } from './testing/temp-dir';

const USER = 'target-user';
const PASSWORD = 'target-password-77';
const sims: RunningSimulator[] = [];
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function sim(): Promise<RunningSimulator> {
  const s = await startSimulator({ port: 0, username: USER, password: PASSWORD });
  sims.push(s);
  return s;
}

async function core(dataDir: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
  const credentials = createMemoryStore();
  await credentials.save({ username: USER, password: PASSWORD });
  const c = await createCore({
    dataDir,
    platform: { offerExport: async () => ({ kind: 'cancelled' }) },
    version: 't',
    credentials,
    background: false,
    ...extra,
  });
  cores.push(c);
  return c;
}

describe('core.campaignTarget', () => {
  it('sends a campaign to the URL it was made for after the settings moved to another', async () => {
    const [first, second] = [await sim(), await sim()];
    const app = await core(tempDir('omnicast-target'));
    const call = callerOf(() => app);
    await call('settings.update', { testMode: false, apiUrl: first.apiUrl });
    const id = await draftWithRecipients(call, 'Made for the first', ['+37251234561', '+37251234562']);
    await call('settings.update', { apiUrl: second.apiUrl });

    expect(app.campaignTarget(id)).toEqual({ apiUrl: first.apiUrl, legacyUrl: first.legacyUrl });
    await call('campaigns.start', { id, rate: 50 });
    expect((await app.sender.whenSettled(id)).counts.accepted).toBe(2);
    expect(first.accepted()).toHaveLength(2);
    expect(second.accepted()).toHaveLength(0);
    // A new campaign goes where the settings say now.
    const next = await draftWithRecipients(call, 'Made for the second', ['+37251234563']);
    expect(app.campaignTarget(next).apiUrl).toBe(second.apiUrl);
  });

  it('follows URLs named for this run (--api-url) instead of the stored ones', async () => {
    const [stored, named] = [await sim(), await sim()];
    const dataDir = tempDir('omnicast-target');
    const app = await core(dataDir);
    const call = callerOf(() => app);
    await call('settings.update', { testMode: false, apiUrl: stored.apiUrl });
    const id = await draftWithRecipients(call, 'Stored', ['+37251234561']);
    await app.close();
    cores.splice(cores.indexOf(app), 1);

    const cli = await core(dataDir, { target: { apiUrl: named.apiUrl } });
    // The account API is derived from the named URL when only that one is given.
    expect(cli.campaignTarget(id)).toEqual({ apiUrl: named.apiUrl, legacyUrl: named.legacyUrl });
    await callerOf(() => cli)('campaigns.start', { id, rate: 50 });
    await cli.sender.whenSettled(id);
    expect(named.accepted()).toHaveLength(1);
    expect(stored.accepted()).toHaveLength(0);
  });
});
