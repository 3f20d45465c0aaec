// Seeded decisions for the simulator: the same seed fails the same requests on every run.
import type { Random } from '../../shared/random';

export { seededRandom, type Random } from '../../shared/random';

/** True with probability `rate`; always draws, so later decisions do not shift when a rate is 0. */
export function chance(random: Random, rate: number | undefined): boolean {
  const roll = random();
  return rate !== undefined && rate > 0 && roll < rate;
}
