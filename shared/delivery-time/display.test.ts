import { describe, expect, it } from 'vitest';
import { formatAppointment, messagesPerHour } from './display';

describe('formatAppointment', () => {
  const appointment = '2026-05-04T14:30:00+03:00'; // a Monday
  it.each([
    ['et', '14:30', '4. mai', 'esmaspäev'],
    ['fi', '14.30', '4. toukokuuta', 'maanantai'],
    ['lv', '14:30', '4. maijs', 'Pirmdiena'],
    ['lt', '14:30', 'gegužės 4 d.', 'pirmadienis'],
    ['ru', '14:30', '4 мая', 'понедельник'],
    ['en', '2:30 PM', 'May 4', 'Monday'],
  ])('writes the time, date and weekday in %s', (locale, time, date, weekday) => {
    expect(formatAppointment(appointment, 'time', locale, 'Europe/Tallinn')).toBe(time);
    expect(formatAppointment(appointment, 'date', locale, 'Europe/Tallinn')).toBe(date);
    expect(formatAppointment(appointment, 'weekday', locale, 'Europe/Tallinn')).toBe(weekday);
  });
  it('writes the time on the clock of the given zone', () => {
    expect(formatAppointment('2026-05-04T23:30:00Z', 'time', 'en', 'America/New_York')).toBe('7:30 PM');
    expect(formatAppointment('2026-05-04T23:30:00Z', 'weekday', 'et', 'Europe/Tallinn')).toBe('teisipäev');
  });
  it('returns what does not read as a time as it is', () => {
    expect(formatAppointment('soon', 'time', 'et', 'Europe/Tallinn')).toBe('soon');
  });
});

describe('messagesPerHour', () => {
  it('counts per hour of the zone’s clock, sorted, with the empty hours between', () => {
    const sendAts = [
      '2026-05-04T06:10:00Z',
      '2026-05-04T05:59:00Z',
      '2026-05-04T06:00:00Z',
      '2026-05-04T08:30:00Z',
    ];
    expect(messagesPerHour(sendAts, 'Europe/Tallinn')).toEqual([
      { hour: '2026-05-04T08:00+03:00', count: 1 },
      { hour: '2026-05-04T09:00+03:00', count: 2 },
      { hour: '2026-05-04T10:00+03:00', count: 0 },
      { hour: '2026-05-04T11:00+03:00', count: 1 },
    ]);
  });
  it('shows a repeated hour twice on the night the clocks go back', () => {
    const sendAts = ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'];
    expect(messagesPerHour(sendAts, 'Europe/Tallinn')).toEqual([
      { hour: '2026-10-25T03:00+03:00', count: 1 },
      { hour: '2026-10-25T03:00+02:00', count: 1 },
    ]);
  });
  it('has no hours for no messages, and skips what is not a time', () => {
    expect(messagesPerHour([], 'Europe/Tallinn')).toEqual([]);
    expect(messagesPerHour(['x', '2026-05-04T06:10:00Z'], 'UTC')).toEqual([
      { hour: '2026-05-04T06:00Z', count: 1 },
    ]);
  });
});
