import { describe, expect, it } from 'vitest';
import { RequestLimiter } from './limiter';
import { mostInWindow } from '../sender/arrivals';

const mostInSecond = (times: number[]) => mostInWindow([...times].sort((a, b) => a - b));

/** Drives both kinds greedily on a fake clock, 1 ms steps; returns start times by kind. */
function simulate(limiter: RequestLimiter, ms: number, wants: { send: boolean; poll: boolean }) {
  const starts = { send: [] as number[], poll: [] as number[] };
  for (let t = 0; t < ms; t++) {
    for (const kind of ['send', 'poll'] as const) {
      if (!wants[kind]) continue;
      while (limiter.delayFor(kind, t) === 0) {
        limiter.record(kind, t);
        starts[kind].push(t);
      }
    }
  }
  return starts;
}

describe('RequestLimiter', () => {
  it('never lets sends and polls together pass the capacity in any window', () => {
    const limiter = new RequestLimiter({ capacity: 50, windowMs: 1_000 });
    const starts = simulate(limiter, 10_000, { send: true, poll: true });
    expect(mostInSecond([...starts.send, ...starts.poll])).toBe(50);
  });

  it('gives polls their reserved share while sending wants everything, and sends the rest', () => {
    const limiter = new RequestLimiter({ capacity: 50, pollShare: 0.2, windowMs: 1_000 });
    const starts = simulate(limiter, 10_000, { send: true, poll: true });
    // Sends asked first and took the first window whole; from then on polls get their 10 a window.
    expect(starts.poll.length).toBeGreaterThanOrEqual(90);
    expect(mostInSecond(starts.send)).toBeLessThanOrEqual(50);
    expect(starts.send.length).toBeGreaterThanOrEqual(starts.poll.length * 3);
  });

  it('lets either kind use the whole budget when the other does not want it', () => {
    const polls = simulate(new RequestLimiter({ capacity: 50, windowMs: 1_000 }), 3_000, {
      send: false,
      poll: true,
    });
    expect(polls.poll.length).toBe(150);
    const sends = simulate(new RequestLimiter({ capacity: 50, windowMs: 1_000 }), 3_000, {
      send: true,
      poll: false,
    });
    expect(sends.send.length).toBe(150);
  });

  it('counts restamped sends at their real start', () => {
    const limiter = new RequestLimiter({ capacity: 2, windowMs: 1_000 });
    limiter.record('send', 0);
    limiter.record('send', 0);
    limiter.restamp('send', 2, 500);
    expect(limiter.delayFor('send', 1_000)).toBe(500);
  });
});
