import { describe, expect, it } from 'vitest';
import { formatAppointment } from './appointment-words';

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
