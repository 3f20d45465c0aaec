// Progress events while sending: at most one per interval (the renderer redraws on each, a fast
// campaign settles thousands of rows a second). One held back goes out with the next call after
// the interval, on a wake-up the process has anyway (an answer); its own timer, later by half an
// interval, only serves when no further call comes. A timer at the interval itself would fire
// before the next answer nearly every time: a wake-up of its own five times a second.

export class ProgressThrottle {
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: () => number,
    private readonly send: () => void,
    private readonly intervalMs = 200,
  ) {}

  /** An event soon: now if the last one is old enough, else with a later call, or by the timer. */
  soon(): void {
    const wait = this.last + this.intervalMs - this.clock();
    if (wait <= 0) this.now();
    else this.timer ??= setTimeout(() => this.now(), wait + this.intervalMs / 2);
  }

  /** An event now (a change of status is sent at once). */
  now(): void {
    this.stop();
    this.last = this.clock();
    this.send();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
