import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../db/database';
import { createStatusStore, type StatusObservation } from '../db/queries/statuses';
import { deliveryReport } from './delivery-report';
import { seedCampaign } from '../sender/test-support';

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const ACK: StatusObservation = {
  kind: 'status',
  status: 'ACK',
  statusAt: '2026-12-01T09:00:30.000Z',
  err: null,
  error: null,
  partPrice: null,
  partsCount: null,
  totalPrice: null,
  billedMicros: null,
  deliveredAt: null,
};

/**
 * Three accepted rows of one campaign (+37250000000 to +37250000002); returns the campaign and the
 * rows' message ids by row.
 */
function acceptedCampaign(db: Db): { id: number; messageIds: Map<number, number> } {
  const id = seedCampaign(db, 3);
  db.prepare(
    "UPDATE messages SET state = 'accepted', omnimessage_id = 'om-' || row, sent_at = '2026-12-01T09:00:00.000Z' WHERE campaign_id = ?",
  ).run(id);
  const rows = db.prepare('SELECT id, row FROM messages WHERE campaign_id = ?').all(id) as {
    id: number;
    row: number;
  }[];
  return { id, messageIds: new Map(rows.map((r) => [r.row, r.id])) };
}

async function checkedColumn(db: Db, id: number): Promise<Record<string, string>> {
  const chunks: string[] = [];
  await deliveryReport(db, id, false).write((chunk) => {
    chunks.push(chunk);
  });
  const parsed = Papa.parse<Record<string, string>>(chunks.join('').slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return Object.fromEntries(parsed.data.map((r) => [r.phone ?? '', r.status_checked_at ?? '']));
}

describe('delivery report: when each row was last checked', () => {
  it('shows the latest answered check, unchanged answers included, and nothing for a row never checked', async () => {
    const db = openMemoryDatabase();
    opened.push(db);
    const { id, messageIds } = acceptedCampaign(db);
    const store = createStatusStore(db);
    const at = (row: number) => messageIds.get(row) ?? 0;
    const next = '2026-12-01T10:00:00.000Z';

    const check = (row: number, checkedAt: string, observation: StatusObservation) => ({
      messageId: at(row),
      checkedAt,
      observation,
      nextCheckAt: next,
    });

    store.write([
      check(1, '2026-12-01T09:01:00.000Z', ACK),
      check(2, '2026-12-01T09:01:00.000Z', { kind: 'pending' }),
    ]);
    // Row 1 again, the same status: no new history, but a newer check. Row 2's request fails: the
    // time of its last answer stays.
    expect(
      store.write([
        check(1, '2026-12-01T09:05:00.000Z', ACK),
        check(2, '2026-12-01T09:05:00.000Z', { kind: 'error' }),
      ]),
    ).toBe(0);

    const column = await checkedColumn(db, id);
    expect(column).toEqual({
      '+37250000000': '2026-12-01T09:05:00.000Z',
      '+37250000001': '2026-12-01T09:01:00.000Z',
      '+37250000002': '',
    });
    // The status history keeps only the change; the report's time comes from the row.
    expect(db.prepare('SELECT COUNT(*) AS n FROM delivery_statuses').get()).toEqual({ n: 1 });
  });
});
