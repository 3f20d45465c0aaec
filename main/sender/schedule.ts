// The campaign's stored schedule on start and resume. Parsing an operator's time lives in shared/ so
// that the wizard applies the same rules; it is re-exported here for the CLI and the engine.
export { MAX_SCHEDULE_DAYS, parseSendTime, type SendTime } from '../../shared/schedule';

/**
 * What a (re)start asks of the schedule: a new time (UTC ISO-8601), `null` to deliver now, or
 * `undefined` to keep the one stored with the campaign.
 */
export type ScheduleChoice = string | null | undefined;

export type ScheduleRefusalCode = 'not_a_time' | 'in_the_past' | 'schedule_passed';

/** The schedule to use, or why not: `time` is the choice refused, or the stored time that passed. */
export type Schedule =
  { ok: true; timeToSend: string | null } | { ok: false; code: ScheduleRefusalCode; time: string };

/**
 * The time_to_send a start or resume uses. The stored time stands when no choice is made, so that a
 * resume after a pause or a crash delivers the rest when the operator asked; once it has passed it
 * is refused rather than silently turned into "now" (or into a time Messente would not accept).
 * The refusal is a code: the app and the CLI each say what to do in their own terms.
 */
export function resolveSchedule(choice: ScheduleChoice, stored: string | null, now: number): Schedule {
  if (choice === null) return { ok: true, timeToSend: null };
  if (choice !== undefined) {
    const at = Date.parse(choice);
    if (Number.isNaN(at)) return { ok: false, code: 'not_a_time', time: choice };
    if (at <= now) return { ok: false, code: 'in_the_past', time: choice };
    return { ok: true, timeToSend: new Date(at).toISOString() };
  }
  if (stored === null) return { ok: true, timeToSend: null };
  const at = Date.parse(stored);
  if (Number.isNaN(at) || at <= now) return { ok: false, code: 'schedule_passed', time: stored };
  return { ok: true, timeToSend: stored };
}

/** The refusal in words that name no button and no option, for callers with nothing better to add. */
export function scheduleRefusalMessage(
  campaignName: string,
  refusal: { code: ScheduleRefusalCode; time: string },
): string {
  switch (refusal.code) {
    case 'not_a_time':
      return `"${refusal.time}" is not a real date and time.`;
    case 'in_the_past':
      return `${refusal.time} is in the past: give a time in the future.`;
    case 'schedule_passed':
      return `Campaign "${campaignName}" was scheduled for delivery at ${refusal.time}, which has passed: choose a new delivery time, or deliver the rest now.`;
  }
}
