import { describe, expect, it } from 'vitest';
import { CLAIM_AHEAD_MS, claimHorizonMs } from './claim-ahead';

describe('claimHorizonMs', () => {
  it('claims 200 ms ahead from 50 messages a second up, where a commit already serves ten or more', () => {
    expect(claimHorizonMs(50)).toBe(CLAIM_AHEAD_MS);
    expect(claimHorizonMs(150)).toBe(CLAIM_AHEAD_MS);
    expect(claimHorizonMs(100_000)).toBe(CLAIM_AHEAD_MS);
  });

  it('reaches further at a slow pace, so that one commit still serves ten messages, up to a second', () => {
    expect(claimHorizonMs(10)).toBe(1_000);
    expect(claimHorizonMs(20)).toBe(500);
    expect(claimHorizonMs(2)).toBe(1_000);
    // A crash leaves no more claimed rows `unknown` than at 50/s.
    expect((claimHorizonMs(10) / 1_000) * 10).toBeLessThanOrEqual((CLAIM_AHEAD_MS / 1_000) * 50);
  });
});
