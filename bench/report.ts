// Delivery-report export of a large campaign: time beside a bare baseline measured in the same run
// (the sqlite3 command-line shell dumping the same rows and columns to CSV), and whether memory
// grows with the row count. Each is timed twice and the faster run kept: on a shared machine the
// slower one mostly measures the neighbours.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../main/db/database';
import { getCampaign, insertCampaign } from '../main/db/queries/campaigns';
import { insertMessages, type NewMessage } from '../main/db/queries/messages';
import { deliveryReport } from '../main/reports/delivery-report';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const COLUMNS = ['name', 'phone', 'date', 'city', 'note'];

/** A sent campaign of `rows` rows in its own database under `dir`. */
function seedSentCampaign(dir: string, rows: number): { db: Db; id: number; file: string } {
  const dataDir = join(dir, `data-${rows}`);
  const db = openDatabase(dataDir);
  const id = insertCampaign(db, {
    name: 'bench',
    testMode: true,
    template: 'Hi {{name}}, your appointment is on {{date}}. https://example.com/r',
    sender: 'Clinic',
    autoconvert: 'on',
    country: 'EE',
    columns: COLUMNS,
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
  // A sent campaign: every row accepted with Messente's ids and a status check, as the report reads them.
  db.prepare(
    "UPDATE messages SET state = 'accepted', omnimessage_id = lower(hex(randomblob(16))), message_id = lower(hex(randomblob(16))), sent_at = '2026-12-01T09:00:00.000Z', status_checked_at = '2026-12-01T09:05:00.000Z', attempts = 1 WHERE campaign_id = ?",
  ).run(id);

  return { db, id, file: join(dataDir, DATABASE_FILE) };
}

interface ExportFigures {
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
  startRss: number;
  bytes: number;
}

async function exportOnce(dir: string, db: Db, id: number): Promise<ExportFigures> {
  globalThis.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const out = join(dir, 'report.csv');
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
  return { seconds, cpuSeconds, peakRss, startRss, bytes: statSync(out).size };
}

/**
 * CPU seconds of the children this process has waited for (Linux: /proc/self/stat's cutime and
 * cstime, in clock ticks of 1/100 s); null elsewhere.
 */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

interface ShellFigures {
  seconds: number;
  cpuSeconds: number | null;
}

/**
 * The baseline: Debian's sqlite3 shell writing the same rows and columns as CSV (`.mode csv`), the
 * file's own columns taken out of the stored JSON array. Null when the shell is not installed.
 */
function sqliteShellDump(dir: string, file: string, id: number, headerRow: number): ShellFigures | null {
  const fields = COLUMNS.map((c, i) => `json_extract(fields, '$[${i}]') AS "${c}"`);
  const select = `SELECT ${fields.join(', ')}, row + ${headerRow} AS omnicast_row, recipient AS "to",
    state AS status, delivery_status, delivery_error, sent_at, delivered_at, status_checked_at, omnimessage_id, message_id,
    text, encoding, segments, cost_max_micros / 1000000.0 AS predicted_cost,
    billed_micros / 1000000.0 AS billed_cost, error_code, error_title,
    coalesce(error_detail, skip_reason) AS error_detail, error_source, attempts, schedule_cancel
    FROM messages WHERE campaign_id = ${id} ORDER BY row;`;
  const script = `.headers on\n.mode csv\n.output ${join(dir, 'sqlite3.csv')}\n${select}\n`;
  const cpu0 = childCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync('sqlite3', ['-readonly', file], { input: script, encoding: 'utf8' });
  if (result.error) return null;
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu1 = childCpuSeconds();
  return { seconds, cpuSeconds: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

const fastest = <T extends { seconds: number }>(a: T, b: T) => (b.seconds < a.seconds ? b : a);

export async function runReportBench(opts: { rows: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-report-bench-'));
  try {
    // Two sizes: if memory is bounded, the growth during export is the same for both.
    for (const rows of [Math.round(opts.rows / 10), opts.rows]) {
      const { db, id, file } = seedSentCampaign(dir, rows);
      const headerRow = getCampaign(db, id)!.headerRow;
      const r = fastest(await exportOnce(dir, db, id), await exportOnce(dir, db, id));
      const dumps = [0, 1].map(() => sqliteShellDump(dir, file, id, headerRow));
      db.close();
      const shell = dumps.every((d) => d !== null) ? fastest(dumps[0]!, dumps[1]!) : null;
      // CPU beside wall time: on a busy machine the wall ratio mostly measures the neighbours.
      const cpuRatio =
        shell?.cpuSeconds != null && shell.cpuSeconds > 0
          ? `, CPU ${r.cpuSeconds.toFixed(2)} s against ${shell.cpuSeconds.toFixed(2)} s: ${(r.cpuSeconds / shell.cpuSeconds).toFixed(2)}×`
          : '';
      const ratio =
        shell === null
          ? 'no baseline: the sqlite3 command-line shell (Debian package sqlite3) is not installed'
          : `sqlite3 shell ${shell.seconds.toFixed(2)} s (${mb(statSync(join(dir, 'sqlite3.csv')).size)} CSV): ` +
            `${(r.seconds / shell.seconds).toFixed(2)}× (target ≤ 1.5×)${cpuRatio}`;
      console.log(
        `export ${rows.toLocaleString('en')} rows: ${r.seconds.toFixed(2)} s, CPU ${r.cpuSeconds.toFixed(2)} s (${Math.round(rows / r.seconds).toLocaleString('en')} rows/s, ${mb(r.bytes)} CSV); ${ratio}; ` +
          `RSS growth during export ${mb(r.peakRss - r.startRss)} (peak ${mb(r.peakRss)}); load average ${loadavg()[0]!.toFixed(1)}`,
      );
      rmSync(join(dir, `data-${rows}`), { recursive: true, force: true });
    }
    console.log('targets: ≤ 1.5× the sqlite3 shell; RSS growth that does not grow with the row count');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
