import { MAX_SCHEDULE_DAYS, MAX_SCHEDULE_MS } from './limits';
// Scheduled delivery (`time_to_send`): the operator's time, checked before anything is sent. Pure
// (no I/O, `now` given) so that the CLI, the main process and the wizard apply the same rules. An
// explicit UTC offset is required because Messente reads a time without one as UTC, which an
// operator in Tallinn typing "18:00" would not expect.

export { MAX_SCHEDULE_DAYS };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export type SendTime = { ok: true; iso: string } | { ok: false; message: string };

/** `text` as a future time_to_send (UTC ISO-8601), or why it cannot be one. */
export function parseSendTime(text: string, now: number): SendTime {
  const value = text.trim();
  if (!ISO_WITH_OFFSET.test(value)) {
    return {
      ok: false,
      message: `"${text}" is not a time with a UTC offset: write e.g. 2026-05-04T18:00+03:00 or 2026-05-04T15:00Z.`,
    };
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) return { ok: false, message: `"${text}" is not a real date and time.` };
  if (at <= now) return { ok: false, message: `${value} is in the past: give a time in the future.` };
  if (at > now + MAX_SCHEDULE_MS) {
    return { ok: false, message: `${value} is more than ${MAX_SCHEDULE_DAYS} days ahead.` };
  }
  return { ok: true, iso: new Date(at).toISOString() };
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/**
 * A datetime-local field's value ("2026-05-04T18:00", the operator's own clock) as a future
 * time_to_send by the same rules as `parseSendTime`; null when the field is empty (deliver now).
 * The offset is this computer's at that date, which is what the operator sees on their clock.
 */
export function parseLocalSendTime(value: string, now: number): SendTime | null {
  const text = value.trim();
  if (text === '') return null;
  if (!LOCAL_INPUT.test(text)) return { ok: false, message: `"${value}" is not a date and time.` };
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return { ok: false, message: `"${value}" is not a real date and time.` };
  return parseSendTime(at.toISOString(), now);
}
