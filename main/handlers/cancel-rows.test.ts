// Taking back chosen rows of a campaign delivered row by row (campaigns.cancelRows), through the
// app's calls against the simulator in test mode: each chosen row's message is deleted at Messente
// before its own time and recorded; the other rows stay scheduled.
import { describe, expect, it } from 'vitest';
import { testPlan } from '../../shared/delivery-time/plan-test-support';
import { clinicDraft, useTestModeCore } from './test-support';
import { cancelRowsText } from './campaigns';

const fixture = useTestModeCore('omnicast-cancel-rows-');
const call = fixture.call;
const DAY = 86_400_000;

async function scheduledCampaign(): Promise<number> {
  await fixture.start();
  const { id } = await call(
    'campaigns.create',
    clinicDraft({ deliveryPlan: testPlan({ column: 2, format: 'iso' }) }),
  );
  const now = Date.now();
  await call('campaigns.addRecipients', {
    id,
    recipients: [1, 2, 3].map((n) => {
      const to = `+372512345${n}0`;
      const time = new Date(now + (n + 1) * DAY).toISOString();
      return { row: n, fields: [`N${n}`, to, time], rawPhone: to, to, status: 'ok', reason: null };
    }),
  });
  await call('campaigns.start', { id, rate: 50 });
  await fixture.core.sender.whenSettled(id);
  return id;
}

describe('campaigns.cancelRows', () => {
  it('cancels the chosen rows before their own time and leaves the others scheduled', async () => {
    const id = await scheduledCampaign();
    const result = await call('campaigns.cancelRows', { id, rows: [1, 3] });
    expect(result).toMatchObject({ cancelled: 2, alreadySent: 0, unknown: 0 });
    expect(result.message).toBe('2 cancelled before delivery.');
    const { rows } = await call('campaigns.rows', { id, offset: 0, limit: 10 });
    expect(rows.map((r) => r.state)).toEqual(['cancelled', 'accepted', 'cancelled']);
    expect(rows[1]?.scheduleCancel ?? null).toBeNull();
    // Asked again, nothing is waiting at Messente for those rows any more.
    const again = await call('campaigns.cancelRows', { id, rows: [1] });
    expect(again.message).toBe('1 not waiting at Messente (not sent yet, or already cancelled).');
  });

  it('refuses a campaign without a schedule', async () => {
    await fixture.start();
    const { id } = await call('campaigns.create', {
      name: 'Now',
      template: 'Hi',
      sender: 'Clinic',
      autoconvert: 'on',
      country: 'EE',
      columns: ['name', 'phone'],
      phoneColumn: 1,
      sourceFile: 'now.csv',
    });
    await expect(call('campaigns.cancelRows', { id, rows: [1] })).rejects.toThrow(/no scheduled delivery/);
  });

  it('words every outcome', () => {
    expect(cancelRowsText(5, { cancelled: 1, alreadySent: 2, unknown: 1 })).toBe(
      '1 cancelled before delivery; 2 already sent (their time had passed); 1 unclear: Messente did not say whether they were taken back; 1 not waiting at Messente (not sent yet, or already cancelled).',
    );
  });
});
