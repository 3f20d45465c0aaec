// When to ask Messente for a message's delivery status: often at first, when most statuses arrive,
// then ever more rarely while operators keep retrying (up to 48 h), then never. Pure functions so
// the schedule is tested without clocks.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Offsets after sent_at at which a message's status is checked. */
export const STATUS_CHECK_OFFSETS_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  6 * HOUR,
  24 * HOUR,
  48 * HOUR,
];

/**
 * Statuses after which nothing changes any more (Messente's table: "final"), and DELETED: a
 * scheduled message cancelled before its time is never delivered.
 */
export const FINAL_DELIVERY_STATUSES: readonly string[] = [
  'DELIVRD',
  'UNDELIV',
  'FAILED',
  'REJECTD',
  'EXPIRED',
  'NACK',
  'DELETED',
];

/** Stored as the delivery status when Messente answers 404 for the omnimessage: never asked again. */
export const NOT_FOUND_STATUS = 'NOT_FOUND';

export function isFinalStatus(status: string | null): boolean {
  return status !== null && (FINAL_DELIVERY_STATUSES.includes(status) || status === NOT_FOUND_STATUS);
}

/**
 * The first scheduled check strictly after `checkedAt` (ms), or null when the schedule is over.
 * A check that ran late (the app was closed) does not cause a burst of catch-up checks: the
 * schedule resumes at the next offset still ahead.
 */
export function nextCheckAt(
  sentAt: number,
  checkedAt: number,
  offsets: readonly number[] = STATUS_CHECK_OFFSETS_MS,
): number | null {
  for (const offset of offsets) {
    const at = sentAt + offset;
    if (at > checkedAt) return at;
  }
  return null;
}

/** The first check of a freshly accepted message. */
export function firstCheckAt(sentAt: number, offsets: readonly number[] = STATUS_CHECK_OFFSETS_MS): number {
  return sentAt + (offsets[0] ?? MINUTE);
}
