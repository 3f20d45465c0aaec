// The thin slice as an operator clicks it, in test mode: pick a CSV, check the phone column, write a
// template, preview, send, watch it finish, export the delivery report, and read that file back.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { openApp as open } from './open-app';
import { saveScreenshot } from './screenshots';

const fixture = new URL('./fixtures/thin-slice.csv', import.meta.url).pathname;

test('import, preview, send in test mode and export the delivery report', async ({ page }) => {
  await open(page);
  await expect(page.getByText('Test mode: nothing leaves this computer')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New campaign' }).click();

  // 1. Recipients
  await expect(page.getByRole('heading', { name: 'Recipients', exact: true })).toBeVisible();
  await page.getByLabel('Recipients file (CSV)').setInputFiles(fixture);
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('3 ready');
  await expect(report).toContainText('1 invalid');
  await expect(report).toContainText('1 duplicate');
  await expect(page.getByRole('combobox', { name: 'Phone column' })).toHaveValue(/phone|1/);
  await page.getByRole('button', { name: 'Next: Message' }).click();

  // 2. Message
  await expect(page.getByRole('heading', { name: 'Message', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Campaign name' }).fill('Spring reminder');
  await page.getByRole('textbox', { name: 'Template' }).fill('Hi {{name}}, see you in {{city}}!');
  await expect(page.getByText(/GSM-7 · \d+ characters · 1 segment/)).toBeVisible();
  await page.getByRole('button', { name: 'Next: Preview' }).click();

  // 3. Preview
  await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeVisible();
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview).toContainText('+37251234567');
  await expect(preview).toContainText('Hi Jüri, see you in Tartu!');
  await expect(preview).toContainText('GSM-7');
  await saveScreenshot(page, 'preview');
  await page.getByRole('button', { name: 'Next: Send' }).click();

  // 4. Send
  await expect(page.getByRole('heading', { name: 'Send', exact: true })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Sending speed (messages per second)' }).fill('20');
  await page.getByRole('button', { name: 'Send 3 messages' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('3');
  await confirm.getByRole('button', { name: 'Send now' }).click();

  // Report: live progress, then the result
  await expect(page.getByRole('heading', { name: 'Spring reminder', exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Campaign status' })).toContainText('completed', {
    timeout: 30_000,
  });
  await saveScreenshot(page, 'report');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export delivery report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  expect(rows.map((r) => [r.name, r.to, r.status])).toEqual([
    ['Mari', '+37251234567', 'accepted'],
    ['Jüri', '+37251234568', 'accepted'],
    ['Anne', '+37251234569', 'accepted'],
    ['Bad', '', 'skipped'],
    ['Mari again', '+37251234567', 'skipped'],
  ]);
  for (const row of rows.slice(0, 3)) {
    expect(row.omnimessage_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.message_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.encoding).toBe('GSM-7');
    expect(row.segments).toBe('1');
  }
  expect(rows[1]?.text).toBe('Hi Jüri, see you in Tartu!');

  // The campaign is listed on the home screen with its status.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Campaigns' }).click();
  const list = page.getByRole('table', { name: 'Campaigns' });
  await expect(list).toContainText('Spring reminder');
  await expect(list).toContainText('completed');
  await saveScreenshot(page, 'campaigns');
});
