import { describe, expect, it } from 'vitest';
import { previewRow } from './preview';
import type { PriceTable } from './prices';
import { compileTemplate, type CompiledTemplate } from './template';
import { addToTotals, createTotals } from './totals';

const PRICES: PriceTable = { EE: { minMicros: 35_000, maxMicros: 41_000, networks: 3 } };

function template(source: string): CompiledTemplate {
  const r = compileTemplate(source, ['name', 'phone']);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.template;
}

describe('previewRow', () => {
  const t = template('Hi {{name|there}}, it’s your reminder.');

  it('renders, autoconverts, encodes and prices a row', () => {
    const p = previewRow(t, ['Jüri', '+37251234567'], '+37251234567', { autoconvert: 'on', prices: PRICES });
    expect(p).toEqual({
      text: 'Hi Jüri, it’s your reminder.',
      sentText: "Hi Jüri, it's your reminder.",
      encoding: 'GSM-7',
      characters: 28,
      units: 28,
      segments: 1,
      country: 'EE',
      costMinMicros: 35_000,
      costMaxMicros: 41_000,
      emptyFields: [],
      replacements: [{ from: '’', to: "'", index: 11 }],
      extraSegment: false,
      segmentsWithoutAutoconvert: 1,
      costWithoutAutoconvertMaxMicros: 41_000,
    });
  });

  it('off keeps UCS-2; the segments are those of the sent text', () => {
    const long = template(`${'x'.repeat(60)}{{name}}’`);
    const off = previewRow(long, ['Anna'], '+37251234567', {
      autoconvert: 'off',
      prices: PRICES,
      typicalSegments: 1,
    });
    expect(off).toMatchObject({ encoding: 'UCS-2', segments: 1, extraSegment: false });
    const longName = previewRow(long, ['Annabella'], '+37251234567', {
      autoconvert: 'off',
      prices: PRICES,
      typicalSegments: 1,
    });
    expect(longName).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    const longer = previewRow(long, ['Annabellaa'], '+37251234567', {
      autoconvert: 'off',
      prices: PRICES,
      typicalSegments: 1,
    });
    expect(longer).toMatchObject({ segments: 2, extraSegment: true, costMaxMicros: 82_000 });
    const on = previewRow(long, ['Annabellaa'], '+37251234567', {
      autoconvert: 'on',
      prices: PRICES,
      typicalSegments: 1,
    });
    expect(on).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
      segmentsWithoutAutoconvert: 2,
      costWithoutAutoconvertMaxMicros: 82_000,
    });
  });

  it('uses the given replacement table', () => {
    const p = previewRow(t, ['Ann'], null, { autoconvert: 'on', prices: PRICES, table: {} });
    expect(p).toMatchObject({ encoding: 'UCS-2', replacements: [] });
  });

  it('leaves cost unknown without a number or a price', () => {
    expect(previewRow(t, ['A'], null, { autoconvert: 'on', prices: PRICES })).toMatchObject({
      country: null,
      costMaxMicros: null,
    });
    expect(previewRow(t, ['A'], '+37161234567', { autoconvert: 'on', prices: PRICES })).toMatchObject({
      country: 'LV',
      costMinMicros: null,
      costMaxMicros: null,
      costWithoutAutoconvertMaxMicros: null,
    });
  });

  it('flags empty fields without fallback', () => {
    const r = compileTemplate('Dear {{name}}', ['name']);
    if (!r.ok) throw new Error('compile');
    expect(previewRow(r.template, [' '], null, { autoconvert: 'off', prices: {} }).emptyFields).toEqual([
      'name',
    ]);
  });
});

describe('totals with a partial price table', () => {
  it('sums priced rows, counts unpriced ones and what autoconvert saves', () => {
    const t = template('{{name}} ’');
    const totals = createTotals();
    const opts = { autoconvert: 'on' as const, prices: PRICES, typicalSegments: 1 };
    const longName = 'n'.repeat(150);
    addToTotals(totals, previewRow(t, ['Anna'], '+37251234567', opts)); // EE, 1 segment either way
    addToTotals(totals, previewRow(t, [longName], '+37251234567', opts)); // EE, 1 segment, 3 without autoconvert
    addToTotals(totals, previewRow(t, [''], '+37161234567', opts)); // LV: no price
    addToTotals(totals, previewRow(t, ['Иван'], '+999', { ...opts, autoconvert: 'off' })); // no country, UCS-2
    expect(totals).toEqual({
      messages: 4,
      segments: 4,
      costMinMicros: 70_000,
      costMaxMicros: 82_000,
      unpricedMessages: 2,
      byEncoding: { 'GSM-7': 3, 'UCS-2': 1 },
      byCountry: {
        EE: { messages: 2, segments: 2, costMaxMicros: 82_000 },
        LV: { messages: 1, segments: 1, costMaxMicros: null },
        '??': { messages: 1, segments: 1, costMaxMicros: null },
      },
      savedSegments: 2,
      savedCostMaxMicros: 82_000,
      extraSegmentRows: 0,
      emptyFieldRows: 1,
    });
  });
});
