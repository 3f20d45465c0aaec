// Each row's own delivery time, computed by main from the campaign's plan when the row is added
// (whatever the renderer showed), with the operator's choice for its group applied when it cannot
// be scheduled as planned.
import {
  localeForCountry,
  planRowTime,
  problemFate,
  timeCell,
  type DeliveryPlan,
  type ProblemChoices,
} from '../../shared/delivery-time';
import { MAX_SCHEDULE_MS } from '../../shared/limits';
import type { RowTimeContext } from '../../shared/sms/template';
import type { RowTime } from '../db/queries/messages';

/** Stored times are all written alike (…:00.000Z), so that the database compares them as text. */
const utcOf = (at: string): string => new Date(Date.parse(at)).toISOString();
const utc = (at: string | undefined): string | null => (at === undefined ? null : utcOf(at));

export interface PlannedRow {
  time: RowTime;
  /** Set when the choice for its group is to skip it: why, in the preview's words. */
  skipReason: string | null;
  /** What the template's {{column|time}} and its kin write for this row. */
  context: RowTimeContext;
}

/**
 * When a row held in Omnicast may be submitted: once its delivery time is within Messente's
 * scheduling window.
 */
export function holdUntilFor(sendAt: string): string {
  return new Date(Date.parse(sendAt) - MAX_SCHEDULE_MS).toISOString();
}

/**
 * `row`'s time by `plan` at `now`. A workbook's date cell is read from the date it holds (`dates`)
 * when the column is read as spreadsheet dates; its text is only how the sheet displayed it.
 */
export function planRow(
  row: { fields: readonly string[]; dates?: readonly (string | null)[] },
  plan: DeliveryPlan,
  choices: ProblemChoices,
  now: number,
): PlannedRow {
  const { fields } = row;
  const country = plan.countryColumn === null ? null : (fields[plan.countryColumn] ?? null);
  const t = planRowTime(timeCell(fields, row.dates, plan.column, plan.format), country, plan, now);
  const context: RowTimeContext = {
    column: plan.column,
    appointment: t.appointment ?? null,
    zone: t.zone ?? plan.zone,
    locale: t.locale ?? localeForCountry(country),
  };
  const appointment = t.appointment ?? null;
  if (t.ok) {
    const time = { appointment, sendAt: utc(t.sendAt), zone: t.zone, problem: null, holdUntil: null };
    return { time, skipReason: null, context };
  }
  const base = { appointment, zone: context.zone, problem: t.problem };
  const fate = problemFate(t, choices);
  if (fate.kind === 'skipped') {
    return { time: { ...base, sendAt: utc(t.sendAt), holdUntil: null }, skipReason: t.message, context };
  }
  if (fate.kind === 'now') {
    return { time: { ...base, sendAt: null, holdUntil: null }, skipReason: null, context };
  }
  const sendAt = utcOf(fate.sendAt);
  return { time: { ...base, sendAt, holdUntil: holdUntilFor(sendAt) }, skipReason: null, context };
}
