// The sending loop's single wait: until a time, or until something happens (an answer, a stop,
// a row queued again), whichever comes first.

export class Alarm {
  private wakeUp: (() => void) | null = null;

  /** Resolves after `ms` (Infinity: only on wake()). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => done(), Math.max(1, Math.ceil(ms))) : null;
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      this.wakeUp = done;
    });
  }

  /** Ends the current sleep now, if there is one. */
  wake(): void {
    this.wakeUp?.();
  }
}
