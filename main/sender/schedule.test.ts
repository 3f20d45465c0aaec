// The schedule kept with the campaign, through the engine and the real client to the simulator:
// a resume without a choice delivers the rest at the stored time, null clears it, and a stored time
// that has passed is refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../db/database';
import { getCampaign, setCampaignStatus, setTimeToSend } from '../db/queries/campaigns';
import { UserError } from '../errors';
import { useSimulatorSender } from './simulator-fixture';
import { resolveSchedule, scheduleRefusalMessage } from './schedule';
import { seedCampaign } from './test-support';

const setup = useSimulatorSender({ seed: 3 });

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

describe('a stored schedule across pause and resume', () => {
  it('keeps the time for the rest when resumed without one, and clears it with null', async () => {
    const db = openMemoryDatabase();
    // 6 rows at €0.06: a €0.12 cap stops the run (paused) after two, deterministically.
    const id = seedCampaign(db, 6, 60_000);
    const { sim, sender } = await setup(db);
    const at = inTwoDays();
    await sender.start(id, { rate: 50, maxCostMicros: 120_000, timeToSend: at });
    expect((await sender.whenSettled(id)).status).toBe('paused');
    expect(getCampaign(db, id)!.timeToSend).toBe(at);
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual([at, at]);

    await sender.resume(id, { maxCostMicros: 240_000 });
    expect((await sender.whenSettled(id)).status).toBe('paused');
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual([at, at, at, at]);

    await sender.resume(id, { maxCostMicros: null, timeToSend: null });
    const final = await sender.whenSettled(id);
    expect(final.status).toBe('completed');
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual([at, at, at, at, null, null]);
    expect(getCampaign(db, id)!.timeToSend).toBeNull();
  });

  it('replaces the stored time with a new one given on resume', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 2, 60_000);
    const { sim, sender } = await setup(db);
    setTimeToSend(db, id, new Date(Date.now() + 60_000).toISOString());
    setCampaignStatus(db, id, 'paused');
    const later = inTwoDays();
    await sender.resume(id, { timeToSend: later });
    expect((await sender.whenSettled(id)).counts.accepted).toBe(2);
    expect(sim.accepted().map((a) => a.timeToSend)).toEqual([later, later]);
    expect(getCampaign(db, id)!.timeToSend).toBe(later);
  });

  it('refuses a stored time that has passed, with the time and the two ways on, sending nothing', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 3, 60_000);
    const { sim, sender } = await setup(db);
    const past = new Date(Date.now() - 60_000).toISOString();
    setTimeToSend(db, id, past);
    setCampaignStatus(db, id, 'interrupted');
    const refusal = await sender.resume(id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(UserError);
    expect(refusal).toMatchObject({
      code: 'schedule_passed',
      message: `Campaign "Test" was scheduled for delivery at ${past}, which has passed: choose a new delivery time, or deliver the rest now.`,
    });
    expect(sim.accepted()).toHaveLength(0);
    expect(getCampaign(db, id)).toMatchObject({ status: 'interrupted', timeToSend: past });
    expect(sender.progress(id).counts.queued).toBe(3);
  });
});

describe('resolveSchedule', () => {
  const now = Date.parse('2026-05-01T12:00Z');
  const stored = '2026-05-02T12:00:00.000Z';
  it('keeps the stored time, replaces it, or clears it', () => {
    expect(resolveSchedule(undefined, stored, now)).toEqual({ ok: true, timeToSend: stored });
    expect(resolveSchedule(undefined, null, now)).toEqual({ ok: true, timeToSend: null });
    expect(resolveSchedule(null, stored, now)).toEqual({ ok: true, timeToSend: null });
    expect(resolveSchedule('2026-05-03T15:00+03:00', stored, now)).toEqual({
      ok: true,
      timeToSend: '2026-05-03T12:00:00.000Z',
    });
  });
  it('refuses a stored time that has passed, and a new one in the past', () => {
    expect(resolveSchedule(undefined, stored, Date.parse(stored))).toEqual({
      ok: false,
      code: 'schedule_passed',
      time: stored,
    });
    expect(resolveSchedule('2026-05-01T11:00Z', null, now)).toEqual({
      ok: false,
      code: 'in_the_past',
      time: '2026-05-01T11:00Z',
    });
    expect(resolveSchedule('someday', null, now)).toEqual({ ok: false, code: 'not_a_time', time: 'someday' });
    expect(scheduleRefusalMessage('A', { code: 'in_the_past', time: 'T' })).toBe(
      'T is in the past: give a time in the future.',
    );
  });
});
