// The schedule through the app's calls (createCore + dispatch, test mode): campaigns.start stores a
// delivery time, the summary carries it, a resume keeps or replaces it, and a stored time that has
// passed reaches the renderer as the sender's one-sentence refusal.
import { describe, expect, it } from 'vitest';
import { setCampaignStatus, setTimeToSend } from '../db/queries/campaigns';
import { draftWithRecipients, useTestModeCore } from './test-support';

const fixture = useTestModeCore('omnicast-schedule-calls-');
const call = fixture.call;
const testModeCore = fixture.start;

const PHONES = ['+37251234561', '+37251234562'];

describe('campaign schedule through the calls', () => {
  it('stores the delivery time given to campaigns.start and shows it in the summary', async () => {
    await testModeCore();
    const id = await draftWithRecipients(call, 'Later', PHONES);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const started = await call('campaigns.start', { id, rate: 50, timeToSend: at });
    expect(started.timeToSend).toBe(at);
    await fixture.core.sender.whenSettled(id);
    expect((await call('campaigns.list', {}))[0]).toMatchObject({ id, timeToSend: at });
  });

  it('refuses a delivery time without an offset or in the past, starting nothing', async () => {
    await testModeCore();
    const id = await draftWithRecipients(call, 'Bad time', PHONES);
    await expect(call('campaigns.start', { id, rate: 50, timeToSend: '2030-01-01T10:00' })).rejects.toThrow(
      /^invalid_time: Delivery time: .*UTC offset/,
    );
    await expect(call('campaigns.start', { id, rate: 50, timeToSend: '2020-01-01T10:00Z' })).rejects.toThrow(
      /in the past/,
    );
    expect((await call('campaigns.get', { id })).status).toBe('draft');
  });

  it('refuses to resume past a stored time with the sentence the CLI prints, then resumes now', async () => {
    await testModeCore();
    const id = await draftWithRecipients(call, 'Missed', PHONES);
    const past = new Date(Date.now() - 60_000).toISOString();
    setTimeToSend(fixture.core.db, id, past);
    setCampaignStatus(fixture.core.db, id, 'paused');
    await expect(call('campaigns.resume', { id })).rejects.toThrow(
      `schedule_passed: Campaign "Missed" was scheduled for delivery at ${past}, which has passed: choose "Deliver the rest now" or a new delivery time.`,
    );
    expect((await call('campaigns.get', { id })).counts.queued).toBe(2);
    const resumed = await call('campaigns.resume', { id, timeToSend: null });
    expect(resumed.timeToSend).toBeNull();
    expect((await fixture.core.sender.whenSettled(id)).counts.accepted).toBe(2);
  });

  it('campaigns.cancel cancels the scheduled messages at Messente and the summary counts them', async () => {
    await testModeCore();
    const id = await draftWithRecipients(call, 'Called off', PHONES);
    await call('campaigns.start', {
      id,
      rate: 50,
      timeToSend: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await fixture.core.sender.whenSettled(id);
    const cancelled = await call('campaigns.cancel', { id });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      counts: { cancelled: 2, accepted: 0 },
      scheduleCancel: { cancelled: 2, alreadySent: 0, unknown: 0 },
    });
  });

  it('campaigns.pause with cancelScheduled takes the messages back: paused, rows queued again', async () => {
    await testModeCore();
    const id = await draftWithRecipients(call, 'On hold', PHONES);
    await call('campaigns.start', {
      id,
      rate: 50,
      timeToSend: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await fixture.core.sender.whenSettled(id);
    const paused = await call('campaigns.pause', { id, cancelScheduled: true });
    expect(paused).toMatchObject({
      status: 'paused',
      counts: { queued: 2 },
      scheduleCancel: { cancelled: 2 },
    });
  });
});
