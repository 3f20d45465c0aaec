// A tiny seeded PRNG (mulberry32): fault and delivery decisions must repeat exactly for a given
// seed, so tests that rely on "fail-rate 0.3" see the same requests fail on every run.
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True with probability `rate`; always draws, so later decisions do not shift when a rate is 0. */
export function chance(random: Random, rate: number | undefined): boolean {
  const roll = random();
  return rate !== undefined && rate > 0 && roll < rate;
}
