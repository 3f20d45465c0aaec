// What a preview row's detail says: the message split where the network splits it, each character
// that forces UCS-2 with what autoconvert makes of it, and the cost with where its price came from.
import type { PriceSource } from '../../../shared/contract';
import { formatMoneyRange, formatPrice } from '../../../shared/money';
import {
  analyzeText,
  applyAutoconvert,
  splitSegments,
  type PriceTable,
  type ReplacementTable,
  type RowPreview,
} from '../../../shared/sms';
import type { Autoconvert } from '../../../shared/types';
import { codePointLabel } from './counter-text';

export interface ForcingChar {
  char: string;
  /** "U+2019" (each code point of a pair or sequence). */
  code: string;
  /** What autoconvert puts in its place: null when it stays (and keeps the message UCS-2). */
  becomes: string | null;
}

export interface RowDetailModel {
  segments: { text: string; units: number }[];
  unitName: 'septets' | 'characters';
  forcing: ForcingChar[];
  /** The mode whose replacements `becomes` shows: the chosen one, or On when autoconvert is Off. */
  convertMode: Exclude<Autoconvert, 'off'>;
  cost: string;
  price: string;
}

const SOURCES: Record<PriceSource | 'unavailable', string> = {
  messente: 'fetched from Messente',
  file: 'imported from a file',
  manual: 'entered by hand',
  none: 'no prices saved yet',
  unavailable: 'the prices could not be loaded',
};

export function rowDetail(
  p: RowPreview,
  autoconvert: Autoconvert,
  table: ReplacementTable,
  prices: PriceTable,
  source: PriceSource | 'unavailable',
): RowDetailModel {
  const sent = analyzeText(p.sentText);
  const parts = splitSegments(p.sentText);
  const segments = parts.map((text, i) => ({ text, units: sent.segmentUnits[i] ?? 0 }));
  // With autoconvert Off nothing is replaced; say what On would have made of each character.
  const convertMode = autoconvert === 'off' ? 'on' : autoconvert;
  const replaced = new Map(
    applyAutoconvert(p.text, convertMode, table).replacements.map((r) => [r.index, r.to]),
  );
  const forcing = analyzeText(p.text).ucs2Chars.map((c) => ({
    char: c.char,
    code: codePointLabel(c.char),
    becomes: replaced.get(c.index) ?? null,
  }));
  const country = p.country ?? 'an unknown country';
  const entry = p.country ? prices[p.country] : undefined;
  const range = (min: number, max: number) => formatMoneyRange(min, max, formatPrice);
  const cost =
    p.costMinMicros === null || p.costMaxMicros === null
      ? `unknown: no price for ${country}, so the cost is not counted as zero`
      : range(p.costMinMicros, p.costMaxMicros);
  const price = entry
    ? `${range(entry.minMicros, entry.maxMicros)} per segment for ${country}${entry.networks > 1 ? ` (${entry.networks} networks, cheapest to dearest)` : ''}, ${SOURCES[source]}`
    : `no price for ${country} (${SOURCES[source]})`;
  return {
    segments,
    unitName: sent.encoding === 'GSM-7' ? 'septets' : 'characters',
    forcing,
    convertMode,
    cost,
    price,
  };
}
