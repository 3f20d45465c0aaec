// How a campaign reacts to Messente's 429: nothing starts until Retry-After (or a back-off) has
// passed and the pace drops to 70%; after PACE_RECOVERY_MS without another 429 it climbs back by
// 25% a step, never above what the operator chose.
import { backoffMs } from './outcomes';
import type { Pacer } from './pace';

const PACE_RECOVERY_MS = 5_000;

export class RateGovernor {
  /** Nothing may start before this time (a 429's Retry-After). */
  holdUntil = 0;
  private lastChange = 0;

  constructor(
    private readonly pacer: Pacer,
    private readonly configuredRate: number,
  ) {}

  slowDown(now: number, retryAfterMs: number | null): void {
    this.holdUntil = Math.max(this.holdUntil, now + (retryAfterMs ?? backoffMs(1, null)));
    this.pacer.setRate(Math.max(Math.min(1, this.configuredRate), this.pacer.currentRate() * 0.7));
    this.lastChange = now;
  }

  recover(now: number): void {
    const rate = this.pacer.currentRate();
    if (rate < this.configuredRate && now - this.lastChange >= PACE_RECOVERY_MS) {
      this.pacer.setRate(Math.min(this.configuredRate, rate * 1.25));
      this.lastChange = now;
    }
  }
}
