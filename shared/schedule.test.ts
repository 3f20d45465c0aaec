import { describe, expect, it } from 'vitest';
import { parseLocalSendTime, parseSendTime } from './schedule';

describe('parseSendTime', () => {
  const now = Date.parse('2026-05-01T12:00Z');
  it('turns a time with an offset into UTC', () => {
    expect(parseSendTime(' 2026-05-04T18:00+03:00 ', now)).toEqual({
      ok: true,
      iso: '2026-05-04T15:00:00.000Z',
    });
  });
  it.each([
    ['2026-05-04T18:00', /UTC offset/],
    ['2026-05-01T12:00Z', /in the past/],
    ['2026-06-01T12:01Z', /more than 30 days/],
  ])('refuses %s', (text, why) => {
    expect(parseSendTime(text, now)).toMatchObject({ ok: false, message: expect.stringMatching(why) });
  });
});

describe('parseLocalSendTime', () => {
  const now = Date.parse('2026-05-01T12:00Z');
  it('reads a datetime-local value on this computer’s clock; empty means none', () => {
    const local = '2026-05-04T18:00';
    expect(parseLocalSendTime(local, now)).toEqual({
      ok: true,
      iso: new Date(2026, 4, 4, 18, 0).toISOString(),
    });
    expect(parseLocalSendTime('  ', now)).toBeNull();
  });
  it('refuses what is not a date, a time in the past and one too far ahead', () => {
    expect(parseLocalSendTime('tomorrow', now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a date/),
    });
    expect(parseLocalSendTime('2026-04-01T10:00', now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/in the past/),
    });
    expect(parseLocalSendTime('2026-07-01T10:00', now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/30 days/),
    });
  });
});
