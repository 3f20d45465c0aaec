// The operator's decision about `unknown` rows through the app's call (createCore + dispatch, test
// mode): marked as sent, or queued to send again and sent by a resume; refusals in one sentence.
import { describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { createMemoryStore } from '../credentials/store';
import { callerOf, draftWithRecipients, useTestModeCore } from './test-support';

const fixture = useTestModeCore('omnicast-unknown-calls-');
const call = fixture.call;

const PHONES = ['+37251234561', '+37251234562', '+37251234563', '+37251234564'];

/** A completed test-mode campaign whose rows 2 and 3 ended `unknown` (as after a timeout). */
async function completedWithUnknown(): Promise<number> {
  await fixture.start();
  const id = await draftWithRecipients(call, 'Spring', PHONES);
  await call('campaigns.start', { id, rate: 50 });
  await fixture.core.sender.whenSettled(id);
  fixture.core.db
    .prepare(
      `UPDATE messages SET state = 'unknown', omnimessage_id = NULL, message_id = NULL, error_code = 'timeout'
       WHERE campaign_id = ? AND row IN (2, 3)`,
    )
    .run(id);
  return id;
}

const stateOf = async (id: number) =>
  (await call('campaigns.rows', { id, offset: 0, limit: 10 })).rows.map((r) => [r.row, r.state]);

describe('campaigns.markUnknown', () => {
  it('marks chosen rows as sent: accepted, never sent again, the rest left alone', async () => {
    const id = await completedWithUnknown();
    const result = await call('campaigns.markUnknown', { id, rows: [2, 4], as: 'sent' });
    expect(result.changed).toBe(1);
    expect(result.message).toBe(
      '1 row(s) marked as sent: they count as accepted and are never sent again. 1 row(s) were not unknown and were left as they are.',
    );
    expect(result.summary.counts).toMatchObject({ accepted: 3, unknown: 1 });
    expect(result.summary.status).toBe('completed');
    expect(await stateOf(id)).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'unknown'],
      [4, 'accepted'],
    ]);
  });

  it('queues every unknown row again; the campaign pauses and a resume sends them', async () => {
    const id = await completedWithUnknown();
    const result = await call('campaigns.markUnknown', { id, rows: null, as: 'again' });
    expect(result).toMatchObject({
      changed: 2,
      message: '2 row(s) queued to send again: they go out when the campaign is resumed.',
      summary: { status: 'paused', counts: { queued: 2, unknown: 0 } },
    });
    await call('campaigns.resume', { id });
    expect((await fixture.core.sender.whenSettled(id)).counts).toMatchObject({ accepted: 4, unknown: 0 });
    const rows = (await call('campaigns.rows', { id, offset: 0, limit: 10 })).rows;
    expect(rows.filter((r) => r.row === 2 || r.row === 3).every((r) => r.omnimessageId !== null)).toBe(true);
    await expect(call('campaigns.markUnknown', { id, rows: null, as: 'sent' })).rejects.toThrow(
      'nothing_unknown: Campaign',
    );
  });

  it('queues a row again while the campaign is sending: it goes out in the same run', async () => {
    await fixture.start();
    const id = await draftWithRecipients(call, 'Running', PHONES);
    // As after a crash: row 1 was in flight (now unknown), the rest never left.
    fixture.core.db
      .prepare(
        "UPDATE messages SET state = 'unknown', error_code = 'interrupted' WHERE campaign_id = ? AND row = 1",
      )
      .run(id);
    fixture.core.db.prepare("UPDATE campaigns SET status = 'paused' WHERE id = ?").run(id);
    await call('campaigns.resume', { id });
    const result = await call('campaigns.markUnknown', { id, rows: [1], as: 'again' });
    expect(result.summary.status).toBe('sending');
    expect(result.message).toBe('1 row(s) queued to send again: they go out with the rest of the campaign.');
    const final = await fixture.core.sender.whenSettled(id);
    expect(final.status).toBe('completed');
    expect(final.counts).toMatchObject({ accepted: 4, unknown: 0, queued: 0 });
  });

  it('refuses to queue rows of a cancelled campaign again, but lets them be marked as sent', async () => {
    const id = await completedWithUnknown();
    fixture.core.db.prepare("UPDATE campaigns SET status = 'cancelled' WHERE id = ?").run(id);
    await expect(call('campaigns.markUnknown', { id, rows: [2], as: 'again' })).rejects.toThrow(
      /^campaign_cancelled: .*make a new campaign of them/,
    );
    expect(await stateOf(id)).toContainEqual([2, 'unknown']);
    expect((await call('campaigns.markUnknown', { id, rows: null, as: 'sent' })).changed).toBe(2);
  });

  it('refuses rows that are not positive whole numbers before touching anything', async () => {
    const id = await completedWithUnknown();
    await expect(call('campaigns.markUnknown', { id, rows: [0], as: 'sent' })).rejects.toThrow(
      'invalid_arguments',
    );
    await expect(call('campaigns.markUnknown', { id, rows: [], as: 'sent' })).rejects.toThrow(
      'invalid_arguments',
    );
    expect(await stateOf(id)).toContainEqual([3, 'unknown']);
  });

  it('refuses while another process is sending the campaign, and decides once it has paused', async () => {
    const app = await fixture.start();
    const phones = Array.from({ length: 40 }, (_, i) => `+3725123${String(i).padStart(4, '0')}`);
    const id = await draftWithRecipients(call, 'Elsewhere', phones);
    app.db
      .prepare(
        "UPDATE messages SET state = 'unknown', error_code = 'interrupted' WHERE campaign_id = ? AND row = 1",
      )
      .run(id);
    // One message a second: the campaign is still sending when the other process decides.
    await call('campaigns.start', { id, rate: 1 });
    const other = await createCore({
      dataDir: (await call('app.info', {})).dataDir,
      platform: { offerExport: async () => ({ kind: 'cancelled' }) },
      version: 't',
      credentials: createMemoryStore(),
      background: false,
    });
    try {
      const otherCall = callerOf(() => other);
      await expect(otherCall('campaigns.markUnknown', { id, rows: [1], as: 'sent' })).rejects.toThrow(
        /^sending_elsewhere: Campaign \d+ is being sent by another Omnicast right now .*pause it there first/,
      );
      expect(await stateOf(id)).toContainEqual([1, 'unknown']);
      await call('campaigns.pause', { id });
      const decided = await otherCall('campaigns.markUnknown', { id, rows: [1], as: 'sent' });
      expect(decided.changed).toBe(1);
      expect(await stateOf(id)).toContainEqual([1, 'accepted']);
    } finally {
      await other.close();
    }
  });
});
