// `omnicast unknown`, in-process against a real SQLite data folder: rows are made unknown the way
// the engine leaves them (state, error code and title), then listed and decided.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { seedCampaign } from '../../sender/test-support';
import { omnicast } from '../test-run';
import { tempDir } from '../../testing/temp-dir';

type Status = 'completed' | 'paused' | 'cancelled' | 'sending' | 'interrupted';

// seedCampaign's campaigns have their header on spreadsheet row 1: data row N is spreadsheet row N + 1,
// which is what the command prints and reads (as the app's table shows it).

/** A campaign of `count` rows, all accepted but `unknown`, with the given status. */
function prepare(count: number, unknown: readonly number[], status: Status) {
  const dir = tempDir('omnicast-unknown');
  const db = openDatabase(dir);
  const id = seedCampaign(db, count);
  db.prepare("UPDATE messages SET state = 'accepted' WHERE campaign_id = ?").run(id);
  const mark = db.prepare(
    `UPDATE messages SET state = 'unknown', error_code = 'timeout', error_title = 'No answer in time'
     WHERE campaign_id = ? AND row = ?`,
  );
  for (const row of unknown) mark.run(id, row);
  db.prepare('UPDATE campaigns SET status = ? WHERE id = ?').run(status, id);
  db.close();
  return { dir, id: String(id) };
}

function states(dir: string, id: string) {
  const db = openDatabase(dir);
  try {
    const rows = db
      .prepare('SELECT row, state FROM messages WHERE campaign_id = ? ORDER BY row')
      .all(Number(id)) as { row: number; state: string }[];
    const status = db.prepare('SELECT status FROM campaigns WHERE id = ?').pluck().get(Number(id));
    return { rows: Object.fromEntries(rows.map((r) => [r.row, r.state])), status };
  } finally {
    db.close();
  }
}

describe('omnicast unknown', () => {
  it('lists every unknown row with its phone and reason, then how to decide', async () => {
    const { dir, id } = prepare(2500, [2, 5, 2400], 'sending');
    const r = await omnicast(['unknown', id, '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'row 3  +37250000001  timeout No answer in time',
      'row 6  +37250000004  timeout No answer in time',
      'row 2401  +37250002399  timeout No answer in time',
      `3 row(s) whose outcome is unknown. Decide with: omnicast unknown ${id} --mark-sent ROWS|all, or --send-again ROWS|all (then omnicast resume ${id}).`,
    ]);
  });

  it('numbers rows as the spreadsheet does when the header is further down', async () => {
    const { dir, id } = prepare(5, [2, 4], 'completed');
    const db = openDatabase(dir);
    db.prepare('UPDATE campaigns SET header_row = 4 WHERE id = ?').run(Number(id));
    db.close();
    const listed = await omnicast(['unknown', id, '--data-dir', dir]);
    expect(listed.stdout.split('\n').filter((l) => l.startsWith('row '))).toEqual([
      'row 6  +37250000001  timeout No answer in time',
      'row 8  +37250000003  timeout No answer in time',
    ]);
    expect((await omnicast(['unknown', id, '--mark-sent', '8', '--data-dir', dir])).code).toBe(0);
    expect(states(dir, id).rows).toMatchObject({ 2: 'unknown', 4: 'accepted' });
    const header = await omnicast(['unknown', id, '--mark-sent', '4', '--data-dir', dir]);
    expect(header.code).toBe(2);
    expect(header.stderr).toContain('the campaign’s data starts on row 5');
  });

  it('lists more rows than one page, in order', async () => {
    const many = Array.from({ length: 2100 }, (_, i) => i + 3);
    const { dir, id } = prepare(2200, many, 'completed');
    const r = await omnicast(['unknown', id, '--data-dir', dir]);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('row '));
    expect(rows.map((l) => Number(l.split(' ')[1]) - 1)).toEqual(many);
  });

  it('says so when nothing is unknown, and refuses to decide then', async () => {
    const { dir, id } = prepare(3, [], 'completed');
    const r = await omnicast(['unknown', id, '--data-dir', dir]);
    expect(r).toMatchObject({ code: 0, stdout: `Campaign ${id} has no rows whose outcome is unknown.\n` });
    const d = await omnicast(['unknown', id, '--mark-sent', 'all', '--data-dir', dir]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('has no rows whose outcome is unknown');
  });

  it('--mark-sent with a list: the unknown ones become accepted, the others are left alone', async () => {
    const { dir, id } = prepare(10, [3, 7, 8], 'completed');
    // Spreadsheet rows 4, 5, 8 and 4 again: data rows 3, 4, 7.
    const r = await omnicast(['unknown', id, '--mark-sent', '4,5,8-8,4', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      '2 row(s) marked as sent: they count as accepted and are never sent again. 1 row(s) were not unknown and were left as they are.\n',
    );
    const after = states(dir, id);
    expect(after.rows).toMatchObject({ 3: 'accepted', 4: 'accepted', 7: 'accepted', 8: 'unknown' });
    expect(after.status).toBe('completed');
  });

  it('--send-again all on a completed campaign queues the rows and pauses it for resume', async () => {
    const { dir, id } = prepare(6, [1, 6], 'completed');
    const r = await omnicast(['unknown', id, '--send-again', 'all', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      '2 row(s) queued to send again: they go out when the campaign is resumed.\n' +
        `Send them with: omnicast resume ${id}\n`,
    );
    const after = states(dir, id);
    expect(after.rows).toEqual({
      1: 'queued',
      2: 'accepted',
      3: 'accepted',
      4: 'accepted',
      5: 'accepted',
      6: 'queued',
    });
    expect(after.status).toBe('paused');
  });

  it('refuses to send again from a cancelled campaign (exit 1), changing nothing', async () => {
    const { dir, id } = prepare(4, [2], 'cancelled');
    const r = await omnicast(['unknown', id, '--send-again', '3', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Campaign ${id} was cancelled`);
    expect(states(dir, id)).toMatchObject({ rows: { 2: 'unknown' }, status: 'cancelled' });
  });

  it('refuses to decide while another process is sending the campaign (exit 1), changing nothing', async () => {
    // Marked sending in the data folder, with no run in this process: the app or another omnicast.
    const { dir, id } = prepare(4, [2], 'sending');
    const r = await omnicast(['unknown', id, '--mark-sent', 'all', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Campaign ${id} is being sent by another Omnicast right now`);
    expect(r.stderr).toContain('pause it there first');
    expect(r.stderr).toContain(`omnicast resume ${id}`);
    expect(states(dir, id)).toMatchObject({ rows: { 2: 'unknown' }, status: 'sending' });
  });

  it.each([
    [['--mark-sent', '3,x'], '--mark-sent: "x"'],
    [['--send-again', '3,,4'], '--send-again: ""'],
    [['--mark-sent', '0'], '--mark-sent: "0"'],
    [['--mark-sent', '20-12'], 'is reversed: write 12-20'],
    [['--send-again', '1-1000001'], '--send-again: "1-1000001" names more than 1,000,000 rows'],
    [['--mark-sent', '1', '--send-again', '2'], 'not both'],
    [['--mark-sent'], "Option '--mark-sent'"],
  ])('rejects bad usage %j with exit 2', async (args, message) => {
    const { dir, id } = prepare(3, [1], 'completed');
    const r = await omnicast(['unknown', id, ...args, '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(states(dir, id).rows[1]).toBe('unknown');
  });

  it('names a campaign that does not exist, and needs exactly one id', async () => {
    const { dir } = prepare(1, [], 'completed');
    const r = await omnicast(['unknown', '99', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`there is no campaign 99 in ${dir}.`);
    expect((await omnicast(['unknown', '--data-dir', dir])).code).toBe(2);
  });
});
