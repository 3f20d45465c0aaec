// Progress events while sending: at most one per interval (the renderer redraws on each, a fast
// campaign settles thousands of rows a second), but never holding one back longer than that.

export class ProgressThrottle {
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: () => number,
    private readonly send: () => void,
    private readonly intervalMs = 200,
  ) {}

  /** An event soon: now if the last one is old enough, else when it will be. */
  soon(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - this.clock();
    if (wait <= 0) this.now();
    else this.timer = setTimeout(() => this.now(), wait);
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
