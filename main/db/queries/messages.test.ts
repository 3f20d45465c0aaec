// The report table's row filters, on a seeded campaign whose rows carry every kind of outcome.
import { describe, expect, it } from 'vitest';
import { seedCampaign } from '../../sender/test-support';
import { openMemoryDatabase } from '../database';
import { campaignErrors } from './campaign-totals';
import { countMessages, pageMessages, type RowFilter } from './messages';
import { billedDifferences, compareBilled, deliveryCounts } from './statuses';

/** 10 rows predicted at 0.06 €: delivered, undelivered, pending, failed, unknown, skipped; some billed. */
function sentCampaign() {
  const db = openMemoryDatabase();
  const id = seedCampaign(db, 10);
  const other = seedCampaign(db, 3);
  const set = (campaign: number, rows: number[], sql: string) =>
    db
      .prepare(`UPDATE messages SET ${sql} WHERE campaign_id = ? AND row IN (${rows.join(',')})`)
      .run(campaign);
  set(id, [1, 2, 3, 4, 5, 6], "state = 'accepted', omnimessage_id = 'x', delivery_status = 'DELIVRD'");
  set(id, [3], "delivery_status = 'UNDELIV', delivery_error = 'Absent subscriber'");
  set(id, [4], 'delivery_status = NULL');
  set(id, [1, 2, 3], 'billed_micros = 60000');
  set(id, [2], 'billed_micros = 120000');
  set(id, [5], 'billed_micros = 30000, cost_max_micros = NULL');
  set(id, [7], "state = 'failed', error_code = '105', error_title = 'Invalid data'");
  set(id, [8], "state = 'failed', error_code = '101', error_title = 'Forbidden'");
  set(id, [9], "state = 'unknown'");
  set(id, [10], "state = 'skipped', skip_reason = 'Opted out'");
  // The other campaign has the same kinds of rows: no filter may reach them.
  set(other, [1, 2, 3], "state = 'accepted', delivery_status = 'DELIVRD', billed_micros = 1");
  return { db, id };
}

const rowsOf = (filter: RowFilter) => {
  const { db, id } = sentCampaign();
  const rows = pageMessages(db, id, 0, 100, filter).map((m) => m.row);
  expect(countMessages(db, id, filter)).toBe(rows.length);
  return rows;
};

const rowsOf2 = (db: ReturnType<typeof openMemoryDatabase>, id: number) =>
  pageMessages(db, id, 0, 100, { billedDiffers: true }).map((m) => m.row);

describe('report row filters', () => {
  it('shows every row of the campaign without a filter, or with empty lists', () => {
    expect(rowsOf({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rowsOf({ states: [], deliveryStatuses: [], errorCodes: [], billedDiffers: false })).toHaveLength(
      10,
    );
  });

  it('filters by delivery status, PENDING being accepted rows without one', () => {
    expect(rowsOf({ deliveryStatuses: ['UNDELIV'] })).toEqual([3]);
    expect(rowsOf({ deliveryStatuses: ['PENDING'] })).toEqual([4]);
    expect(rowsOf({ deliveryStatuses: ['PENDING', 'UNDELIV'] })).toEqual([3, 4]);
    expect(rowsOf({ deliveryStatuses: ['DELIVRD'] })).toEqual([1, 2, 5, 6]);
  });

  it('counts for each delivery status what deliveryCounts says', () => {
    const { db, id } = sentCampaign();
    for (const [status, n] of Object.entries(deliveryCounts(db, id))) {
      expect(countMessages(db, id, { deliveryStatuses: [status] }), status).toBe(n);
    }
  });

  it('filters by error code, "unknown" taking failed and unknown rows without a code', () => {
    expect(rowsOf({ errorCodes: ['105'] })).toEqual([7]);
    expect(rowsOf({ errorCodes: ['105', '101'] })).toEqual([7, 8]);
    expect(rowsOf({ errorCodes: ['unknown'] })).toEqual([9]);
    const { db, id } = sentCampaign();
    for (const group of campaignErrors(db, id)) {
      expect(countMessages(db, id, { errorCodes: [group.code] }), group.code).toBe(group.count);
    }
  });

  it('filters the rows whose billed cost differs from the prediction, as billedDifferences lists them', () => {
    expect(rowsOf({ billedDiffers: true })).toEqual([2, 5]);
    const { db, id } = sentCampaign();
    expect(countMessages(db, id, { billedDiffers: true })).toBe(compareBilled(db, id).differingRows);
    expect(billedDifferences(db, id, 10).map((d) => d.row)).toEqual([2, 5]);
  });

  it('counts a row as billed differently only outside its predicted range, or beyond rounding of one figure', () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 7);
    const bill = (row: number, min: number, max: number, billed: number) =>
      db
        .prepare(
          `UPDATE messages SET state = 'accepted', cost_min_micros = ?, cost_max_micros = ?, billed_micros = ?
           WHERE campaign_id = ? AND row = ?`,
        )
        .run(min, max, billed, id, row);
    // Two networks: €0.06 and €0.065.
    bill(1, 60_000, 65_000, 60_000); // the low end: as predicted
    bill(2, 60_000, 65_000, 65_000); // the high end: as predicted
    bill(3, 60_000, 65_000, 70_000); // above the range
    bill(4, 60_000, 65_000, 55_000); // below the range
    // One figure: €0.06.
    bill(5, 60_000, 60_000, 60_040); // rounding of Messente's 4 decimals
    bill(6, 60_000, 60_000, 60_100); // a real difference
    expect(rowsOf2(db, id)).toEqual([3, 4, 6]);
    expect(compareBilled(db, id)).toMatchObject({
      billedRows: 6,
      differingRows: 3,
      predictedMinMicros: 4 * 60_000 + 2 * 60_000,
      predictedMicros: 4 * 65_000 + 2 * 60_000,
    });
    expect(
      billedDifferences(db, id, 10).map((d) => [
        d.row,
        d.predictedMinMicros,
        d.predictedMicros,
        d.billedMicros,
      ]),
    ).toEqual([
      [3, 60_000, 65_000, 70_000],
      [4, 60_000, 65_000, 55_000],
      [6, 60_000, 60_000, 60_100],
    ]);
  });

  it('combines kinds with AND and values of one kind with OR', () => {
    expect(rowsOf({ states: ['accepted', 'failed'], errorCodes: ['105', 'unknown'] })).toEqual([7]);
    expect(rowsOf({ deliveryStatuses: ['DELIVRD', 'UNDELIV'], billedDiffers: true })).toEqual([2, 5]);
    expect(rowsOf({ states: ['failed'], deliveryStatuses: ['DELIVRD'] })).toEqual([]);
    expect(rowsOf({ deliveryStatuses: ['DELIVRD'], errorCodes: ['105'] })).toEqual([]);
  });

  it('pages the filtered rows and still accepts a plain list of states', () => {
    const { db, id } = sentCampaign();
    expect(pageMessages(db, id, 1, 2, { deliveryStatuses: ['DELIVRD'] }).map((m) => m.row)).toEqual([2, 5]);
    expect(pageMessages(db, id, 0, 10, ['failed']).map((m) => m.row)).toEqual([7, 8]);
    expect(countMessages(db, id, ['failed', 'unknown'])).toBe(3);
  });

  it('treats values as data, never as SQL', () => {
    const { db, id } = sentCampaign();
    const hostile = ["' OR 1=1 --", 'DELIVRD)'];
    expect(countMessages(db, id, { errorCodes: hostile })).toBe(0);
    expect(countMessages(db, id, { deliveryStatuses: hostile })).toBe(0);
  });
});
