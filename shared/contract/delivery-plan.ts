// What a campaign with a time column asks: which column holds each row's appointment, when to
// deliver relative to it, the quiet hours, and what to do with rows that cannot be scheduled.
// Main recomputes every row's delivery time from these; it never takes the renderer's figures.
import { z } from 'zod';
import { MAX_SCHEDULE_DAYS } from '../limits';
import type { DeliveryPlan, ProblemChoices } from '../delivery-time';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 21:00');

/** True for a time zone name this computer knows (Europe/Tallinn, America/New_York, UTC …). */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const sendRuleSchema = z.discriminatedUnion('kind', [
  /** At the time in the column. */
  z.strictObject({ kind: z.literal('at') }),
  /** This many minutes before it (24 h before = 1440). */
  z.strictObject({
    kind: z.literal('before'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_SCHEDULE_DAYS * 24 * 60),
  }),
  /** At a local time of day, this many days before (1 = the day before). */
  z.strictObject({
    kind: z.literal('day-before'),
    days: z.number().int().min(1).max(MAX_SCHEDULE_DAYS),
    at: clockTime,
  }),
]);

export const quietHoursSchema = z.strictObject({ from: clockTime, to: clockTime });

export const deliveryPlanSchema = z.strictObject({
  /** Index of the time column among the campaign's columns. */
  column: z.number().int().nonnegative(),
  /** How the column is written: a token pattern such as 'dd.MM.yyyy HH:mm', or 'iso', 'excel'. */
  format: z.string().trim().min(1).max(100),
  rule: sendRuleSchema,
  /** No delivery between these local times of the recipient; null = off. */
  quietHours: quietHoursSchema.nullable(),
  /** The operator's time zone, for rows whose country names none. */
  zone: z.string().min(1).max(100).refine(isKnownZone, 'a time zone name such as Europe/Tallinn'),
  /** Index of the column with each row's country, or null: every row in `zone`. */
  countryColumn: z.number().int().nonnegative().nullable(),
});

export const problemChoicesSchema = z.strictObject({
  /** A time that cannot be read. */
  unparseable: z.enum(['skip', 'send-now']),
  /** A delivery time already past. */
  past: z.enum(['skip', 'send-now']),
  /** Beyond Messente's scheduling window: keep-queued holds it in Omnicast until the window opens. */
  tooFar: z.enum(['skip', 'send-now', 'keep-queued']),
});

export type DeliveryPlanArgs = z.infer<typeof deliveryPlanSchema>;
export type ProblemChoicesArgs = z.infer<typeof problemChoicesSchema>;

/** Every group skipped: nothing is sent at a time the operator did not see. */
export const DEFAULT_PROBLEM_CHOICES: ProblemChoicesArgs = {
  unparseable: 'skip',
  past: 'skip',
  tooFar: 'skip',
};

// The schemas accept exactly the shapes the delivery-time rules work with.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const planMatches: Same<DeliveryPlanArgs, DeliveryPlan> = true;
const choicesMatch: Same<ProblemChoicesArgs, ProblemChoices> = true;
void planMatches;
void choicesMatch;
