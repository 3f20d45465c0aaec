// Appointment reminders straight from the spreadsheet: the operator imports a clinic's appointment
// list, reads each row's time from its Appointment column (2 h before, quiet hours on), previews
// each row's delivery time, the problem groups and the messages per hour, sends to the simulator in
// test mode, and cancels two rows before their time. Keyboard reachable and checked with axe.
import { expect, test } from '@playwright/test';
import { checkAccessibility } from './axe';
import { clinicAppointmentsCsv } from './fixtures/clinic-appointments';
import { openApp } from './open-app';

// The operator's computer is in Tallinn: the zone the fields start with.
test.use({ timezoneId: 'Europe/Tallinn' });

test('a clinic sends each appointment reminder at its own time and takes two back', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New campaign' }).click();

  // 1. Recipients: the appointment list, then each row at its own time from "Appointment".
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Recipients file (CSV)' }).click();
  await (
    await choosing
  ).setFiles({
    name: 'clinic-appointments.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(clinicAppointmentsCsv(), 'utf8'),
  });
  await expect(page.getByRole('region', { name: 'Import report' })).toContainText('8 rows in total');
  const delivery = page.getByRole('group', { name: 'Delivery time' });
  await delivery
    .getByRole('combobox', { name: 'Send' })
    .selectOption({ label: 'Each at its own time, from column "Appointment"' });
  // Days of 12 or less cannot tell day-first from month-first: the operator is asked.
  const dayFirst = delivery.getByRole('radio', { name: /^Day first/ });
  if ((await dayFirst.count()) > 0) await dayFirst.check();
  await delivery.getByRole('combobox', { name: 'When' }).selectOption({ label: 'Some hours before it' });
  await delivery.getByRole('spinbutton', { name: 'Hours before' }).fill('2');
  await expect(delivery.getByRole('checkbox', { name: /Quiet hours/ })).toBeChecked();
  await expect(delivery.getByRole('combobox', { name: 'Your time zone' })).toHaveValue('Europe/Tallinn');
  await checkAccessibility(page, 'Recipients (delivery time)');
  await page.getByRole('button', { name: 'Next: Message' }).click();

  // 2. Message: the appointment's weekday and time in each recipient's language.
  await page.getByRole('textbox', { name: 'Campaign name' }).fill('Clinic reminders');
  await page
    .getByRole('textbox', { name: 'Template' })
    .fill('Tere {{Name}}! Teie aeg on {{Appointment|weekday}} kell {{Appointment|time}}. Kliinik');
  await page.getByRole('button', { name: 'Next: Preview' }).click();

  // 3. Preview: each row's delivery time, the problem groups, the hourly chart.
  await expect(page.getByRole('heading', { name: 'Preview', exact: true })).toBeVisible();
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('columnheader', { name: 'Delivery (Europe/Tallinn)' })).toBeVisible();
  // 09:00 minus 2 h is 07:00, inside the quiet hours: moved to their end, 08:00.
  const mari = preview.getByRole('row').filter({ hasText: 'Tere Mari Tamm' });
  await expect(mari).toContainText(', 08:00');
  await expect(mari).toContainText(/Teie aeg on \S+ kell 9:00/);
  await expect(preview.getByRole('row').filter({ hasText: 'Peeter Oja' })).toContainText('time past');
  await expect(preview.getByRole('row').filter({ hasText: 'Mart Lepp' })).toContainText('time unreadable');
  const past = page.getByRole('group', { name: '1 row has a delivery time already past' });
  const unreadable = page.getByRole('group', { name: '1 row has no time that can be read' });
  await expect(past).toBeVisible();
  await expect(unreadable).toBeVisible();
  await expect(page.getByRole('figure', { name: /Messages per hour \(Europe\/Tallinn\)/ })).toContainText(
    /the busiest hour is .*08:00 with 3 messages/,
  );
  await expect(page.getByText(/6 messages delivered at each row's own time, from/)).toBeVisible();

  // The row detail: the appointment, its zone, the delivery time and the quiet-hours move.
  await mari.getByRole('button', { name: /Row 2: details/ }).click();
  const detail = page.getByRole('dialog', { name: /Row 2/ });
  await expect(detail).toContainText('Europe/Tallinn (yours)');
  await expect(detail).toContainText('moved it out of the quiet hours');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  // Keyboard: Tab reaches the choices of a problem group; the arrows change it.
  const skipUnreadable = unreadable.getByRole('radio', { name: 'Skip them' });
  await page.getByRole('heading', { name: 'Preview', exact: true }).focus();
  for (let i = 0; i < 40 && !(await skipUnreadable.evaluate((el) => el.matches(':focus'))); i++)
    await page.keyboard.press('Tab');
  await expect(skipUnreadable).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(unreadable.getByRole('radio', { name: 'Send them now' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(skipUnreadable).toBeChecked();
  await checkAccessibility(page, 'Preview (delivery times)');
  await page.getByRole('button', { name: 'Next: Send' }).click();

  // 4. Send: the confirmation says each row's own time, not "now".
  await page.getByRole('button', { name: 'Send 6 messages' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send 6 messages?' });
  await expect(confirm).toContainText(/delivered at each row's own time, from .* to .* \(Europe\/Tallinn\)/);
  await confirm.getByRole('button', { name: 'Send for scheduled delivery' }).click();

  // Report: every row scheduled at its own time; the campaign scheduled until the last.
  await expect(page.getByRole('heading', { name: 'Clinic reminders', exact: true })).toBeVisible();
  await expect(page.getByText(/Each row delivered at its own time: scheduled until/)).toBeVisible({
    timeout: 30_000,
  });
  const recipients = page.getByRole('table', { name: 'Recipients' });
  await expect(recipients.getByRole('columnheader', { name: 'Delivery (Europe/Tallinn)' })).toBeVisible();
  await expect(recipients.getByRole('cell', { name: /· scheduled$/ })).toHaveCount(6, { timeout: 30_000 });

  // Two appointments are called off: their reminders are taken back before their time.
  const cancelRows = page.getByRole('region', { name: 'Cancel single rows before their time' });
  await cancelRows.getByRole('textbox', { name: "Rows (as in the table's Row column)" }).fill('3, 5');
  await cancelRows.getByRole('button', { name: 'Cancel these rows' }).click();
  await expect(cancelRows.getByRole('status')).toHaveText('2 cancelled before delivery.');
  await expect(recipients.getByRole('cell', { name: /· cancelled$/ })).toHaveCount(2);
  await expect(recipients.getByRole('cell', { name: /· scheduled$/ })).toHaveCount(4);
  await checkAccessibility(page, 'Report (per-row delivery)');
});
