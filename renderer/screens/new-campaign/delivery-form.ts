// The delivery-time fields of the Recipients step as plain values, and the plan they make. The rule
// and quiet hours are read by the same parsers as the command line's flags, so both say the same.
import {
  parseQuietHours,
  parseSendRule,
  planRowTime,
  type DeliveryPlan,
  type TimeColumnGuess,
  type TimeFormat,
} from '../../../shared/delivery-time';

export type RuleKind = 'at' | 'before' | 'day-before';

export interface DeliveryForm {
  /** The time column's index; null sends every message at once (or at the campaign's one time). */
  column: number | null;
  /** The format the operator chose where the column could not decide (day or month first). */
  chosenFormat: TimeFormat | null;
  rule: RuleKind;
  hoursBefore: string;
  atTime: string;
  daysBefore: string;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  zone: string;
}

/** This computer's zone, the operator's default. */
export function computerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function defaultForm(zone: string = computerZone()): DeliveryForm {
  return {
    column: null,
    chosenFormat: null,
    rule: 'at',
    hoursBefore: '24',
    atTime: '10:00',
    daysBefore: '1',
    quiet: true,
    quietFrom: '21:00',
    quietTo: '08:00',
    zone,
  };
}

export type PlanOutcome = { ok: true; plan: DeliveryPlan | null } | { ok: false; message: string };

/** The plan the fields make, or why they cannot make one yet. */
export function planFromForm(
  form: DeliveryForm,
  guesses: readonly TimeColumnGuess[],
  countryColumn: number | null,
): PlanOutcome {
  if (form.column === null) return { ok: true, plan: null };
  const guess = guesses.find((g) => g.column === form.column);
  const format = guess?.format ?? form.chosenFormat;
  if (format === null || format === undefined)
    return { ok: false, message: 'Choose how the dates in the time column are written.' };
  if (form.rule === 'before' && !/^\d+$/.test(form.hoursBefore.trim()))
    return { ok: false, message: 'Hours before: write a whole number of hours, e.g. 24.' };
  if (form.rule === 'day-before' && !/^\d+$/.test(form.daysBefore.trim()))
    return { ok: false, message: 'Days before: write a whole number of days, e.g. 1.' };
  const rule = parseSendRule(
    form.rule === 'at'
      ? {}
      : form.rule === 'before'
        ? { offset: `-${form.hoursBefore.trim()}h` }
        : { atTime: form.atTime.trim(), daysBefore: form.daysBefore.trim() },
  );
  if (!rule.ok) return { ok: false, message: rule.message };
  const quiet = parseQuietHours(form.quiet ? `${form.quietFrom}-${form.quietTo}` : 'off');
  if (!quiet.ok) return { ok: false, message: quiet.message };
  return {
    ok: true,
    plan: {
      column: form.column,
      format,
      rule: rule.rule,
      quietHours: quiet.quietHours,
      zone: form.zone,
      countryColumn,
    },
  };
}

/**
 * A cell of the column that reads differently day first and month first (its first two numbers
 * differ), to put the question with the operator's own data; else its first filled cell.
 */
export function ambiguousExample(rows: readonly (readonly string[])[], column: number): string | null {
  let first: string | null = null;
  for (const fields of rows) {
    const cell = (fields[column] ?? '').trim();
    if (cell === '') continue;
    first ??= cell;
    const numbers = cell.match(/\d+/g);
    if (numbers && numbers.length >= 2 && Number(numbers[0]) !== Number(numbers[1])) return cell;
  }
  return first;
}

const READING = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** How a cell reads in a format ("3 April 2026"), or null when it does not read at all. */
export function readAs(cell: string, format: TimeFormat): string | null {
  const t = planRowTime(
    cell,
    null,
    { column: 0, format, rule: { kind: 'at' }, quietHours: null, zone: 'UTC', countryColumn: null },
    0,
  );
  const appointment = t.ok ? t.appointment : t.problem === 'unparseable' ? undefined : t.appointment;
  if (appointment === undefined) return null;
  const date = new Date(appointment);
  return Number.isNaN(date.getTime()) ? null : READING.format(date);
}

/** "Day first" or "Month first" for a token pattern, by which of the two comes first. */
export function formatWords(format: TimeFormat): string {
  const day = format.search(/d/);
  const month = format.search(/M/);
  if (day >= 0 && month >= 0) return day < month ? `Day first (${format})` : `Month first (${format})`;
  return format;
}
