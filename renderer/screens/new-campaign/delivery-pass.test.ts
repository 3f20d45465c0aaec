import { describe, expect, it } from 'vitest';
import type { ProblemChoices } from '../../../shared/delivery-time';
import { testPlan } from '../../../shared/delivery-time/plan-test-support';
import type { ImportedRecipient } from '../../../shared/types';
import {
  hourlyCounts,
  rowTimeOf,
  perRowDelivery,
  runDeliveryPass,
  summarise,
  withDeliveryChoices,
  type DeliveryPass,
} from './delivery-pass';

// Saturday 5 December 2026, 12:00 UTC (14:00 in Tallinn and Helsinki).
const NOW = Date.UTC(2026, 11, 5, 12, 0);

const PLAN = testPlan({ countryColumn: 2 });

function row(n: number, time: string, country: string, ok = true): ImportedRecipient {
  const phone = `+37255500${n}`;
  return {
    row: n,
    fields: [phone, time, country],
    rawPhone: phone,
    to: ok ? phone : null,
    status: ok ? 'ok' : 'invalid',
    reason: ok ? null : 'Too short',
  };
}

const ROWS = [
  row(1, '07.12.2026 09:00', 'EE'),
  row(2, '07.12.2026 09:30', 'Finland'),
  row(3, '01.12.2026 10:00', 'EE'),
  row(4, 'soon', 'EE'),
  row(5, '20.02.2027 10:00', 'EE'),
  row(6, '07.12.2026 11:00', 'EE', false),
];

function pass(): DeliveryPass {
  let result: DeliveryPass | null = null;
  runDeliveryPass(ROWS, PLAN, NOW, (p) => (result = p), { schedule: (run) => run() });
  if (!result) throw new Error('the pass did not finish');
  return result;
}

const SKIP: ProblemChoices = { unparseable: 'skip', past: 'skip', tooFar: 'skip' };

describe('the delivery pass', () => {
  it("works out each sendable row's time and counts the problem groups", () => {
    const p = pass();
    expect(p.times[0]).toMatchObject({ ok: true, sendAt: '2026-12-07T07:00:00Z', zone: 'Europe/Tallinn' });
    expect(p.times[1]).toMatchObject({ ok: true, sendAt: '2026-12-07T07:30:00Z', zone: 'Europe/Helsinki' });
    expect(p.times[2]).toMatchObject({ ok: false, problem: 'past' });
    expect(p.times[3]).toMatchObject({ ok: false, problem: 'unparseable' });
    expect(p.times[4]).toMatchObject({ ok: false, problem: 'too-far' });
    expect(p.times[5]).toBeNull();
    expect(p.problems).toEqual({ unparseable: 1, past: 1, 'too-far': 1 });
    expect(p.scheduled).toBe(2);
  });

  it('yields between slices and never reports after being cancelled', () => {
    const queued: (() => void)[] = [];
    let done = false;
    const cancel = runDeliveryPass(ROWS, PLAN, NOW, () => (done = true), {
      sliceMs: -1,
      schedule: (run) => queued.push(run),
    });
    expect(queued).toHaveLength(1);
    cancel();
    queued.shift()!();
    expect(done).toBe(false);
  });
});

describe('the choices per problem group', () => {
  it('skipping every problem sends only the rows with a usable time, from the first to the last', () => {
    const s = summarise(pass(), SKIP);
    expect(s).toEqual({
      messages: 2,
      skipped: 3,
      sentNow: 0,
      keptQueued: 0,
      from: '2026-12-07T07:00:00Z',
      to: '2026-12-07T07:30:00Z',
    });
  });

  it('sending some now starts the range now, and far rows kept queued end it at their own time', () => {
    const s = summarise(pass(), { unparseable: 'send-now', past: 'skip', tooFar: 'keep-queued' });
    expect(s.messages).toBe(4);
    expect(s.sentNow).toBe(1);
    expect(s.keptQueued).toBe(1);
    expect(s.from).toBe(new Date(NOW).toISOString());
    expect(s.to).toBe('2027-02-20T08:00:00Z');
    expect(perRowDelivery(s, 'Europe/Tallinn')).toEqual({
      from: s.from,
      to: s.to,
      zone: 'Europe/Tallinn',
      keptQueued: 1,
    });
  });

  it('marks the rows the choices skip as not sent, with the reason, leaving the others as they are', () => {
    const rows = withDeliveryChoices(ROWS, pass(), { ...SKIP, past: 'send-now' });
    expect(rows[0]).toBe(ROWS[0]);
    expect(rows[2]).toBe(ROWS[2]);
    expect(rows[3]).toMatchObject({ status: 'invalid', reason: 'skipped: its time cannot be read' });
    expect(rows[4]).toMatchObject({ status: 'invalid', reason: expect.stringContaining('30 days') });
    expect(ROWS[3]!.status).toBe('ok');
  });

  it("counts the scheduled rows per hour of the operator's clock", () => {
    expect(hourlyCounts(pass(), 'Europe/Tallinn')).toEqual([{ hour: '2026-12-07T09:00+02:00', count: 2 }]);
  });
});

describe("a workbook's date cell", () => {
  it('is read from the date it holds when the column is read as spreadsheet dates', () => {
    const r = { ...row(1, '7.12.26 9:00', 'EE'), dates: [null, '2026-12-07T09:00', null] };
    expect(rowTimeOf(r, { ...PLAN, format: 'excel' }, NOW)).toMatchObject({
      ok: true,
      sendAt: '2026-12-07T07:00:00Z',
    });
    expect(rowTimeOf(r, PLAN, NOW)).toMatchObject({ ok: false, problem: 'unparseable' });
  });
});
