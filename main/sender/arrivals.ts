// Pace as the server sees it, from the times its requests arrived (the simulator's `received_at`):
// what Messente's per-second limit counts, and what tests and benchmarks judge the engine by. The
// engine's own start stamps cannot show a burst made after them (a socket queue, a late flush).

export interface ArrivalFigures {
  /** Messages that arrived. */
  messages: number;
  /** The most messages in any one-second window (a window may begin at any arrival). */
  mostInOneSecond: number;
  /** Share of gaps between consecutive arrivals within ±25% of 1/rate (1 when there are none). */
  evenShare: number;
  /** Messages a second from the first arrival to the last (the last request's own are not counted). */
  achieved: number;
}

/** Milliseconds since the epoch of each `received_at` (ISO-8601) in the simulator's log text. */
export function arrivalTimes(logText: string): number[] {
  return logText
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => Date.parse((JSON.parse(line) as { received_at: string }).received_at));
}

/** The most entries of sorted `times` within any half-open window [t, t + windowMs). */
export function mostInWindow(times: readonly number[], windowMs = 1_000): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/**
 * Figures for single-message requests sent at `rate` a second, or batches of `batch` messages (each
 * batch's messages share one arrival time; gaps are then judged against batch/rate).
 */
export function arrivalFigures(times: readonly number[], rate: number, batch = 1): ArrivalFigures {
  const sorted = [...times].sort((a, b) => a - b);
  const requests = batch === 1 ? sorted : [...new Set(sorted)];
  const interval = (1_000 * batch) / rate;
  let even = 0;
  for (let i = 1; i < requests.length; i++) {
    const gap = requests[i]! - requests[i - 1]!;
    if (Math.abs(gap - interval) <= interval / 4) even += 1;
  }
  const seconds = sorted.length > 1 ? (sorted.at(-1)! - sorted[0]!) / 1_000 : 0;
  const lastRequest = sorted.length - sorted.indexOf(sorted.at(-1)!);
  return {
    messages: sorted.length,
    mostInOneSecond: mostInWindow(sorted),
    evenShare: requests.length > 1 ? even / (requests.length - 1) : 1,
    achieved: seconds > 0 ? (sorted.length - lastRequest) / seconds : 0,
  };
}
