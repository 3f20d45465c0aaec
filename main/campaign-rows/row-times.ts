// Each row's own delivery time, computed by main from the campaign's plan when the row is added
// (whatever the renderer showed), with the operator's choice for its group applied when it cannot
// be scheduled as planned.
import { planRowTime, type DeliveryPlan, type ProblemChoices } from '../../shared/delivery-time';
import { MAX_SCHEDULE_DAYS } from '../../shared/limits';
import type { RowTime } from '../db/queries/messages';

const DAY_MS = 86_400_000;

/** Stored times are all written alike (…:00.000Z), so that the database compares them as text. */
const utc = (at: string | undefined): string | null =>
  at === undefined ? null : new Date(Date.parse(at)).toISOString();

export interface PlannedRow {
  time: RowTime;
  /** Set when the choice for its group is to skip it: why, in the preview's words. */
  skipReason: string | null;
}

/**
 * When a row held in Omnicast may be submitted: once its delivery time is within Messente's
 * scheduling window.
 */
export function holdUntilFor(sendAt: string): string {
  return new Date(Date.parse(sendAt) - MAX_SCHEDULE_DAYS * DAY_MS).toISOString();
}

export function planRow(
  fields: readonly string[],
  plan: DeliveryPlan,
  choices: ProblemChoices,
  now: number,
): PlannedRow {
  const country = plan.countryColumn === null ? null : (fields[plan.countryColumn] ?? null);
  const t = planRowTime(fields[plan.column] ?? '', country, plan, now);
  if (t.ok) {
    return {
      time: {
        appointment: t.appointment,
        sendAt: utc(t.sendAt),
        zone: t.zone,
        problem: null,
        holdUntil: null,
      },
      skipReason: null,
    };
  }
  const base = { appointment: t.appointment ?? null, zone: t.zone ?? plan.zone, problem: t.problem };
  const choice =
    t.problem === 'unparseable' ? choices.unparseable : t.problem === 'past' ? choices.past : choices.tooFar;
  if (choice === 'skip')
    return { time: { ...base, sendAt: utc(t.sendAt), holdUntil: null }, skipReason: t.message };
  if (choice === 'send-now') return { time: { ...base, sendAt: null, holdUntil: null }, skipReason: null };
  const sendAt = utc(t.sendAt);
  return {
    time: { ...base, sendAt, holdUntil: sendAt === null ? null : holdUntilFor(sendAt) },
    skipReason: null,
  };
}
