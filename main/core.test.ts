import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { importRecipients } from '../shared/import';
import type { CampaignProgress } from '../shared/types';
import { createCore, type Core } from './core';
import { createMemoryStore } from './credentials/store';
import { memoryPlatform } from './testing/memory-platform';
import { callerOf } from './handlers/test-support';
import { tempDir } from './testing/temp-dir';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const call = callerOf(() => core);

const CSV = [
  'name,phone,city',
  'Mari,+372 5123 4567,Tallinn',
  'Jüri,5123 4568,Tartu',
  'Bad,12,Pärnu',
  'Mari again,0037251234567,Tallinn',
  '',
].join('\n');

describe('core in test mode', () => {
  it('imports, sends every valid row once through the simulator and exports the report', async () => {
    const dataDir = tempDir('omnicast-core');
    const exports: string[] = [];
    core = await createCore({
      dataDir,
      platform: memoryPlatform(exports),
      version: 'test',
      credentials: createMemoryStore(),
    });
    expect((await call('app.info', {})).testMode).toBe(true);

    const imported = importRecipients(new TextEncoder().encode(CSV), {
      fileName: 'customers.csv',
      defaultCountry: 'EE',
    });
    if (!imported.ok) throw new Error(imported.error);
    const { id } = await call('campaigns.create', {
      name: 'Test slice',
      template: 'Hi {{name}} from {{city}}!',
      sender: 'Shop',
      autoconvert: 'on',
      country: 'EE',
      columns: imported.result.header,
      phoneColumn: imported.result.phoneColumn,
      sourceFile: 'customers.csv',
    });
    expect(await call('campaigns.addRecipients', { id, recipients: imported.result.recipients })).toEqual({
      added: 4,
      total: 4,
    });

    const progress: CampaignProgress[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'campaign.progress') progress.push(payload);
    });
    await call('campaigns.start', { id, rate: 50 });
    const final = await core.sender.whenSettled(id);
    expect(final.status).toBe('completed');
    expect(final.counts.accepted).toBe(2);
    expect(final.counts.skipped).toBe(2);
    expect(progress.at(-1)?.status).toBe('completed');

    const { rows } = await call('campaigns.rows', { id, offset: 0, limit: 10 });
    expect(rows.map((r) => [r.row, r.state, r.to])).toEqual([
      [1, 'accepted', '+37251234567'],
      [2, 'accepted', '+37251234568'],
      [3, 'skipped', null],
      [4, 'skipped', '+37251234567'],
    ]);
    expect(rows[0]!.text).toBe('Hi Mari from Tallinn!');
    expect(rows[1]!.text).toBe('Hi Jüri from Tartu!');
    expect(rows[0]!.omnimessageId).toMatch(/^[0-9a-f-]{36}$/);

    const result = await call('reports.export', { id, failedOnly: false });
    expect(result).toMatchObject({ kind: 'saved', rows: 4 });
    const csv = exports[0]!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]!.slice(0, 6)).toEqual(['name', 'phone', 'city', 'omnicast_row', 'to', 'status']);
    expect(parsed).toHaveLength(5);
    const status = parsed[0]!.indexOf('status');
    const omnimessage = parsed[0]!.indexOf('omnimessage_id');
    expect(parsed.slice(1).map((r) => r[status])).toEqual(['accepted', 'accepted', 'skipped', 'skipped']);
    expect(parsed[1]![omnimessage]).toBe(rows[0]!.omnimessageId);
  });

  it('never keeps the API password in the data folder', async () => {
    const dataDir = tempDir('omnicast-core');
    core = await createCore({
      dataDir,
      platform: memoryPlatform([]),
      version: 'test',
      credentials: createMemoryStore(),
    });
    const password = 'pässwörd-that-must-not-leak-7f3a';
    expect(await call('credentials.save', { username: 'api-user', password })).toMatchObject({
      saved: true,
      username: 'api-user',
    });
    expect(JSON.stringify(await call('credentials.status', {}))).not.toContain(password);
    await core.close();
    core = undefined;
    for (const file of readdirSync(dataDir)) {
      expect(readFileSync(join(dataDir, file)).includes(Buffer.from(password)), file).toBe(false);
    }
  });
});
