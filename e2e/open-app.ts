import { expect, type Page } from '@playwright/test';

/** Opens the web host started by global-setup, with the session it set up, on the Campaigns screen. */
export async function openApp(page: Page): Promise<void> {
  const origin = process.env.OMNICAST_E2E_ORIGIN;
  const cookie = process.env.OMNICAST_E2E_COOKIE;
  if (!origin || !cookie) throw new Error('global-setup did not start the web host');
  const eq = cookie.indexOf('=');
  await page.context().addCookies([
    {
      name: cookie.slice(0, eq),
      value: cookie.slice(eq + 1),
      url: origin,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { name: 'Campaigns', exact: true })).toBeVisible();
}
