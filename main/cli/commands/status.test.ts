import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { SIM_PASSWORD, SIM_USER, sentCampaign, startTestSimulator } from '../../delivery-status/test-support';
import type { RunningSimulator } from '../../simulator';
import { omnicast, omnicastAt } from '../test-run';
import { tempDir } from '../../testing/temp-dir';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function prepare(testMode: boolean) {
  sim = await startTestSimulator({ pricePerPartEur: { EE: 0.0123 } });
  const dir = tempDir('omnicast-status');
  const db = openDatabase(dir);
  const id = await sentCampaign(db, sim, 6, Date.now() - 120_000);
  db.prepare('UPDATE campaigns SET test_mode = ?, name = ? WHERE id = ?').run(
    testMode ? 1 : 0,
    'Spring offer',
    id,
  );
  db.prepare(
    "UPDATE messages SET state = 'failed', omnimessage_id = NULL, error_code = '105' WHERE campaign_id = ? AND row = 6",
  ).run(id);
  db.prepare(
    'UPDATE messages SET cost_min_micros = 10000, cost_max_micros = 10000 WHERE campaign_id = ? AND row = 2',
  ).run(id);
  db.close();
  return { dir, id };
}

describe('omnicast status', () => {
  it('prints counts and costs, and with --refresh asks the simulator and shows billed vs predicted', async () => {
    const { dir, id } = await prepare(false);
    const before = await omnicast(['status', String(id), '--data-dir', dir]);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`Campaign ${id} "Spring offer" (completed)`);
    expect(before.stdout).toContain('Rows: 6 (accepted 5, failed 1)');
    expect(before.stdout).toMatch(/PENDING\s+5/);
    expect(before.stdout).toContain('billed: no price reported yet');
    expect(before.stdout).not.toContain('omnicast unknown');

    const env = { MESSENTE_USERNAME: SIM_USER, MESSENTE_PASSWORD: SIM_PASSWORD };
    const after = await omnicastAt(sim!, dir, ['status', String(id), '--refresh'], env);
    expect(after.stderr).toContain(
      'Checked 5 messages: 5 changed, 0 unknown to Messente, 0 could not be checked.',
    );
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('PENDING');
    const counted = [...after.stdout.matchAll(/^ {2}(DELIVRD|UNDELIV|FAILED|EXPIRED|REJECTD)\s+(\d+)$/gm)];
    expect(counted.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(5);
    expect(after.stdout).toContain('billed €0.06 for 5 messages (predicted for those: €0.06)');
    expect(after.stdout).toContain('Billed outside the predicted range on 1 row:');
    // Data row 2 below a header on row 1: spreadsheet row 3, as the app shows it.
    expect(after.stdout).toMatch(/row 3 {2}\+\d+ {2}predicted €0\.01 {2}billed €0\.0123/);

    const db = openDatabase(dir);
    db.prepare("UPDATE messages SET state = 'unknown' WHERE campaign_id = ? AND row = 6").run(id);
    db.close();
    const unknown = await omnicast(['status', String(id), '--data-dir', dir]);
    expect(unknown.stdout).toContain('Rows: 6 (accepted 5, unknown 1)');
    expect(unknown.stdout).toContain(`decide with omnicast unknown ${id}`);
  });

  it('refuses bad ids and names a campaign that does not exist', async () => {
    const { dir } = await prepare(true);
    expect((await omnicast(['status', 'x', '--data-dir', dir])).code).toBe(2);
    expect((await omnicast(['status', '99', '--data-dir', dir])).stderr).toContain('there is no campaign 99');
  });

  it('ends every line it writes: status --refresh after a priced campaign with many rows off its range', async () => {
    sim = await startTestSimulator({ pricePerPartEur: { EE: 0.0123 } });
    const dir = tempDir('omnicast-status-lines');
    const db = openDatabase(dir);
    const id = await sentCampaign(db, sim, 14, Date.now() - 120_000);
    // Twelve rows predicted at one cent: more than the ten listed, so the "… and 2 more" line shows.
    db.prepare(
      'UPDATE messages SET cost_min_micros = 10000, cost_max_micros = 10000 WHERE campaign_id = ? AND row <= 12',
    ).run(id);
    db.prepare('UPDATE campaigns SET test_mode = 0 WHERE id = ?').run(id);
    db.close();
    const env = { MESSENTE_USERNAME: SIM_USER, MESSENTE_PASSWORD: SIM_PASSWORD };
    const r = await omnicastAt(sim, dir, ['status', String(id), '--refresh'], env);
    expect(r.code, r.stderr).toBe(0);
    // Each write is whole lines, so nothing the next write says can run on from it.
    expect(r.writes.filter((w) => !w.endsWith('\n'))).toEqual([]);
    const lines = r.writes.join('').split('\n');
    expect(lines).toContain(`  … and 2 more (omnicast report ${id} lists every row).`);
    expect(lines).toContain(
      'Checked 14 messages: 14 changed, 0 unknown to Messente, 0 could not be checked.',
    );
    expect(lines.filter((l) => l.includes('Checked') && !l.startsWith('Checked'))).toEqual([]);
  });

  it('says a campaign made without prices had no prediction, not that every row differed', async () => {
    const { dir, id } = await prepare(false);
    const db = openDatabase(dir);
    db.prepare(
      'UPDATE messages SET cost_min_micros = NULL, cost_max_micros = NULL WHERE campaign_id = ?',
    ).run(id);
    db.close();
    const env = { MESSENTE_USERNAME: SIM_USER, MESSENTE_PASSWORD: SIM_PASSWORD };
    const r = await omnicastAt(sim!, dir, ['status', String(id), '--refresh'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('billed €0.06 for 5 messages (no price was known for them)');
    expect(r.stdout).toContain('Billed without a predicted price on 5 rows:');
    expect(r.stdout).not.toContain('€0.00');
  });
});
