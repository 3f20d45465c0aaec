import { describe, expect, it } from 'vitest';
import { importRecipients } from './importer';
import { countryFromCell, detectCountryColumn } from './country';

describe('countryFromCell', () => {
  it.each([
    ['FI', 'FI'],
    ['fi', 'FI'],
    ['FIN', 'FI'],
    ['Finland', 'FI'],
    ['Soome', 'FI'],
    ['Suomi', 'FI'],
    ['Финляндия', 'FI'],
    ['Somija', 'FI'],
    ['+358', 'FI'],
    ['358', 'FI'],
    ['00358', 'FI'],
    ['Eesti', 'EE'],
    ['Estonia', 'EE'],
    ['EST', 'EE'],
    ['Läti', 'LV'],
    ['United States', 'US'],
    ['U.S.A.', 'US'],
    ['+1', 'US'],
    ['Deutschland', 'DE'],
    ['  Sweden ', 'SE'],
  ])('%s → %s', (cell, code) => {
    expect(countryFromCell(cell)).toBe(code);
  });

  it.each(['', 'Tallinn', 'Mari', 'XX', '9999'])('%j is no country', (cell) => {
    expect(countryFromCell(cell)).toBeNull();
  });

  it('reads bare digits as a calling code only where the column is named like a country', () => {
    expect(countryFromCell('44', false)).toBeNull();
    expect(countryFromCell('+44', false)).toBe('GB');
  });
});

describe('detectCountryColumn', () => {
  const rows = [
    ['Mari', '5123 4567', 'EE', '3'],
    ['Aino', '040 123 4567', 'Finland', '1'],
    ['Jordan', '5123 4568', 'Eesti', '7'],
    ['Anna', '5123 4569', 'EST', '44'],
    ['Chad', '5123 4560', '+372', '2'],
  ];
  it('finds a column named in another language, or one whose values are countries', () => {
    expect(detectCountryColumn(['Nimi', 'Telefon', 'Riik', 'Kogus'], rows, null)).toBe(2);
    expect(detectCountryColumn(['name', 'phone', 'where', 'qty'], rows, null)).toBe(2);
  });
  it('does not take names or small numbers for countries', () => {
    const noCountry = rows.map((r) => [r[0] ?? '', r[1] ?? '', r[3] ?? '']);
    expect(detectCountryColumn(['name', 'phone', 'qty'], noCountry, null)).toBeNull();
  });
});

describe('importRecipients with a country column', () => {
  const csv = [
    'Name;Phone;Country',
    'Mari;5123 4567;EE',
    'Aino;040 123 4567;FI',
    'Matti;0401234568;Suomi',
    'John;(201) 555-0123;US',
    'Jane;(201) 555-0124;United States',
    'Peeter;5123 4568;',
    'Liis;5123 4569;Atlantis',
    'Juha;040 12;Finland',
    'Kari;04;FIN',
    'Intl;+371 2012 3456;FI',
  ].join('\r\n');
  const run = (options: { countryColumn?: string | null } = {}) => {
    const outcome = importRecipients(new TextEncoder().encode(csv), {
      fileName: 'c.csv',
      defaultCountry: 'EE',
      ...options,
    });
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.result;
  };

  it('reads each national number for its row country, the default country where none is known', () => {
    const r = run();
    expect([r.countryColumn, r.countryColumnName]).toEqual([2, 'Country']);
    expect(r.recipients.map((x) => [x.to, x.status, x.reason])).toEqual([
      ['+37251234567', 'ok', null],
      ['+358401234567', 'ok', null],
      ['+358401234568', 'ok', null],
      ['+12015550123', 'ok', null],
      ['+12015550124', 'ok', null],
      ['+37251234568', 'ok', null],
      ['+37251234569', 'ok', null],
      [null, 'invalid', 'Not a valid number for Finland (country from the "Country" column)'],
      [null, 'invalid', 'Too short (country from the "Country" column: Finland)'],
      ['+37120123456', 'ok', null],
    ]);
  });

  it('says when the country cell was empty or unknown and the default was used', () => {
    const csv2 =
      'Name;Phone;Country\nA;040 123 4567;\nB;040 123 4568;Atlantis\nC;5123 4567;EE\nD;5123 4568;EE\n';
    const outcome = importRecipients(new TextEncoder().encode(csv2), {
      fileName: 'c.csv',
      defaultCountry: 'EE',
    });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.recipients.slice(0, 2).map((x) => x.reason)).toEqual([
      'Not a valid number for Estonia (read as Estonia: the "Country" column is empty)',
      'Not a valid number for Estonia (read as Estonia: "Atlantis" in the "Country" column is not a country Omnicast knows)',
    ]);
  });

  it('reads every number for the default country when told there is no country column', () => {
    const r = run({ countryColumn: null });
    expect(r.countryColumn).toBeNull();
    expect(r.recipients[1]?.reason).toBe('Not a valid number for Estonia');
  });

  it('refuses a named country column the file does not have', () => {
    const outcome = importRecipients(new TextEncoder().encode(csv), {
      fileName: 'c.csv',
      defaultCountry: 'EE',
      countryColumn: 'Land',
    });
    expect(outcome.ok ? '' : outcome.error).toContain('has no column named "Land"');
  });
});

describe('a 2 000-row semicolon export from a European office', () => {
  it('imports every row: BOM, CRLF, decimal commas, a Country column, names in many scripts', () => {
    const names = ['Jüri Õunapuu', 'Äijä Määttä', 'Дмитрий Иванов', 'Zoë 🎉', 'Šarlote Žagare'];
    const lines = ['Nimi;Telefon;Riik;Saldo'];
    const expected: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const n = String(i).padStart(4, '0');
      const kind = i % 4;
      const [phone, country, e164] =
        kind === 0
          ? [`5${n.slice(0, 3)} ${n}`, 'EE', `+3725${n.slice(0, 3)}${n}`]
          : kind === 1
            ? [`040 ${n.slice(0, 3)} ${n}`, 'FI', `+35840${n.slice(0, 3)}${n}`]
            : kind === 2
              ? [`(201) 55${n.slice(0, 1)}-${n}`, 'US', `+120155${n.slice(0, 1)}${n}`]
              : [`'+372 5${n.slice(1)} ${n}`, 'Eesti', `+3725${n.slice(1)}${n}`];
      lines.push(`${names[i % names.length]};${phone};${country};${i},${i % 100}`);
      expected.push(e164);
    }
    const bytes = new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
    const outcome = importRecipients(bytes, { fileName: 'kliendid.csv', defaultCountry: 'EE' });
    if (!outcome.ok) throw new Error(outcome.error);
    const r = outcome.result;
    expect([r.delimiter, r.header, r.phoneColumnName, r.countryColumnName]).toEqual([
      ';',
      ['Nimi', 'Telefon', 'Riik', 'Saldo'],
      'Telefon',
      'Riik',
    ]);
    expect(r.problems).toEqual([]);
    expect(r.recipients.filter((x) => x.status !== 'ok').map((x) => [x.row, x.rawPhone, x.reason])).toEqual(
      [],
    );
    expect(r.recipients.map((x) => x.to)).toEqual(expected);
    expect(r.recipients[3]?.fields).toEqual(['Zoë 🎉', "'+372 5003 0003", 'Eesti', '3,3']);
  });
});
