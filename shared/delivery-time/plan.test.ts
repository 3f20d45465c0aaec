import { describe, expect, it } from 'vitest';
import { planRowTime } from './plan';
import type { DeliveryPlan } from './types';
import { testPlan } from './plan-test-support';

const NOW = Date.parse('2026-05-01T06:00:00Z');

const plan = (over: Partial<DeliveryPlan> = {}): DeliveryPlan => testPlan({ column: 0, ...over });

describe('planRowTime: formats', () => {
  it.each([
    ['dd.MM.yyyy HH:mm', '04.05.2026 14:30'],
    ['d.M.yyyy H:mm', '4.5.2026 14:30'],
    ['MM/dd/yyyy h:mm a', '05/04/2026 2:30 PM'],
    ['yyyy-MM-dd HH:mm', '2026-05-04 14:30'],
    ['iso', '2026-05-04T14:30'],
    ['iso', '2026-05-04T11:30:00Z'],
    ['excel', '46146.6041666667'],
    ['excel', '2026-05-04T14:30:00'],
  ])('reads %s "%s" in the row’s zone', (format, cell) => {
    expect(planRowTime(cell, null, plan({ format }), NOW)).toEqual({
      ok: true,
      appointment: '2026-05-04T14:30:00+03:00',
      sendAt: '2026-05-04T11:30:00Z',
      zone: 'Europe/Tallinn',
      locale: 'et',
      movedByQuietHours: false,
    });
  });
  it('names the expected format for a cell that does not read, and for an empty one', () => {
    expect(planRowTime('4 May, 2 pm', 'EE', plan(), NOW)).toEqual({
      ok: false,
      problem: 'unparseable',
      message:
        'The time "4 May, 2 pm" is not a date and time: expected dd.MM.yyyy HH:mm (e.g. 24.05.2026 14:30).',
      zone: 'Europe/Tallinn',
      locale: 'et',
    });
    expect(planRowTime(' ', null, plan(), NOW)).toMatchObject({
      problem: 'unparseable',
      message: expect.stringMatching(/^The time is empty: expected dd\.MM\.yyyy HH:mm/),
    });
    expect(planRowTime('31.02.2026 10:00', null, plan(), NOW)).toMatchObject({ problem: 'unparseable' });
    expect(planRowTime('04.05.2026 14:30', null, plan({ zone: 'Mars/Olympus_Mons' }), NOW)).toMatchObject({
      problem: 'unparseable',
      message: 'The time zone "Mars/Olympus_Mons" is not known.',
    });
  });
});

describe('planRowTime: send rules and zones', () => {
  it('takes the zone and language from the row’s country', () => {
    const row = planRowTime('04.05.2026 10:00', 'FI', plan({ zone: 'Europe/Riga' }), NOW);
    expect(row).toMatchObject({
      ok: true,
      zone: 'Europe/Helsinki',
      locale: 'fi',
      sendAt: '2026-05-04T07:00:00Z',
    });
    const us = planRowTime('05/04/2026 10:00 AM', 'US', plan({ format: 'MM/dd/yyyy h:mm a' }), NOW);
    expect(us).toMatchObject({ zone: 'America/New_York', locale: 'en', sendAt: '2026-05-04T14:00:00Z' });
  });
  it('takes the language of the operator’s country when the row has none', () => {
    expect(planRowTime('04.05.2026 10:00', null, plan({ zone: 'Europe/Vilnius' }), NOW)).toMatchObject({
      locale: 'lt',
    });
  });
  it('sends a number of minutes before, or at a local time days before', () => {
    expect(
      planRowTime('04.05.2026 14:30', null, plan({ rule: { kind: 'before', minutes: 120 } }), NOW),
    ).toMatchObject({ ok: true, sendAt: '2026-05-04T09:30:00Z' });
    expect(
      planRowTime(
        '04.05.2026 14:30',
        null,
        plan({ rule: { kind: 'day-before', days: 1, at: '10:00' } }),
        NOW,
      ),
    ).toMatchObject({ ok: true, sendAt: '2026-05-03T07:00:00Z', appointment: '2026-05-04T14:30:00+03:00' });
  });
});

describe('planRowTime: the nights the clocks change', () => {
  // Tallinn and Helsinki: 29 March 2026 03:00 → 04:00, 25 October 2026 04:00 → 03:00.
  // New York: 8 March 2026 02:00 → 03:00, 1 November 2026 02:00 → 01:00.
  const march = Date.parse('2026-03-01T00:00:00Z');
  const october = Date.parse('2026-10-01T00:00:00Z');
  it('moves a time the clocks skip on by the gap', () => {
    expect(planRowTime('29.03.2026 03:30', 'EE', plan(), march)).toMatchObject({
      appointment: '2026-03-29T04:30:00+03:00',
      sendAt: '2026-03-29T01:30:00Z',
    });
    expect(
      planRowTime(
        '03/08/2026 2:30 AM',
        'US',
        plan({ format: 'MM/dd/yyyy h:mm a', zone: 'America/New_York' }),
        march,
      ),
    ).toMatchObject({ appointment: '2026-03-08T03:30:00-04:00', sendAt: '2026-03-08T07:30:00Z' });
  });
  it('takes the first of a time that happens twice (summer time)', () => {
    expect(planRowTime('25.10.2026 03:30', 'FI', plan(), october)).toMatchObject({
      appointment: '2026-10-25T03:30:00+03:00',
      sendAt: '2026-10-25T00:30:00Z',
    });
    expect(
      planRowTime(
        '11/01/2026 1:30 AM',
        'US',
        plan({ format: 'MM/dd/yyyy h:mm a', zone: 'America/New_York' }),
        october,
      ),
    ).toMatchObject({ appointment: '2026-11-01T01:30:00-04:00', sendAt: '2026-11-01T05:30:00Z' });
  });
  it('counts "24 h before" in real hours across the change', () => {
    // 10:00 summer time on 29 March is 07:00Z; 24 real hours before is 07:00Z on 28 March, 09:00 winter time.
    const row = planRowTime(
      '29.03.2026 10:00',
      'EE',
      plan({ rule: { kind: 'before', minutes: 1440 } }),
      march,
    );
    expect(row).toMatchObject({ sendAt: '2026-03-28T07:00:00Z' });
    const fall = planRowTime(
      '25.10.2026 10:00',
      'EE',
      plan({ rule: { kind: 'before', minutes: 1440 } }),
      october,
    );
    expect(fall).toMatchObject({ appointment: '2026-10-25T10:00:00+02:00', sendAt: '2026-10-24T08:00:00Z' });
  });
  it('keeps "at 10:00 the day before" at 10:00 on the local clock across the change', () => {
    const rule = { kind: 'day-before', days: 1, at: '10:00' } as const;
    expect(planRowTime('30.03.2026 10:00', 'EE', plan({ rule }), march)).toMatchObject({
      sendAt: '2026-03-29T07:00:00Z', // 10:00 summer time
    });
    expect(planRowTime('29.03.2026 10:00', 'EE', plan({ rule }), march)).toMatchObject({
      sendAt: '2026-03-28T08:00:00Z', // 10:00 winter time
    });
    expect(
      planRowTime('11/02/2026 9:00 AM', 'US', plan({ format: 'MM/dd/yyyy h:mm a', rule }), october),
    ).toMatchObject({ sendAt: '2026-11-01T15:00:00Z' }); // 10:00 EST
  });
});

describe('planRowTime: quiet hours', () => {
  const quietHours = { from: '21:00', to: '08:00' };
  it('leaves a time outside them alone; 08:00 itself is outside', () => {
    expect(planRowTime('04.05.2026 08:00', null, plan({ quietHours }), NOW)).toMatchObject({
      sendAt: '2026-05-04T05:00:00Z',
      movedByQuietHours: false,
    });
  });
  it('moves a time inside them to their end, in the recipient’s zone', () => {
    const row = planRowTime(
      '05.05.2026 12:00',
      'FI',
      plan({ quietHours, rule: { kind: 'before', minutes: 14 * 60 } }),
      NOW,
    );
    // 22:00 on 4 May in Helsinki moves to 08:00 on 5 May.
    expect(row).toMatchObject({ ok: true, sendAt: '2026-05-05T05:00:00Z', movedByQuietHours: true });
    const morning = planRowTime(
      '05.05.2026 09:00',
      'FI',
      plan({ quietHours, rule: { kind: 'before', minutes: 180 } }),
      NOW,
    );
    expect(morning).toMatchObject({ sendAt: '2026-05-05T05:00:00Z', movedByQuietHours: true });
  });
  it('moves to their start the evening before when their end is after the appointment', () => {
    const row = planRowTime(
      '05.05.2026 07:30',
      'EE',
      plan({ quietHours, rule: { kind: 'before', minutes: 60 } }),
      NOW,
    );
    // 06:30 moved to 08:00 would be after the 07:30 appointment: 21:00 on 4 May instead.
    expect(row).toMatchObject({ sendAt: '2026-05-04T18:00:00Z', movedByQuietHours: true });
    const at = planRowTime('05.05.2026 23:00', 'EE', plan({ quietHours }), NOW);
    expect(at).toMatchObject({ sendAt: '2026-05-05T18:00:00Z', movedByQuietHours: true });
  });
  it('handles quiet hours that do not wrap midnight', () => {
    const lunch = { from: '12:00', to: '13:00' };
    const row = planRowTime(
      '04.05.2026 15:00',
      null,
      plan({ quietHours: lunch, rule: { kind: 'before', minutes: 150 } }),
      NOW,
    );
    expect(row).toMatchObject({ sendAt: '2026-05-04T10:00:00Z', movedByQuietHours: true });
  });
});

describe('planRowTime: past and too far', () => {
  it('flags a delivery time that has passed, saying whether the appointment has', () => {
    expect(planRowTime('01.05.2026 09:00', null, plan(), NOW)).toMatchObject({
      ok: false,
      problem: 'past',
      message: 'The appointment 2026-05-01 09:00 (Europe/Tallinn) has passed.',
      sendAt: '2026-05-01T06:00:00Z',
    });
    expect(
      planRowTime('02.05.2026 08:00', null, plan({ rule: { kind: 'before', minutes: 1440 } }), NOW),
    ).toMatchObject({
      ok: false,
      problem: 'past',
      message: 'The delivery time 2026-05-01 08:00 (Europe/Tallinn) has passed.',
    });
  });
  it('flags more than 30 days ahead and keeps its delivery time', () => {
    expect(planRowTime('31.05.2026 09:00', null, plan(), NOW)).toMatchObject({ ok: true });
    expect(planRowTime('31.05.2026 09:01', null, plan(), NOW)).toEqual({
      ok: false,
      problem: 'too-far',
      message:
        'The delivery time 2026-05-31 09:01 (Europe/Tallinn) is more than 30 days ahead: Messente schedules at most 30 days ahead.',
      appointment: '2026-05-31T09:01:00+03:00',
      sendAt: '2026-05-31T06:01:00Z',
      zone: 'Europe/Tallinn',
      locale: 'et',
    });
  });
});

describe('planRowTime: one plan for many rows', () => {
  it('reads a repeated cell once but compares it with each call’s now', () => {
    const shared = plan();
    const before = planRowTime('04.05.2026 09:00', null, shared, NOW);
    const after = planRowTime('04.05.2026 09:00', null, shared, Date.parse('2026-05-04T07:00:00Z'));
    expect(before).toMatchObject({ ok: true, sendAt: '2026-05-04T06:00:00Z' });
    expect(after).toMatchObject({ ok: false, problem: 'past' });
    expect(planRowTime('04.05.2026 09:00', 'FI', shared, NOW)).toMatchObject({ zone: 'Europe/Helsinki' });
  });
});
