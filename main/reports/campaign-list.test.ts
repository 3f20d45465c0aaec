import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../db/database';
import { seedCampaign } from '../sender/test-support';
import { CAMPAIGN_LIST_COLUMNS, campaignListExport } from './campaign-list';

describe('campaign list export', () => {
  it('writes one row per campaign with counts and costs, newest first', async () => {
    const db = openMemoryDatabase();
    const first = seedCampaign(db, 3);
    const second = seedCampaign(db, 2, null);
    db.prepare(
      "UPDATE messages SET state = 'accepted', billed_micros = 65000 WHERE campaign_id = ? AND row = 1",
    ).run(first);
    db.prepare('UPDATE campaigns SET name = \'Spring, "sale"\' WHERE id = ?').run(second);
    db.prepare("UPDATE campaigns SET time_to_send = '2030-05-04T15:00:00.000Z' WHERE id = ?").run(second);

    let csv = '';
    const rows = await campaignListExport(db).write((chunk) => {
      csv += chunk;
    });
    expect(rows).toBe(2);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...CAMPAIGN_LIST_COLUMNS]);
    expect(parsed.data.map((r) => [r.id, r.name, r.rows, r.accepted, r.queued])).toEqual([
      [String(second), 'Spring, "sale"', '2', '0', '2'],
      [String(first), 'Test', '3', '1', '2'],
    ]);
    expect(parsed.data[1]?.predicted_cost).toBe('0.18');
    expect(parsed.data[1]?.billed_cost).toBe('0.065');
    expect(parsed.data[0]?.predicted_cost).toBe('');
    expect(parsed.data.map((r) => r.time_to_send)).toEqual(['2030-05-04T15:00:00.000Z', '']);
  });
});
