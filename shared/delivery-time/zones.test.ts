import { describe, expect, it } from 'vitest';
import { countryCode, localeForCountry, rowZone, zoneForCountry } from './zones';

describe('zoneForCountry', () => {
  it('maps a single-zone country to its zone, whatever the operator’s', () => {
    expect(zoneForCountry('EE', 'America/New_York')).toBe('Europe/Tallinn');
    expect(zoneForCountry('fi', 'Europe/Tallinn')).toBe('Europe/Helsinki');
    expect(zoneForCountry('LV', 'Europe/Tallinn')).toBe('Europe/Riga');
    expect(zoneForCountry('LT', 'Europe/Tallinn')).toBe('Europe/Vilnius');
  });
  it('uses the operator’s zone for a row without a country, or with one it does not know', () => {
    expect(rowZone(null, 'Europe/Tallinn')).toEqual({
      zone: 'Europe/Tallinn',
      source: 'operator',
      country: null,
    });
    expect(rowZone('  ', 'Europe/Tallinn').zone).toBe('Europe/Tallinn');
    expect(rowZone('Atlantis', 'Europe/Riga')).toEqual({
      zone: 'Europe/Riga',
      source: 'operator',
      country: null,
    });
  });
  it('keeps the operator’s zone for a multi-zone country it lies in', () => {
    expect(rowZone('US', 'America/Chicago')).toEqual({
      zone: 'America/Chicago',
      source: 'operator-in-country',
      country: 'US',
    });
    expect(rowZone('RU', 'Asia/Novosibirsk').zone).toBe('Asia/Novosibirsk');
  });
  it('takes the most populous zone of a multi-zone country the operator is outside, and says so', () => {
    expect(rowZone('US', 'Europe/Tallinn')).toEqual({
      zone: 'America/New_York',
      source: 'country-main',
      country: 'US',
    });
    expect(zoneForCountry('RU', 'Europe/Tallinn')).toBe('Europe/Moscow');
    expect(zoneForCountry('CA', 'Europe/Tallinn')).toBe('America/Toronto');
    expect(zoneForCountry('AU', 'Europe/Tallinn')).toBe('Australia/Sydney');
    expect(zoneForCountry('BR', 'Europe/Tallinn')).toBe('America/Sao_Paulo');
    expect(zoneForCountry('MX', 'Europe/Tallinn')).toBe('America/Mexico_City');
  });
  it('says a single-zone country’s zone comes from the country', () => {
    expect(rowZone('EE', 'Europe/Tallinn').source).toBe('country');
  });
});

describe('countryCode', () => {
  it('takes alpha-2 in any case and other spellings through the import’s table', () => {
    expect(countryCode('ee')).toBe('EE');
    expect(countryCode('Soome')).toBe('FI');
    expect(countryCode('XX')).toBeNull();
    expect(countryCode(null)).toBeNull();
  });
});

describe('localeForCountry', () => {
  it.each([
    ['EE', 'et'],
    ['FI', 'fi'],
    ['LV', 'lv'],
    ['LT', 'lt'],
    ['RU', 'ru'],
    ['GB', 'en'],
    ['US', 'en'],
    [null, 'en'],
  ])('%s writes dates in %s', (country, locale) => {
    expect(localeForCountry(country)).toBe(locale);
  });
});
