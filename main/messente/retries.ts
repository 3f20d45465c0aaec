// Asking Messente again. A request answered 429 or 503 (or that could not connect) was not
// processed: it is asked again after Retry-After or an exponential back-off, each try within the
// request budget shared by everything that talks to Messente from this computer. Status checks and
// the cancelling of scheduled messages both ask this way; sending paces itself (main/sender/pace.ts).
import { backoffMs } from '../sender/outcomes';

/** The per-IP request budget, as seen by one kind of request (main/delivery-status/limiter.ts). */
export interface RequestBudget<K extends string> {
  delayFor(kind: K, now: number): number;
  record(kind: K, now: number): void;
}

/** Waits until the budget has room for one request of `kind`, then takes it. */
export async function takeShare<K extends string>(
  budget: RequestBudget<K>,
  kind: K,
  monotonic: () => number,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  for (;;) {
    const wait = budget.delayFor(kind, monotonic());
    if (wait <= 0) return budget.record(kind, monotonic());
    await sleep(wait);
  }
}

export interface RetryDeps {
  /** Waits (on the caller's timers). */
  sleep: (ms: number) => Promise<void>;
  /** Takes a share of the request budget before each new try. */
  acquire: () => Promise<void>;
  /** True once the caller is stopped or cancelled: no new try starts. */
  halted: () => boolean;
  maxAttempts?: number;
  random?: () => number;
}

export const MAX_ATTEMPTS = 5;

/**
 * Asks until the answer is not `retry`, the tries run out or the caller halts; the last answer is
 * returned, so a `retry` result means "could not be asked". The first try's share of the budget is
 * the caller's to take (it may want to take it before starting the request at all).
 */
export async function askWithRetries<R extends { kind: string; retryAfterMs?: number | null }>(
  ask: () => Promise<R>,
  deps: RetryDeps,
): Promise<R> {
  const max = deps.maxAttempts ?? MAX_ATTEMPTS;
  let result = await ask();
  for (let tries = 1; result.kind === 'retry' && tries < max && !deps.halted(); tries++) {
    await deps.sleep(backoffMs(tries, result.retryAfterMs ?? null, deps.random));
    if (deps.halted()) break;
    await deps.acquire();
    result = await ask();
  }
  return result;
}
