// Rows whose answer was lost end `unknown`, and only the operator decides about them. The
// CLI sends a campaign through a simulator that logs some messages and then drops the connection;
// the operator, in the app on the same data folder, marks one row as sent and queues the rest to go
// again; a resume then sends exactly those rows: checked against the simulator's own log.
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkAccessibility } from './axe';
import { openApp } from './open-app';
import { saveScreenshot } from './screenshots';

const CLI = 'dist/main/cli.cjs';
const PHONES = Array.from({ length: 8 }, (_, i) => `+3725100000${i + 1}`);

const tempDirs: string[] = [];
test.afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Simulator {
  api: string;
  legacy: string;
  child: ChildProcess;
}

async function simulator(log: string, faults: string[]): Promise<Simulator> {
  const child = spawn(process.execPath, [CLI, 'simulator', '--port', '0', '--log', log, ...faults], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const api = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { api, legacy: api.replace(/\/v1$/, ''), child };
}

function omnicast(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const dataDir = process.env.OMNICAST_E2E_DATA_DIR;
  if (!dataDir) throw new Error('global-setup did not create the data folder');
  const result = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    env: { ...process.env, MESSENTE_USERNAME: 'test', MESSENTE_PASSWORD: 'test' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Recipients in the simulator's log, in arrival order. */
const logged = (log: string): string[] =>
  readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => (JSON.parse(l) as { to: string }).to);

test('unknown rows: marked as sent in the app, the rest sent again by a resume, none twice by accident', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'omnicast-e2e-unknown-'));
  tempDirs.push(dir);
  const csv = join(dir, 'clinic.csv');
  writeFileSync(csv, `name,phone\n${PHONES.map((p, i) => `Patient ${i + 1},${p}`).join('\n')}\n`);

  // 1. Sent from the CLI; the simulator logs every message but drops some answers (seeded).
  const lossy = await simulator(join(dir, 'lossy.jsonl'), ['--drop-rate', '0.4', '--seed', '3']);
  let id: string;
  try {
    const sent = omnicast([
      'send',
      csv,
      '--template',
      'Hi {{name}}',
      '--rate',
      '20',
      '--name',
      'Lost answers',
      '--yes',
      '--api-url',
      lossy.api,
      '--legacy-url',
      lossy.legacy,
    ]);
    id = sent.stdout.trim().split('\n').at(-1)!;
    expect(sent.stderr).toContain(`decide with omnicast unknown ${id}`);
  } finally {
    lossy.child.kill();
  }
  expect(logged(join(dir, 'lossy.jsonl')).sort()).toEqual([...PHONES].sort());
  const listed = omnicast(['unknown', id]).stdout;
  const unknownRows = [...listed.matchAll(/^row (\d+) {2}(\+\d+)/gm)].map((m) => ({ row: m[1]!, to: m[2]! }));
  expect(unknownRows.length).toBeGreaterThanOrEqual(2);
  const [checked, ...again] = unknownRows;

  // 2. The app on the same data folder: the campaign, its unknown rows, the operator's decisions.
  await openApp(page);
  await page.getByRole('table', { name: 'Campaigns' }).getByRole('button', { name: 'Lost answers' }).click();
  const panel = page.getByRole('region', { name: /with an unknown outcome$/ });
  await expect(panel.getByRole('heading')).toHaveText(`${unknownRows.length} rows with an unknown outcome`);
  await checkAccessibility(page, 'Report (unknown rows)');
  await saveScreenshot(page, 'unknown-rows');
  await panel.getByRole('button', { name: 'Show unknown rows' }).click();
  const table = page.getByRole('table', { name: 'Recipients' });
  await expect(table.getByText(`${unknownRows.length} rows`)).toBeVisible();

  const rows = panel.getByRole('textbox', { name: 'Rows (as in the Row column)' });
  await rows.fill(checked!.row);
  await panel.getByRole('button', { name: 'Mark as sent…' }).click();
  await page
    .getByRole('dialog', { name: `Mark row ${checked!.row} as sent?` })
    .getByRole('button', { name: 'Mark as sent' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'marked as sent' })).toHaveText(
    '1 row(s) marked as sent: they count as accepted and are never sent again.',
  );
  await expect(panel.getByRole('heading')).toHaveText(
    `${again.length} row${again.length === 1 ? '' : 's'} with an unknown outcome`,
  );

  await rows.fill('all');
  await panel.getByRole('button', { name: 'Send again…' }).click();
  const dialog = page.getByRole('dialog', { name: /again\?$/ });
  await expect(dialog).toContainText('deliver them twice');
  await dialog.getByRole('button', { name: 'Send again' }).click();
  await expect(page.getByText(/queued to send again.*Press Resume to send them\./)).toBeVisible();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Campaign status' })).toContainText('paused');

  // 3. Resumed from the CLI through a simulator without faults: exactly the rows chosen to go again.
  const clean = await simulator(join(dir, 'clean.jsonl'), []);
  try {
    const resumed = omnicast(['resume', id, '--yes', '--api-url', clean.api, '--legacy-url', clean.legacy]);
    expect(resumed.code, resumed.stderr).toBe(0);
  } finally {
    clean.child.kill();
  }
  expect(logged(join(dir, 'clean.jsonl')).sort()).toEqual(again.map((r) => r.to).sort());

  // The report, opened again, reads the campaign afresh from the folder the CLI wrote to.
  await page.getByRole('button', { name: '← Campaigns' }).click();
  await page.getByRole('table', { name: 'Campaigns' }).getByRole('button', { name: 'Lost answers' }).click();
  await expect(page.getByRole('status', { name: 'Campaign status' })).toContainText('completed');
  await expect(page.getByRole('img', { name: 'accepted: 8 of 8 rows' })).toBeVisible();
  await expect(page.getByRole('region', { name: /with an unknown outcome$/ })).toHaveCount(0);
});
