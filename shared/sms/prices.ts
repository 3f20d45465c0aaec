// Price tables (country → price per segment) from Messente's /pricelist CSV or a user's CSV, and cost.
// Amounts are integer micro-euros so that sums of a million rows never drift.
import type { Micros } from '../types';
import { COUNTRIES, countriesOfCallingCode } from './countries';

export interface CountryPrice {
  /** Cheapest and dearest network's price per segment. */
  minMicros: Micros;
  maxMicros: Micros;
  /** Price rows seen for the country (networks); 1 for a hand-entered price. */
  networks: number;
}

/** ISO2 country → price per segment. A missing country means its cost is unknown, never zero. */
export type PriceTable = Record<string, CountryPrice>;

function detectDelimiter(line: string): string {
  const counts = [';', '\t', ','].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') field += line[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/** "0,06", "0.0600", "€ 0.06" → micros (exact decimal arithmetic), or null when not a price. */
export function parseEurMicros(text: string): Micros | null {
  const cleaned = text.replace(/€|eur/gi, '').trim().replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(7, '0');
  const micros =
    Number(match[1]) * 1_000_000 + Number(fraction.slice(0, 6)) + (Number(fraction[6]) >= 5 ? 1 : 0);
  return Number.isSafeInteger(micros) ? micros : null;
}

let countryNames: Map<string, string> | undefined;

/** English country name (as Intl spells it, case-insensitive) → ISO2. */
function countryByName(name: string): string | undefined {
  if (!countryNames) {
    countryNames = new Map();
    const display = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of COUNTRIES) countryNames.set((display.of(code) ?? code).toLowerCase(), code);
  }
  return countryNames.get(name.toLowerCase());
}

/** ISO2 from a two-letter code, a country name or a calling code that belongs to one country. */
function resolveCountry(value: string): string | undefined {
  const v = value.trim().replace(/^\+/, '');
  if (/^[A-Za-z]{2}$/.test(v) && COUNTRIES.includes(v.toUpperCase())) return v.toUpperCase();
  if (/^\d{1,3}$/.test(v)) {
    const countries = countriesOfCallingCode(v);
    return countries.length === 1 ? countries[0] : undefined;
  }
  return v.length > 2 ? countryByName(v) : undefined;
}

/**
 * Parses Messente's /pricelist CSV (header Country, Code, MCCMNC, Network, Price: Country or Code may
 * hold the ISO2 code, the name or the calling code, whichever resolves) or a user CSV `country,price`
 * (with or without header; `,` `;` or tab; decimal comma allowed). Prices per network of one country
 * become its min–max range. Every skipped line is named in `problems`.
 */
export function parsePricelistCsv(text: string): { table: PriceTable; problems: string[] } {
  const table: PriceTable = {};
  const problems: string[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex < 0) return { table, problems: ['The file is empty: no prices found.'] };
  const delimiter = detectDelimiter(lines[firstIndex]!);
  const header = splitLine(lines[firstIndex]!, delimiter).map((h) => h.toLowerCase());
  const hasHeader = header.includes('price');
  const priceAt = hasHeader ? header.indexOf('price') : 1;
  const countryAt = [header.indexOf('country'), header.indexOf('code'), header.indexOf('iso')].filter(
    (i) => i >= 0,
  );
  if (!hasHeader) countryAt.splice(0, countryAt.length, 0);
  if (countryAt.length === 0)
    problems.push(`Line ${firstIndex + 1}: no "Country" or "Code" column in the header.`);
  for (let i = hasHeader ? firstIndex + 1 : firstIndex; i < lines.length && countryAt.length > 0; i++) {
    if (lines[i]!.trim() === '') continue;
    let fields = splitLine(lines[i]!, delimiter);
    // `EE,0,06`: a decimal comma in a comma-separated two-column file.
    if (!hasHeader && fields.length === 3 && /^\d+$/.test(fields[1]!) && /^\d+$/.test(fields[2]!)) {
      fields = [fields[0]!, `${fields[1]}.${fields[2]}`];
    }
    const candidates = countryAt.map((at) => fields[at] ?? '');
    const country = candidates.map(resolveCountry).find((c) => c !== undefined);
    const micros = parseEurMicros(fields[priceAt] ?? '');
    if (country === undefined) {
      problems.push(
        `Line ${i + 1}: country "${candidates.join('", "')}" is not known: use a two-letter code such as EE.`,
      );
    } else if (micros === null) {
      problems.push(`Line ${i + 1}: price "${fields[priceAt] ?? ''}" is not a number of euros such as 0.06.`);
    } else {
      const known = table[country];
      table[country] = known
        ? {
            minMicros: Math.min(known.minMicros, micros),
            maxMicros: Math.max(known.maxMicros, micros),
            networks: known.networks + 1,
          }
        : { minMicros: micros, maxMicros: micros, networks: 1 };
    }
  }
  if (Object.keys(table).length === 0 && problems.length === 0) problems.push('No prices found in the file.');
  return { table, problems };
}

/** Cost of `segments` at `price`; null (unknown, never zero) when the country has no price. */
export function costOf(
  segments: number,
  price: CountryPrice | undefined,
): { minMicros: Micros | null; maxMicros: Micros | null } {
  if (price === undefined) return { minMicros: null, maxMicros: null };
  return { minMicros: segments * price.minMicros, maxMicros: segments * price.maxMicros };
}
