import { describe, expect, it } from 'vitest';
import { decimalToMicros } from './money';
import {
  FINAL_DELIVERY_STATUSES,
  NOT_FOUND_STATUS,
  STATUS_CHECK_OFFSETS_MS,
  firstCheckAt,
  isFinalStatus,
  nextCheckAt,
} from './schedule';

const MIN = 60_000;
const H = 60 * MIN;

describe('status check schedule', () => {
  it('checks 1 min, 5 min, 30 min, 2 h, 6 h, 24 h and 48 h after sending, then stops', () => {
    const sent = 1_000_000;
    const seen: number[] = [];
    let at = firstCheckAt(sent);
    for (let next: number | null = at; next !== null; next = nextCheckAt(sent, at)) {
      seen.push(next - sent);
      at = next;
    }
    expect(seen).toEqual([1 * MIN, 5 * MIN, 30 * MIN, 2 * H, 6 * H, 24 * H, 48 * H]);
    expect(STATUS_CHECK_OFFSETS_MS).toHaveLength(7);
  });

  it('after a late check resumes at the next offset ahead instead of catching up', () => {
    expect(nextCheckAt(0, 3 * H)).toBe(6 * H);
    expect(nextCheckAt(0, 6 * H)).toBe(24 * H);
    expect(nextCheckAt(0, 48 * H)).toBeNull();
    expect(nextCheckAt(0, 100 * H)).toBeNull();
  });

  it('knows the final statuses, including a 404', () => {
    for (const s of FINAL_DELIVERY_STATUSES) expect(isFinalStatus(s)).toBe(true);
    // A scheduled message cancelled before its time: polling it again would learn nothing.
    expect(isFinalStatus('DELETED')).toBe(true);
    expect(isFinalStatus(NOT_FOUND_STATUS)).toBe(true);
    for (const s of ['ACK', 'ACCEPTD', 'UNKNOWN', 'SEEN', null]) expect(isFinalStatus(s)).toBe(false);
  });
});

describe('decimalToMicros', () => {
  it('reads decimal strings exactly', () => {
    expect(decimalToMicros('0.06')).toBe(60_000);
    expect(decimalToMicros('0.0645')).toBe(64_500);
    expect(decimalToMicros('12')).toBe(12_000_000);
    expect(decimalToMicros('.5')).toBe(500_000);
    expect(decimalToMicros('0.1234565')).toBe(123_457);
    expect(decimalToMicros('1e-6')).toBe(1);
    expect(decimalToMicros('abc')).toBeNull();
    expect(decimalToMicros('')).toBeNull();
  });

  it('sums a million prices without float drift', () => {
    let micros = 0;
    let float = 0;
    for (let i = 0; i < 1_000_000; i++) {
      micros += decimalToMicros('0.0123')!;
      float += Number('0.0123');
    }
    expect(micros).toBe(12_300_000_000);
    expect(float * 1_000_000).not.toBe(12_300_000_000);
  });
});
