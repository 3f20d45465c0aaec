// The Settings calls through createCore and dispatch, against real loopback simulators: the
// test-mode one inside core, and one of our own with a known password for "real account" mode.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import { createMessenteClient } from '../messente';
import type { ExportSource, Platform } from '../platform';
import { startSimulator, type RunningSimulator } from '../simulator';
import { dispatch } from './dispatch';
import { PRICE_FETCH_INTERVAL_MS } from './prices';
import { callerOf, draftWithRecipients } from './test-support';
import { tempDir } from '../testing/temp-dir';

const USER = 'api-user';
const PASSWORD = 'known-simulator-pass-91';

let core: Core | undefined;
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await core?.close();
  await sim?.close();
  core = undefined;
  sim = undefined;
});

function memoryPlatform(saved: string[]): Platform {
  return {
    async offerExport(source: ExportSource) {
      let text = '';
      const rows = await source.write((chunk) => {
        text += chunk;
      });
      saved.push(text);
      return { kind: 'saved', path: source.suggestedName, rows };
    },
  };
}

const call = callerOf(() => core);

async function testModeCore(now: () => number = Date.now, exports: string[] = []): Promise<Core> {
  const dataDir = tempDir('omnicast-settings');
  core = await createCore({
    dataDir,
    platform: memoryPlatform(exports),
    version: 't',
    credentials: createMemoryStore(),
    now,
  });
  return core;
}

/** A core in "real account" mode whose Messente is a simulator with a known password. */
async function accountCore(balanceEur = 100, password = PASSWORD): Promise<Core> {
  sim = await startSimulator({ port: 0, username: USER, password: PASSWORD, balanceEur });
  const dataDir = tempDir('omnicast-settings');
  core = await createCore({
    dataDir,
    platform: memoryPlatform([]),
    version: 't',
    credentials: createMemoryStore(),
    legacyUrl: sim.legacyUrl,
  });
  await call('settings.update', { testMode: false, apiUrl: sim.apiUrl });
  await call('credentials.save', { username: USER, password });
  return core;
}

describe('connection and balance', () => {
  it('tests the test-mode simulator and reads its balance', async () => {
    await testModeCore();
    expect(await call('credentials.test', {})).toEqual({ ok: true, balanceEur: 100 });
    expect(await call('account.balance', {})).toEqual({ eur: 100, checkedAt: expect.any(String) });
  });

  it('explains a wrong API password (401) and a missing one', async () => {
    await accountCore(100, 'the-dashboard-login');
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
    await accountCore(42.5);
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

describe('opt-out list', () => {
  it('normalises numbers, names invalid lines, lists, removes, imports and exports', async () => {
    const exports: string[] = [];
    await testModeCore(Date.now, exports);
    const added = await call('optOuts.add', {
      phones: ['5123 4567', '+372 5123 4567', '', '12', '0037251234568'],
      defaultCountry: 'EE',
    });
    expect(added).toEqual({
      added: 2,
      alreadyListed: 0,
      invalid: [{ line: 4, value: '12', reason: expect.any(String) }],
      total: 2,
    });
    const again = await call('optOuts.add', { phones: ['51234567'], defaultCountry: 'EE' });
    expect(again).toMatchObject({ added: 0, alreadyListed: 1, total: 2 });

    const imported = await call('optOuts.import', {
      csv: 'name,Phone number\nAnn,+358 40 1234567\nBob,not a number\n',
      fileName: 'stop.csv',
      defaultCountry: 'EE',
    });
    expect(imported).toMatchObject({ added: 1, invalid: [{ line: 3, value: 'not a number' }], total: 3 });
    const list = await call('optOuts.list', { offset: 0, limit: 10 });
    expect(list.total).toBe(3);
    expect(list.phones.map((p) => p.phone).sort()).toEqual(['+358401234567', '+37251234567', '+37251234568']);
    expect(list.phones.find((p) => p.phone === '+358401234567')?.source).toBe('import');

    expect(await call('optOuts.remove', { phone: '+37251234568' })).toEqual({ removed: true, total: 2 });
    expect(await call('optOuts.remove', { phone: '+37251234568' })).toEqual({ removed: false, total: 2 });

    expect(await call('optOuts.export', {})).toMatchObject({ kind: 'saved', rows: 2 });
    const lines = exports[0]!
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('phone,added_at,source');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['+358401234567', '+37251234567']);
    // Our own export imports back without an invalid line.
    expect(
      (await call('optOuts.import', { csv: exports[0]!, fileName: 'opt-outs.csv', defaultCountry: 'EE' }))
        .invalid,
    ).toEqual([]);
  });

  it('reads the balance where a custom API URL lives, not at Messente’s account host', async () => {
    sim = await startSimulator({ port: 0, username: USER, password: PASSWORD, balanceEur: 42.5 });
    core = await createCore({
      dataDir: tempDir('omnicast-settings-'),
      platform: memoryPlatform([]),
      version: 't',
      credentials: createMemoryStore(),
    });
    await call('settings.update', { testMode: false, apiUrl: sim.apiUrl });
    await call('credentials.save', { username: USER, password: PASSWORD });
    expect((await call('account.balance', {})).eur).toBe(42.5);
    expect((await call('app.info', {})).sendsTo).toBe(`the custom API URL ${sim.apiUrl}`);
  });

  it('gives a draft the balance and target of its own world, whatever test mode says now', async () => {
    sim = await startSimulator({ port: 0, username: USER, password: PASSWORD, balanceEur: 42.5 });
    core = await createCore({
      dataDir: tempDir('omnicast-settings-'),
      platform: memoryPlatform([]),
      version: 't',
      credentials: createMemoryStore(),
    });
    await call('credentials.save', { username: USER, password: PASSWORD });
    await call('settings.update', { testMode: true });
    const testDraft = await draftWithRecipients(call, 'Rehearsal', ['+37251234567']);
    await call('settings.update', { testMode: false, apiUrl: sim.apiUrl });
    const liveDraft = await draftWithRecipients(call, 'Live', ['+37251234567']);
    await call('settings.update', { testMode: true });

    // Test mode is on now: the account in use is the simulator's €100.00 …
    expect((await call('account.balance', {})).eur).toBe(100);
    // … but the live draft is billed to the custom URL's account, and says so.
    expect((await call('account.balance', { campaignId: liveDraft })).eur).toBe(42.5);
    expect((await call('campaigns.get', { id: liveDraft })).sendsTo).toBe(`the custom API URL ${sim.apiUrl}`);
    await call('settings.update', { testMode: false });
    expect((await call('account.balance', { campaignId: testDraft })).eur).toBe(100);
    expect((await call('campaigns.get', { id: testDraft })).sendsTo).toBe(
      'the test simulator (nothing leaves this computer)',
    );
    await expect(call('account.balance', { campaignId: 999 })).rejects.toThrow('not_found');
  });

  it('syncs both ways with Messente’s blacklist', async () => {
    await accountCore();
    const messente = createMessenteClient({
      apiUrl: sim!.apiUrl,
      legacyUrl: sim!.legacyUrl,
      username: USER,
      password: PASSWORD,
    });
    try {
      await messente.blacklist.add('+37251111111');
      await messente.blacklist.add('+37252222222');
      await call('optOuts.add', {
        phones: ['+37252222222', '+37253333333', '+37254444444'],
        defaultCountry: 'EE',
      });
      expect(await call('optOuts.sync', {})).toEqual({ pulled: 1, pushed: 2, skipped: 0, total: 4 });
      expect((await messente.blacklist.list()).sort()).toEqual([
        '+37251111111',
        '+37252222222',
        '+37253333333',
        '+37254444444',
      ]);
      expect(
        (await call('optOuts.list', { offset: 0, limit: 10 })).phones.find((p) => p.phone === '+37251111111')
          ?.source,
      ).toBe('messente');
      // A second sync has nothing left to do.
      expect(await call('optOuts.sync', {})).toEqual({ pulled: 0, pushed: 0, skipped: 0, total: 4 });
    } finally {
      messente.close();
    }
  });
});

describe('balance check before sending', () => {
  it('refuses to start a campaign that costs more than the balance', async () => {
    await accountCore(0.1);
    await call('prices.set', { country: 'EE', price: '0.06' });
    const { id } = await call('campaigns.create', {
      name: 'Too dear',
      template: 'Hi',
      sender: 'Shop',
      autoconvert: 'on',
      country: 'EE',
      columns: ['phone'],
      phoneColumn: 0,
      sourceFile: 'x.csv',
    });
    const recipients = ['+37251234567', '+37251234568', '+37251234569'].map((to, i) => ({
      row: i + 1,
      fields: [to],
      rawPhone: to,
      to,
      status: 'ok' as const,
      reason: null,
    }));
    await call('campaigns.addRecipients', { id, recipients });
    const envelope = await dispatch(core!.handlers, 'campaigns.start', { id, rate: 10 });
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'insufficient_balance',
        message: expect.stringMatching(
          /predicted to cost €0\.18, more than the €0\.10 left on your Messente account/,
        ),
      },
    });
    expect(sim!.accepted()).toEqual([]);
    expect((await call('campaigns.get', { id })).status).toBe('draft');
  });
});
