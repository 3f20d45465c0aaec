import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then at most once per window with a trailing call', () => {
    let runs = 0;
    const t = throttle(() => runs++, 1000);
    t();
    expect(runs).toBe(1);
    t();
    t();
    t();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(999);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(2);
  });

  it('drops the trailing call when cancelled', () => {
    let runs = 0;
    const t = throttle(() => runs++, 1000);
    t();
    t();
    t.cancel();
    vi.advanceTimersByTime(2000);
    expect(runs).toBe(1);
  });
});
