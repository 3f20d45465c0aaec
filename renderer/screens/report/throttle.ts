// Progress events can arrive many times a second; refetching rows that often would flood main.
// This runs `fn` at most once per `ms`: at once when idle, otherwise once at the end of the window.

export interface Throttled {
  (): void;
  /** Drops a pending trailing call (on destroy). */
  cancel(): void;
}

export function throttle(fn: () => void, ms: number): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (): void => {
    timer = null;
    last = Date.now();
    fn();
  };
  const throttled = (): void => {
    if (timer) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  throttled.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}
