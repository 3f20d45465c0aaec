import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../shared/import';
import type { MessageRow } from '../../shared/types';
import type { Db } from '../db/database';
import { openMemoryDatabase } from '../db/database';
import { insertCampaign } from '../db/queries/campaigns';
import { insertMessages, iterateMessages, type NewMessage } from '../db/queries/messages';
import { deliveryReport, FAILED_ONLY, microsToDecimal, REPORT_COLUMNS } from './delivery-report';
import { localTime } from './local-time';

// The per-row path the export used before it moved the formatting into SQLite: one MessageRow per
// row, every value through csvField. The fast export must produce exactly these bytes.
function referenceValues(m: MessageRow, headerRow: number, checkedAt: string | null): string[] {
  return [
    ...m.fields,
    String(m.row + headerRow),
    m.to ?? '',
    m.state,
    m.deliveryStatus ?? '',
    m.deliveryError ?? '',
    m.sentAt ?? '',
    m.deliveredAt ?? '',
    checkedAt ?? '',
    m.omnimessageId ?? '',
    m.messageId ?? '',
    m.text,
    m.encoding,
    String(m.segments),
    microsToDecimal(m.predictedCostMicros),
    microsToDecimal(m.billedCostMicros),
    m.errorCode ?? '',
    m.errorTitle ?? '',
    m.errorDetail ?? m.skipReason ?? '',
    m.errorSource ?? '',
    String(m.attempts),
    m.scheduleCancel ?? '',
    m.sendAt ? localTime(m.sendAt, m.zone ?? null) : '',
  ];
}

function referenceReport(db: Db, campaignId: number, columns: readonly string[], failedOnly: boolean) {
  let csv = '\uFEFF' + csvLine([...columns, ...REPORT_COLUMNS]);
  const checked = db.prepare(
    'SELECT status_checked_at AS at FROM messages WHERE campaign_id = ? AND row = ?',
  );
  for (const m of iterateMessages(db, campaignId, failedOnly ? FAILED_ONLY : undefined)) {
    const { at } = checked.get(campaignId, m.row) as { at: string | null };
    csv += csvLine(referenceValues(m, HEADER_ROW, at));
  }
  return csv;
}

async function exportReport(db: Db, campaignId: number, failedOnly: boolean) {
  const chunks: string[] = [];
  const rows = await deliveryReport(db, campaignId, failedOnly).write((chunk) => {
    chunks.push(chunk);
  });
  return { csv: chunks.join(''), rows, chunks: chunks.length };
}

// Values that exercise every escaping rule, and NULLs wherever the column allows them.
const TEXTS = [
  'plain',
  'Hi Mari, see you; ok',
  'say "hi"',
  'two\nlines\r\nthree',
  '=HYPERLINK("http://x")',
  '+1+2',
  '+372 5123-4567',
  '-12.5',
  '-2+3',
  '@cmd',
  '\tTab',
  '\rCR',
  'Jüri Õunapuu 😀',
  '',
  'x'.repeat(5_000),
];
const NULLABLE = [null, ...TEXTS];
const STATES = ['skipped', 'queued', 'sending', 'accepted', 'failed', 'unknown', 'cancelled'] as const;
const DELIVERY = [null, 'DELIVRD', 'ACK', 'UNDELIV', 'FAILED', 'REJECTD', 'EXPIRED', 'NACK', '-odd;'];
const MICROS = [null, 0, 1, 50_000, 62_000, 999_999, 1_000_000, 1_234_567, -5_000];

const pick = <T>(values: readonly T[], i: number, step: number): T => values[(i * step) % values.length] as T;

/** The source file's header is on row 3: its first recipient is spreadsheet row 4. */
const HEADER_ROW = 3;

function seedVariedCampaign(db: Db, columns: readonly string[], count: number): number {
  const id = insertCampaign(db, {
    headerRow: HEADER_ROW,
    name: 'Varied',
    testMode: true,
    template: '{{name}}',
    sender: 'Shop',
    autoconvert: 'on',
    country: 'EE',
    columns: [...columns],
    phoneColumn: 0,
    sourceFile: 'varied.csv',
    rate: 10,
  });
  const messages: NewMessage[] = [];
  // Inserted in reverse so that the report's row order cannot come from insertion order.
  for (let row = count; row >= 1; row -= 1) {
    const to = row % 11 === 0 ? null : pick(['+37251234567', '+1 HYPERLINK(1)', '-5', '=1+1'], row, 1);
    messages.push({
      row,
      fields: columns.map((_, c) => pick(TEXTS, row + c, 3)),
      rawPhone: to ?? 'bad',
      to,
      state: row % 11 === 0 ? 'skipped' : 'queued',
      skipReason: row % 11 === 0 ? pick(NULLABLE, row, 5) : null,
      text: pick(TEXTS, row, 7),
      encoding: row % 2 === 0 ? 'GSM-7' : 'UCS-2',
      segments: (row % 4) + 1,
      costMinMicros: pick(MICROS, row, 2),
      costMaxMicros: pick(MICROS, row, 3),
    });
  }
  insertMessages(db, id, messages);
  const update = db.prepare(
    `UPDATE messages SET state = ?, delivery_status = ?, delivery_error = ?, sent_at = ?, delivered_at = ?,
       omnimessage_id = ?, message_id = ?, billed_micros = ?, error_code = ?, error_title = ?, error_detail = ?,
       error_source = ?, attempts = ?, schedule_cancel = ?, status_checked_at = ? WHERE campaign_id = ? AND row = ?`,
  );
  for (let row = 1; row <= count; row += 1) {
    if (row % 11 === 0) continue;
    update.run(
      pick(STATES, row, 1),
      pick(DELIVERY, row, 2),
      pick(NULLABLE, row, 3),
      pick([null, '2026-12-01T09:00:00.000Z'], row, 1),
      pick([null, '2026-12-01T09:01:00.000Z', '-1'], row, 1),
      pick([null, 'a1b2c3', '+123'], row, 1),
      pick([null, 'm-1', '@m'], row, 2),
      pick(MICROS, row, 5),
      pick([null, '102', '=2'], row, 1),
      pick(NULLABLE, row, 4),
      pick(NULLABLE, row, 6),
      pick(NULLABLE, row, 8),
      row % 5,
      pick([null, 'cancelled', 'already-sent', 'unknown'], row, 3),
      pick([null, '2026-12-01T09:02:00.000Z', '2026-12-01T10:00:00.000Z'], row, 2),
      id,
      row,
    );
  }
  return id;
}

describe('deliveryReport', () => {
  const db = openMemoryDatabase();
  const columns = ['name', 'note, "quoted"', '=formula'];
  const id = seedVariedCampaign(db, columns, 400);
  // Another campaign in the same file must not leak into the report.
  seedVariedCampaign(db, ['other'], 30);

  it('writes the same bytes as the per-row path, in row order, across several chunks', async () => {
    const { csv, rows, chunks } = await exportReport(db, id, false);
    expect(rows).toBe(400);
    expect(chunks).toBeGreaterThan(2);
    expect(csv).toBe(referenceReport(db, id, columns, false));
  });

  it('writes the same bytes as the per-row path for failed rows only', async () => {
    const { csv, rows } = await exportReport(db, id, true);
    const reference = referenceReport(db, id, columns, true);
    expect(rows).toBeGreaterThan(50);
    expect(rows).toBeLessThan(400);
    expect(csv).toBe(reference);
  });

  it('round-trips through papaparse with the header and the values as stored', async () => {
    const { csv } = await exportReport(db, id, false);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['name', 'note, "quoted"', "'=formula", ...REPORT_COLUMNS]);
    const first = parsed.data[1] ?? [];
    expect(first[columns.length]).toBe('4');
    expect(first).toHaveLength(columns.length + REPORT_COLUMNS.length);
  });

  it('waits for a slow sink to take each chunk before handing it the next, in order', async () => {
    const chunks: string[] = [];
    let busy = false;
    let overlapping = 0;
    const rows = await deliveryReport(db, id, false).write(async (chunk) => {
      if (busy) overlapping += 1;
      busy = true;
      chunks.push(chunk);
      await new Promise((resolve) => setTimeout(resolve, 2));
      busy = false;
    });
    expect(rows).toBe(400);
    expect(overlapping).toBe(0);
    expect(chunks.join('')).toBe(referenceReport(db, id, columns, false));
  });

  it('fails with the error of the sink', async () => {
    const report = deliveryReport(db, id, false);
    let calls = 0;
    const failing = report.write(async () => {
      calls += 1;
      if (calls === 2) throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
  });

  it('handles a campaign whose file had no columns besides the report', async () => {
    const bare = seedVariedCampaign(db, [], 20);
    const { csv } = await exportReport(db, bare, false);
    expect(csv).toBe(referenceReport(db, bare, [], false));
  });
});
