// The command line and the app are one core: the same file and settings give the same campaign
// whichever face made it, the balance check refuses in both, and a campaign remembers where it was
// sent so that `report` straight after `send` needs no flags and has fresh statuses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { importRecipients } from '../../shared/import';
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import { callerOf } from '../handlers/test-support';
import { startSimulator, type RunningSimulator } from '../simulator';
import { omnicast } from './test-run';

const USER = 'cli-core';
const PASSWORD = 'cli-core-pw-42';
const env = { MESSENTE_USERNAME: USER, MESSENTE_PASSWORD: PASSWORD };
const CSV = 'name;phone\nAnna;2123 4567\nBad;12\nPeeter;+372 5123 4567\nAnna again;21234567\nÕie;2765 4321\n';

let sim: RunningSimulator | undefined;
let core: Core | undefined;
let dir: string | undefined;
afterEach(async () => {
  await core?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  core = sim = dir = undefined;
});
const call = callerOf(() => core);

async function prepare(balanceEur = 100): Promise<{ dataDir: string }> {
  sim = await startSimulator({ port: 0, username: USER, password: PASSWORD, balanceEur, statusDelayMs: 0 });
  dir = mkdtempSync(join(tmpdir(), 'omnicast-cli-core-'));
  writeFileSync(join(dir, 'people.csv'), CSV);
  return { dataDir: join(dir, 'data') };
}

/** The app's Settings for a live account whose Messente is the simulator, and a price list. */
async function appSettings(dataDir: string): Promise<void> {
  core = await createCore({
    dataDir,
    platform: { offerExport: async () => ({ kind: 'cancelled' }) },
    version: 't',
    credentials: createMemoryStore(),
  });
  await call('settings.update', {
    testMode: false,
    apiUrl: sim!.apiUrl,
    defaultCountry: 'LV',
    defaultAutoconvert: 'off',
    defaultRate: 40,
  });
  await call('prices.import', { csv: 'country,price\nLV,0.045\nEE,0.06\n', fileName: 'prices.csv' });
}

const messageFields = `row, recipient, raw_phone, state = 'skipped' AS skipped, skip_reason, text, encoding,
  segments, cost_min_micros, cost_max_micros`;

describe('omnicast and the app, one core', () => {
  it('make the same campaign from the same file and settings: rows, states, predicted cost', async () => {
    const { dataDir } = await prepare();
    await appSettings(dataDir);
    const imported = importRecipients(new TextEncoder().encode(CSV), {
      fileName: 'people.csv',
      defaultCountry: 'LV',
    });
    if (!imported.ok) throw new Error(imported.error);
    const { id: appId } = await call('campaigns.create', {
      name: 'From the app',
      template: 'Tere {{name}}, see on Õie pood',
      sender: '',
      autoconvert: 'off',
      country: 'LV',
      columns: imported.result.header,
      phoneColumn: imported.result.phoneColumn,
      sourceFile: 'people.csv',
      headerRow: imported.result.headerRow,
    });
    await call('campaigns.addRecipients', { id: appId, recipients: imported.result.recipients });
    await core!.close();
    core = undefined;

    // No --country, --autoconvert, --rate or URL: the Settings decide, as in the app.
    const send = await omnicast(
      ['send', 'people.csv', '--template', 'Tere {{name}}, see on Õie pood', '--yes', '--data-dir', dataDir],
      dir,
      env,
    );
    expect(send.stderr).toContain(`To the custom API URL ${sim!.apiUrl} now: 3 messages, 2 rows skipped`);
    expect(send.code).toBe(0);
    const cliId = Number(send.stdout.trim().split('\n').at(-1));
    expect(
      sim!
        .accepted()
        .map((m) => m.to)
        .sort(),
    ).toEqual(['+37121234567', '+37127654321', '+37251234567']);

    core = await createCore({
      dataDir,
      platform: { offerExport: async () => ({ kind: 'cancelled' }) },
      version: 't',
      credentials: createMemoryStore(),
    });
    const app = await call('campaigns.get', { id: appId });
    const cli = await call('campaigns.get', { id: cliId });
    expect(cli).toMatchObject({ testMode: false, autoconvert: 'off', country: 'LV', rate: 40 });
    expect(cli.predictedCostMicros).toBe(app.predictedCostMicros);
    expect(cli.predictedCostMicros).toBe(2 * 45_000 + 60_000);
    expect(cli.counts).toMatchObject({ accepted: 3, skipped: 2 });
    expect(app.counts).toMatchObject({ queued: 3, skipped: 2 });
    const rows = (id: number) =>
      core!.db.prepare(`SELECT ${messageFields} FROM messages WHERE campaign_id = ? ORDER BY row`).all(id);
    expect(rows(cliId)).toEqual(rows(appId));
  });

  it('previews with the same Settings and saved prices as send: country, segment cap, cost', async () => {
    const { dataDir } = await prepare();
    await appSettings(dataDir);
    await call('settings.update', { maxSegments: 1 });
    await core!.close();
    core = undefined;
    const r = await omnicast(
      ['preview', 'people.csv', '--template', 'Tere {{name}}', '--format', 'jsonl', '--data-dir', dataDir],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { row?: number; to?: string | null; cost?: number | null });
    // A national number takes the Settings' country (LV), and its cost the saved LV price.
    expect(rows.find((l) => l.row === 2)).toMatchObject({ to: '+37121234567', cost: 0.045 });
    const table = await omnicast(
      ['preview', 'people.csv', '--template', 'Tere {{name}}', '--data-dir', dataDir],
      dir,
    );
    // A price in its real precision, as everywhere else: €0.045, not €0.0450.
    expect(table.stdout).toMatch(/^ +2 {2}\+37121234567 +GSM-7 +1 +€0\.045 {2}Tere Anna$/m);
    const long = await omnicast(
      ['preview', 'people.csv', '--template', `Tere {{name}} ${'x'.repeat(170)}`, '--data-dir', dataDir],
      dir,
    );
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('--max-segments');
  });

  it('refuses to send beyond the balance with one sentence, and sends with --ignore-balance', async () => {
    const { dataDir } = await prepare(0.1);
    await appSettings(dataDir);
    await core!.close();
    core = undefined;
    const args = ['send', 'people.csv', '--template', 'Tere {{name}}', '--yes', '--data-dir', dataDir];
    const refused = await omnicast(args, dir, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'nothing was sent: the predicted cost (up to €0.15) is more than the €0.10 left on the account',
    );
    expect(refused.stderr).toContain('balance €0.10 as of');
    expect(sim!.accepted()).toHaveLength(0);
    const listed = await omnicast(['campaigns', '--format', 'json', '--data-dir', dataDir], dir);
    expect(JSON.parse(listed.stdout)).toEqual([]);

    const sent = await omnicast([...args, '--ignore-balance'], dir, env);
    expect(sent.code).toBe(0);
    expect(sim!.accepted()).toHaveLength(3);
  });

  it('reports straight after send without repeating where it was sent, with fresh statuses', async () => {
    const { dataDir } = await prepare();
    const send = await omnicast(
      [
        'send',
        'people.csv',
        '--template',
        'Hi {{name}}',
        '--country',
        'LV',
        '--api-url',
        sim!.apiUrl,
        '--yes',
        '--data-dir',
        dataDir,
      ],
      dir,
      env,
    );
    expect(send.code).toBe(0);
    const id = send.stdout.trim().split('\n').at(-1)!;
    const report = await omnicast(['report', id, '--out', 'r.csv', '--data-dir', dataDir], dir, env);
    expect(report.stderr).toContain('Checked 3 messages');
    expect(report.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(join(dir!, 'r.csv'), 'utf8').replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data.filter((r) => r.status === 'accepted');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.delivery_status).toMatch(/^(DELIVRD|UNDELIV|FAILED|EXPIRED|REJECTD)$/);

    const stale = await omnicast(
      ['report', id, '--out', 'r2.csv', '--no-refresh', '--data-dir', dataDir],
      dir,
      env,
    );
    expect(stale.code).toBe(0);
  });
});
