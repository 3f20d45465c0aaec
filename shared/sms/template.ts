// Message templates: `{{column}}` and `{{column|fallback}}` merge fields, compiled once against the CSV
// header so that rendering a row is only string concatenation. On the campaign's time column,
// `{{column|time}}`, `|date` and `|weekday` write the row's appointment in its recipient's language.
import { formatAppointment } from '../delivery-time/appointment-words';
import { isGsmText } from './gsm-tables';

/** How `{{column|time}}`, `|date` and `|weekday` write a row's appointment. */
export type TimeFormatter = 'time' | 'date' | 'weekday';

const TIME_FORMATTERS: readonly string[] = ['time', 'date', 'weekday'] satisfies TimeFormatter[];

/** The template help's sentence on the time formatters, the same in the app and the CLI. */
export const TIME_FORMATTER_HELP =
  'On the time column, {{column|time}}, {{column|date}} and {{column|weekday}} write each row’s ' +
  'appointment in its recipient’s language and time zone; on any other column the word after "|" ' +
  'is a fallback text.';

/**
 * The row's appointment, for the time formatters: the time column's index, and the appointment as
 * read for this row (ISO 8601, null when its cell does not read as a time) with its zone and language.
 */
export interface RowTimeContext {
  column: number;
  appointment: string | null;
  zone: string;
  locale: string;
}

export interface Slot {
  column: number;
  /** The column's header as the file spells it (trimmed), for messages. */
  name: string;
  /** Used when the row's value is empty or whitespace; null = flag the row instead. */
  fallback: string | null;
  /** `|time`, `|date` or `|weekday`: on the time column these format the appointment instead. */
  formatter?: TimeFormatter;
}

export interface CompiledTemplate {
  /** Literal text around the slots: `literals.length === slots.length + 1`. */
  readonly literals: readonly string[];
  readonly slots: readonly Slot[];
}

export interface TemplateError {
  message: string;
  /** UTF-16 index in the source where the problem starts, and how many units to highlight. */
  index: number;
  length: number;
}

export type CompileResult =
  { ok: true; template: CompiledTemplate; placeholders: string[] } | { ok: false; errors: TemplateError[] };

/** How a template names a column: case and surrounding spaces ignored. */
export const columnKey = (name: string) => name.trim().toLowerCase();

/** Each column's index by its key; a repeated header keeps the first, the one people see. */
export function columnIndexByKey(columns: readonly string[]): Map<string, number> {
  const byKey = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!byKey.has(columnKey(c))) byKey.set(columnKey(c), i);
  });
  return byKey;
}

/** Compiles `source`, matching placeholder names to `columns` as the CSV header spells them (case and
 * surrounding spaces ignored). Every problem is reported, not only the first. */
export function compileTemplate(source: string, columns: readonly string[]): CompileResult {
  const byKey = columnIndexByKey(columns);
  const columnList = columns.map((c) => c.trim()).join(', ');
  const literals: string[] = [];
  const slots: Slot[] = [];
  const errors: TemplateError[] = [];
  let literal = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    const strayClose = source.indexOf('}}', i);
    if (strayClose >= 0 && (open < 0 || strayClose < open)) {
      errors.push({
        message: 'Closing "}}" without an opening "{{" before it.',
        index: strayClose,
        length: 2,
      });
      i = strayClose + 2; // the result is an error anyway: only keep looking for more problems
      continue;
    }
    if (open < 0) break;
    literal += source.slice(i, open);
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      errors.push({
        message: 'Opening "{{" is not closed: add "}}" after the column name.',
        index: open,
        length: 2,
      });
      i = open + 2;
      continue;
    }
    const body = source.slice(open + 2, close);
    const bar = body.indexOf('|');
    const name = (bar < 0 ? body : body.slice(0, bar)).trim();
    const column = byKey.get(columnKey(name));
    const at = { index: open, length: close + 2 - open };
    if (name === '') {
      errors.push({ message: 'Empty placeholder: write a column name between "{{" and "}}".', ...at });
    } else if (column === undefined) {
      errors.push({ message: `Unknown column "${name}" — columns are: ${columnList || '(none)'}`, ...at });
    } else {
      literals.push(literal);
      literal = '';
      const fallback = bar < 0 ? null : body.slice(bar + 1);
      const formatter = fallback?.trim().toLowerCase() ?? '';
      slots.push({
        column,
        name: columns[column]!.trim(),
        fallback,
        ...(TIME_FORMATTERS.includes(formatter) && { formatter: formatter as TimeFormatter }),
      });
    }
    i = close + 2;
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.index - b.index) };
  literals.push(literal + source.slice(i));
  const placeholders = [...new Set(slots.map((s) => s.name))];
  return { ok: true, template: { literals, slots }, placeholders };
}

export interface Rendered {
  text: string;
  /** Columns whose value was empty or whitespace with no fallback (each listed once). */
  emptyFields: string[];
}

/** True when a slot of `t` is `|time`, `|date` or `|weekday`, so rendering needs the row's time. */
export function usesTimeFormatters(t: CompiledTemplate): boolean {
  return t.slots.some((slot) => slot.formatter !== undefined);
}

/**
 * What one slot merges for a row: the row's value, or the slot's fallback when the value is empty or
 * whitespace. With no fallback the merge is empty and the column is added to `emptyFields` (once).
 * On the time column (`time` given), `|time`, `|date` and `|weekday` merge the row's appointment in
 * its recipient's words instead, or the cell as written when it does not read as a time (an empty
 * one is flagged: the word is no fallback there). Every renderer fills its slots through here, so
 * the rule lives in one place.
 */
export function slotValue(
  slot: Slot,
  fields: readonly string[],
  emptyFields: string[],
  time: RowTimeContext | null = null,
): string {
  let value = fields[slot.column] ?? '';
  const formatted = slot.formatter !== undefined && time !== null && slot.column === time.column;
  if (formatted && time.appointment !== null) {
    value = formatAppointment(time.appointment, slot.formatter!, time.locale, time.zone);
  }
  if (value.trim() !== '') return value;
  if (slot.fallback !== null && !formatted) return slot.fallback;
  if (!emptyFields.includes(slot.name)) emptyFields.push(slot.name);
  return value;
}

/** `time`: the row's appointment, when the campaign has a time column (see RowTimeContext). */
export function renderTemplate(
  t: CompiledTemplate,
  fields: readonly string[],
  time: RowTimeContext | null = null,
): Rendered {
  let text = t.literals[0]!;
  const emptyFields: string[] = [];
  for (let s = 0; s < t.slots.length; s++) {
    text += slotValue(t.slots[s]!, fields, emptyFields, time) + t.literals[s + 1]!;
  }
  return { text, emptyFields };
}

/**
 * Per column, a value of the median length (preferring a GSM-only one): the template rendered with these
 * is the "typical" message, and rows whose own values need more segments than it are flagged.
 */
export function typicalFields(rows: readonly (readonly string[])[], columnCount: number): string[] {
  const result: string[] = [];
  for (let c = 0; c < columnCount; c++) {
    const lengths = new Uint32Array(rows.length);
    rows.forEach((row, r) => (lengths[r] = (row[c] ?? '').length));
    const median = lengths.sort()[Math.floor((rows.length - 1) / 2)] ?? 0;
    let pick: string | undefined;
    for (const row of rows) {
      const value = row[c] ?? '';
      if (value.length !== median) continue;
      pick ??= value;
      if (isGsmText(value)) {
        pick = value;
        break;
      }
    }
    result.push(pick ?? '');
  }
  return result;
}

/** Reads a template `.txt` (UTF-8, as decoded by the caller): BOM, CRLF and the final newline removed. */
export function parseTemplateFile(text: string): string {
  const body = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  return body.endsWith('\n') ? body.slice(0, -1) : body;
}

/** The `.txt` form of a template: LF line endings and one final newline, as editors save it. */
export function formatTemplateFile(template: string): string {
  return `${template.replace(/\r\n?/g, '\n')}\n`;
}
