// One recipient row as it will be sent: rendered, autoconverted, encoded, segmented and priced.
import type { Autoconvert, Encoding, Micros } from '../types';
import { applyAutoconvert, type Replacement } from './autoconvert';
import { countryOfNumber } from './countries';
import { CARRIAGE_RETURN, EXTENSION, NON_GSM } from './gsm-tables';
import type { PriceTable } from './prices';
import { DEFAULT_REPLACEMENTS, type ReplacementTable } from './replacements';
import { renderCounted } from './render-count';
import { countSegments, GSM_PART, GSM_SINGLE, type SegmentCount } from './segments';
import type { CompiledTemplate, RowTimeContext } from './template';

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

/**
 * `to` is the E.164 number, or null for a row that will not be sent (its cost is then null); `time`
 * the row's appointment when the campaign has a time column, for `{{column|time}}` and its kin.
 */
export function previewRow(
  t: CompiledTemplate,
  fields: readonly string[],
  to: string | null,
  options: PreviewOptions,
  time: RowTimeContext | null = null,
): RowPreview {
  const r = renderCounted(t, fields, time);
  // Fast path: an all-GSM text is sent as is under every autoconvert mode, and its figures follow from
  // the septets counted while rendering. CR (CRLF is one character) and a long text with escape pairs
  // (parts never split one) need the text itself: those take the general path.
  if (
    (r.flags & (NON_GSM | CARRIAGE_RETURN)) !== 0 ||
    (r.septets > GSM_SINGLE && (r.flags & EXTENSION) !== 0)
  )
    return previewText(r.text, r.emptyFields, to, options);
  const units = r.septets;
  const segments = units === 0 ? 0 : units <= GSM_SINGLE ? 1 : Math.ceil(units / GSM_PART);
  const sent: SegmentCount = { encoding: 'GSM-7', characters: r.length, units, segments };
  return assemble(r.text, r.text, sent, segments, r.emptyFields, [], to, options);
}

/**
 * The general path from a rendered text (renderTemplate's text and emptyFields): autoconvert, then
 * count. previewRow() must always give what this gives; its tests compare the two.
 */
export function previewText(
  text: string,
  emptyFields: string[],
  to: string | null,
  options: PreviewOptions,
): RowPreview {
  const converted = applyAutoconvert(text, options.autoconvert, options.table ?? DEFAULT_REPLACEMENTS);
  const sent = countSegments(converted.text);
  const segmentsWithoutAutoconvert = converted.text === text ? sent.segments : countSegments(text).segments;
  return assemble(
    text,
    converted.text,
    sent,
    segmentsWithoutAutoconvert,
    emptyFields,
    converted.replacements,
    to,
    options,
  );
}

function assemble(
  text: string,
  sentText: string,
  sent: SegmentCount,
  segmentsWithoutAutoconvert: number,
  emptyFields: string[],
  replacements: Replacement[],
  to: string | null,
  options: PreviewOptions,
): RowPreview {
  const country = to === null ? null : countryOfNumber(to);
  const price = country === null ? undefined : options.prices[country];
  return {
    text,
    sentText,
    encoding: sent.encoding,
    characters: sent.characters,
    units: sent.units,
    segments: sent.segments,
    country,
    costMinMicros: price ? sent.segments * price.minMicros : null,
    costMaxMicros: price ? sent.segments * price.maxMicros : null,
    emptyFields,
    replacements,
    extraSegment: options.typicalSegments !== undefined && sent.segments > options.typicalSegments,
    segmentsWithoutAutoconvert,
    costWithoutAutoconvertMaxMicros: price ? segmentsWithoutAutoconvert * price.maxMicros : null,
  };
}
