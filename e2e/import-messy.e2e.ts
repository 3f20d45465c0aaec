// Import through the UI: a file as Excel exports it in Estonia (Windows-1252, semicolons, a title
// line above the header, national numbers, one number in three spellings, a number Excel turned into
// scientific notation, ragged rows) is imported, the report says exactly what happened, and the
// rejected rows download holds the original columns plus `row` and `reason`.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { openApp } from './open-app';
import { saveScreenshot } from './screenshots';

const fixture = new URL('./fixtures/messy-windows-1252.csv', import.meta.url).pathname;
const SCIENTIFIC =
  'Looks like a number Excel turned into scientific notation (e.g. 3.72512E+10): fix the column format and export again';

test('a messy Excel export: counts, reasons and the rejected rows download', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Recipients file (CSV)').setInputFiles(fixture);

  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('6 ready');
  await expect(report).toContainText('2 invalid');
  await expect(report).toContainText('2 duplicates');
  await expect(report).toContainText('0 opted out');
  await expect(report).toContainText('10 rows in total');
  // Detected layout: the title line skipped, semicolons, the Windows-1252 fallback.
  await expect(report).toContainText('Header on row 2');
  await expect(report).toContainText('delimiter “;”');
  await expect(report).toContainText('windows-1252');
  await expect(page.getByRole('spinbutton', { name: 'Header row' })).toHaveValue('2');
  await expect(page.getByRole('combobox', { name: 'Delimiter' })).toHaveValue(';');
  await expect(page.getByRole('combobox', { name: 'Phone column' }).locator('option:checked')).toHaveText(
    'Telefon',
  );

  // Ragged rows are kept and reported per row, never dropped; the bytes that are not UTF-8 are
  // named where they first occur, since the Windows-1252 reading is a guess the operator confirms.
  const problems = report.getByRole('list', { name: 'Problems in the file' });
  await expect(problems.getByRole('listitem')).toHaveText([
    /^Row 10: .*3 values but there are 4 columns: the missing ones were left empty/,
    /^Row 11: .*5 values but there are 4 columns: the extra values "value" were left out/,
    /^Row 1: Row 1 \(above the header\) has characters that are not valid UTF-8, so the file was read as Windows-1252/,
  ]);

  // Each rejected row with its spreadsheet row number, raw phone and reason.
  const rejected = report.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row')).toHaveText([
    'RowPhoneReason',
    '600372 5123 4567Same number as row 3',
    '7+372-5123-4567Same number as row 3',
    '812Too short',
    `93,72512E+10${SCIENTIFIC}`,
  ]);
  await saveScreenshot(page, 'import-report');

  const downloading = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Download rejected rows' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('messy-windows-1252-rejected.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff); // so Excel reads the accents back
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(['Name', 'Telefon', 'City', 'Note', 'row', 'reason']);
  expect(parsed.data).toEqual([
    {
      Name: 'Mari M.',
      Telefon: '00372 5123 4567',
      City: 'Tallinn',
      Note: 'second card',
      row: '6',
      reason: 'Same number as row 3',
    },
    { Name: 'MARI', Telefon: '+372-5123-4567', City: '', Note: '', row: '7', reason: 'Same number as row 3' },
    { Name: 'Bad Number', Telefon: '12', City: 'Narva', Note: 'typo', row: '8', reason: 'Too short' },
    { Name: 'Excel Victim', Telefon: '3,72512E+10', City: 'Tallinn', Note: '', row: '9', reason: SCIENTIFIC },
  ]);

  // Problems in the file hold the wizard until the operator says the rows were read right.
  const next = page.getByRole('button', { name: 'Next: Message' });
  await expect(next).toBeDisabled();
  await page.getByRole('checkbox', { name: /I have checked the problems in the file/ }).check();

  // The Windows-1252 letters were decoded, not mangled: the preview shows them as written.
  await next.click();
  await page.getByRole('textbox', { name: 'Campaign name' }).fill('Messy import');
  await page.getByRole('textbox', { name: 'Template' }).fill('Tere {{Name}}!');
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview).toContainText('Tere Jüri Õun!');
  await expect(preview).toContainText('+37251234570'); // the ragged row is still a recipient
});
