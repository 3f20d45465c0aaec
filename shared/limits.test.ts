import { describe, expect, it } from 'vitest';
import { parseCallArgs } from './contract';
import { AUTOCONVERT_LIST, isAllowedRate, isAutoconvert, MAX_RATE, MIN_RATE, RATE_RANGE } from './limits';

describe('the sending speed', () => {
  it('is allowed from 1 to 150 messages per second, and nowhere else', () => {
    expect([MIN_RATE, MAX_RATE]).toEqual([1, 150]);
    expect([0, 0.5, 1, 2.5, 150, 150.5, Number.NaN].map(isAllowedRate)).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(RATE_RANGE).toBe('between 1 and 150 messages per second');
  });

  it('is held to the same bounds by the contract, for a start and for the default in settings', () => {
    for (const rate of [0.5, 151]) {
      expect(parseCallArgs('campaigns.start', { id: 1, rate }).ok, `rate ${rate}`).toBe(false);
      expect(parseCallArgs('settings.update', { defaultRate: rate }).ok, `default ${rate}`).toBe(false);
    }
    expect(parseCallArgs('campaigns.start', { id: 1, rate: 1 }).ok).toBe(true);
    expect(parseCallArgs('settings.update', { defaultRate: 150 }).ok).toBe(true);
  });
});

describe('autoconvert modes', () => {
  it('are on, full and off, in words and in the contract', () => {
    expect(AUTOCONVERT_LIST).toBe('on, full or off');
    expect(['on', 'full', 'off', 'ON', '', null].map(isAutoconvert)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(parseCallArgs('settings.update', { defaultAutoconvert: 'auto' }).ok).toBe(false);
  });
});
