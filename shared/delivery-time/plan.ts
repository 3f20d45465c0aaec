// One row's delivery time: its appointment read in the row's zone, the send rule applied, quiet hours
// kept in the recipient's zone, and the result checked against now and Messente's scheduling window.
import { DateTime } from 'luxon';
import { MAX_SCHEDULE_DAYS, MAX_SCHEDULE_MS } from '../limits';
import { atWallClock, describeFormat, parseCell } from './parse';
import { clockMinutes } from './rules';
import type { DeliveryPlan, QuietHours, RowTime, SendRule } from './types';
import { rememberingZone } from './zone-cache';
import { countryOfZone, localeForCountry, zoneForCountry } from './zones';

function sendTimeFor(appointment: DateTime, rule: SendRule): DateTime {
  switch (rule.kind) {
    case 'at':
      return appointment;
    case 'before':
      // Real minutes: the instant moves, whatever the wall clock does in between.
      return appointment.minus({ minutes: rule.minutes });
    case 'day-before': {
      const day = appointment.minus({ days: rule.days });
      const at = clockMinutes(rule.at);
      const { year, month, day: date } = day;
      return atWallClock({ year, month, day: date, hour: Math.floor(at / 60), minute: at % 60 }, day.zone);
    }
  }
}

/** The wall-clock time `clock` ('HH:mm') on the day of `moment`, `dayShift` days later, in its zone. */
function onDay(moment: DateTime, clock: string, dayShift: number): DateTime {
  const day = moment.plus({ days: dayShift });
  const at = clockMinutes(clock);
  const { year, month, day: date } = day;
  return atWallClock({ year, month, day: date, hour: Math.floor(at / 60), minute: at % 60 }, moment.zone);
}

/**
 * Where quiet hours put `sendAt`: unchanged outside them; inside, to their end (08:00), unless that
 * is after the appointment, where a reminder would come too late: then to their start (21:00 the
 * evening before).
 */
function outsideQuietHours(
  sendAt: DateTime,
  appointment: DateTime,
  quiet: QuietHours | null,
): { at: DateTime; moved: boolean } {
  if (quiet === null) return { at: sendAt, moved: false };
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  const now = sendAt.hour * 60 + sendAt.minute;
  const wraps = from > to;
  const inside = wraps ? now >= from || now < to : now >= from && now < to;
  if (!inside) return { at: sendAt, moved: false };
  // The evening part of a quiet night ends tomorrow; the morning part began yesterday.
  const end = onDay(sendAt, quiet.to, wraps && now >= from ? 1 : 0);
  if (end <= appointment) return { at: end, moved: true };
  const start = onDay(sendAt, quiet.from, wraps && now < to ? -1 : 0);
  return { at: start, moved: true };
}

/** A moment as the row's messages show it: "2026-05-04 09:00 (Europe/Tallinn)". */
function shown(ms: number, zone: string): string {
  return `${DateTime.fromMillis(ms, { zone: rememberingZone(zone) ?? zone }).toFormat('yyyy-MM-dd HH:mm')} (${zone})`;
}

function iso(moment: DateTime): string {
  return moment.toISO({ suppressMilliseconds: true })!;
}

/** UTC ISO without milliseconds, as Messente's examples write time_to_send: '2026-05-04T06:00:00Z'. */
function utc(moment: DateTime): string {
  return new Date(moment.toMillis()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A row's times before they are compared with now: the same for every row with its cell and country. */
type Planned =
  | { ok: false; zone: string; locale: string; message: string }
  | {
      ok: true;
      zone: string;
      locale: string;
      appointment: string;
      appointmentMs: number;
      sendAt: string;
      sendAtMs: number;
      moved: boolean;
    };

function planCell(cell: string, country: string | null, plan: DeliveryPlan): Planned {
  const zone = zoneForCountry(country, plan.zone);
  const locale = localeForCountry(country ?? countryOfZone(plan.zone));
  if (rememberingZone(zone) === null)
    return { ok: false, zone, locale, message: `The time zone "${zone}" is not known.` };
  const appointment = parseCell(cell, plan.format, zone);
  if (appointment === null) {
    const what = cell.trim() === '' ? 'is empty' : `"${cell.trim()}" is not a date and time`;
    return { ok: false, zone, locale, message: `The time ${what}: expected ${describeFormat(plan.format)}.` };
  }
  const planned = sendTimeFor(appointment, plan.rule);
  const { at, moved } = outsideQuietHours(planned, appointment, plan.quietHours);
  return {
    ok: true,
    zone,
    locale,
    appointment: iso(appointment),
    appointmentMs: appointment.toMillis(),
    sendAt: utc(at),
    sendAtMs: at.toMillis(),
    moved,
  };
}

// Appointment lists repeat their slots (09:00, 09:30…) row after row: each cell and country is read
// once per plan. Keyed by the plan object, so a changed plan starts afresh.
const MAX_REMEMBERED = 100_000;
const remembered = new WeakMap<DeliveryPlan, Map<string, Planned>>();

function plannedCell(cell: string, country: string | null, plan: DeliveryPlan): Planned {
  let cells = remembered.get(plan);
  if (cells === undefined) remembered.set(plan, (cells = new Map()));
  const key = `${country ?? ''}\u0000${cell}`;
  let planned = cells.get(key);
  if (planned === undefined) {
    if (cells.size >= MAX_REMEMBERED) cells.clear();
    planned = planCell(cell, country, plan);
    cells.set(key, planned);
  }
  return planned;
}

/**
 * The delivery time of the row whose time cell is `cell` and country `country` (ISO alpha-2, or
 * null), by `plan`, at `now` (ms since the epoch). `past` when that time is not after now;
 * `too-far` when it is more than MAX_SCHEDULE_DAYS ahead (it keeps its `sendAt`). A plan object
 * must not be changed once used: build a new one instead.
 */
export function planRowTime(cell: string, country: string | null, plan: DeliveryPlan, now: number): RowTime {
  const planned = plannedCell(cell, country, plan);
  const { zone, locale } = planned;
  if (!planned.ok) return { ok: false, problem: 'unparseable', message: planned.message, zone, locale };
  const common = { appointment: planned.appointment, sendAt: planned.sendAt, zone, locale };
  if (planned.sendAtMs <= now) {
    const message =
      planned.appointmentMs <= now
        ? `The appointment ${shown(planned.appointmentMs, zone)} has passed.`
        : `The delivery time ${shown(planned.sendAtMs, zone)} has passed.`;
    return { ok: false, problem: 'past', message, ...common };
  }
  if (planned.sendAtMs > now + MAX_SCHEDULE_MS) {
    return {
      ok: false,
      problem: 'too-far',
      message: `The delivery time ${shown(planned.sendAtMs, zone)} is more than ${MAX_SCHEDULE_DAYS} days ahead: Messente schedules at most ${MAX_SCHEDULE_DAYS} days ahead.`,
      ...common,
    };
  }
  return { ok: true, ...common, movedByQuietHours: planned.moved };
}
