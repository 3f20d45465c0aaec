// Delivery status refresh benchmark, against the simulator over loopback: the throughput of an
// on-demand refresh within Messente's budget (target: the 150 requests/s budget used in full, never
// exceeded in any 1-s window), and the unthrottled ceiling (CPU and SQLite cost per status).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../main/db/database';
import { createMessenteClient } from '../main/messente';
import { seedCampaign } from '../main/sender/test-support';
import { startSimulator, type RunningSimulator } from '../main/simulator';
import { RequestLimiter } from '../main/delivery-status/limiter';
import { createStatusPoller, type StatusClient } from '../main/delivery-status/poller';

const USER = 'bench';
const PASSWORD = 'bench-password';

/** A campaign of `count` rows really sent to the simulator (so it knows them), accepted 2 min ago. */
async function sentCampaign(db: Db, sim: RunningSimulator, count: number): Promise<number> {
  const id = seedCampaign(db, count);
  const rows = db
    .prepare('SELECT id, recipient, text FROM messages WHERE campaign_id = ? ORDER BY row')
    .all(id) as {
    id: number;
    recipient: string;
    text: string;
  }[];
  const client = createMessenteClient({
    apiUrl: sim.apiUrl,
    legacyUrl: sim.legacyUrl,
    username: USER,
    password: PASSWORD,
  });
  const accept = db.prepare(
    "UPDATE messages SET state = 'accepted', omnimessage_id = ?, sent_at = ? WHERE id = ?",
  );
  const sentAt = new Date(Date.now() - 120_000).toISOString();
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const outcome = await client.sendOmnimessage({
        to: row.recipient,
        messages: [{ channel: 'sms', text: row.text }],
      });
      if (outcome.kind !== 'accepted') throw new Error(`seeding failed: ${outcome.kind}`);
      accept.run(outcome.omnimessageId, sentAt, row.id);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  client.close();
  return id;
}

function mostInOneSecond(times: number[]): number {
  let most = 0;
  let head = 0;
  for (let i = 0; i < times.length; i++) {
    while (times[i]! - times[head]! >= 1_000) head++;
    most = Math.max(most, i - head + 1);
  }
  return most;
}

async function refresh(db: Db, sim: RunningSimulator, id: number, limiter: RequestLimiter) {
  const starts: number[] = [];
  const poller = createStatusPoller({
    db,
    limiter,
    maxInFlight: 32,
    getClient: async (): Promise<StatusClient> => {
      const client = createMessenteClient({
        apiUrl: sim.apiUrl,
        legacyUrl: sim.legacyUrl,
        username: USER,
        password: PASSWORD,
      });
      return {
        getStatus: (omnimessageId) => {
          starts.push(performance.now());
          return client.getStatus(omnimessageId);
        },
        close: () => client.close(),
      };
    },
  });
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const summary = await poller.refreshCampaign(id);
  const seconds = (performance.now() - t0) / 1_000;
  const used = process.cpuUsage(cpu);
  await poller.stop();
  return {
    summary,
    seconds,
    perSecond: summary.checked / seconds,
    most: mostInOneSecond(starts),
    // After the first window (a burst of a full budget), the rate the budget really sustains.
    sustained:
      starts.length > 1
        ? ((starts.length - mostInOneSecond(starts)) * 1_000) / (starts.at(-1)! - starts[0]!)
        : 0,
    cpuMicros: (used.user + used.system) / Math.max(1, summary.checked),
  };
}

export async function runStatusBench(opts: { rows: number; quick?: boolean }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-status-bench-'));
  const sim = await startSimulator({ port: 0, username: USER, password: PASSWORD, statusDelayMs: 0 });
  const db = openDatabase(dir);
  try {
    // Within the budget: long enough to cover several windows.
    const pacedRows = opts.quick ? 450 : 1_500;
    const paced = await refresh(db, sim, await sentCampaign(db, sim, pacedRows), new RequestLimiter());
    console.log(
      `status refresh, paced: ${paced.summary.checked} statuses in ${paced.seconds.toFixed(1)} s = ${paced.perSecond.toFixed(1)}/s ` +
        `(sustained after the first window ${paced.sustained.toFixed(1)}/s), ` +
        `most in any 1-s window ${paced.most} (budget 150 per 1.015 s: target ≈ 147/s sustained, never above 150), errors ${paced.summary.errors}`,
    );
    // The ceiling: no budget, to show what a refresh costs us per status (CPU here includes the
    // in-process simulator's).
    const ceilingRows = Math.min(opts.rows, opts.quick ? 5_000 : 20_000);
    const ceiling = await refresh(
      db,
      sim,
      await sentCampaign(db, sim, ceilingRows),
      new RequestLimiter({ capacity: 1e9 }),
    );
    console.log(
      `status refresh, unthrottled: ${ceiling.summary.checked} statuses in ${ceiling.seconds.toFixed(1)} s = ` +
        `${Math.round(ceiling.perSecond)}/s, ${Math.round(ceiling.cpuMicros)} µs CPU per status (incl. simulator), ` +
        `${ceiling.summary.changed} changes recorded, errors ${ceiling.summary.errors}`,
    );
  } finally {
    db.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
