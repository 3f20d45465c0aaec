import { describe, expect, it } from 'vitest';
import { countryOfNumber } from './countries';
import { costOf, parseEurMicros, parsePricelistCsv } from './prices';

describe('countryOfNumber', () => {
  it.each([
    ['+37251234567', 'EE'],
    ['+358401234567', 'FI'],
    ['+35818123456', 'AX'],
    ['+4915112345678', 'DE'],
    ['+447400123456', 'GB'],
    ['+447781123456', 'GG'],
    ['+12025550123', 'US'],
    ['+14165550123', 'CA'],
    ['+18765550123', 'JM'],
    ['+79161234567', 'RU'],
    ['+77011234567', 'KZ'],
    ['+390612345678', 'IT'],
    ['+2348031234567', 'NG'],
    ['37251234567', 'EE'],
    ['+999123', null],
    ['+', null],
    ['', null],
  ])('%s → %s', (number, country) => {
    expect(countryOfNumber(number)).toBe(country);
  });
});

describe('parseEurMicros', () => {
  it.each([
    ['0.06', 60_000],
    ['0,0635', 63_500],
    ['€ 1.5', 1_500_000],
    ['0.0000005', 1],
    ['0.00000049', 0],
    ['12', 12_000_000],
    ['-1', null],
    ['abc', null],
    ['', null],
  ])('%j → %s', (text, micros) => {
    expect(parseEurMicros(text)).toBe(micros);
  });
});

describe('parsePricelistCsv', () => {
  it("reads Messente's /pricelist format with a range per country", () => {
    const csv = [
      'Country,Code,MCCMNC,Network,Price',
      'Estonia,EE,24801,Telia,0.0350',
      'Estonia,EE,24802,Elisa,0.0410',
      'Estonia,EE,24803,Tele2,0.0380',
      'Latvia,LV,24701,LMT,0.05',
      'Narnia,XX,00000,Magic,0.01',
      'Finland,FI,24405,Elisa,free',
    ].join('\r\n');
    expect(parsePricelistCsv(csv)).toEqual({
      table: {
        EE: { minMicros: 35_000, maxMicros: 41_000, networks: 3 },
        LV: { minMicros: 50_000, maxMicros: 50_000, networks: 1 },
      },
      problems: [
        'Line 6: country "Narnia", "XX" is not known: use a two-letter code such as EE.',
        'Line 7: price "free" is not a number of euros such as 0.06.',
      ],
    });
  });

  it('resolves a country name or a calling code when there is no ISO2 code', () => {
    const csv =
      'Country;Code;MCCMNC;Network;Price\nGermany;49;26201;Telekom;0,07\nUnited Kingdom;44;23410;O2;0.04\n';
    expect(parsePricelistCsv(csv).table).toEqual({
      DE: { minMicros: 70_000, maxMicros: 70_000, networks: 1 },
      GB: { minMicros: 40_000, maxMicros: 40_000, networks: 1 },
    });
  });

  it.each([
    ['with header, comma', 'country,price\nee,0.06\nLV,"0,05"\n'],
    ['without header, semicolon and decimal comma', '\ufeffEE;0,06\nLV;0,05'],
    ['without header, comma and decimal comma', 'EE,0,06\nLV,0.05'],
    ['tab separated', 'EE\t0.06\nLV\t0.05'],
  ])('reads a user CSV %s', (_name, csv) => {
    expect(parsePricelistCsv(csv)).toEqual({
      table: {
        EE: { minMicros: 60_000, maxMicros: 60_000, networks: 1 },
        LV: { minMicros: 50_000, maxMicros: 50_000, networks: 1 },
      },
      problems: [],
    });
  });

  it('says when nothing was found', () => {
    expect(parsePricelistCsv('').problems).toEqual(['The file is empty: no prices found.']);
    expect(parsePricelistCsv('Country,Price\n').problems).toEqual(['No prices found in the file.']);
    expect(parsePricelistCsv('Network,Price\nx,1').problems).toEqual([
      'Line 1: no "Country" or "Code" column in the header.',
    ]);
  });
});

describe('cost', () => {
  it('is segments × price, and unknown without a price', () => {
    expect(costOf(3, { minMicros: 35_000, maxMicros: 41_000, networks: 3 })).toEqual({
      minMicros: 105_000,
      maxMicros: 123_000,
    });
    expect(costOf(0, { minMicros: 35_000, maxMicros: 41_000, networks: 3 })).toEqual({
      minMicros: 0,
      maxMicros: 0,
    });
    expect(costOf(3, undefined)).toEqual({ minMicros: null, maxMicros: null });
  });
});
