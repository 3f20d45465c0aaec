// The simulator's price list: a handful of countries, some with two networks at different prices,
// so that previews can show a price range. Figures are plausible, not Messente's real prices.
export interface NetworkPrice {
  mccmnc: string;
  network: string;
  price: number;
}

export interface CountryPrices {
  iso2: string;
  name: string;
  prefix: string;
  networks: NetworkPrice[];
}

export const PRICE_TABLE: CountryPrices[] = [
  {
    iso2: 'EE',
    name: 'Estonia',
    prefix: '372',
    networks: [
      { mccmnc: '24801', network: 'Telia', price: 0.06 },
      { mccmnc: '24802', network: 'Elisa', price: 0.065 },
    ],
  },
  {
    iso2: 'LV',
    name: 'Latvia',
    prefix: '371',
    networks: [
      { mccmnc: '24701', network: 'LMT', price: 0.055 },
      { mccmnc: '24702', network: 'Tele2', price: 0.058 },
    ],
  },
  {
    iso2: 'LT',
    name: 'Lithuania',
    prefix: '370',
    networks: [{ mccmnc: '24601', network: 'Telia', price: 0.045 }],
  },
  {
    iso2: 'FI',
    name: 'Finland',
    prefix: '358',
    networks: [
      { mccmnc: '24405', network: 'Elisa', price: 0.075 },
      { mccmnc: '24491', network: 'Telia', price: 0.08 },
    ],
  },
  {
    iso2: 'SE',
    name: 'Sweden',
    prefix: '46',
    networks: [{ mccmnc: '24001', network: 'Telia', price: 0.07 }],
  },
  {
    iso2: 'DE',
    name: 'Germany',
    prefix: '49',
    networks: [
      { mccmnc: '26201', network: 'Telekom', price: 0.09 },
      { mccmnc: '26202', network: 'Vodafone', price: 0.085 },
    ],
  },
  {
    iso2: 'GB',
    name: 'United Kingdom',
    prefix: '44',
    networks: [{ mccmnc: '23410', network: 'O2', price: 0.04 }],
  },
  {
    iso2: 'US',
    name: 'United States',
    prefix: '1',
    networks: [{ mccmnc: '310260', network: 'T-Mobile', price: 0.01 }],
  },
];

/** Price for a destination with no entry: Messente would refuse to route it; we just bill it. */
const FALLBACK_PRICE = 0.1;

/** Per-part price for an E.164 number: overrides by ISO2 or calling prefix win, else the table. */
export function partPriceFor(to: string, overrides: Record<string, number> | undefined): number {
  const digits = to.replace(/\D/g, '');
  // Longest prefix first, so that a 3-digit code is never shadowed by "1" or "4x".
  const country = [...PRICE_TABLE]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((c) => digits.startsWith(c.prefix));
  if (overrides) {
    const byPrefix = Object.keys(overrides)
      .filter((k) => /^\d+$/.test(k) && digits.startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    if (byPrefix !== undefined) return overrides[byPrefix]!;
    if (country && overrides[country.iso2] !== undefined) return overrides[country.iso2]!;
  }
  // The first network stands for the country: the number's real network is not known here.
  return country?.networks[0]?.price ?? FALLBACK_PRICE;
}

export function pricelistCsv(): string {
  const lines = ['Country,Code,MCCMNC,Network,Price'];
  for (const c of PRICE_TABLE) {
    for (const n of c.networks)
      lines.push(`${c.name},${c.iso2},${n.mccmnc},${n.network},${n.price.toFixed(5)}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface PricesAnswer {
  country: string;
  name: string;
  prefix: string;
  networks: { mccmnc: number; name: string; price: string }[];
}

/** One country's prices as /prices answers them: `mccmnc` is a number in the published document. */
export function countryPricesJson(iso2: string): PricesAnswer | null {
  const c = PRICE_TABLE.find((x) => x.iso2 === iso2.toUpperCase());
  if (!c) return null;
  return {
    country: c.iso2,
    name: c.name,
    prefix: c.prefix,
    networks: c.networks.map((n) => ({
      mccmnc: Number(n.mccmnc),
      name: n.network,
      price: n.price.toFixed(5),
    })),
  };
}

/** The same prices for `format=xml`. */
export function pricesXml(p: PricesAnswer): string {
  const networks = p.networks
    .map(
      (n) => `<network><mccmnc>${n.mccmnc}</mccmnc><name>${n.name}</name><price>${n.price}</price></network>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><prices><country>${p.country}</country><name>${p.name}</name><prefix>${p.prefix}</prefix><networks>${networks}</networks></prices>`;
}

/** Money as Messente writes it: a decimal string without float noise. */
export function money(value: number): string {
  return String(Number(value.toFixed(6)));
}
