import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

// Screenshots of each screen, light and dark, land in an ignored folder; the README's two are
// copied from here into docs/screenshots when the screens change.
const folder = new URL('./screenshots/', import.meta.url).pathname;

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Transitions finished: a progress bar caught mid-way would contradict its own percentage.
    await page.screenshot({ path: `${folder}${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
