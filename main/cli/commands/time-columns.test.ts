// `omnicast preview` guesses a time column's format by the app's rule: a workbook's date-time cells
// are spreadsheet dates whatever the sheet displays, its days alone no time column, and a long file is
// judged on its first rows. The same file then gives each row the same delivery time on the command
// line and in the app.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timeColumnsOf, TIME_SAMPLE_ROWS } from '../../../shared/delivery-time';
import { importRecipients } from '../../../shared/import';
import { buildXlsx } from '../../../shared/import/xlsx-test-support';
import { tempDir } from '../../testing/temp-dir';
import { omnicast } from '../test-run';

const NOW = Date.parse('2026-05-01T06:00:00Z');
const FLAGS = ['--template', 'See you {{Appointment|time}}', '--format', 'jsonl', '--zone', 'Europe/Tallinn'];

let dir: string;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  dir = tempDir('omnicast-cli-time-columns-');
});
afterEach(() => {
  vi.useRealTimers();
});

interface PreviewLine {
  row: number;
  status: string;
  send_at: string | null;
  time_problem: string | null;
}

async function preview(file: string): Promise<{ code: number; stderr: string; lines: PreviewLine[] }> {
  const run = await omnicast(['preview', file, ...FLAGS, '--time-column', 'Appointment'], dir);
  const lines = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Partial<PreviewLine>)
    // The last line holds the totals: only the rows are compared.
    .filter((l): l is PreviewLine => l.row !== undefined);
  return { code: run.code, stderr: run.stderr, lines };
}

describe('omnicast preview reads a time column as the app does', () => {
  it("reads a workbook's date cells as spreadsheet dates, whatever the sheet displays", async () => {
    // Style 1 displays the day alone ("04.05.2026"): the cells themselves hold 4 May 09:30 and
    // 5 May 12:00, the times the app reads.
    const book = buildXlsx([
      {
        name: 'Appointments',
        rows: new Map([
          [1, ['Phone', 'Appointment']],
          [2, ['+37251000001', { n: 46146.395833333336, style: 1 }]],
          [3, ['+37251000002', { n: 46147.5, style: 1 }]],
        ]),
      },
    ]);
    writeFileSync(join(dir, 'clinic.xlsx'), book);
    const imported = importRecipients(book, { fileName: 'clinic.xlsx', defaultCountry: 'EE' });
    if (!imported.ok) throw new Error(imported.error);
    expect(timeColumnsOf(imported.result).find((g) => g.column === 1)?.format).toBe('excel');

    const run = await preview('clinic.xlsx');
    expect(run.stderr).not.toContain('--time-format');
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => [l.row, l.send_at, l.time_problem])).toEqual([
      [2, '2026-05-04T09:30+03:00', null],
      [3, '2026-05-05T12:00+03:00', null],
    ]);
  });

  it('refuses a column of days without a time of day as a CSV column without times', async () => {
    // The clinic's "Appointment" holds days alone (4 and 5 May): no hour to send at. The same days
    // written as text in a CSV file are refused with the same sentence.
    const book = buildXlsx([
      {
        name: 'Appointments',
        rows: new Map([
          [1, ['Phone', 'Appointment']],
          [2, ['+37251000001', { n: 46146, style: 1 }]],
          [3, ['+37251000002', { n: 46147, style: 1 }]],
        ]),
      },
    ]);
    writeFileSync(join(dir, 'days.xlsx'), book);
    writeFileSync(
      join(dir, 'days.csv'),
      'Phone,Appointment\n+37251000001,04.05.2026\n+37251000002,05.05.2026\n',
    );

    for (const file of ['days.xlsx', 'days.csv']) {
      const run = await preview(file);
      expect(run.code).toBe(2);
      expect(run.lines).toEqual([]);
      expect(run.stderr).toBe(
        `omnicast preview: --time-column: the column "Appointment" of ${file} holds no dates with a time of day ` +
          'that Omnicast can read. A delivery time needs the hour: a column of days alone cannot be used; ' +
          'one written another way needs --time-format.\n',
      );
    }
  });

  it("judges a long file's time column on its first rows", async () => {
    // Ten appointments among the first rows, then a hundred notes past them: on its first rows the
    // column is a time column, and the blank rows and the notes are rows whose time cannot be read.
    const rows = ['Phone,Appointment'];
    const total = TIME_SAMPLE_ROWS + 100;
    for (let i = 0; i < total; i++) {
      const phone = `+3725${String(1_000_000 + i)}`;
      const when = i < 10 ? `${14 + (i % 5)}.05.2026 10:00` : i >= TIME_SAMPLE_ROWS ? 'ask first' : '';
      rows.push(`${phone},${when}`);
    }
    writeFileSync(join(dir, 'long.csv'), rows.join('\n'));

    const run = await preview('long.csv');
    expect(run.stderr).toContain(`Rows whose time cannot be read: ${total - 10}, skipped.`);
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(total);
    expect(run.lines[0]).toMatchObject({ row: 2, send_at: '2026-05-14T10:00+03:00', time_problem: null });
    expect(run.lines.at(-1)).toMatchObject({ row: total + 1, send_at: null, time_problem: 'unparseable' });
  });
});
