import { chromium } from '@playwright/test';
import { findChromium, type ChromiumChoice } from '../scripts/find-chromium';

/** The Chromium the end-to-end tests drive (executablePath undefined: Playwright's own). */
export function e2eChromium(): ChromiumChoice {
  return findChromium({
    env: process.env,
    platform: process.platform,
    playwrightChromium: chromium.executablePath(),
  });
}

/** The executable to launch; throws the message saying how to get a browser when there is none. */
export function e2eChromiumPath(): string | undefined {
  const found = e2eChromium();
  if (!found.ok) throw new Error(found.message);
  return found.executablePath;
}
