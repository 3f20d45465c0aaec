import { describe, expect, it } from 'vitest';
import { detectTimeColumns } from './detect';

const column = (...cells: string[]) => cells.map((cell) => [cell]);

describe('detectTimeColumns', () => {
  it.each([
    ['iso', ['2026-05-04T09:00', '2026-05-04T10:30+03:00', '2026-05-05T08:15:00Z']],
    ['yyyy-MM-dd HH:mm', ['2026-05-04 09:00', '2026-05-14 10:30']],
    ['dd.MM.yyyy HH:mm', ['04.05.2026 09:00', '14.05.2026 10:30']],
    ['d.M.yyyy H:mm', ['4.5.2026 9:00', '14.05.2026 10:30']],
    ['MM/dd/yyyy h:mm a', ['05/04/2026 9:00 AM', '05/14/2026 2:30 PM']],
    ['M/d/yyyy H:mm', ['5/4/2026 9:00', '5/14/2026 14:30']],
    ['d/M/yyyy H:mm', ['4/5/2026 9:00', '14/5/2026 14:30']],
    ['yyyy-MM-dd H:mm', ['2026-05-04 9:00', '2026-05-14 14:30']],
    ['excel', ['46146.375', '46147.4375']],
  ])('recognises %s', (format, cells) => {
    expect(detectTimeColumns(['When'], column(...cells))).toEqual([
      { column: 0, format, candidates: [format], parsedShare: 1 },
    ]);
  });
  it('decides day-first from any day above 12 in the whole column', () => {
    const cells = ['03.04.2026 09:00', '05.06.2026 10:00', '07.08.2026 11:00', '25.04.2026 12:00'];
    expect(detectTimeColumns(['When'], column(...cells))[0]).toMatchObject({ format: 'dd.MM.yyyy HH:mm' });
  });
  it('decides month-first from any day above 12', () => {
    const cells = ['03.04.2026 09:00', '04.25.2026 12:00'];
    expect(detectTimeColumns(['When'], column(...cells))[0]).toMatchObject({ format: 'MM.dd.yyyy HH:mm' });
    const slashes = ['03/04/2026 9:00 AM', '04/25/2026 12:00 PM'];
    expect(detectTimeColumns(['When'], column(...slashes))[0]).toMatchObject({ format: 'MM/dd/yyyy h:mm a' });
  });
  it('asks when no day is above 12: both candidates, day-first first', () => {
    const cells = ['03.04.2026 09:00', '05.06.2026 10:00', '', '12.11.2026 11:00'];
    expect(detectTimeColumns(['When'], column(...cells))).toEqual([
      { column: 0, format: null, candidates: ['dd.MM.yyyy HH:mm', 'MM.dd.yyyy HH:mm'], parsedShare: 1 },
    ]);
    const slashes = ['03/04/2026 9:00 AM', '05/06/2026 10:00 PM'];
    expect(detectTimeColumns(['When'], column(...slashes))[0]).toMatchObject({
      format: null,
      candidates: ['dd/MM/yyyy h:mm a', 'MM/dd/yyyy h:mm a'],
    });
  });
  it('reports the share of filled cells that parse, and ignores columns mostly not times', () => {
    const rows = [
      ['Mari', '04.05.2026 09:00', '46146'],
      ['Jaan', 'tomorrow', '12'],
      ['Kati', '14.05.2026 10:30', '7'],
      ['Peeter', '15.05.2026 11:00', ''],
    ];
    expect(detectTimeColumns(['Name', 'Appointment', 'Visits'], rows)).toEqual([
      { column: 1, format: 'dd.MM.yyyy HH:mm', candidates: ['dd.MM.yyyy HH:mm'], parsedShare: 0.75 },
    ]);
  });
  it('does not take phone numbers, prices, plain dates or order numbers for times', () => {
    const rows = [
      ['+37251234567', '12.50', '04.05.2026', '45000', '46146.375'],
      ['+37251234568', '9.99', '14.05.2026', '45001', '46147'],
    ];
    expect(detectTimeColumns(['Phone', 'Price', 'Date', 'Order', 'Serial'], rows)).toEqual([
      { column: 4, format: 'excel', candidates: ['excel'], parsedShare: 1 },
    ]);
  });
  it('lists the best column first', () => {
    const rows = [
      ['04.05.2026 09:00', '2026-05-04 09:00'],
      ['bad', '2026-05-04 10:00'],
    ];
    expect(detectTimeColumns(['A', 'B'], rows).map((guess) => guess.column)).toEqual([1, 0]);
  });
});
