import { describe, expect, it } from 'vitest';
import { describeSendRule, parseQuietHours, parseSendRule } from './rules';

describe('parseSendRule', () => {
  it('reads no flags as "at the time in the column"', () => {
    expect(parseSendRule({})).toEqual({ ok: true, rule: { kind: 'at' } });
    expect(parseSendRule({ offset: '0' })).toEqual({ ok: true, rule: { kind: 'at' } });
  });
  it.each([
    ['-24h', 1440],
    ['-2h', 120],
    ['-90m', 90],
    ['-1h30m', 90],
    ['-1d', 1440],
    [' -2 h ', 120],
  ])('reads the offset %s as %i minutes before', (offset, minutes) => {
    expect(parseSendRule({ offset })).toEqual({ ok: true, rule: { kind: 'before', minutes } });
  });
  it.each([
    ['24h', /minus sign/],
    ['+2h', /minus sign/],
    ['-2x', /such as -24h/],
    ['-', /such as -24h/],
    ['-31d', /more than 30 days/],
  ])('refuses the offset %s', (offset, why) => {
    expect(parseSendRule({ offset })).toMatchObject({ ok: false, message: expect.stringMatching(why) });
  });
  it('reads a time of day before, one day unless told', () => {
    expect(parseSendRule({ atTime: '10:00' })).toEqual({
      ok: true,
      rule: { kind: 'day-before', days: 1, at: '10:00' },
    });
    expect(parseSendRule({ atTime: '9:30', daysBefore: '2' })).toEqual({
      ok: true,
      rule: { kind: 'day-before', days: 2, at: '09:30' },
    });
  });
  it.each([
    [{ atTime: '25:00' }, /not a time like 10:00/],
    [{ atTime: '10:00', daysBefore: '0' }, /whole number from 1 to 30/],
    [{ atTime: '10:00', daysBefore: '1.5' }, /whole number/],
    [{ daysBefore: '1' }, /needs a time of day/],
    [{ offset: '-2h', atTime: '10:00' }, /Choose one/],
  ])('refuses %o', (flags, why) => {
    expect(parseSendRule(flags)).toMatchObject({ ok: false, message: expect.stringMatching(why) });
  });
});

describe('parseQuietHours', () => {
  it('reads a range, also with a dash and spaces, and "off"', () => {
    expect(parseQuietHours('21:00-08:00')).toEqual({ ok: true, quietHours: { from: '21:00', to: '08:00' } });
    expect(parseQuietHours(' 22:30 – 7:00 ')).toEqual({
      ok: true,
      quietHours: { from: '22:30', to: '07:00' },
    });
    expect(parseQuietHours('OFF')).toEqual({ ok: true, quietHours: null });
  });
  it.each(['21-08', '21:00', '21:00-24:00', '08:00-08:00', ''])('refuses "%s"', (text) => {
    expect(parseQuietHours(text)).toMatchObject({
      ok: false,
      message: expect.stringContaining('21:00-08:00'),
    });
  });
});

describe('describeSendRule', () => {
  it.each([
    [{ kind: 'at' } as const, 'at the time in the column'],
    [{ kind: 'before', minutes: 1440 } as const, '24 h before'],
    [{ kind: 'before', minutes: 120 } as const, '2 h before'],
    [{ kind: 'before', minutes: 90 } as const, '1 h 30 min before'],
    [{ kind: 'before', minutes: 45 } as const, '45 min before'],
    [{ kind: 'day-before', days: 1, at: '10:00' } as const, 'at 10:00 the day before'],
    [{ kind: 'day-before', days: 2, at: '18:30' } as const, 'at 18:30, 2 days before'],
  ])('describes %o as "%s"', (rule, words) => {
    expect(describeSendRule(rule)).toBe(words);
  });
  it('round-trips what parseSendRule reads', () => {
    const parsed = parseSendRule({ offset: '-24h' });
    expect(parsed.ok && describeSendRule(parsed.rule)).toBe('24 h before');
  });
});
