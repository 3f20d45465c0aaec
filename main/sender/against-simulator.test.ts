// The engine with the real Messente client against the real simulator over loopback: pace as the
// server sees it, 429 back-off, each fault kind, pause/resume/cancel and refused credentials.
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../db/database';
import { createMessenteClient } from '../messente';
import type { RunningSimulator } from '../simulator';
import { mostInWindow } from './arrivals';
import { useSimulatorSender } from './simulator-fixture';
import { parseSendTime } from './schedule';
import { seedCampaign } from './test-support';
import { sendTestMessage } from './test-send';

const setup = useSimulatorSender({ seed: 7 });

interface Row {
  row: number;
  recipient: string;
  state: string;
  omnimessage_id: string | null;
  error_code: string | null;
}
const rowsOf = (db: Db, id: number) =>
  db.prepare('SELECT * FROM messages WHERE campaign_id = ? ORDER BY row').all(id) as Row[];
const attemptOutcomes = (db: Db) =>
  (db.prepare('SELECT outcome FROM send_attempts').all() as { outcome: string }[]).map((a) => a.outcome);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every recipient the simulator accepted at most once, and every accepted row holds its id. */
function expectNoDoubleSend(db: Db, id: number, s: RunningSimulator): void {
  const accepted = s.accepted();
  const byRecipient = new Map(accepted.map((a) => [a.to, a.omnimessageId]));
  expect(byRecipient.size).toBe(accepted.length);
  for (const r of rowsOf(db, id)) {
    if (r.state === 'accepted') expect(r.omnimessage_id).toBe(byRecipient.get(r.recipient));
    if (r.state === 'queued' || r.state === 'cancelled' || r.state === 'failed')
      expect(byRecipient.has(r.recipient)).toBe(false);
  }
}

const mostInOneSecond = (s: RunningSimulator) =>
  mostInWindow(
    s
      .accepted()
      .map((a) => Date.parse(a.receivedAt))
      .sort((a, b) => a - b),
  );

describe('sending through the real client to the simulator', () => {
  it('never passes the rate in any one-second window, as the simulator received them', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 180);
    const { sim, sender } = await setup(db, { latencyMs: 20 });
    await sender.start(id, { rate: 80 });
    const final = await sender.whenSettled(id);
    expect(final.counts.accepted).toBe(180);
    // The achieved rate is the benchmark's to judge: a busy machine may slow any run down.
    expect(mostInOneSecond(sim)).toBeLessThanOrEqual(80);
    expectNoDoubleSend(db, id, sim);
  });

  it.each([
    ['single messages at 50/s', 50, 1, 100],
    ['batches of 5 at 100/s', 100, 5, 200],
  ])('sends %s one request at a time, each at its planned time', async (_, rate, batchSize, rows) => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, rows);
    const { sim, sender } = await setup(db, { latencyMs: 30 });
    await sender.start(id, { rate, batchSize });
    expect((await sender.whenSettled(id)).counts.accepted).toBe(rows);
    const times = sim.accepted().map((a) => Date.parse(a.receivedAt));
    // Requests grouped to share a wake-up arrive together, then leave a gap: most gaps near zero.
    // A busy machine makes some gaps uneven, never most of them.
    const requests = [...new Set(times)].sort((a, b) => a - b);
    const interval = (1_000 * batchSize) / rate;
    const gaps = requests.slice(1).map((t, i) => t - requests[i]!);
    expect(gaps.filter((gap) => gap < interval / 4).length / gaps.length).toBeLessThan(0.15);
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    expect(Math.abs(median - interval)).toBeLessThanOrEqual(interval / 4);
  });

  it('backs off on 429 (--rate-limit) and still sends every row once', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 30);
    const { sim, sender } = await setup(db, { rateLimit: 8 });
    await sender.start(id, { rate: 30 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('completed');
    expect(final.counts.accepted).toBe(30);
    expect(attemptOutcomes(db).filter((o) => o === 'retry').length).toBeGreaterThan(0);
    expect(sim.accepted()).toHaveLength(30);
    expectNoDoubleSend(db, id, sim);
  });

  it('retries 503s (--fail-rate) until accepted', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 25);
    const { sim, sender } = await setup(db, { failRate: 0.3 });
    await sender.start(id, { rate: 100, maxAttempts: 12 });
    const final = await sender.whenSettled(id);
    expect(final.counts.accepted).toBe(25);
    const retries = db
      .prepare("SELECT COUNT(*) AS n FROM send_attempts WHERE outcome = 'retry' AND http_status = 503")
      .get() as { n: number };
    expect(retries.n).toBeGreaterThan(0);
    expectNoDoubleSend(db, id, sim);
  });

  it('marks dropped connections (--drop-rate) unknown; the simulator did log them, once', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 30);
    const { sim, sender } = await setup(db, { dropRate: 0.3 });
    await sender.start(id, { rate: 100 });
    const final = await sender.whenSettled(id);
    const rows = rowsOf(db, id);
    const unknown = rows.filter((r) => r.state === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((r) => r.error_code === 'reset')).toBe(true);
    expect(final.counts.accepted + unknown.length).toBe(30);
    const logged = new Set(sim.accepted().map((a) => a.to));
    expect(unknown.every((r) => logged.has(r.recipient))).toBe(true);
    expect(sim.accepted()).toHaveLength(30);
    expectNoDoubleSend(db, id, sim);
  });

  it('marks answers that come too late (--timeout-rate) unknown and does not resend them', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 20);
    const { sim, sender } = await setup(db, { timeoutRate: 0.3, timeoutDelayMs: 1_500 }, { timeoutMs: 300 });
    await sender.start(id, { rate: 100 });
    const final = await sender.whenSettled(id);
    const unknown = rowsOf(db, id).filter((r) => r.state === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((r) => r.error_code === 'timeout')).toBe(true);
    expect(final.counts.accepted + unknown.length).toBe(20);
    expect(sim.accepted()).toHaveLength(20);
    expectNoDoubleSend(db, id, sim);
  });

  it('pauses with nothing in flight, resumes, and sends every row exactly once', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 40);
    const { sim, sender } = await setup(db, { latencyMs: 30 });
    await sender.start(id, { rate: 40 });
    await sleep(400);
    await sender.pause(id);
    const paused = sender.progress(id);
    expect(paused.status).toBe('paused');
    expect(paused.counts.sending).toBe(0);
    expect(paused.counts.accepted).toBeGreaterThan(0);
    expect(paused.counts.accepted).toBeLessThan(40);
    expect(sim.accepted()).toHaveLength(paused.counts.accepted);
    await sleep(200);
    expect(sim.accepted()).toHaveLength(paused.counts.accepted);
    await sender.resume(id);
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('completed');
    expect(final.counts.accepted).toBe(40);
    expect(sim.accepted()).toHaveLength(40);
    expectNoDoubleSend(db, id, sim);
  });

  it('cancels: rows still queued become cancelled and are never sent', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 30);
    const { sim, sender } = await setup(db, { latencyMs: 10 });
    await sender.start(id, { rate: 30 });
    await sleep(250);
    await sender.cancel(id);
    const final = sender.progress(id);
    expect(final.status).toBe('cancelled');
    expect(final.counts.accepted).toBe(sim.accepted().length);
    expect(final.counts.cancelled).toBe(30 - sim.accepted().length);
    await sleep(100);
    expect(sim.accepted()).toHaveLength(final.counts.accepted);
    expectNoDoubleSend(db, id, sim);
  });

  it('stops the campaign on 401 with the credentials message, rows still queued', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 10);
    const { sim, sender } = await setup(db, {}, { password: 'wrong' });
    // One request a second: the 401 is back long before the next is due, even on a busy machine.
    await sender.start(id, { rate: 1 });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('paused');
    expect(final.stopReason).toMatch(/API username and password/);
    expect(final.counts.queued).toBe(10);
    expect(final.counts.failed).toBe(0);
    expect(sim.accepted()).toHaveLength(0);
    expect(attemptOutcomes(db)).toEqual(['auth']);
  });

  it('passes a schedule to Messente as time_to_send', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 3);
    // The simulator's clock a week before: Messente schedules at most 30 days ahead.
    const { sim, sender } = await setup(db, { now: () => Date.parse('2029-12-25T00:00Z') });
    const at = parseSendTime('2030-01-02T03:04+02:00', Date.parse('2029-12-25T00:00Z'));
    expect(at).toEqual({ ok: true, iso: '2030-01-02T01:04:00.000Z' });
    await sender.start(id, { rate: 50, timeToSend: at.ok ? at.iso : null });
    expect((await sender.whenSettled(id)).counts.accepted).toBe(3);
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual(Array(3).fill('2030-01-02T01:04:00.000Z'));
  });

  it('sends a test message alone, and says plainly when the credentials are refused', async () => {
    const { sim } = await setup(openMemoryDatabase());
    const message = { to: '+37255555555', text: 'Hi Ann', sender: '', autoconvert: 'on' as const };
    const client = (password: string) =>
      createMessenteClient({ apiUrl: sim.apiUrl, legacyUrl: sim.legacyUrl, username: 'u', password });
    const ok = await sendTestMessage(client('p'), message);
    expect(ok).toMatchObject({ ok: true, omnimessageId: sim.accepted()[0]!.omnimessageId });
    const refused = await sendTestMessage(client('bad'), message);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/API username and password/) });
    expect(sim.accepted()).toHaveLength(1);
  });
});

describe('parseSendTime', () => {
  const now = Date.parse('2026-05-01T12:00Z');
  it.each([
    ['2026-05-04T18:00', /UTC offset/],
    ['tomorrow', /UTC offset/],
    ['2026-05-01T11:59Z', /in the past/],
    ['2026-06-15T12:00Z', /more than 30 days/],
    ['2026-02-30T12:00Z', /not a real date|in the past/],
  ])('refuses %s', (text, why) => {
    expect(parseSendTime(text, now)).toMatchObject({ ok: false, message: expect.stringMatching(why) });
  });
});
