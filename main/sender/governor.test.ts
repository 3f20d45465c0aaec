import { describe, expect, it } from 'vitest';
import { RateGovernor } from './governor';
import { Pacer } from './pace';

describe('RateGovernor', () => {
  it('holds everything until Retry-After and drops the pace to 70%', () => {
    const pacer = new Pacer(100);
    const governor = new RateGovernor(pacer, 100);
    governor.slowDown(1_000, 2_000);
    expect(governor.holdUntil).toBe(3_000);
    expect(pacer.currentRate()).toBeCloseTo(70);
    // A second 429 with a shorter Retry-After never shortens the hold.
    governor.slowDown(1_500, 100);
    expect(governor.holdUntil).toBe(3_000);
    expect(pacer.currentRate()).toBeCloseTo(49);
  });

  it('climbs back by 25% a step after 5 s without a 429, never above the chosen rate', () => {
    const pacer = new Pacer(100);
    const governor = new RateGovernor(pacer, 100);
    governor.slowDown(0, null);
    governor.recover(4_999);
    expect(pacer.currentRate()).toBeCloseTo(70);
    governor.recover(5_000);
    expect(pacer.currentRate()).toBeCloseTo(87.5);
    governor.recover(10_000);
    expect(pacer.currentRate()).toBe(100);
  });

  it('never slows a campaign below one message a second (or its own slower rate)', () => {
    const pacer = new Pacer(0.5);
    const governor = new RateGovernor(pacer, 0.5);
    for (let i = 0; i < 10; i++) governor.slowDown(i, 10);
    expect(pacer.currentRate()).toBe(0.5);
  });
});
