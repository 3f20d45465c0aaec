// An Excel workbook through the app's real import worker in Chromium: its sheet is inflated ahead of
// the import by the browser's own DecompressionStream, and the rows come out as a CSV export's would.
import { expect, test } from '@playwright/test';
import { buildXlsx, type TestCell } from '../shared/import/xlsx-test-support';
import { openApp } from './open-app';

test('an .xlsx workbook imports through the worker, then another of its sheets on request', async ({
  page,
}) => {
  const rows = new Map<number, TestCell[]>([[1, ['Nimi', 'Telefon']]]);
  // Enough rows for a sheet of several hundred KB, deflated as Excel deflates it.
  for (let i = 0; i < 3_000; i++) rows.set(i + 2, [`Jüri ${i}`, 51_000_000 + i]);
  rows.set(3_002, ['Дмитрий', 3.7251234567e10]);
  const book = buildXlsx([
    { name: 'Kliendid', rows },
    {
      name: 'Muu',
      rows: new Map([
        [1, ['phone', 'name']],
        [2, ['+37251000009', 'Other']],
      ]),
    },
  ]);

  await openApp(page);
  // The browser the app runs in inflates natively; fflate would only be the fallback.
  expect(await page.evaluate(() => typeof new DecompressionStream('deflate-raw'))).toBe('object');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Recipients file (CSV)').setInputFiles({
    name: 'kliendid.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(book),
  });
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('3,001 ready');
  await expect(report).toContainText('3,001 rows in total');
  // Another sheet is imported again, through the same worker, its own part inflated ahead.
  await page.getByRole('combobox', { name: 'Sheet' }).selectOption('Muu');
  await expect(report.getByText('1 ready', { exact: true })).toBeVisible();
  await expect(report).toContainText('1 row in total');
});
