// Delivery-report export of a large campaign: time, and whether memory grows with the row count.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/db/database';
import { insertCampaign } from '../main/db/queries/campaigns';
import { insertMessages, type NewMessage } from '../main/db/queries/messages';
import { deliveryReport } from '../main/reports/delivery-report';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function exportOnce(
  dir: string,
  rows: number,
): Promise<{ seconds: number; cpuSeconds: number; peakRss: number; startRss: number; bytes: number }> {
  const db = openDatabase(join(dir, `data-${rows}`));
  const id = insertCampaign(db, {
    name: 'bench',
    testMode: true,
    template: 'Hi {{name}}, your appointment is on {{date}}. https://example.com/r',
    sender: 'Clinic',
    autoconvert: 'on',
    country: 'EE',
    columns: ['name', 'phone', 'date', 'city', 'note'],
    phoneColumn: 1,
    sourceFile: 'bench.csv',
    rate: 10,
  });
  const batch: NewMessage[] = [];
  for (let i = 1; i <= rows; i += 1) {
    const phone = `+3725${String(1_000_000 + i).slice(-7)}`;
    const name = i % 5 === 0 ? 'Jüri Õunapuu' : 'Mari Tamm';
    batch.push({
      row: i,
      fields: [name, phone, '2026-12-01', 'Tallinn', i % 7 === 0 ? '=1+1' : 'regular'],
      rawPhone: phone,
      to: phone,
      state: 'queued',
      skipReason: null,
      text: `Hi ${name}, your appointment is on 2026-12-01. https://example.com/r`,
      encoding: i % 5 === 0 ? 'UCS-2' : 'GSM-7',
      segments: i % 5 === 0 ? 2 : 1,
      costMinMicros: 52_000,
      costMaxMicros: 62_000,
    });
    if (batch.length === 10_000) insertMessages(db, id, batch.splice(0));
  }
  if (batch.length > 0) insertMessages(db, id, batch.splice(0));
  // A sent campaign: every row accepted with Messente's ids, as the report reads them.
  db.prepare(
    "UPDATE messages SET state = 'accepted', omnimessage_id = lower(hex(randomblob(16))), message_id = lower(hex(randomblob(16))), sent_at = '2026-12-01T09:00:00.000Z', attempts = 1 WHERE campaign_id = ?",
  ).run(id);

  globalThis.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const out = join(dir, `report-${rows}.csv`);
  const file = createWriteStream(out);
  const started = process.hrtime.bigint();
  // CPU time too: on a shared, busy machine the wall time alone says little about the code.
  const cpuStart = process.cpuUsage();
  await deliveryReport(db, id, false).write(async (chunk) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (!file.write(chunk)) await once(file, 'drain');
  });
  file.end();
  await once(file, 'finish');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  db.close();
  return { seconds, cpuSeconds, peakRss, startRss, bytes: statSync(out).size };
}

export async function runReportBench(opts: { rows: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-report-bench-'));
  try {
    // Two sizes: if memory is bounded, the growth during export is the same for both.
    for (const rows of [Math.round(opts.rows / 10), opts.rows]) {
      const r = await exportOnce(dir, rows);
      console.log(
        `export ${rows.toLocaleString('en')} rows: ${r.seconds.toFixed(2)} s, CPU ${r.cpuSeconds.toFixed(2)} s (${Math.round(rows / r.seconds).toLocaleString('en')} rows/s, ${mb(r.bytes)} CSV), ` +
          `RSS growth during export ${mb(r.peakRss - r.startRss)} (peak ${mb(r.peakRss)})`,
      );
    }
    console.log('targets: 1 000 000 rows under 5 s; RSS growth that does not grow with the row count');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
