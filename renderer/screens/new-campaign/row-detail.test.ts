import { describe, expect, it } from 'vitest';
import { compileTemplate, previewRow, type PriceTable } from '../../../shared/sms';
import { rowDetail } from './row-detail';

const prices: PriceTable = { EE: { minMicros: 60_000, maxMicros: 70_000, networks: 3 } };

function preview(template: string, fields: string[], autoconvert: 'on' | 'off', table: PriceTable = prices) {
  const compiled = compileTemplate(template, ['name']);
  if (!compiled.ok) throw new Error('bad template');
  return previewRow(compiled.template, fields, '+37251234567', {
    autoconvert,
    prices: table,
    table: { '’': "'" },
  });
}

describe('rowDetail', () => {
  it('splits a long message where the network does and prices it with its source', () => {
    const p = preview(`Hi {{name}}, ${'x'.repeat(160)}`, ['Mari'], 'on');
    const d = rowDetail(p, 'on', { '’': "'" }, prices, 'messente');
    expect(d.segments.map((s) => s.units)).toEqual([153, 16]);
    expect(d.segments.map((s) => s.text).join('')).toBe(p.sentText);
    expect(d.unitName).toBe('septets');
    expect(d.cost).toBe('€0.12–€0.14');
    expect(d.price).toBe(
      '€0.06–€0.07 per segment for EE (3 networks, cheapest to dearest), fetched from Messente',
    );
  });

  it('names each character forcing UCS-2 and what autoconvert would make of it, also when Off', () => {
    const p = preview('We’re open, {{name}} ✓', ['Zoë'], 'off');
    const d = rowDetail(p, 'off', { '’': "'" }, prices, 'file');
    expect(d.convertMode).toBe('on');
    expect(d.unitName).toBe('characters');
    expect(d.forcing).toEqual([
      { char: '’', code: 'U+2019', becomes: "'" },
      { char: 'ë', code: 'U+00EB', becomes: null },
      { char: '✓', code: 'U+2713', becomes: null },
    ]);
  });

  it('says a cost is unknown, never zero, when the country has no price', () => {
    const p = preview('Hi', [''], 'on', {});
    const d = rowDetail(p, 'on', {}, {}, 'none');
    expect(d.cost).toBe('unknown: no price for EE, so the cost is not counted as zero');
    expect(d.price).toBe('no price for EE (no prices saved yet)');
  });
});
