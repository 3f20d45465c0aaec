// Reading one cell as a moment in a zone, in one of the formats a time column may use. Luxon does
// the reading; this file settles the two nights a year when a local time is missing or repeated.
import { DateTime, type TokenParser, type Zone } from 'luxon';
import type { TimeFormat } from './types';
import { rememberingZone } from './zone-cache';

/** The formats offered for a time column, most specific first (ties in detection go to the first). */
export const TIME_FORMATS: readonly TimeFormat[] = [
  'iso',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd H:mm',
  'dd.MM.yyyy HH:mm',
  'MM.dd.yyyy HH:mm',
  'd.M.yyyy H:mm',
  'M.d.yyyy H:mm',
  'dd/MM/yyyy HH:mm',
  'MM/dd/yyyy HH:mm',
  // As Excel writes date-times into a CSV: no leading zeros, a 24-hour clock.
  'd/M/yyyy H:mm',
  'M/d/yyyy H:mm',
  'MM/dd/yyyy h:mm a',
  'dd/MM/yyyy h:mm a',
  'M/d/yyyy h:mm a',
  'd/M/yyyy h:mm a',
  'excel',
];

/** A Luxon pattern's day-first/month-first twin ('dd.MM.yyyy HH:mm' ↔ 'MM.dd.yyyy HH:mm'), or null. */
export function swappedFormat(format: TimeFormat): TimeFormat | null {
  if (format === 'iso' || format === 'excel' || format.startsWith('y')) return null;
  const twin = format.replace(/^(d+)([./])(M+)/, '$3$2$1');
  if (twin !== format) return twin;
  const back = format.replace(/^(M+)([./])(d+)/, '$3$2$1');
  return back !== format ? back : null;
}

/** True when a pattern puts the day before the month. */
export function isDayFirst(format: TimeFormat): boolean {
  return /^d/.test(format);
}

const EXAMPLE = DateTime.fromObject({ year: 2026, month: 5, day: 24, hour: 14, minute: 30 }, { zone: 'UTC' });

/** A format with an example, for messages: "dd.MM.yyyy HH:mm (e.g. 24.05.2026 14:30)". */
export function describeFormat(format: TimeFormat): string {
  if (format === 'iso') return 'ISO 8601 (e.g. 2026-05-24T14:30 or 2026-05-24T14:30+03:00)';
  if (format === 'excel') return 'a spreadsheet date (e.g. 46166.6042)';
  return `${format} (e.g. ${EXAMPLE.toFormat(format, { locale: 'en-US' })})`;
}

// Spreadsheet serials count days from 1899-12-30; 25569 is 1970-01-01. Only 2000 to 2100 count as
// dates here, so that a column of order numbers or prices is not taken for one.
const EXCEL_EPOCH_SERIAL = 25569;
const EXCEL_MIN = 36526;
const EXCEL_MAX = 73051;
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const LOCAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

const parsers = new Map<TimeFormat, TokenParser>();

/** A format's parser, built once: building it is most of what reading one cell would cost. */
function parserFor(format: TimeFormat): TokenParser {
  let parser = parsers.get(format);
  if (parser === undefined) {
    parser = DateTime.buildFormatParser(format, { locale: 'en-US' });
    parsers.set(format, parser);
  }
  return parser;
}

function wallClock(format: TimeFormat, cell: string): DateTime | null {
  const value = cell.trim();
  if (value === '') return null;
  let parsed: DateTime;
  if (format === 'iso') {
    // A date alone is no appointment: the time of day is required.
    if (!/T\d{2}/.test(value)) return null;
    parsed = DateTime.fromISO(value, { zone: 'UTC', setZone: true });
  } else if (format === 'excel') {
    if (LOCAL_ISO.test(value)) parsed = DateTime.fromISO(value, { zone: 'UTC' });
    else {
      if (!SERIAL.test(value)) return null;
      const serial = Number(value);
      if (serial < EXCEL_MIN || serial > EXCEL_MAX) return null;
      // Rounded to the second: a serial's fraction rarely lands on one exactly.
      const seconds = Math.round((serial - EXCEL_EPOCH_SERIAL) * 86_400);
      parsed = DateTime.fromSeconds(seconds, { zone: 'UTC' });
    }
  } else {
    parsed = DateTime.fromFormatParser(value.replace(/\s+/g, ' '), parserFor(format), {
      zone: 'UTC',
      locale: 'en-US',
    });
  }
  return parsed.isValid ? parsed : null;
}

/**
 * The text planRowTime reads for a row: a workbook's raw date for 'excel' when the cell is a date
 * cell (`dates`: the import's per-row raw dates), else the cell as the file shows it.
 */
export function timeCell(
  fields: readonly string[],
  dates: readonly (string | null)[] | undefined,
  column: number,
  format: TimeFormat,
): string {
  const raw = format === 'excel' ? (dates?.[column] ?? null) : null;
  return raw ?? fields[column] ?? '';
}

/** Whether `cell` reads as a date and time in `format` (no zone needed to tell). */
export function parsesAs(cell: string, format: TimeFormat): boolean {
  return wallClock(format, cell) !== null;
}

/**
 * A local wall-clock time in `zone`. A time the clocks skip (03:30 on a spring-forward night) moves on
 * by the gap, to 04:30, as a clock would show; a time that happens twice (03:30 on a fall-back night)
 * is the first of the two, in summer time: a reminder then comes early, never late.
 */
export function atWallClock(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  zone: string | Zone,
): DateTime {
  const moment = DateTime.fromObject(parts, {
    zone: typeof zone === 'string' ? (rememberingZone(zone) ?? zone) : zone,
  });
  if (!moment.isValid) return moment;
  // Luxon takes the later of a repeated time. The clocks went back shortly before it when the offset
  // a little earlier was larger; the same wall-clock time then also happened that much earlier.
  const ms = moment.toMillis();
  const back = moment.zone.offset(ms - HOUR_MS) - moment.offset;
  if (back <= 0) return moment;
  const earlier = ms - back * 60_000;
  return moment.zone.offset(earlier) === moment.offset + back
    ? DateTime.fromMillis(earlier, { zone: moment.zone })
    : moment;
}

const HOUR_MS = 3_600_000;

/** An ISO cell that names its offset ('Z', '+03:00', '+0300', '+03') after its time of day. */
const OWN_OFFSET = /T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function hasOwnOffset(cell: string): boolean {
  return OWN_OFFSET.test(cell.trim());
}

/**
 * `cell` as a moment, shown in `zone`: a cell with its own offset (ISO '…+02:00' or 'Z') keeps that
 * instant; any other is a wall-clock time in `zone`. Null when the cell does not read in `format`.
 */
export function parseCell(cell: string, format: TimeFormat, zone: string): DateTime | null {
  const clock = wallClock(format, cell);
  if (clock === null) return null;
  if (format === 'iso' && hasOwnOffset(cell)) {
    const moment = clock.setZone(rememberingZone(zone) ?? zone);
    return moment.isValid ? moment : null;
  }
  const { year, month, day, hour, minute, second } = clock;
  const moment = atWallClock({ year, month, day, hour, minute, second }, zone);
  return moment.isValid ? moment : null;
}
