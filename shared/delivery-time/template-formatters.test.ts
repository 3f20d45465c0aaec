// {{column|time}}, |date and |weekday in templates: rendered in the row's language and zone on the
// campaign's time column, counted in encoding and segments like any other text, a fallback elsewhere.
import { describe, expect, it } from 'vitest';
import { previewRow, previewText, type PreviewOptions } from '../sms/preview';
import { compileTemplate, renderTemplate, type CompiledTemplate, type RowTimeContext } from '../sms/template';
import { planRowTime } from './plan';
import { testPlan } from './plan-test-support';

const COLUMNS = ['Name', 'Appointment', 'Country'];
const OPTIONS: PreviewOptions = { autoconvert: 'off', prices: {} };
const NOW = Date.parse('2026-05-01T06:00:00Z');
const PLAN = testPlan({ countryColumn: 2 });

function template(source: string): CompiledTemplate {
  const compiled = compileTemplate(source, COLUMNS);
  if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
  return compiled.template;
}

/** The row's context as a caller builds it from planRowTime. */
function context(row: readonly string[]): RowTimeContext {
  const time = planRowTime(row[1]!, row[2] || null, PLAN, NOW);
  return {
    column: 1,
    appointment: time.appointment ?? null,
    zone: time.zone ?? PLAN.zone,
    locale: time.locale ?? 'en',
  };
}

const REMINDER = template('{{Name}}: {{Appointment|weekday}}, {{Appointment|date}} {{Appointment|time}}');

describe('template time formatters', () => {
  it.each([
    ['EE', 'Mari: esmaspäev, 4. mai 14:30', 'GSM-7'],
    ['FI', 'Mari: maanantai, 4. toukokuuta 14.30', 'GSM-7'],
    ['LV', 'Mari: Pirmdiena, 4. maijs 14:30', 'GSM-7'],
    ['LT', 'Mari: pirmadienis, gegužės 4 d. 14:30', 'UCS-2'],
    ['RU', 'Mari: понедельник, 4 мая 14:30', 'UCS-2'],
    ['GB', 'Mari: Monday, May 4 2:30 PM', 'GSM-7'],
  ])('writes a row from %s in its language and zone, and counts it', (country, text, encoding) => {
    const row = ['Mari', '04.05.2026 14:30', country];
    const time = context(row);
    expect(renderTemplate(REMINDER, row, time).text).toBe(text);
    const preview = previewRow(REMINDER, row, null, OPTIONS, time);
    expect(preview).toMatchObject({ text, encoding, characters: [...text].length });
    expect(preview).toEqual(previewText(text, [], null, OPTIONS));
  });
  it('counts a formatted value’s encoding and segments, not the cell’s', () => {
    const long = template(`${'x'.repeat(60)} {{Appointment|weekday}}`);
    const row = ['Mari', '04.05.2026 14:30', 'RU'];
    // Without the row's time the cell goes as written: 77 GSM-7 characters, one segment.
    expect(previewRow(long, row, null, OPTIONS)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    // "понедельник" makes it 72 UCS-2 characters: two segments.
    expect(previewRow(long, row, null, OPTIONS, context(row))).toMatchObject({
      encoding: 'UCS-2',
      characters: 72,
      segments: 2,
    });
  });
  it('keeps "|time" a fallback text on another column, or without a time column', () => {
    const other = template('{{Name|time}} at {{Appointment|time}}');
    expect(
      renderTemplate(other, ['', '04.05.2026 14:30', 'EE'], context(['', '04.05.2026 14:30', 'EE'])).text,
    ).toBe('time at 14:30');
    expect(renderTemplate(other, ['', '04.05.2026 14:30', 'EE']).text).toBe('time at 04.05.2026 14:30');
  });
  it('writes the cell as it is when it does not read as a time, and flags an empty one', () => {
    const unread = ['Mari', 'next Tuesday', 'EE'];
    expect(renderTemplate(REMINDER, unread, context(unread))).toEqual({
      text: 'Mari: next Tuesday, next Tuesday next Tuesday',
      emptyFields: [],
    });
    const empty = ['Mari', '', 'EE'];
    expect(previewRow(REMINDER, empty, null, OPTIONS, context(empty))).toMatchObject({
      text: 'Mari: ,  ',
      emptyFields: ['Appointment'],
    });
  });
  it('accepts the formatter in any case and with spaces', () => {
    const row = ['Mari', '04.05.2026 14:30', 'EE'];
    expect(renderTemplate(template('{{ Appointment | Time }}'), row, context(row)).text).toBe('14:30');
  });
});
