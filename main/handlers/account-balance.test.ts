// Which account a balance is read from, and the refusal to start a campaign the balance cannot pay:
// a custom API URL's own account, a draft's own world whatever test mode says now.
import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { useSettingsCore } from './settings-fixture';
import { draftWithRecipients } from './test-support';

const fixture = useSettingsCore();
const { call, accountCore } = fixture;

describe('the account a balance comes from', () => {
  it('reads the balance where a custom API URL lives, not at Messente’s account host', async () => {
    await accountCore({ balanceEur: 42.5, legacyUrl: false });
    expect((await call('account.balance', {})).eur).toBe(42.5);
    expect((await call('app.info', {})).sendsTo).toBe(`the custom API URL ${fixture.sim.apiUrl}`);
  });

  it('gives a draft the balance and target of its own world, whatever test mode says now', async () => {
    await accountCore({ balanceEur: 42.5, legacyUrl: false });
    await call('settings.update', { testMode: true });
    const testDraft = await draftWithRecipients(call, 'Rehearsal', ['+37251234567']);
    await call('settings.update', { testMode: false });
    const liveDraft = await draftWithRecipients(call, 'Live', ['+37251234567']);
    await call('settings.update', { testMode: true });

    // Test mode is on now: the account in use is the simulator's €100.00 …
    expect((await call('account.balance', {})).eur).toBe(100);
    // … but the live draft is billed to the custom URL's account, and says so.
    expect((await call('account.balance', { campaignId: liveDraft })).eur).toBe(42.5);
    expect((await call('campaigns.get', { id: liveDraft })).sendsTo).toBe(
      `the custom API URL ${fixture.sim.apiUrl}`,
    );
    await call('settings.update', { testMode: false });
    expect((await call('account.balance', { campaignId: testDraft })).eur).toBe(100);
    expect((await call('campaigns.get', { id: testDraft })).sendsTo).toBe(
      'the test simulator (nothing leaves this computer)',
    );
    await expect(call('account.balance', { campaignId: 999 })).rejects.toThrow('not_found');
  });
});

describe('balance check before sending', () => {
  it('refuses to start a campaign that costs more than the balance', async () => {
    await accountCore({ balanceEur: 0.1 });
    await call('prices.set', { country: 'EE', price: '0.06' });
    const id = await draftWithRecipients(call, 'Too dear', ['+37251234567', '+37251234568', '+37251234569']);
    const envelope = await dispatch(fixture.core.handlers, 'campaigns.start', { id, rate: 10 });
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'insufficient_balance',
        message: expect.stringMatching(
          /predicted to cost €0\.18, more than the €0\.10 left on your Messente account/,
        ),
      },
    });
    expect(fixture.sim.accepted()).toEqual([]);
    expect((await call('campaigns.get', { id })).status).toBe('draft');
  });
});
