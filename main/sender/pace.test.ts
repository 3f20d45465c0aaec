import { describe, expect, it } from 'vitest';
import { Pacer, WINDOW_MS } from './pace';

/** Drives a pacer on a simulated clock whose timers fire up to `lateMs` late, like real ones. */
function simulate(rate: number, count: number, batch: number, lateMs: number, requestCap = Infinity) {
  const pacer = new Pacer(rate, requestCap);
  const starts: { at: number; n: number }[] = [];
  let now = 0;
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  let sent = 0;
  while (sent < count) {
    const n = Math.min(batch, Math.max(1, pacer.room(now)), count - sent);
    const wait = pacer.delayFor(n, now);
    if (wait > 0) {
      now += Math.ceil(wait) + random() * lateMs;
      continue;
    }
    pacer.record(n, now);
    starts.push({ at: now, n });
    sent += n;
  }
  return starts;
}

function mostInOneSecond(starts: { at: number; n: number }[]): number {
  let most = 0;
  let j = 0;
  let inWindow = 0;
  // Windows that begin at each start are the worst case for a half-open one-second window.
  for (let i = 0; i < starts.length; i++) {
    while (j < starts.length && starts[j]!.at < starts[i]!.at + 1000) inWindow += starts[j++]!.n;
    most = Math.max(most, inWindow);
    inWindow -= starts[i]!.n;
  }
  return most;
}

describe('Pacer', () => {
  it.each([
    [10, 1],
    [150, 1],
    [150, 40],
    [500, 1],
  ])('keeps rate %i (batches of %i) within every one-second window and near the target', (rate, batch) => {
    const starts = simulate(rate, rate * 20, batch, 2);
    expect(mostInOneSecond(starts)).toBeLessThanOrEqual(rate);
    const seconds = (starts.at(-1)!.at - starts[0]!.at) / 1000;
    const achieved = (rate * 20 - starts.at(-1)!.n) / seconds;
    expect(achieved / rate).toBeGreaterThan(0.97);
  });

  it('spreads starts evenly instead of bursting at the start of a window', () => {
    const starts = simulate(20, 100, 1, 0);
    const gaps = starts.slice(1).map((s, i) => s.at - starts[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(Math.floor(WINDOW_MS / 20) - 1);
  });

  it('regains the plan after a timer fired a little late, over the next requests', () => {
    const pacer = new Pacer(50);
    const interval = WINDOW_MS / 50;
    pacer.record(1, 0);
    // Started 3 ms late: the next is still due at its planned time.
    pacer.record(1, interval + 3);
    expect(pacer.delayFor(1, interval + 3)).toBeCloseTo(interval - 3);
    // At 150/s a step of the catch-up is at most 3 ms (CATCH_UP_STEP_MS), not the whole delay.
    const fast = new Pacer(150);
    const short = WINDOW_MS / 150;
    fast.record(1, 0);
    fast.record(1, short + 4);
    expect(fast.delayFor(1, short + 4)).toBeCloseTo(short - 3);
  });

  it('moves the plan after a longer delay, so that it does not come back a window later', () => {
    // Timers on time but one start 10 ms late: caught up whole, it would leave the window 10 ms
    // late and hold back the start planned a window after it, and so on every window.
    const pacer = new Pacer(50);
    const starts: number[] = [];
    let now = 0;
    while (starts.length < 200) {
      const wait = pacer.delayFor(1, now);
      if (wait > 0) {
        now += wait + (starts.length === 25 ? 10 : 0);
        continue;
      }
      pacer.record(1, now);
      starts.push(now);
    }
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    const interval = WINDOW_MS / 50;
    expect(gaps[24]).toBeCloseTo(interval + 10);
    // A timer's usual lateness (up to 4 ms) is caught up, and only that much may come back.
    expect(gaps[25]).toBeCloseTo(interval - 4);
    expect(Math.max(...gaps.slice(25))).toBeLessThan(interval + 4.01);
  });

  it('slows down at once when the rate is lowered', () => {
    const pacer = new Pacer(100);
    pacer.record(1, 0);
    pacer.setRate(2);
    expect(pacer.delayFor(1, 1)).toBeGreaterThan(400);
  });

  it('counts the last start from the end of a stall: the server may have read it only then', () => {
    const stalled = new Pacer(2);
    stalled.record(1, 0);
    expect(stalled.delayFor(1, 1)).toBeCloseTo(WINDOW_MS / 2 - 1);
    // Woken 90 ms after the planned time: the first start now counts from 600 - 15.
    expect(stalled.delayFor(1, 600)).toBe(0);
    stalled.record(1, 600);
    expect(stalled.delayFor(1, 1_200)).toBeCloseTo(585 + WINDOW_MS - 1_200);

    // A wake-up within the window's margin changes nothing.
    const onTime = new Pacer(2);
    onTime.record(1, 0);
    onTime.delayFor(1, 1);
    expect(onTime.delayFor(1, 510)).toBe(0);
    onTime.record(1, 510);
    expect(onTime.delayFor(1, 1_200)).toBe(0);
  });

  it('limits requests separately from messages', () => {
    const starts = simulate(1000, 2000, 1, 1, 150);
    expect(starts.filter((s) => s.at < 1000)).toHaveLength(150);
  });

  it('counts a request answered slowly from when it may have reached the server', () => {
    // The server stops reading for 24 ms now and then (more than the window's 15 ms margin): the
    // request sent as it stops arrives 24 ms late, with those sent during the pause. Answers come
    // 30 ms after arrival.
    const run = (tellAnswers: boolean) => {
      const pacer = new Pacer(150, 150);
      const arrivals: { at: number; n: number }[] = [];
      const answers: { request: number; sentAt: number; at: number }[] = [];
      const pauses = [2_000, 5_503, 9_001, 13_777];
      let now = 0;
      for (let k = 0; k < 3_000; k++) {
        for (;;) {
          while (tellAnswers && answers.length > 0 && answers[0]!.at <= now) {
            const a = answers.shift()!;
            pacer.answered(a.request, a.sentAt, a.at);
          }
          const wait = pacer.delayFor(1, now);
          if (wait <= 0) break;
          now += Math.min(Math.ceil(wait), 1);
        }
        const request = pacer.record(1, now);
        const pause = pauses.find((p) => now >= p && now < p + 24);
        const arrival = pause === undefined ? now : pause + 24;
        arrivals.push({ at: arrival, n: 1 });
        answers.push({ request, sentAt: now, at: arrival + 30 });
      }
      arrivals.sort((a, b) => a.at - b.at);
      return { most: mostInOneSecond(arrivals), end: now };
    };
    expect(run(false).most).toBeGreaterThan(150);
    const told = run(true);
    expect(told.most).toBeLessThanOrEqual(150);
    // Only the pauses cost pace: 3 000 requests at 150/s still take about 20 s.
    expect(told.end).toBeLessThan(21_000);
  });

  it('moves a request for a slow answer only, not for the loopback’s usual millisecond or two', () => {
    const fourthWaits = (slowerBy: number) => {
      const pacer = new Pacer(2, 2);
      pacer.answered(pacer.record(1, 0), 0, 30);
      pacer.answered(pacer.record(1, 508), 508, 538 + slowerBy);
      pacer.record(1, 1_016);
      // The fourth is planned at 1 523: the second must have left the window by then.
      return pacer.delayFor(1, 1_523);
    };
    expect(fourthWaits(3)).toBe(0);
    expect(fourthWaits(20)).toBeCloseTo(20, 0);
  });

  it('counts requests written late (waiting for new connections) from when they were written', () => {
    // Every 500th request and the seven after it wait for new sockets, all connected 60 ms after
    // the first was handed over: at the server they arrive together, then the rest on time.
    const arrivals: { at: number; n: number }[] = [];
    const pacer = new Pacer(150, 150);
    let now = 0;
    let connectedAt = -Infinity;
    for (let k = 0; k < 3_000; k++) {
      const wait = pacer.delayFor(1, now);
      if (wait > 0) now += Math.ceil(wait);
      const request = pacer.record(1, now);
      if (k % 500 === 0) connectedAt = now + 60;
      const writtenAt = k % 500 < 8 ? Math.max(now, connectedAt) : now;
      pacer.written(request, writtenAt);
      arrivals.push({ at: writtenAt, n: 1 });
    }
    arrivals.sort((a, b) => a.at - b.at);
    expect(mostInOneSecond(arrivals)).toBeLessThanOrEqual(150);
    // Still the full pace over the whole run (3 000 requests at 150/s: about 20 s).
    expect(now).toBeLessThan(21_000);
  });
});
