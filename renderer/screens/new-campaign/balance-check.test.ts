import { describe, expect, it } from 'vitest';
import { fakeApi as api } from '../../testing/fake-api';
import { balanceShortfall, checkBalance } from './balance-check';

describe('balance check', () => {
  it('names the target and reads the balance with its time', async () => {
    const check = await checkBalance(
      api({
        'app.info': () => ({
          version: '1.0.0',
          dataDir: '/data',
          testMode: false,
          credentialStore: 'keychain',
          sendsTo: 'the custom API URL https://proxy.example/v1',
        }),
        'account.balance': () => ({ eur: 12.5, checkedAt: '2026-12-05T16:40:00.000Z' }),
      }),
      false,
    );
    expect(check).toEqual({
      target: 'the custom API URL https://proxy.example/v1',
      balanceMicros: 12_500_000,
      checkedAt: '2026-12-05T16:40:00.000Z',
      error: null,
    });
  });

  it('weighs a draft against its own account and names its own target, not the settings’', async () => {
    const asked: unknown[] = [];
    const check = await checkBalance(
      {
        call: async (name, args) => {
          asked.push([name, args]);
          if (name !== 'account.balance') throw new Error(`no ${name}`);
          return { eur: 3, checkedAt: '2026-12-05T16:40:00.000Z' } as never;
        },
        on: () => () => {},
      },
      false,
      { id: 7, sendsTo: 'the test simulator (nothing leaves this computer)' },
    );
    expect(asked).toEqual([['account.balance', { campaignId: 7 }]]);
    expect(check).toMatchObject({
      target: 'the test simulator (nothing leaves this computer)',
      balanceMicros: 3_000_000,
    });
  });

  it('says why the balance is unknown, and never leaves an old figure behind', async () => {
    const check = await checkBalance(
      api({
        'account.balance': () => {
          throw new Error('The balance could not be read: no answer');
        },
      }),
      true,
    );
    expect(check).toMatchObject({
      target: 'the test simulator (nothing leaves this computer)',
      balanceMicros: null,
      error: 'The balance could not be read: no answer',
    });
    expect(balanceShortfall(check, 5_000_000)).toBeNull();
  });

  it('refuses with one sentence only when the top of the cost passes the balance', () => {
    const check = { target: 'Messente', balanceMicros: 90_000_000, checkedAt: null, error: null };
    expect(balanceShortfall(check, 90_000_000)).toBeNull();
    expect(balanceShortfall(check, null)).toBeNull();
    expect(balanceShortfall(check, 94_950_000)).toBe(
      'The €90.00 left on the account cannot cover the predicted cost of up to €94.95: top it up, or send to fewer recipients.',
    );
  });
});
