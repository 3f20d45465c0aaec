import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium';

const OWN = '/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
const search = (files: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') => ({
  env,
  platform,
  playwrightChromium: OWN,
  exists: (path: string) => files.includes(path),
});

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and says so when it names nothing', () => {
    expect(findChromium(search([OWN, '/opt/c'], { CHROMIUM_PATH: '/opt/c' }))).toEqual({
      ok: true,
      executablePath: '/opt/c',
      source: 'CHROMIUM_PATH',
    });
    expect(findChromium(search([OWN], { CHROMIUM_PATH: '/opt/none' }))).toEqual({
      ok: false,
      message: 'CHROMIUM_PATH names /opt/none, which does not exist.',
    });
  });

  it("prefers Playwright's own Chromium to one on PATH", () => {
    const found = findChromium(search([OWN, '/usr/bin/chromium'], { PATH: '/usr/bin' }));
    expect(found).toEqual({ ok: true, executablePath: undefined, source: "Playwright's Chromium" });
  });

  it('finds a system Chromium or Chrome on PATH, in PATH order', () => {
    const path = ['/usr/local/bin', '/usr/bin'].join(delimiter);
    expect(
      findChromium(search(['/usr/bin/chromium', '/usr/local/bin/google-chrome'], { PATH: path })),
    ).toEqual({
      ok: true,
      executablePath: '/usr/local/bin/google-chrome',
      source: 'PATH',
    });
    const win = join('tools', 'Chromium');
    expect(findChromium(search([join(win, 'chrome.exe')], { PATH: win }, 'win32'))).toMatchObject({
      executablePath: join(win, 'chrome.exe'),
    });
  });

  it('names every way to get one when there is none', () => {
    const found = findChromium(search([], { PATH: '/usr/bin' }));
    expect(found).toEqual({ ok: false, message: NO_CHROMIUM_MESSAGE });
    expect(NO_CHROMIUM_MESSAGE).toContain('npx playwright install chromium');
    expect(NO_CHROMIUM_MESSAGE).toContain('apt-get install');
  });
});
