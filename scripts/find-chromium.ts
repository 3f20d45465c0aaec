// Which Chromium the end-to-end tests and the UI benchmark drive: the one named by CHROMIUM_PATH,
// else Playwright's own (after `npx playwright install chromium`), else a Chromium or Chrome found
// on PATH. When there is none, one message says how to get one on each platform.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ChromiumSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Where Playwright's own Chromium is (or would be) installed. */
  playwrightChromium: string;
  exists?: (path: string) => boolean;
}

/** `{ executablePath: undefined }` means Playwright's own browser. */
export type ChromiumChoice =
  { ok: true; executablePath: string | undefined; source: string } | { ok: false; message: string };

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const NO_CHROMIUM_MESSAGE = [
  'No Chromium for the end-to-end tests. Any one of these will do:',
  "  Playwright's own, any platform:          npx playwright install chromium",
  '  the same with its libraries, Debian/Ubuntu: npx playwright install --with-deps chromium',
  '  a system Chromium or Chrome on PATH (Debian: sudo apt-get install chromium)',
  '  CHROMIUM_PATH set to a Chromium or Chrome executable.',
].join('\n');

export function findChromium(search: ChromiumSearch): ChromiumChoice {
  const exists = search.exists ?? existsSync;
  const named = search.env.CHROMIUM_PATH;
  if (named) {
    return exists(named)
      ? { ok: true, executablePath: named, source: 'CHROMIUM_PATH' }
      : { ok: false, message: `CHROMIUM_PATH names ${named}, which does not exist.` };
  }
  if (exists(search.playwrightChromium)) {
    return { ok: true, executablePath: undefined, source: "Playwright's Chromium" };
  }
  const extensions = search.platform === 'win32' ? ['.exe'] : [''];
  for (const dir of (search.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      for (const ext of extensions) {
        const candidate = join(dir, name + ext);
        if (exists(candidate)) return { ok: true, executablePath: candidate, source: 'PATH' };
      }
    }
  }
  return { ok: false, message: NO_CHROMIUM_MESSAGE };
}
