// The wizard as someone using the keyboard meets it: focus lands on each step's heading, a dialog
// gives focus back to what opened it, throwing a draft away is asked first, a file without a
// recognisable phone column offers its columns, and test mode shows the moment it is switched.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkAccessibility } from './axe';
import { openApp } from './open-app';
import { saveScreenshot } from './screenshots';

const fixture = new URL('./fixtures/thin-slice.csv', import.meta.url).pathname;

/** Presses Tab until `target` has focus: proof that the keyboard reaches it, in page order. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()} in ${limit} presses`);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** A new campaign from the three-row fixture, on its Message step. */
async function toMessageStep(page: Page): Promise<void> {
  await openApp(page);
  await nav(page).getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Recipients file (CSV)').setInputFiles(fixture);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('3 ready');
  await page.getByRole('button', { name: 'Next: Message' }).click();
}

test('keyboard only: each step change focuses its heading, dialogs hand focus back', async ({ page }) => {
  await openApp(page);
  await nav(page).getByRole('button', { name: 'New campaign' }).focus();
  await page.keyboard.press('Enter');
  const recipientsHeading = page.getByRole('heading', { name: 'Recipients', exact: true });
  await expect(recipientsHeading).toBeVisible();
  // The first Tab stop of the wizard is not the button that throws the draft away.
  await page.getByRole('heading', { name: 'New campaign', exact: true }).click();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Discard draft' })).not.toBeFocused();

  // A file input cannot be filled by key presses here (the picker is the system's): set it directly.
  await page.getByLabel('Recipients file (CSV)').setInputFiles(fixture);
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('3 ready');
  await expect(page.getByText('In use: thin-slice.csv')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Next: Message' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Message', exact: true })).toBeFocused();

  await tabTo(page, page.getByRole('textbox', { name: 'Campaign name' }));
  await page.keyboard.type('Keyboard only');
  await tabTo(page, page.getByRole('textbox', { name: 'Template' }));
  await page.keyboard.type('Hi {{name}}');
  await tabTo(page, page.getByRole('button', { name: 'Next: Preview' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeFocused();

  const nextSend = page.getByRole('button', { name: 'Next: Send' });
  await expect(nextSend).toBeEnabled();
  await tabTo(page, nextSend);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Send', exact: true })).toBeFocused();

  // The send question: Escape answers "Back", and focus returns to the Send button.
  const send = page.getByRole('button', { name: 'Send 3 messages' });
  await tabTo(page, send);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Send 3 messages?' });
  await expect(confirm.getByRole('button', { name: 'Back' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(send).toBeFocused();

  // Back a step with the keyboard: the Preview heading again.
  await tabTo(page, page.getByRole('button', { name: 'Back', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeFocused();

  // Discarding asks first; Escape keeps the draft and focus returns to the button.
  const discard = page.getByRole('button', { name: 'Discard draft' });
  await tabTo(page, discard, 80);
  await page.keyboard.press('Enter');
  const question = page.getByRole('dialog', { name: 'Discard this draft?' });
  await expect(question).toContainText('"thin-slice.csv"');
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await checkAccessibility(page, 'Discard draft question');
  await saveScreenshot(page, 'confirm-discard');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(discard).toBeFocused();
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('Hi Mari');

  // Tab stays inside the question; Enter on its "Discard draft" throws the draft away.
  await page.keyboard.press('Enter');
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Discard draft' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Campaigns', exact: true })).toBeVisible();
});

test('a file with no recognisable phone column: choose the column, then continue', async ({ page }) => {
  await openApp(page);
  await nav(page).getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Recipients file (CSV)').setInputFiles({
    name: 'contacts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,reach me on,city\nMari,call after 5,Tallinn\nJüri,see card,Tartu\n'),
  });
  await expect(page.getByRole('alert')).toContainText(
    '"contacts.csv" has no column that looks like phone numbers (columns: name, reach me on, city). Choose the one that holds them under "Phone column".',
  );
  const phoneColumn = page.getByRole('combobox', { name: 'Phone column' });
  await expect(phoneColumn).toBeEnabled();
  await phoneColumn.selectOption({ label: 'reach me on' });
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('2 invalid');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(phoneColumn.locator('option:checked')).toHaveText(/^reach me on/);
});

test('test mode banner follows the switch in Settings without navigating', async ({ page }) => {
  await openApp(page);
  await nav(page).getByRole('button', { name: 'Settings' }).click();
  const banner = page.getByText('Test mode: nothing leaves this computer', { exact: true });
  const toggle = page.getByRole('checkbox', { name: 'Test mode' });
  await expect(toggle).toBeChecked();
  await expect(banner).toBeVisible();
  try {
    await toggle.uncheck();
    await expect(banner).toHaveCount(0);
    await toggle.check();
    await expect(banner).toBeVisible();
  } finally {
    // The other tests send in test mode: leave it on whatever happened here.
    if (!(await toggle.isChecked())) await toggle.check();
  }
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
});

test('row detail: the message as the phone shows it, split into segments, with its cost', async ({
  page,
}) => {
  await toMessageStep(page);
  await page.getByRole('textbox', { name: 'Campaign name' }).fill('Row detail');
  await page
    .getByRole('textbox', { name: 'Template' })
    .fill('Hi {{name}}, we’re open until 8 today in {{city}}. Bring your card for the autumn discount ✓');
  await page.getByRole('radiogroup', { name: 'Autoconvert' }).getByRole('radio', { name: 'Off' }).check();
  await page.getByRole('button', { name: 'Next: Preview' }).click();
  await expect(page.getByRole('button', { name: 'Next: Send' })).toBeEnabled();

  // Keyboard: the row's button opens it, Escape closes it and focus is back on that row.
  const row3 = page.getByRole('button', { name: 'Row 3: details' });
  await row3.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: 'Row 3: +37251234568' });
  await expect(detail).toContainText('Hi Jüri, we’re open until 8 today in Tartu.');
  await expect(detail).toContainText('Segment 1 of 2, 67 characters');
  await expect(detail).toContainText('Segment 2 of 2');
  await expect(detail).toContainText('’ (U+2019): autoconvert On would send');
  await expect(detail).toContainText('✓ (U+2713)');
  await expect(detail).toContainText('Price:');
  await checkAccessibility(page, 'Row detail');
  await saveScreenshot(page, 'row-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(row3).toBeFocused();

  // A click anywhere on a row opens it too.
  await page.getByRole('table', { name: 'Preview' }).getByText('Hi Mari, we’re open').click();
  await expect(page.getByRole('dialog', { name: 'Row 2: +37251234567' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('saved templates: replacing typed text is asked first, deleting too, and focus comes back', async ({
  page,
}) => {
  await toMessageStep(page);
  const template = page.getByRole('textbox', { name: 'Template' });
  const name = `Opening hours ${Date.now()}`;
  await template.fill('Hi {{name}}, we open at 9.');
  await page.getByRole('textbox', { name: 'Save as' }).fill(name);
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText(`Saved “${name}”.`)).toBeVisible();

  // New text, typed and not saved: choosing the template asks; Escape keeps the text.
  await template.fill('Something I typed');
  const picker = page.getByRole('combobox', { name: 'Saved templates' });
  await picker.focus();
  await picker.selectOption({ label: name });
  const replace = page.getByRole('dialog', { name: 'Replace your message?' });
  await expect(replace.getByRole('button', { name: 'Keep my text' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(replace).toHaveCount(0);
  await expect(template).toHaveValue('Something I typed');
  await expect(picker).toBeFocused();
  await picker.selectOption({ label: name });
  await replace.getByRole('button', { name: 'Replace message' }).click();
  await expect(template).toHaveValue('Hi {{name}}, we open at 9.');

  // Deleting asks; keeping it hands focus back to the button.
  const remove = page.getByRole('button', { name: 'Delete template' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('dialog', { name: `Delete the template “${name}”?` });
  await expect(question.getByRole('button', { name: 'Keep template' })).toBeFocused();
  await checkAccessibility(page, 'Delete template question');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await question.getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByText(`Deleted “${name}”.`)).toBeVisible();
  await expect(picker.getByRole('option', { name })).toHaveCount(0);
  // It was the only one: the emptied picker is disabled, so focus goes to the field that saves one.
  await expect(picker).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Save as' })).toBeFocused();
  await expect(template).toHaveValue('Hi {{name}}, we open at 9.');
});
