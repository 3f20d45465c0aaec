import { describe, expect, it } from 'vitest';
import { timeIn, zoneCity } from './zone-time';

describe("times on a zone's clock", () => {
  it('says a UTC time on the clock of the zone asked for', () => {
    // 7 Dec 2026 is a Monday; Tallinn is UTC+2 in winter, New York UTC-5.
    expect(timeIn('2026-12-07T07:00:00Z', 'Europe/Tallinn')).toBe('Mon 7 Dec, 09:00');
    expect(timeIn('2026-12-07T07:00:00Z', 'America/New_York')).toBe('Mon 7 Dec, 02:00');
    expect(timeIn('not a time', 'Europe/Tallinn')).toBe('—');
  });

  it('names a zone by its city', () => {
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});
