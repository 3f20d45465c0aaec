import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../db/database';
import { getCampaign } from '../db/queries/campaigns';
import { iterateMessages } from '../db/queries/messages';
import { addOptOuts } from '../db/queries/opt-outs';
import { seedCampaign } from '../sender/test-support';
import { createRetryCampaign, retryCounts } from './retry';

/** A completed campaign of 10 rows with every kind of outcome. */
function sentCampaign() {
  const db = openMemoryDatabase();
  const id = seedCampaign(db, 10);
  const set = (rows: number[], sql: string) =>
    db.prepare(`UPDATE messages SET ${sql} WHERE campaign_id = ? AND row IN (${rows.join(',')})`).run(id);
  set(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    "state = 'accepted', omnimessage_id = 'x', delivery_status = 'DELIVRD'",
  );
  set([2, 7], "state = 'failed', omnimessage_id = NULL, delivery_status = NULL, error_code = '105'");
  set([3], "delivery_status = 'UNDELIV'");
  set([5], "delivery_status = 'EXPIRED'");
  set([6], "state = 'unknown', omnimessage_id = NULL, delivery_status = NULL");
  set([9], "delivery_status = 'NOT_FOUND'");
  set([10], "delivery_status = 'ACK'");
  db.prepare(
    "UPDATE campaigns SET status = 'completed', sender = 'Clinic', autoconvert = 'full' WHERE id = ?",
  ).run(id);
  return { db, id };
}

const rowsOf = (db: ReturnType<typeof openMemoryDatabase>, id: number) =>
  [...iterateMessages(db, id)].map((m) => [m.row, m.state, m.skipReason]);

describe('retry failed rows', () => {
  it('counts the rows of each kind', () => {
    const { db, id } = sentCampaign();
    expect(retryCounts(db, id)).toEqual({ failed: 2, undelivered: 2, unknown: 2 });
  });

  it('creates a draft of the chosen kinds keeping original row numbers, columns, template and sender', () => {
    const { db, id } = sentCampaign();
    const retry = createRetryCampaign(db, id, ['failed', 'undelivered']);
    const draft = getCampaign(db, retry)!;
    const original = getCampaign(db, id)!;
    expect(draft).toMatchObject({
      status: 'draft',
      template: original.template,
      sender: 'Clinic',
      autoconvert: 'full',
      columns: original.columns,
      phoneColumn: original.phoneColumn,
      testMode: original.testMode,
    });
    expect(rowsOf(db, retry)).toEqual([
      [2, 'queued', null],
      [3, 'queued', null],
      [5, 'queued', null],
      [7, 'queued', null],
    ]);
    const copy = [...iterateMessages(db, retry)][0]!;
    const source = [...iterateMessages(db, id)][1]!;
    expect([copy.fields, copy.to, copy.text, copy.predictedCostMicros]).toEqual([
      source.fields,
      source.to,
      source.text,
      source.predictedCostMicros,
    ]);
    expect(copy).toMatchObject({ omnimessageId: null, attempts: 0, deliveryStatus: null, errorCode: null });
  });

  it('takes unknown rows (including those Messente does not know) only when asked, and skips numbers opted out since', () => {
    const { db, id } = sentCampaign();
    const six = [...iterateMessages(db, id)][5]!;
    addOptOuts(db, [six.to!], 'test');
    const retry = createRetryCampaign(db, id, ['unknown']);
    expect(rowsOf(db, retry)).toEqual([
      [6, 'skipped', 'Opted out'],
      [9, 'queued', null],
    ]);
  });

  it('refuses no kinds, a campaign with nothing to retry, and one still sending', () => {
    const { db, id } = sentCampaign();
    expect(() => createRetryCampaign(db, id, [])).toThrow(/Choose/);
    db.prepare(
      "UPDATE messages SET state = 'accepted', delivery_status = 'DELIVRD' WHERE campaign_id = ?",
    ).run(id);
    expect(() => createRetryCampaign(db, id, ['failed', 'unknown', 'undelivered'])).toThrow(
      /no failed or undelivered or unknown rows/,
    );
    expect(db.prepare('SELECT COUNT(*) AS n FROM campaigns').get()).toEqual({ n: 1 });
    db.prepare("UPDATE campaigns SET status = 'sending' WHERE id = ?").run(id);
    expect(() => createRetryCampaign(db, id, ['failed'])).toThrow(/sending/);
  });
});
