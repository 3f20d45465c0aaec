// The product's limits and enumerations, each written once: the contract's schemas, the sending
// engine, the CLI's options, the settings and the screens all read them from here, so that no two
// of them can disagree about what is allowed.

/** Messente's documented per-IP limit on requests per second: no campaign may send faster. */
export const MESSENTE_REQUESTS_PER_SECOND = 150;

/** The sending speed an operator may choose, in messages per second. */
export const MIN_RATE = 1;
export const MAX_RATE = MESSENTE_REQUESTS_PER_SECOND;
export const DEFAULT_RATE = 10;

/** Omnimessages per request when sending in batches (1: one request each). */
export const MIN_BATCH_SIZE = 1;
export const MAX_BATCH_SIZE = 1000;

/** Messente's autoconvert modes, sent as these exact strings. */
export const AUTOCONVERT_MODES = ['on', 'full', 'off'] as const;
export type Autoconvert = (typeof AUTOCONVERT_MODES)[number];
export const DEFAULT_AUTOCONVERT: Autoconvert = 'on';

/** How far ahead a delivery may be scheduled. */
export const MAX_SCHEDULE_DAYS = 30;
/** The same window in milliseconds, as the checks against a time compare it. */
export const MAX_SCHEDULE_MS = MAX_SCHEDULE_DAYS * 86_400_000;

export function isAutoconvert(value: unknown): value is Autoconvert {
  return (AUTOCONVERT_MODES as readonly unknown[]).includes(value);
}

/** True for a speed an operator may choose: from MIN_RATE to MAX_RATE messages per second. */
export function isAllowedRate(rate: number): boolean {
  return rate >= MIN_RATE && rate <= MAX_RATE;
}

/** The allowed speeds in words, for every message that refuses one. */
export const RATE_RANGE = `between ${MIN_RATE} and ${MAX_RATE} messages per second`;

/** "on, full or off". */
export const AUTOCONVERT_LIST = `${AUTOCONVERT_MODES.slice(0, -1).join(', ')} or ${AUTOCONVERT_MODES.at(-1)}`;
