import { describe, expect, it } from 'vitest';
import { arrivalFigures, arrivalTimes, mostInWindow } from './arrivals';

const evenly = (count: number, gapMs: number, from = 1_000) =>
  Array.from({ length: count }, (_, i) => from + i * gapMs);

describe('arrival figures', () => {
  it('reads received_at from the simulator log, one JSON line each', () => {
    const log = [
      '{"to":"+3725","received_at":"2026-01-01T00:00:00.000Z"}',
      '{"to":"+3726","received_at":"2026-01-01T00:00:00.020Z"}',
      '',
    ].join('\n');
    expect(arrivalTimes(log)).toEqual([
      Date.parse('2026-01-01T00:00:00.000Z'),
      Date.parse('2026-01-01T00:00:00.020Z'),
    ]);
  });

  it('counts the fullest one-second window, half-open', () => {
    expect(mostInWindow(evenly(11, 100))).toBe(10);
    expect(mostInWindow(evenly(11, 99))).toBe(11);
  });

  it('sees even arrivals as even and at their rate', () => {
    const figures = arrivalFigures(evenly(101, 20), 50);
    expect(figures).toMatchObject({ messages: 101, mostInOneSecond: 50, evenShare: 1 });
    expect(figures.achieved).toBeCloseTo(50, 5);
  });

  it('sees groups of three with 60 ms gaps as bursts, though the average rate is the same', () => {
    const grouped = evenly(34, 60).flatMap((t) => [t, t + 0.5, t + 1]);
    const figures = arrivalFigures(grouped, 50);
    expect(figures.evenShare).toBeLessThan(0.05);
    expect(figures.achieved).toBeGreaterThan(49);
  });

  it('judges batches by their requests: 10 messages every 200 ms at 50/s are even', () => {
    const batched = evenly(20, 200).flatMap((t) => Array<number>(10).fill(t));
    const figures = arrivalFigures(batched, 50, 10);
    expect(figures.evenShare).toBe(1);
    expect(figures.mostInOneSecond).toBe(50);
    expect(figures.achieved).toBeCloseTo(50, 5);
  });
});
