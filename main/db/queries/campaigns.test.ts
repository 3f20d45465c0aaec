import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../database';
import {
  getCampaign,
  getStopReason,
  insertCampaign,
  listCampaigns,
  setCampaignStatus,
  setTimeToSend,
} from './campaigns';
import { countMessages, insertMessages, iterateMessages, pageMessages, type NewMessage } from './messages';

const base = {
  name: 'December reminders',
  testMode: true,
  template: 'Hi {{name}}',
  sender: 'Clinic',
  autoconvert: 'on' as const,
  country: 'EE',
  columns: ['name', 'phone'],
  phoneColumn: 1,
  sourceFile: 'patients.csv',
  rate: 10,
};

function message(row: number, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    row,
    fields: [`Name ${row}`, `+37250000${String(row).padStart(3, '0')}`],
    rawPhone: `5000 0${row}`,
    to: `+37250000${String(row).padStart(3, '0')}`,
    state: 'queued',
    skipReason: null,
    text: `Hi Name ${row}`,
    encoding: 'GSM-7',
    segments: 1,
    costMinMicros: 50_000,
    costMaxMicros: 62_000,
    ...overrides,
  };
}

describe('campaign queries', () => {
  it('summarises counts, segments and predicted cost, leaving skipped and unpriced rows out of the cost', () => {
    const db = openMemoryDatabase();
    const id = insertCampaign(db, base);
    insertMessages(db, id, [
      message(1),
      message(2, { segments: 2, costMinMicros: 100_000, costMaxMicros: 124_000 }),
      message(3, {
        state: 'skipped',
        skipReason: 'Invalid phone number',
        to: null,
        costMaxMicros: null,
        costMinMicros: null,
      }),
      message(4, { costMinMicros: null, costMaxMicros: null }),
    ]);
    const c = getCampaign(db, id)!;
    expect(c.status).toBe('draft');
    expect(c.total).toBe(4);
    expect(c.counts.queued).toBe(3);
    expect(c.counts.skipped).toBe(1);
    expect(c.segments).toBe(4);
    expect(c.predictedCostMicros).toBe(186_000);
    expect(c.unpricedRows).toBe(1);
    expect(c.billedCostMicros).toBeNull();
    expect(c.phoneColumn).toBe('phone');
    expect(listCampaigns(db).map((s) => s.id)).toEqual([id]);
  });

  it('lists newest first with their own counts', () => {
    const db = openMemoryDatabase();
    const a = insertCampaign(db, base);
    const b = insertCampaign(db, { ...base, name: 'second' });
    insertMessages(db, a, [message(1), message(2)]);
    insertMessages(db, b, [message(1)]);
    const list = listCampaigns(db);
    expect(list.map((c) => [c.id, c.total])).toEqual([
      [b, 1],
      [a, 2],
    ]);
  });

  it('records status changes with their times and reason', () => {
    const db = openMemoryDatabase();
    const id = insertCampaign(db, base);
    setCampaignStatus(db, id, 'sending', { started: true });
    setCampaignStatus(db, id, 'paused', { stopReason: 'Spending cap reached' });
    const c = getCampaign(db, id)!;
    expect(c.status).toBe('paused');
    expect(c.startedAt).not.toBeNull();
    expect(c.finishedAt).toBeNull();
    expect(getStopReason(db, id)).toBe('Spending cap reached');
    // A change that says nothing about the reason keeps it; one that gives null clears it.
    setCampaignStatus(db, id, 'paused');
    expect(getStopReason(db, id)).toBe('Spending cap reached');
    setCampaignStatus(db, id, 'sending', { stopReason: null });
    expect(getStopReason(db, id)).toBeNull();
  });

  it('refuses a second batch with the same rows, keeping the first intact', () => {
    const db = openMemoryDatabase();
    const id = insertCampaign(db, base);
    insertMessages(db, id, [message(1), message(2)]);
    expect(() => insertMessages(db, id, [message(3), message(2)])).toThrow(/UNIQUE/);
    expect(countMessages(db, id)).toBe(2);
  });

  it('pages and streams rows in order, filtered by state', () => {
    const db = openMemoryDatabase();
    const id = insertCampaign(db, base);
    insertMessages(
      db,
      id,
      [3, 1, 2, 5, 4].map((r) =>
        message(r, r % 2 === 0 ? { state: 'skipped', skipReason: 'Opted out' } : {}),
      ),
    );
    expect(pageMessages(db, id, 1, 2).map((m) => m.row)).toEqual([2, 3]);
    expect(pageMessages(db, id, 0, 10, ['skipped']).map((m) => m.row)).toEqual([2, 4]);
    expect([...iterateMessages(db, id, { states: ['queued'] })].map((m) => m.row)).toEqual([1, 3, 5]);
    expect(pageMessages(db, id, 0, 1)[0]!.fields).toEqual(['Name 1', '+37250000001']);
  });
  it('keeps the scheduled delivery time in the summary and the detail until it is cleared', () => {
    const db = openMemoryDatabase();
    const id = insertCampaign(db, base);
    const other = insertCampaign(db, base);
    expect(getCampaign(db, id)!.timeToSend).toBeNull();
    setTimeToSend(db, id, '2030-01-02T01:04:00.000Z');
    expect(getCampaign(db, id)!.timeToSend).toBe('2030-01-02T01:04:00.000Z');
    expect(listCampaigns(db).map((c) => [c.id, c.timeToSend])).toEqual([
      [other, null],
      [id, '2030-01-02T01:04:00.000Z'],
    ]);
    setTimeToSend(db, id, null);
    expect(getCampaign(db, id)!.timeToSend).toBeNull();
  });
});
