// Each row's time zone and language from its country (ISO 3166 alpha-2, as the import's Country
// column gives it). A country with one zone maps to it; a country spanning several uses the
// operator's zone when that zone is in the country (a clinic in Chicago texting its own patients),
// else the zone where most of its people live, a guess the preview says out loud.
import { getCountry, getTimezone } from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { countryFromCell } from '../import/country';

/** The most populous zone of each country that spans several. */
const MAIN_ZONE: Record<string, string> = {
  AR: 'America/Argentina/Buenos_Aires',
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CD: 'Africa/Kinshasa',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CY: 'Asia/Nicosia',
  DE: 'Europe/Berlin',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  FM: 'Pacific/Chuuk',
  GL: 'America/Nuuk',
  ID: 'Asia/Jakarta',
  KI: 'Pacific/Tarawa',
  KZ: 'Asia/Almaty',
  MH: 'Pacific/Majuro',
  MN: 'Asia/Ulaanbaatar',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  NZ: 'Pacific/Auckland',
  PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby',
  PS: 'Asia/Hebron',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  UA: 'Europe/Kyiv',
  US: 'America/New_York',
  UZ: 'Asia/Tashkent',
  VN: 'Asia/Ho_Chi_Minh',
};

/** How a row's zone was chosen, so the preview can say when it is a guess. */
export type ZoneSource =
  /** The country has one zone. */
  | 'country'
  /** The country spans several zones and the operator's is one of them. */
  | 'operator-in-country'
  /** The country spans several zones, none of them the operator's: its most populous one. */
  | 'country-main'
  /** No country (or one this module does not know): the operator's zone. */
  | 'operator';

export interface RowZone {
  zone: string;
  source: ZoneSource;
  /** The country as ISO alpha-2, or null when the row gave none that is known. */
  country: string | null;
}

/** A Country cell as ISO alpha-2: 'ee' and 'EE' directly, other spellings through the import's table. */
export function countryCode(country: string | null): string | null {
  if (country === null) return null;
  const value = country.trim();
  if (value === '') return null;
  if (/^[a-z]{2}$/i.test(value) && getCountry(value.toUpperCase())) return value.toUpperCase();
  return countryFromCell(value, false);
}

/** Zones this runtime's time-zone data knows (an old ICU may lack a renamed zone). */
function usable(zone: string | undefined): zone is string {
  return zone !== undefined && IANAZone.isValidZone(zone);
}

const chosen = new Map<string, RowZone>();

/** The zone for a row of `country`, and how it was chosen; `operatorZone` when nothing better. */
export function rowZone(country: string | null, operatorZone: string): RowZone {
  // Asked once per row of a campaign whose rows name a handful of countries.
  const key = `${country ?? ''}\u0000${operatorZone}`;
  let zone = chosen.get(key);
  if (zone === undefined) {
    if (chosen.size >= 10_000) chosen.clear();
    zone = chooseZone(country, operatorZone);
    chosen.set(key, zone);
  }
  return zone;
}

function chooseZone(country: string | null, operatorZone: string): RowZone {
  const code = countryCode(country);
  const zones = code === null ? [] : (getCountry(code)?.timezones ?? []).filter(usable);
  if (code === null || zones.length === 0) return { zone: operatorZone, source: 'operator', country: code };
  if (zones.length === 1) return { zone: zones[0]!, source: 'country', country: code };
  const operatorCountries: readonly string[] = getTimezone(operatorZone)?.countries ?? [];
  if (operatorCountries.includes(code)) {
    return { zone: operatorZone, source: 'operator-in-country', country: code };
  }
  const main = MAIN_ZONE[code];
  return { zone: usable(main) ? main : zones[0]!, source: 'country-main', country: code };
}

/** The IANA zone for a row of `country` (see rowZone). */
export function zoneForCountry(country: string | null, operatorZone: string): string {
  return rowZone(country, operatorZone).zone;
}

/** The country an IANA zone lies in, or null (e.g. 'UTC'). */
export function countryOfZone(zone: string): string | null {
  return getTimezone(zone)?.countries[0] ?? null;
}

const LOCALE: Record<string, string> = {
  EE: 'et',
  FI: 'fi',
  LV: 'lv',
  LT: 'lt',
  RU: 'ru',
  BY: 'ru',
  KZ: 'ru',
  KG: 'ru',
};

/** The language dates are written in for a row of `country`: et, fi, lv, lt, ru, or else en. */
export function localeForCountry(country: string | null): string {
  const code = countryCode(country);
  return (code !== null && LOCALE[code]) || 'en';
}
