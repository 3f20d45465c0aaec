// A campaign's run settings from what the operator chose: the speed and batch size checked against
// the product's limits, the spending cap, and how many requests may be in flight at once.
import { MAX_BATCH_SIZE, MAX_RATE, MIN_BATCH_SIZE, MIN_RATE, RATE_RANGE } from '../../shared/limits';
import { UserError } from '../errors';
import type { Autoconvert } from '../../shared/types';
import { MESSENTE_REQUESTS_PER_SECOND, type SharedRequestLimit } from './pace';
import type { PassedChoice } from './row-times';
import type { StartOptions } from './types';

export interface RunConfig {
  campaignId: number;
  sender: string;
  autoconvert: Autoconvert;
  rate: number;
  batchSize: number;
  maxInFlight: number;
  maxCostMicros: number | null;
  timeToSend: string | null;
  maxAttempts: number;
  allowUnsafeRate: boolean;
  /** The request budget shared with other campaigns and status checks, if any. */
  limiter?: SharedRequestLimit | null;
  /** Rows with their own delivery time that has passed by submission: skipped, or sent at once. */
  passedChoice?: PassedChoice;
  /** Wall-clock ms (Date.now by default): rows' own delivery times are compared with it. */
  wallClock?: () => number;
  /** The longest sleep while rows wait in Omnicast for Messente's scheduling window. */
  holdCheckMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

export function runConfig(
  id: number,
  sender: string,
  autoconvert: RunConfig['autoconvert'],
  opts: StartOptions,
): RunConfig {
  const unsafe = opts.allowUnsafeRate === true;
  if (!(opts.rate >= MIN_RATE) || (!unsafe && opts.rate > MAX_RATE)) {
    throw new UserError(
      `The sending speed must be ${RATE_RANGE} (Messente’s limit is ${MESSENTE_REQUESTS_PER_SECOND}); got ${opts.rate}.`,
    );
  }
  const batchSize = opts.batchSize ?? 1;
  if (!Number.isInteger(batchSize) || batchSize < MIN_BATCH_SIZE || batchSize > MAX_BATCH_SIZE) {
    throw new UserError(`The batch size must be a whole number from 1 to 1000; got ${batchSize}.`);
  }
  const maxCost = opts.maxCostMicros ?? null;
  if (maxCost !== null && !(maxCost > 0)) throw new UserError('The spending cap must be above zero.');
  // Enough requests in flight to keep the pace with a few hundred milliseconds of latency, and no
  // more: each one in flight at a crash becomes an `unknown` row.
  const perRequest = Math.min(batchSize, Math.max(1, Math.floor(opts.rate)));
  const maxInFlight = opts.maxInFlight ?? Math.min(256, Math.max(4, Math.ceil(opts.rate / perRequest / 3)));
  return {
    campaignId: id,
    sender,
    autoconvert,
    rate: opts.rate,
    batchSize,
    maxInFlight,
    maxCostMicros: maxCost,
    timeToSend: opts.timeToSend ?? null,
    maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    allowUnsafeRate: unsafe,
  };
}
