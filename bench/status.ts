// Delivery status refresh benchmark, against the simulator over loopback: the throughput of an
// on-demand refresh within Messente's budget (target: the 150 requests/s budget used in full, never
// exceeded in any 1-s window), and the unthrottled ceiling (CPU and SQLite cost per status).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../main/db/database';
import { RequestLimiter } from '../main/delivery-status/limiter';
import { createStatusPoller, type StatusClient } from '../main/delivery-status/poller';
import { clientFor, sentCampaign, startTestSimulator } from '../main/delivery-status/test-support';
import type { RunningSimulator } from '../main/simulator';
import { MESSENTE_REQUESTS_PER_SECOND as BUDGET } from '../shared/limits';

/** A campaign of `count` rows really sent to the simulator (so it knows them), accepted 2 min ago. */
const campaignSentBefore = (db: Db, sim: RunningSimulator, count: number) =>
  sentCampaign(db, sim, count, Date.now() - 120_000, { concurrency: 32 });

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
      const client = clientFor(sim);
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
  const sim = await startTestSimulator();
  const db = openDatabase(dir);
  try {
    // Within the budget: long enough to cover several windows.
    const pacedRows = opts.quick ? 450 : 1_500;
    const paced = await refresh(db, sim, await campaignSentBefore(db, sim, pacedRows), new RequestLimiter());
    console.log(
      `status refresh, paced: ${paced.summary.checked} statuses in ${paced.seconds.toFixed(1)} s = ${paced.perSecond.toFixed(1)}/s ` +
        `(sustained after the first window ${paced.sustained.toFixed(1)}/s), ` +
        `most in any 1-s window ${paced.most} (budget ${BUDGET} per 1.015 s: target ≈ ${Math.floor(BUDGET / 1.015)}/s sustained, never above ${BUDGET}), errors ${paced.summary.errors}`,
    );
    // The ceiling: no budget, to show what a refresh costs us per status (CPU here includes the
    // in-process simulator's).
    const ceilingRows = Math.min(opts.rows, opts.quick ? 5_000 : 20_000);
    const ceiling = await refresh(
      db,
      sim,
      await campaignSentBefore(db, sim, ceilingRows),
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
