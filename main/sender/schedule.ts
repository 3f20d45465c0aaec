// The campaign's stored schedule on start and resume. Parsing an operator's time lives in shared/ so
// that the wizard applies the same rules; it is re-exported here for the CLI and the engine.
export { MAX_SCHEDULE_DAYS, parseSendTime, type SendTime } from '../../shared/schedule';

/**
 * What a (re)start asks of the schedule: a new time (UTC ISO-8601), `null` to deliver now, or
 * `undefined` to keep the one stored with the campaign.
 */
export type ScheduleChoice = string | null | undefined;

export type Schedule = { ok: true; timeToSend: string | null } | { ok: false; message: string };

/**
 * The time_to_send a start or resume uses. The stored time stands when no choice is made, so that a
 * resume after a pause or a crash delivers the rest when the operator asked; once it has passed it
 * is refused rather than silently turned into "now" (or into a time Messente would not accept).
 */
export function resolveSchedule(
  campaignName: string,
  choice: ScheduleChoice,
  stored: string | null,
  now: number,
): Schedule {
  if (choice === null) return { ok: true, timeToSend: null };
  if (choice !== undefined) {
    const at = Date.parse(choice);
    if (Number.isNaN(at)) return { ok: false, message: `"${choice}" is not a real date and time.` };
    if (at <= now) return { ok: false, message: `${choice} is in the past: give a time in the future.` };
    return { ok: true, timeToSend: new Date(at).toISOString() };
  }
  if (stored === null) return { ok: true, timeToSend: null };
  const at = Date.parse(stored);
  if (Number.isNaN(at) || at <= now)
    return { ok: false, message: schedulePassedMessage(campaignName, stored) };
  return { ok: true, timeToSend: stored };
}

/** One sentence: when the campaign was to be delivered, and the two ways on. */
export function schedulePassedMessage(campaignName: string, stored: string): string {
  return `Campaign "${campaignName}" was scheduled for delivery at ${stored}, which has passed: resume it with --at NEW to choose a new time, or with --now to deliver the rest now.`;
}
