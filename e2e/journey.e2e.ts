// The whole journey as an operator clicks it, finding every control by role and accessible
// name. A messy CSV (BOM, two phone-like columns, empty names, a quoted note with commas and doubled
// quotes, a blank line, a duplicate, a typo) becomes a campaign with a fallback merge field and a
// curly apostrophe; it is previewed with filters, sent in test mode at 2 messages/s so it can be
// paused and resumed (after a test message to the operator's number), its delivery statuses are
// refreshed as a background job, the report exported and failed rows retried.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { checkAccessibility } from './axe';
import { openApp } from './open-app';
import { saveScreenshot } from './screenshots';

const fixture = new URL('./fixtures/journey-utf8-bom.csv', import.meta.url).pathname;
const TEMPLATE = 'Hi {{Name|there}}, we’re open until 8 today. {{Note|See you soon!}}';

/** "40%: 4 of 12 messages" from the progress bar's accessible value. */
async function sentSoFar(page: Page): Promise<number> {
  const text = await page
    .getByRole('progressbar', { name: 'Sending progress' })
    .getAttribute('aria-valuetext');
  const match = /: ([\d,]+) of/.exec(text ?? '');
  if (!match?.[1]) throw new Error(`unexpected progress text: ${text}`);
  return Number(match[1].replace(/,/g, ''));
}

test('messy CSV to delivered, paused and resumed, exported and retried', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New campaign' }).click();

  // 1. Recipients: the file, then the right phone column.
  await expect(page.getByRole('heading', { name: 'Recipients', exact: true })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Recipients file (CSV)' }).click();
  await (await choosing).setFiles(fixture);
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('14 rows in total');
  const phoneColumn = page.getByRole('combobox', { name: 'Phone column' });
  await phoneColumn.selectOption({ label: 'Mobile' });
  await expect(phoneColumn.locator('option:checked')).toHaveText('Mobile');
  await expect(report).toContainText('12 ready');
  await expect(report).toContainText('1 invalid');
  await expect(report).toContainText('1 duplicate');
  await expect(report).toContainText('1 blank line skipped');
  await expect(report.getByRole('table', { name: 'Rejected rows' })).toContainText('Same number as row 2');
  await saveScreenshot(page, 'journey-1-recipients');
  await page.getByRole('button', { name: 'Next: Message' }).click();

  // 2. Message: a fallback, a curly apostrophe marked as UCS-2, autoconvert Off then On.
  await expect(page.getByRole('heading', { name: 'Message', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Campaign name' }).fill('Opening hours');
  await page.getByRole('textbox', { name: 'Template' }).fill(TEMPLATE);
  await expect(page.getByText('Characters forcing UCS-2 (Unicode):')).toContainText(
    '’ (U+2019) at line 1, column 22',
  );
  const autoconvert = page.getByRole('radiogroup', { name: 'Autoconvert' });
  await autoconvert.getByRole('radio', { name: 'Off' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'characters' })).toContainText(
    /^UCS-2 \(Unicode\) · /,
  );
  await expect(page.getByText('As sent with autoconvert')).toHaveCount(0);
  await autoconvert.getByRole('radio', { name: 'On' }).check();
  await expect(page.getByText('As sent with autoconvert: GSM-7 · ')).toBeVisible();
  await saveScreenshot(page, 'journey-2-message');
  await page.getByRole('button', { name: 'Next: Preview' }).click();

  // 3. Preview with each filter.
  await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeVisible();
  const preview = page.getByRole('table', { name: 'Preview' });
  const shown = page.getByRole('status').filter({ hasText: /of 14 rows/ });
  await expect(shown).toHaveText('14 of 14 rows');
  await expect(preview).toContainText('Hi there, we');
  await expect(preview).toContainText('Hi Jüri, we');
  const problems = page.getByRole('checkbox', { name: 'Problems only' });
  const ucs2 = page.getByRole('checkbox', { name: 'UCS-2 only' });
  const multi = page.getByRole('checkbox', { name: 'More than one segment' });
  await problems.check();
  // The duplicate, the typo, and the long note that costs an extra segment.
  await expect(shown).toHaveText('3 of 14 rows');
  await expect(preview).toContainText('+1 segment');
  await expect(preview).toContainText('Not sent: Same number as row 2');
  await expect(preview).toContainText('Not sent: Too short');
  await saveScreenshot(page, 'journey-3-preview-problems');
  await problems.uncheck();
  await ucs2.check();
  await expect(shown).toHaveText('1 of 14 rows');
  await expect(preview).toContainText('Hi Zoë');
  await ucs2.uncheck();
  await multi.check();
  await expect(shown).toHaveText('1 of 14 rows');
  await expect(preview).toContainText('Your order #1007 is ready');
  await multi.uncheck();
  await expect(shown).toHaveText('14 of 14 rows');
  await page.getByRole('button', { name: 'Next: Send' }).click();

  // 4. Send at 2 messages/s: slow enough to pause.
  await expect(page.getByRole('heading', { name: 'Send', exact: true })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Sending speed (messages per second)' }).fill('2');
  // The test message first: in test mode the in-process simulator accepts it.
  await page.getByRole('textbox', { name: 'Your number' }).fill('5123 4567');
  await page.getByRole('button', { name: 'Send a test to my number' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Test message / })).toHaveText(
    /^Test message accepted by Messente for \+37251234567 \(omnimessage [^)]+\): check your phone\.$/,
  );
  await saveScreenshot(page, 'journey-4-send');
  await page.getByRole('button', { name: 'Send 12 messages' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send 12 messages?' });
  await expect(confirm).toContainText(
    /^.*To the test simulator .*: 12 messages \(\d+ rows? skipped\), 13 segments/,
  );
  await expect(confirm).toContainText(/Balance: €[\d,.]+ \(as of \d\d:\d\d\)/);
  await saveScreenshot(page, 'journey-5-confirm');
  await confirm.getByRole('button', { name: 'Send now' }).click();

  // Report: pause, check that nothing more is sent, resume, finish.
  await expect(page.getByRole('heading', { name: 'Opening hours', exact: true })).toBeVisible();
  const status = page.getByRole('status', { name: 'Campaign status' });
  const controls = page.getByRole('group', { name: 'Campaign controls' });
  await expect(status).toContainText('sending');
  await controls.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toContainText('paused');
  const atPause = await sentSoFar(page);
  expect(atPause).toBeLessThan(12);
  await page.waitForTimeout(1_500); // three messages' worth at 2/s
  expect(await sentSoFar(page)).toBe(atPause);
  await saveScreenshot(page, 'journey-6-paused');
  // States the a11y suite's short campaign never shows: paused controls, then the full report below.
  await checkAccessibility(page, 'Report (paused)');
  await controls.getByRole('button', { name: 'Resume' }).click();
  await expect(status).toContainText('sending');
  await expect(status).toContainText('completed', { timeout: 20_000 });
  expect(await sentSoFar(page)).toBe(12);

  // Delivery statuses: a background refresh with a progress bar and Cancel, then the counts reload.
  // The simulator moves each message on every ~3 s: refresh until all are final.
  const chart = page.getByRole('figure', { name: 'Delivery status' });
  const refresh = page.getByRole('button', { name: 'Refresh statuses' });
  const refreshProgress = page.getByRole('progressbar', { name: 'Status refresh progress' });
  const refreshResult = page.getByRole('status', { name: 'Status refresh result' });
  await expect(async () => {
    await refresh.click();
    await expect(refreshResult).toHaveText(
      /^(Checked \d+ status(es)?: \d+ changed\.|Every delivery status is already final\.)$/,
      {
        timeout: 5_000,
      },
    );
    await expect(refreshProgress).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cancel refresh' })).toHaveCount(0);
    await expect(chart.getByRole('img', { name: /^DELIVRD: / })).toBeVisible({ timeout: 1_000 });
    await expect(chart.getByRole('img', { name: /^(ACK|PENDING|ACCEPTD): / })).toHaveCount(0, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000, intervals: [2_000] });
  await saveScreenshot(page, 'journey-7-report');
  await checkAccessibility(page, 'Report (delivery statuses, retry panel)');

  // Export: one row per recipient, statuses and the text as sent.
  const downloading = page.waitForEvent('download');
  await page
    .getByRole('group', { name: 'Delivery report' })
    .getByRole('button', { name: 'Export delivery report' })
    .click();
  const csv = readFileSync(await (await downloading).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(14);
  const accepted = rows.filter((r) => r.status === 'accepted');
  expect(accepted).toHaveLength(12);
  expect(rows.filter((r) => r.status === 'skipped').map((r) => r['Customer no'])).toEqual(['1013', '1014']);
  for (const row of accepted) {
    expect(row.delivery_status).toMatch(/^(DELIVRD|UNDELIV|FAILED|EXPIRED|REJECTD)$/);
    expect(row.Mobile).not.toBe('');
  }
  const byCustomer = new Map(rows.map((r) => [r['Customer no'], r]));
  expect(byCustomer.get('1002')?.text).toMatch(/^Hi there, we[’']re open until 8 today\. See you soon!$/);
  expect(byCustomer.get('1004')?.encoding).toBe('UCS-2');
  expect(byCustomer.get('1007')?.segments).toBe('2');
  expect(byCustomer.get('1009')?.Note).toBe('Bring "the blue" folder, please');
  const failed = accepted.filter((r) => r.delivery_status !== 'DELIVRD').length;

  // Retry failed: a new draft from the rows that did not get through, when there are any.
  const retry = page.getByRole('button', { name: 'Retry failed' });
  if (failed > 0) {
    await retry.click();
    await expect(page.getByRole('status').filter({ hasText: /^Draft campaign #\d+ created/ })).toBeVisible();
  } else {
    // Nothing failed: the panel stays, saying there is nothing to retry, with no button.
    await expect(retry).toHaveCount(0);
    await expect(page.getByRole('status', { name: 'Retry' })).toHaveText(/nothing to retry\.$/);
  }
  test.info().annotations.push({ type: 'delivery', description: `${failed} of 12 not delivered` });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Campaigns' }).click();
  const list = page.getByRole('table', { name: 'Campaigns' });
  const rowOf = (name: string | RegExp) =>
    list.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(rowOf('Opening hours')).toContainText('completed');
  if (failed > 0) {
    // The retry is a draft holding exactly the rows that were not delivered (third column: total).
    const draft = rowOf(/^Opening hours \(retry: /);
    await expect(draft).toContainText('draft');
    await expect(draft.getByRole('cell').nth(2)).toHaveText(String(failed));
  }
  await saveScreenshot(page, 'journey-8-campaigns');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await saveScreenshot(page, 'journey-9-settings');
});
