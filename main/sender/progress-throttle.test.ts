import { describe, expect, it } from 'vitest';
import { ProgressThrottle } from './progress-throttle';

const tick = () => new Promise((resolve) => setTimeout(resolve, 60));

/** A throttle of 40 ms over a clock the test moves, counting what it sends. */
function counting(clock: () => number) {
  const counter = { sent: 0 };
  const throttle = new ProgressThrottle(clock, () => (counter.sent += 1), 40);
  return { throttle, counter };
}

describe('ProgressThrottle', () => {
  it('sends at once when the last event is old, and folds a burst into one later event', async () => {
    let clock = 0;
    const { throttle, counter } = counting(() => clock);
    throttle.soon();
    expect(counter.sent).toBe(1);
    clock = 10;
    throttle.soon();
    throttle.soon();
    throttle.soon();
    expect(counter.sent).toBe(1);
    await tick();
    expect(counter.sent).toBe(2);
  });

  it('sends a held-back event with the first call after the interval, not by a timer of its own', async () => {
    let clock = 0;
    const { throttle, counter } = counting(() => clock);
    throttle.soon();
    clock = 10;
    throttle.soon();
    expect(counter.sent).toBe(1);
    clock = 45;
    throttle.soon();
    expect(counter.sent).toBe(2);
    await tick();
    expect(counter.sent).toBe(2);
  });

  it('now() sends immediately and cancels the pending one; stop() drops it', async () => {
    const { throttle, counter } = counting(() => 0);
    throttle.now();
    throttle.soon();
    throttle.now();
    expect(counter.sent).toBe(2);
    throttle.soon();
    throttle.stop();
    await tick();
    expect(counter.sent).toBe(2);
  });
});
