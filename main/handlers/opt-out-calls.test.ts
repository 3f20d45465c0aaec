// The opt-out list through the app's calls: typed and imported numbers, the export, and the sync
// both ways with Messente's blacklist on a simulator with a known password.
import { describe, expect, it } from 'vitest';
import { createMessenteClient } from '../messente';
import { PASSWORD, USER, useSettingsCore } from './settings-fixture';

const fixture = useSettingsCore();
const { call, testModeCore, accountCore } = fixture;

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

  it('syncs both ways with Messente’s blacklist', async () => {
    await accountCore();
    const messente = createMessenteClient({
      apiUrl: fixture.sim.apiUrl,
      legacyUrl: fixture.sim.legacyUrl,
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
