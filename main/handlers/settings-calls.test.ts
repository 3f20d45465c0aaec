// The Settings calls through createCore and dispatch, against real loopback simulators: the
// test-mode one inside core, and one of our own with a known password for "real account" mode.
import { describe, expect, it } from 'vitest';
import { PRICE_FETCH_INTERVAL_MS } from './prices';
import { useSettingsCore } from './settings-fixture';
import { draftWithRecipients } from './test-support';

const fixture = useSettingsCore();
const { call, testModeCore, accountCore } = fixture;

describe('connection and balance', () => {
  it('tests the test-mode simulator and reads its balance', async () => {
    await testModeCore();
    expect(await call('credentials.test', {})).toEqual({ ok: true, balanceEur: 100 });
    expect(await call('account.balance', {})).toEqual({ eur: 100, checkedAt: expect.any(String) });
  });

  it('explains a wrong API password (401) and a missing one', async () => {
    await accountCore({ password: 'the-dashboard-login' });
    const result = await call('credentials.test', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('401');
      expect(result.message).toContain('not your dashboard login');
      expect(result.message).not.toContain('the-dashboard-login');
    }
    await call('credentials.delete', {});
    const none = await call('credentials.test', {});
    expect(none.ok === false && none.message).toMatch(/Add your Messente API username and password/);
  });

  it('connects with the right password and reports the balance', async () => {
    await accountCore({ balanceEur: 42.5 });
    expect(await call('credentials.test', {})).toEqual({ ok: true, balanceEur: 42.5 });
  });
});

describe('prices', () => {
  it('fetches from Messente at most every 2 hours and restores the cache after an import', async () => {
    let clock = Date.parse('2026-03-07T09:00:00Z');
    await testModeCore(() => clock);
    expect(await call('prices.get', {})).toEqual({
      table: {},
      source: 'none',
      fetchedAt: null,
      testMode: true,
    });
    const first = await call('prices.fetch', {});
    expect(first.fromCache).toBe(false);
    expect(first.source).toBe('messente');
    expect(first.fetchedAt).toBe('2026-03-07T09:00:00.000Z');
    expect(first.table.EE?.minMicros).toBeGreaterThan(0);

    const imported = await call('prices.import', {
      csv: 'country,price\nEE,0.5\nXX,1\nLV,abc\n',
      fileName: 'mine.csv',
    });
    expect(imported.source).toBe('file');
    expect(imported.table.EE).toEqual({ minMicros: 500_000, maxMicros: 500_000, networks: 1 });
    expect(imported.problems).toEqual([
      expect.stringMatching(/^mine\.csv: Line 3: /),
      expect.stringMatching(/^mine\.csv: Line 4: /),
    ]);

    clock += PRICE_FETCH_INTERVAL_MS - 1_000;
    const cached = await call('prices.fetch', {});
    expect(cached.fromCache).toBe(true);
    expect(cached.fetchedAt).toBe('2026-03-07T09:00:00.000Z');
    expect(cached.nextFetchAt).toBe('2026-03-07T11:00:00.000Z');
    expect(cached.problems[0]).toMatch(/less than 2 hours ago.*11:00 UTC/);
    expect(cached.table).toEqual(first.table);
    expect(cached.source).toBe('messente');

    clock += 2_000;
    const fresh = await call('prices.fetch', {});
    expect(fresh.fromCache).toBe(false);
    expect(fresh.fetchedAt).toBe(new Date(clock).toISOString());
  });

  it('keeps test mode’s prices apart: a live campaign never takes a price fetched from the simulator', async () => {
    await testModeCore();
    const rehearsal = await call('prices.fetch', {});
    expect(rehearsal.table.EE?.maxMicros).toBeGreaterThan(0);
    const rehearsed = await draftWithRecipients(call, 'Rehearsal', ['+37251234567']);
    expect((await call('campaigns.get', { id: rehearsed })).predictedCostMicros).toBeGreaterThan(0);

    await call('settings.update', { testMode: false });
    expect(await call('prices.get', {})).toEqual({
      table: {},
      source: 'none',
      fetchedAt: null,
      testMode: false,
    });
    const live = await call('campaigns.get', {
      id: await draftWithRecipients(call, 'Live', ['+37251234567', '+37251234568']),
    });
    expect(live.testMode).toBe(false);
    expect(live.predictedCostMicros).toBeNull();
    expect(live.unpricedRows).toBe(2);

    // Back in test mode, its own table is still there, untouched by the live world.
    await call('settings.update', { testMode: true });
    expect((await call('prices.get', {})).table).toEqual(rehearsal.table);
  });

  it('edits one price by hand and refuses what is not a price', async () => {
    await testModeCore();
    expect((await call('prices.set', { country: 'EE', price: '0,065' })).table).toEqual({
      EE: { minMicros: 65_000, maxMicros: 65_000, networks: 1 },
    });
    expect((await call('prices.get', {})).source).toBe('manual');
    await expect(call('prices.set', { country: 'EE', price: 'cheap' })).rejects.toThrow(/invalid_price/);
    expect((await call('prices.set', { country: 'EE', price: null })).table).toEqual({});
  });

  it('keeps a file without a price from replacing the table', async () => {
    await testModeCore();
    await call('prices.set', { country: 'FI', price: '0.07' });
    const result = await call('prices.import', { csv: '\n\n', fileName: 'empty.csv' });
    expect(result.problems[0]).toMatch(/empty\.csv: The file is empty/);
    expect(Object.keys(result.table)).toEqual(['FI']);
  });
});

describe('replacement table', () => {
  it('saves valid text and refuses text with problems, naming the line', async () => {
    await testModeCore();
    expect((await call('replacements.get', {})).text).toContain("\u2019 => '");
    const bad = await call('replacements.set', { text: "\u2019 => '\nno arrow here\n" });
    expect(bad).toMatchObject({ saved: false, problems: [expect.stringMatching(/^Line 2: /)] });
    expect((await call('replacements.get', {})).text).toContain('\u2026 => ...');
    const ok = await call('replacements.set', { text: "# mine\n\u2019 => '\n" });
    expect(ok).toEqual({ text: "\u2019 => '", problems: [], saved: true });
    expect((await call('replacements.get', {})).text).toBe("\u2019 => '");
  });
});
