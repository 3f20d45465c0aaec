// A Country column, as office exports write it: "FI", "FIN", "Finland", "Soome", "Suomi", "Финляндия",
// "+358" or "358". Each row's national phone number is read as a number of its own country.
import codes from 'i18n-iso-countries/codes.json';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import et from 'i18n-iso-countries/langs/et.json';
import fi from 'i18n-iso-countries/langs/fi.json';
import lt from 'i18n-iso-countries/langs/lt.json';
import lv from 'i18n-iso-countries/langs/lv.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import sv from 'i18n-iso-countries/langs/sv.json';
import uk from 'i18n-iso-countries/langs/uk.json';
import metadata from 'libphonenumber-js/metadata.max.json';

// Names in English and in the languages of the Baltic and Nordic customers' own lists.
const LANGUAGES: { countries: Record<string, string | string[]> }[] = [
  en,
  et,
  fi,
  lv,
  lt,
  ru,
  sv,
  de,
  pl,
  uk,
];

let lookup: Map<string, string> | null = null;

function key(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** Every spelling this module reads, to its ISO 3166 alpha-2 code; only countries with phone numbers. */
function table(): Map<string, string> {
  if (lookup) return lookup;
  const phoneCountries = new Set(Object.keys(metadata.countries));
  const map = new Map<string, string>();
  for (const [alpha2, alpha3] of codes as [string, string, ...string[]][]) {
    if (!phoneCountries.has(alpha2)) continue;
    map.set(key(alpha2), alpha2);
    map.set(key(alpha3), alpha2);
  }
  for (const language of LANGUAGES) {
    for (const [alpha2, names] of Object.entries(language.countries)) {
      if (!phoneCountries.has(alpha2)) continue;
      for (const name of Array.isArray(names) ? names : [names]) {
        const k = key(name);
        if (!map.has(k)) map.set(k, alpha2);
      }
    }
  }
  // Common short forms the tables above spell out in full.
  for (const [name, alpha2] of [
    ['uk', 'GB'],
    ['great britain', 'GB'],
    ['england', 'GB'],
    ['usa', 'US'],
    ['america', 'US'],
  ] as const) {
    map.set(name, alpha2);
  }
  return (lookup = map);
}

const CALLING_CODE = /^(?:\+|00)?\s*(\d{1,3})$/;

/**
 * The ISO 3166 alpha-2 code a Country cell names, or null. A calling code stands for its main
 * country (+1 → US, +7 → RU); bare digits count only with `digitsAllowed` (a column named Country),
 * since a column of small numbers elsewhere is not a list of countries.
 */
export function countryFromCell(cell: string, digitsAllowed = true): string | null {
  const value = cell.trim();
  if (value === '') return null;
  const calling = CALLING_CODE.exec(value);
  if (calling) {
    if (!digitsAllowed && !/^(?:\+|00)/.test(value)) return null;
    const countries = (metadata.country_calling_codes as Record<string, string[]>)[calling[1] ?? ''];
    return countries?.[0] ?? null;
  }
  return table().get(key(value)) ?? null;
}

// "Country" in the languages of the lists; a word of the column's name must be one of these.
const COUNTRY_NAMES = [
  'country',
  'countrycode',
  'riik',
  'maa',
  'valtio',
  'land',
  'valsts',
  'šalis',
  'salis',
  'страна',
  'країна',
  'kraj',
  'pays',
  'país',
  'pais',
  'paese',
];

function countryName(name: string): boolean {
  const words = name.toLowerCase().split(/[^\p{L}]+/u);
  return words.some((word) => COUNTRY_NAMES.includes(word)) || /country.?code/i.test(name);
}

/**
 * The column that most likely holds each row's country, or null: one named like "Country" whose
 * filled cells are mostly countries, else one whose filled cells (at least five) nearly all are.
 */
export function detectCountryColumn(
  header: readonly string[],
  rows: readonly string[][],
  exclude: number | null,
): number | null {
  let best: { index: number; score: number } | null = null;
  for (let index = 0; index < header.length; index++) {
    if (index === exclude) continue;
    const named = countryName(header[index] ?? '');
    let filled = 0;
    let known = 0;
    for (const row of rows) {
      const value = (row[index] ?? '').trim();
      if (value === '') continue;
      filled++;
      if (countryFromCell(value, named)) known++;
    }
    if (filled === 0) continue;
    const share = known / filled;
    const qualifies = named ? share >= 0.5 : filled >= 5 && share >= 0.9;
    const score = share + (named ? 1 : 0);
    if (qualifies && (!best || score > best.score)) best = { index, score };
  }
  return best?.index ?? null;
}
