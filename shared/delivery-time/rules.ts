// The operator's words for when to send and when not to ("24 h before", "at 10:00 the day before",
// "21:00-08:00"), read the same way by the CLI's flags and the screens, and written back in words.
import { MAX_SCHEDULE_DAYS } from '../limits';
import type { QuietHours, SendRule } from './types';

/** No delivery between 21:00 and 08:00 in the recipient's zone unless the operator says otherwise. */
export const DEFAULT_QUIET_HOURS: QuietHours = { from: '21:00', to: '08:00' };

/** The longest offset before an appointment that still makes sense inside Messente's window. */
const MAX_BEFORE_MINUTES = MAX_SCHEDULE_DAYS * 24 * 60;

const CLOCK = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** 'H:mm', 'HH:mm' or 'HH.mm' as 'HH:mm', or null. */
export function parseClock(text: string): string | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  return `${match[1]!.padStart(2, '0')}:${match[2]!}`;
}

/** Minutes after midnight of an 'HH:mm' already checked by parseClock. */
export function clockMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const OFFSET_PART = /(\d+)(min|d|h|m)(?![a-z])/gy;

/** '-24h', '-2h', '-90m', '-1h30m', '-1d' as minutes before; a day is 24 real hours here. */
function offsetMinutes(text: string): number | string {
  const value = text.trim().toLowerCase().replace(/\s+/g, '');
  if (value === '0' || value === '-0') return 0;
  const sign = value.startsWith('-') ? -1 : value.startsWith('+') ? 1 : 0;
  const body = sign === 0 ? value : value.slice(1);
  if (sign >= 0 && body !== '') {
    return 'an offset must be before the appointment: write it with a minus sign, e.g. -24h or -2h';
  }
  OFFSET_PART.lastIndex = 0;
  let minutes = 0;
  let read = 0;
  for (let match = OFFSET_PART.exec(body); match; match = OFFSET_PART.exec(body)) {
    const amount = Number(match[1]);
    const unit = match[2];
    minutes += unit === 'd' ? amount * 1440 : unit === 'h' ? amount * 60 : amount;
    read = OFFSET_PART.lastIndex;
  }
  if (body === '' || read !== body.length) return 'write an offset such as -24h, -2h, -90m or -1h30m';
  return minutes;
}

/**
 * The CLI's `--offset -24h` or `--at-time 10:00 [--days-before 1]` as a send rule; neither means
 * "at the time in the column".
 */
export function parseSendRule(flags: {
  offset?: string;
  atTime?: string;
  daysBefore?: string;
}): { ok: true; rule: SendRule } | { ok: false; message: string } {
  const { offset, atTime, daysBefore } = flags;
  if (offset !== undefined && (atTime !== undefined || daysBefore !== undefined)) {
    return {
      ok: false,
      message:
        'Choose one: an offset (--offset -24h) or a time the day before (--at-time 10:00 --days-before 1).',
    };
  }
  if (offset !== undefined) {
    const minutes = offsetMinutes(offset);
    if (typeof minutes === 'string') return { ok: false, message: `Offset "${offset}": ${minutes}.` };
    if (minutes > MAX_BEFORE_MINUTES) {
      return { ok: false, message: `Offset "${offset}" is more than ${MAX_SCHEDULE_DAYS} days before.` };
    }
    return { ok: true, rule: minutes === 0 ? { kind: 'at' } : { kind: 'before', minutes } };
  }
  if (daysBefore !== undefined && atTime === undefined) {
    return {
      ok: false,
      message: 'Days before needs a time of day too, e.g. --at-time 10:00 --days-before 1.',
    };
  }
  if (atTime !== undefined) {
    const at = parseClock(atTime);
    if (at === null) return { ok: false, message: `Time of day "${atTime}" is not a time like 10:00.` };
    const daysText = (daysBefore ?? '1').trim();
    const days = /^\d+$/.test(daysText) ? Number(daysText) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_SCHEDULE_DAYS) {
      return {
        ok: false,
        message: `Days before "${daysBefore ?? ''}" must be a whole number from 1 to ${MAX_SCHEDULE_DAYS}.`,
      };
    }
    return { ok: true, rule: { kind: 'day-before', days, at } };
  }
  return { ok: true, rule: { kind: 'at' } };
}

/** '21:00-08:00' (also with an en dash or spaces) as quiet hours; 'off' (or 'none') as none. */
export function parseQuietHours(
  text: string,
): { ok: true; quietHours: QuietHours | null } | { ok: false; message: string } {
  const value = text.trim();
  if (/^(off|none|no)$/i.test(value)) return { ok: true, quietHours: null };
  const parts = value.split(/\s*[-–—]\s*/);
  const from = parts.length === 2 ? parseClock(parts[0]!) : null;
  const to = parts.length === 2 ? parseClock(parts[1]!) : null;
  if (from === null || to === null) {
    return { ok: false, message: `Quiet hours "${text}": write them as 21:00-08:00, or "off".` };
  }
  if (from === to) {
    return {
      ok: false,
      message: `Quiet hours "${text}" start and end at the same time: write e.g. 21:00-08:00.`,
    };
  }
  return { ok: true, quietHours: { from, to } };
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "at the time in the column", "24 h before", "1 h 30 min before", "at 10:00 the day before". */
export function describeSendRule(rule: SendRule): string {
  switch (rule.kind) {
    case 'at':
      return 'at the time in the column';
    case 'before':
      return `${duration(rule.minutes)} before`;
    case 'day-before':
      return rule.days === 1 ? `at ${rule.at} the day before` : `at ${rule.at}, ${rule.days} days before`;
  }
}

/** What the rules mean where the clocks change, for the help texts beside the choice. */
export const SEND_RULE_HELP =
  'An offset counts real hours: "24 h before" is 24 hours earlier even on the night the clocks ' +
  'change, so it can show as 09:00 or 11:00 beside a 10:00 appointment. "At 10:00 the day before" ' +
  "is 10:00 on the recipient's clock.";
