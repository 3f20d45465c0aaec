// The printed link's secret must not outlive its one use: not in the browser's history, where anyone
// with the profile could read it, and not as a second way in. Checked in a real, persistent profile.
import { chromium, expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eChromiumPath } from './browser';
import { startHostProcess, type HostProcess } from './web-host-process';

/** Every row of every table of a SQLite file, as one string to search. */
function dumpDatabase(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    return tables
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all()))
      .join('\n');
  } finally {
    db.close();
  }
}

let root: string;
let host: HostProcess;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'omnicast-history-'));
  host = await startHostProcess(join(root, 'data'));
});

test.afterAll(async () => {
  await host?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the printed link opens the app once and leaves its secret out of the browser history', async () => {
  const profile = join(root, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: e2eChromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(host.link);
    await expect(page.getByRole('heading', { name: 'Campaigns', exact: true })).toBeVisible();
    expect(page.url()).toBe(`${host.origin}/`);

    // The link is spent: another browser (no session cookie) gets the way-in page.
    const other = await chromium.launch({
      executablePath: e2eChromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const stranger = await other.newPage();
      await stranger.goto(host.link);
      await expect(stranger.getByRole('heading', { name: 'Open Omnicast from its link' })).toBeVisible();
      await expect(stranger.getByRole('heading', { name: 'Campaigns', exact: true })).toHaveCount(0);
    } finally {
      await other.close();
    }
  } finally {
    // Closing the browser writes its history out to disk.
    await context.close();
  }

  const history = dumpDatabase(join(profile, 'Default', 'History'));
  // The visit itself is there (so the check below reads a real history), the secret is not.
  expect(history).toContain(`${host.origin}/`);
  expect(history).not.toContain(host.token);
});
