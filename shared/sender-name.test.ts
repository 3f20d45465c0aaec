import { describe, expect, it } from 'vitest';
import { senderProblem } from './sender-name';

describe('senderProblem', () => {
  it.each(['', 'MyShop', 'ABCDEFGHIJK', '37251234567', '+372512345678901', 'Shop2024'])('accepts %j', (s) => {
    expect(senderProblem(s)).toBeNull();
  });

  it.each([
    ['ABCDEFGHIJKL', /at most 11/],
    ['My Shop', /only letters/],
    ['Café', /only letters/],
    ['1234567890123456', /15 digits/],
  ])('refuses %j', (s, message) => {
    expect(senderProblem(s)).toMatch(message);
  });
});
