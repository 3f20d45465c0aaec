// Test helpers for the status poller: a simulator on a shared fake clock and campaigns whose rows
// really were sent to it (so the simulator knows their omnimessage ids). Real sockets, no mocks.
import type { Db } from '../db/database';
import { createMessenteClient, type MessenteClient } from '../messente';
import { seedCampaign } from '../sender/test-support';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../simulator';

export const SIM_USER = 'status-test';
export const SIM_PASSWORD = 'status-test-password';

export interface FakeClock {
  t: number;
  now: () => number;
  advance(ms: number): void;
}

export function fakeClock(start = Date.parse('2025-03-01T10:00:00.000Z')): FakeClock {
  const clock: FakeClock = {
    t: start,
    now: () => clock.t,
    advance: (ms) => {
      clock.t += ms;
    },
  };
  return clock;
}

export async function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({
    port: 0,
    username: SIM_USER,
    password: SIM_PASSWORD,
    statusDelayMs: 0,
    ...options,
  });
}

export function clientFor(sim: RunningSimulator): MessenteClient {
  return createMessenteClient({
    apiUrl: sim.apiUrl,
    legacyUrl: sim.legacyUrl,
    username: SIM_USER,
    password: SIM_PASSWORD,
  });
}

/**
 * A campaign of `count` rows, each sent to the simulator (by `concurrency` requests at a time) and
 * marked accepted with sent_at = `sentAt` (ms), as the sending engine would leave them.
 */
export async function sentCampaign(
  db: Db,
  sim: RunningSimulator,
  count: number,
  sentAt: number,
  { costMicros = 12_300, concurrency = 1 }: { costMicros?: number; concurrency?: number } = {},
): Promise<number> {
  const id = seedCampaign(db, count, costMicros);
  const rows = db
    .prepare('SELECT id, recipient, text FROM messages WHERE campaign_id = ? ORDER BY row')
    .all(id) as { id: number; recipient: string; text: string }[];
  const client = clientFor(sim);
  const accept = db.prepare(
    "UPDATE messages SET state = 'accepted', omnimessage_id = ?, message_id = ?, sent_at = ?, attempts = 1 WHERE id = ?",
  );
  const sentAtIso = new Date(sentAt).toISOString();
  let next = 0;
  const sendTheRest = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const outcome = await client.sendOmnimessage({
        to: row.recipient,
        messages: [{ channel: 'sms', text: row.text, sender: 'Shop' }],
      });
      if (outcome.kind !== 'accepted')
        throw new Error(`the simulator did not accept row ${row.id}: ${JSON.stringify(outcome)}`);
      accept.run(outcome.omnimessageId, outcome.messageIds[0] ?? null, sentAtIso, row.id);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, sendTheRest));
  } finally {
    client.close();
  }
  db.prepare("UPDATE campaigns SET status = 'completed' WHERE id = ?").run(id);
  return id;
}
