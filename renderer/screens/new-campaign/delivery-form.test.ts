import { describe, expect, it } from 'vitest';
import { CLEAR_GUESS, UNSURE_GUESS } from '../../../shared/delivery-time/plan-test-support';
import { ambiguousExample, defaultForm, formatWords, planFromForm, readAs } from './delivery-form';

const form = { ...defaultForm('Europe/Tallinn'), column: 2 };

describe('the delivery-time fields', () => {
  it('start with every message at once, quiet hours 21:00–08:00 on, in the zone given', () => {
    const d = defaultForm('Europe/Helsinki');
    expect(d).toMatchObject({
      column: null,
      quiet: true,
      quietFrom: '21:00',
      quietTo: '08:00',
      zone: 'Europe/Helsinki',
    });
    expect(planFromForm(d, [CLEAR_GUESS], null)).toEqual({ ok: true, plan: null });
  });

  it('make a plan from a column the file decides, with the rule and quiet hours as chosen', () => {
    expect(planFromForm(form, [CLEAR_GUESS], 4)).toEqual({
      ok: true,
      plan: {
        column: 2,
        format: 'dd.MM.yyyy HH:mm',
        rule: { kind: 'at' },
        quietHours: { from: '21:00', to: '08:00' },
        zone: 'Europe/Tallinn',
        countryColumn: 4,
      },
    });
    const before = planFromForm(
      { ...form, rule: 'before', hoursBefore: '24', quiet: false },
      [CLEAR_GUESS],
      null,
    );
    expect(before).toMatchObject({
      ok: true,
      plan: { rule: { kind: 'before', minutes: 1440 }, quietHours: null },
    });
    const dayBefore = planFromForm(
      { ...form, rule: 'day-before', atTime: '10:00', daysBefore: '2' },
      [CLEAR_GUESS],
      null,
    );
    expect(dayBefore).toMatchObject({
      ok: true,
      plan: { rule: { kind: 'day-before', days: 2, at: '10:00' } },
    });
  });

  it('hold the wizard until the operator says how an undecided column is written', () => {
    const unsure = { ...form, column: 3 };
    expect(planFromForm(unsure, [UNSURE_GUESS], null)).toEqual({
      ok: false,
      message: 'Choose how the dates in the time column are written.',
    });
    const chosen = planFromForm({ ...unsure, chosenFormat: 'MM.dd.yyyy HH:mm' }, [UNSURE_GUESS], null);
    expect(chosen).toMatchObject({ ok: true, plan: { format: 'MM.dd.yyyy HH:mm' } });
  });

  it('say what is wrong with a rule or quiet hours that cannot be read', () => {
    expect(planFromForm({ ...form, rule: 'before', hoursBefore: 'a day' }, [CLEAR_GUESS], null)).toEqual({
      ok: false,
      message: 'Hours before: write a whole number of hours, e.g. 24.',
    });
    expect(planFromForm({ ...form, rule: 'day-before', daysBefore: '0' }, [CLEAR_GUESS], null)).toMatchObject(
      {
        ok: false,
        message: expect.stringContaining('from 1 to 30'),
      },
    );
    expect(
      planFromForm({ ...form, quietFrom: '21:00', quietTo: '21:00' }, [CLEAR_GUESS], null),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('start and end at the same time'),
    });
  });
});

describe('the day-first or month-first question', () => {
  it('is put with a cell of the file that reads differently both ways', () => {
    const rows = [
      ['a', '', '05.05.2026 10:00'],
      ['b', '', '03.04.2026 09:00'],
    ];
    expect(ambiguousExample(rows, 2)).toBe('03.04.2026 09:00');
    expect(ambiguousExample([['a', '', '05.05.2026 10:00']], 2)).toBe('05.05.2026 10:00');
    expect(ambiguousExample([['a', '', '']], 2)).toBeNull();
  });

  it('shows how the example reads in each format', () => {
    expect(readAs('03.04.2026 09:00', 'dd.MM.yyyy HH:mm')).toBe('3 April 2026');
    expect(readAs('03.04.2026 09:00', 'MM.dd.yyyy HH:mm')).toBe('4 March 2026');
    expect(readAs('not a date', 'dd.MM.yyyy HH:mm')).toBeNull();
    expect(formatWords('dd.MM.yyyy HH:mm')).toBe('Day first (dd.MM.yyyy HH:mm)');
    expect(formatWords('MM/dd/yyyy h:mm a')).toBe('Month first (MM/dd/yyyy h:mm a)');
  });
});
