import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyRange, formatPrice } from './money';

describe('money', () => {
  it.each([
    [0, '€0.00'],
    [60_000, '€0.06'],
    [87_855_000, '€87.86'],
    [4_585_815_000, '€4,585.82'],
    [1_234_567_890_000, '€1,234,567.89'],
    [-1_500_000, '-€1.50'],
  ])('formatMoney(%s) = %s: cents and thousands separators', (micros, text) => {
    expect(formatMoney(micros)).toBe(text);
  });

  it.each([
    [60_000, '€0.06'],
    [63_500, '€0.0635'],
    [65_000, '€0.065'],
    [12_345_678, '€12.3457'],
    [1_500_000_000, '€1,500.00'],
  ])('formatPrice(%s) = %s: sub-cent prices in their real precision', (micros, text) => {
    expect(formatPrice(micros)).toBe(text);
  });

  it('says unknown for a missing amount, never zero', () => {
    expect(formatMoney(null)).toBe('unknown');
    expect(formatPrice(null)).toBe('unknown');
  });

  it('writes a range, or one figure when both ends show alike', () => {
    expect(formatMoneyRange(87_855_000, 94_950_000)).toBe('€87.86–€94.95');
    expect(formatMoneyRange(60_000, 60_004)).toBe('€0.06');
    expect(formatMoneyRange(60_000, 65_000, formatPrice)).toBe('€0.06–€0.065');
    expect(formatMoneyRange(null, 65_000)).toBe('€0.07');
  });
});
