// One recipient row as it will be sent: rendered, autoconverted, encoded, segmented and priced.
import type { Autoconvert, Encoding, Micros } from '../types';
import { applyAutoconvert, type Replacement } from './autoconvert';
import { countryOfNumber } from './countries';
import type { PriceTable } from './prices';
import { DEFAULT_REPLACEMENTS, type ReplacementTable } from './replacements';
import { countSegments } from './segments';
import { renderTemplate, type CompiledTemplate } from './template';

export interface RowPreview {
  /** Rendered, before autoconvert. */
  text: string;
  /** As Messente will send it, after autoconvert: encoding, characters, units and segments are its. */
  sentText: string;
  encoding: Encoding;
  characters: number;
  units: number;
  segments: number;
  country: string | null;
  costMinMicros: Micros | null;
  costMaxMicros: Micros | null;
  emptyFields: string[];
  replacements: Replacement[];
  /** More segments than the template rendered with typical values. */
  extraSegment: boolean;
  segmentsWithoutAutoconvert: number;
  costWithoutAutoconvertMaxMicros: Micros | null;
}

export interface PreviewOptions {
  autoconvert: Autoconvert;
  prices: PriceTable;
  /** The account's replacement table for `on` (and `full`); defaults to DEFAULT_REPLACEMENTS. */
  table?: ReplacementTable;
  /** Segments of the template rendered with `typicalFields`; omit to never flag extra segments. */
  typicalSegments?: number;
}

/** `to` is the E.164 number, or null for a row that will not be sent (its cost is then null). */
export function previewRow(
  t: CompiledTemplate,
  fields: readonly string[],
  to: string | null,
  options: PreviewOptions,
): RowPreview {
  const { text, emptyFields } = renderTemplate(t, fields);
  const converted = applyAutoconvert(text, options.autoconvert, options.table ?? DEFAULT_REPLACEMENTS);
  const sent = countSegments(converted.text);
  const segmentsWithoutAutoconvert = converted.text === text ? sent.segments : countSegments(text).segments;
  const country = to === null ? null : countryOfNumber(to);
  const price = country === null ? undefined : options.prices[country];
  return {
    text,
    sentText: converted.text,
    encoding: sent.encoding,
    characters: sent.characters,
    units: sent.units,
    segments: sent.segments,
    country,
    costMinMicros: price ? sent.segments * price.minMicros : null,
    costMaxMicros: price ? sent.segments * price.maxMicros : null,
    emptyFields,
    replacements: converted.replacements,
    extraSegment: options.typicalSegments !== undefined && sent.segments > options.typicalSegments,
    segmentsWithoutAutoconvert,
    costWithoutAutoconvertMaxMicros: price ? segmentsWithoutAutoconvert * price.maxMicros : null,
  };
}
