import { expect, type Page } from '@playwright/test';

/** Opens the web host started by global-setup (its one-time token URL) on the Campaigns screen. */
export async function openApp(page: Page): Promise<void> {
  const url = process.env.OMNICAST_E2E_URL;
  if (!url) throw new Error('global-setup did not start the web host');
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Campaigns', exact: true })).toBeVisible();
}
