// A status request answered 429 or 503 (or that could not connect) was not processed: it is asked
// again after Retry-After or an exponential back-off, within the shared request budget, as sending
// does. Only when the tries run out does the row count as "could not be checked".
import type { StatusResult } from '../messente/status';
import { backoffMs } from '../sender/outcomes';

export interface RetryDeps {
  /** Waits (on the poller's timers). */
  sleep: (ms: number) => Promise<void>;
  /** Takes a share of the request budget before each new try. */
  acquire: () => Promise<void>;
  /** True once the refresh is stopped or cancelled: no new try starts. */
  halted: () => boolean;
  maxAttempts?: number;
  random?: () => number;
}

export const STATUS_MAX_ATTEMPTS = 5;

export async function statusWithRetries(
  ask: () => Promise<StatusResult>,
  deps: RetryDeps,
): Promise<StatusResult> {
  const max = deps.maxAttempts ?? STATUS_MAX_ATTEMPTS;
  let result = await ask();
  for (let tries = 1; result.kind === 'retry' && tries < max && !deps.halted(); tries++) {
    await deps.sleep(backoffMs(tries, result.retryAfterMs, deps.random));
    if (deps.halted()) break;
    await deps.acquire();
    result = await ask();
  }
  return result;
}
