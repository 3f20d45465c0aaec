import { describe, expect, it } from 'vitest';
import { MESSAGE_STATES } from '../../shared/types';
import {
  formatCount,
  formatDate,
  formatDuration,
  formatMoney,
  formatRate,
  stateHint,
  stateLabel,
} from './format';

describe('formatDate', () => {
  it('shows day, month, year and time', () => {
    const text = formatDate('2026-03-07T09:05:00');
    expect(text).toMatch(/7 Mar 2026/);
    expect(text).toMatch(/09:05/);
  });
  it('shows a dash for missing or broken dates', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });
});

describe('formatMoney', () => {
  it('uses micros and says unknown for no price', () => {
    expect(formatMoney(1_500_000)).toBe('€1.50');
    expect(formatMoney(null)).toBe('unknown');
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [-1, '—'],
    [0, '0 s'],
    [45.4, '45 s'],
    [60, '1 min'],
    [200, '3 min 20 s'],
    [3600, '1 h'],
    [7500, '2 h 5 min'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatRate', () => {
  it('keeps a decimal for slow rates only', () => {
    expect(formatRate(2.345)).toBe('2.3 msg/s');
    expect(formatRate(42.6)).toBe('43 msg/s');
  });
});

describe('stateLabel', () => {
  it('uses the product words for every state', () => {
    // The product's word for a state is the state's own name, for every state there is.
    for (const state of MESSAGE_STATES) {
      expect(stateLabel(state)).toBe(state);
      expect(stateHint(state).length).toBeGreaterThan(5);
    }
  });
});
