// A sliding one-second window over admitted requests: at most `limit` in any window of `windowMs`,
// which is exactly the promise the sending engine must keep (and a fixed window would not check).
export interface RateWindow {
  /** Records and admits a request at `now`, or refuses it (refused requests are not counted). */
  admit(now: number): boolean;
  /** How long until one more request would be admitted. */
  waitMs(now: number): number;
}

export function createRateWindow(limit: number, windowMs: number): RateWindow {
  // Ring buffer of the last `limit` admission times: the oldest decides whether a slot is free.
  const times = new Array<number>(limit).fill(-Infinity);
  let next = 0;
  return {
    admit(now) {
      if (now - times[next]! < windowMs) return false;
      times[next] = now;
      next = (next + 1) % limit;
      return true;
    },
    waitMs(now) {
      return Math.max(0, times[next]! + windowMs - now);
    },
  };
}
