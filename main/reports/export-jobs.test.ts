import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../shared/contract';
import { createCore, type Core } from '../core';
import { createMemoryStore } from '../credentials/store';
import { openMemoryDatabase, type Db } from '../db/database';
import { insertCampaign } from '../db/queries/campaigns';
import { insertMessages, type NewMessage } from '../db/queries/messages';
import { UserError } from '../errors';
import { callerOf, draftWithRecipients } from '../handlers/test-support';
import { testDraft } from '../sender/test-support';
import { deliveryReport } from './delivery-report';
import { createFileExports, runExportJob } from './export-jobs';
import { tempDir as newTempDir } from '../testing/temp-dir';

type Tick = Omit<ExportProgress, 'exportId'>;

/** A campaign of `count` rows, every 7th failed: ~100 bytes a row, so 20 000 rows make ~8 chunks. */
function seed(db: Db, count: number): number {
  const id = insertCampaign(db, {
    name: 'Spring',
    testMode: true,
    ...testDraft(),
    sourceFile: 'spring.csv',
    rate: 10,
  });
  const messages: NewMessage[] = [];
  for (let row = 1; row <= count; row += 1) {
    const to = `+3725${String(row).padStart(7, '0')}`;
    messages.push({
      row,
      fields: [`Customer ${row}`, to],
      rawPhone: to,
      to,
      state: 'queued',
      skipReason: null,
      text: `Hi Customer ${row}, your appointment is tomorrow at 10:00.`,
      encoding: 'GSM-7',
      segments: 1,
      costMinMicros: 50_000,
      costMaxMicros: 50_000,
    });
  }
  insertMessages(db, id, messages);
  db.prepare(
    `UPDATE messages SET state = 'failed', error_code = '105' WHERE campaign_id = ? AND row % 7 = 0`,
  ).run(id);
  return id;
}

const tempDir = () => newTempDir('omnicast-export-job');

describe('runExportJob', () => {
  it('reports monotonic progress that ends at the counted total', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 20_000);
    const path = join(tempDir(), 'report.csv');
    const ticks: Tick[] = [];
    const result = await runExportJob(deliveryReport(db, id, false), path, {
      intervalMs: 0,
      onProgress: (t) => ticks.push(t),
    });
    expect(result).toEqual({ kind: 'saved', path, rows: 20_000 });
    // The bar appears before the rows are counted, then learns the total.
    expect(ticks.slice(0, 2)).toEqual([
      { rows: 0, total: null, done: false, cancelled: false },
      { rows: 0, total: 20_000, done: false, cancelled: false },
    ]);
    expect(ticks.at(-1)).toEqual({ rows: 20_000, total: 20_000, done: true, cancelled: false });
    expect(ticks.length).toBeGreaterThan(4);
    for (let i = 1; i < ticks.length; i += 1)
      expect(ticks[i]!.rows).toBeGreaterThanOrEqual(ticks[i - 1]!.rows);
    expect(ticks.filter((t) => t.done)).toHaveLength(1);
    // The header and one CRLF-terminated line per row; the hidden partial file was renamed away.
    expect(readFileSync(path, 'utf8').split('\r\n')).toHaveLength(20_002);
    expect(readdirSync(join(path, '..'))).toEqual(['report.csv']);
  });

  it('counts only the failed rows for a failed-only export', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 700);
    const ticks: Tick[] = [];
    const result = await runExportJob(deliveryReport(db, id, true), join(tempDir(), 'f.csv'), {
      onProgress: (t) => ticks.push(t),
    });
    expect(result).toMatchObject({ kind: 'saved', rows: 100 });
    expect(ticks[1]?.total).toBe(100);
  });

  it('reports at most once per interval, besides the first and the last', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 20_000);
    const ticks: Tick[] = [];
    // A clock that never moves: no interval ever passes, so only the start (before and after the
    // count) and the end go out.
    await runExportJob(deliveryReport(db, id, false), join(tempDir(), 'r.csv'), {
      now: () => 1_000,
      onProgress: (t) => ticks.push(t),
    });
    expect(ticks.map((t) => [t.rows, t.total])).toEqual([
      [0, null],
      [0, 20_000],
      [20_000, 20_000],
    ]);
  });

  it('fails with a message that names the file and what to do, and leaves no file', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 50);
    const dir = tempDir();
    const path = join(dir, 'missing folder', 'r.csv');
    const ticks: Tick[] = [];
    const job = runExportJob(deliveryReport(db, id, false), path, { onProgress: (t) => ticks.push(t) });
    await expect(job).rejects.toBeInstanceOf(UserError);
    await expect(job).rejects.toThrow(
      `Could not write ${path} (the folder does not exist). No file was saved. Choose another folder`,
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(ticks.at(-1)).toMatchObject({ done: true, cancelled: false });
  });
});

describe('createFileExports', () => {
  it('cancels a running export by id: the partial file is removed and the result says cancelled', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 20_000);
    const dir = tempDir();
    const exports = createFileExports({ intervalMs: 0 });
    const ticks: Tick[] = [];
    let cancelAnswer: boolean | undefined;
    const result = await exports.run(deliveryReport(db, id, false), join(dir, 'r.csv'), {
      exportId: 'job-0001',
      onProgress: (t) => {
        ticks.push(t);
        if (t.rows > 0 && cancelAnswer === undefined) cancelAnswer = exports.cancel('job-0001');
      },
    });
    expect(result).toEqual({ kind: 'cancelled' });
    expect(cancelAnswer).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    const last = ticks.at(-1)!;
    expect(last).toMatchObject({ done: true, cancelled: true, total: 20_000 });
    expect(last.rows).toBeLessThan(20_000);
    // Finished jobs are forgotten: cancelling again finds nothing.
    expect(exports.cancel('job-0001')).toBe(false);
  });

  it('leaves the file it would have replaced untouched when cancelled', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 20_000);
    const path = join(tempDir(), 'r.csv');
    writeFileSync(path, 'last month');
    const exports = createFileExports({ intervalMs: 0 });
    const result = await exports.run(deliveryReport(db, id, false), path, {
      exportId: 'job-0002',
      onProgress: (t) => t.rows > 0 && exports.cancel('job-0002'),
    });
    expect(result.kind).toBe('cancelled');
    expect(readFileSync(path, 'utf8')).toBe('last month');
    expect(readdirSync(join(path, '..'))).toEqual(['r.csv']);
  });

  it('cancelAll stops every running export, with or without an id, once their files are gone', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 20_000);
    const dir = tempDir();
    const exports = createFileExports({ intervalMs: 0 });
    const writing: Promise<void>[] = [];
    const start = (name: string, exportId?: string) => {
      let began!: () => void;
      writing.push(new Promise((resolve) => (began = resolve)));
      return exports.run(deliveryReport(db, id, false), join(dir, name), {
        ...(exportId === undefined ? {} : { exportId }),
        onProgress: (t) => t.rows > 0 && began(),
      });
    };
    const results = [start('a.csv', 'job-0003'), start('b.csv')];
    await Promise.all(writing);
    await exports.cancelAll();
    // Resolved only after both jobs removed their hidden partial files.
    expect(readdirSync(dir)).toEqual([]);
    expect(await Promise.all(results)).toEqual([{ kind: 'cancelled' }, { kind: 'cancelled' }]);
    expect(exports.cancel('job-0003')).toBe(false);
    await exports.cancelAll();
  });

  it('refuses a second export under a running id', async () => {
    const db = openMemoryDatabase();
    const id = seed(db, 5_000);
    const dir = tempDir();
    const exports = createFileExports();
    const first = exports.run(deliveryReport(db, id, false), join(dir, 'a.csv'), { exportId: 'same-id-1' });
    await expect(
      exports.run(deliveryReport(db, id, false), join(dir, 'b.csv'), { exportId: 'same-id-1' }),
    ).rejects.toThrow('already running');
    expect(await first).toMatchObject({ kind: 'saved', rows: 5_000 });
  });
});

describe('reports.export and reports.cancelExport through dispatch', () => {
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });
  const call = callerOf(() => core);

  /** The desktop platform minus its save dialog: the "chosen" file is out/report.csv. */
  async function desktopCore(): Promise<{ out: string }> {
    const dir = tempDir();
    const out = join(dir, 'out');
    const exports = createFileExports({ intervalMs: 0 });
    core = await createCore({
      dataDir: join(dir, 'data'),
      platform: {
        offerExport: (source, options) => exports.run(source, join(out, 'report.csv'), options),
        cancelExport: (exportId) => exports.cancel(exportId),
        close: () => exports.cancelAll(),
      },
      version: 't',
      credentials: createMemoryStore(),
    });
    mkdirSync(out);
    return { out };
  }

  const phones = (n: number) => Array.from({ length: n }, (_, i) => `+3725${String(i).padStart(7, '0')}`);

  function progressOf(exportId: string): ExportProgress[] {
    const seen: ExportProgress[] = [];
    core!.events.subscribe((name, payload) => {
      if (name === 'export.progress' && payload.exportId === exportId) seen.push(payload);
    });
    return seen;
  }

  it('saves the report and emits export.progress events ending at the total', async () => {
    const { out } = await desktopCore();
    const id = await draftWithRecipients(call, 'Spring', phones(3_000));
    const seen = progressOf('ui-export-1');
    const result = await call('reports.export', { id, failedOnly: false, exportId: 'ui-export-1' });
    expect(result).toEqual({ kind: 'saved', path: join(out, 'report.csv'), rows: 3_000 });
    expect(seen[0]).toMatchObject({ rows: 0, total: null, done: false });
    expect(seen[1]).toMatchObject({ rows: 0, total: 3_000, done: false });
    expect(seen.at(-1)).toEqual({
      exportId: 'ui-export-1',
      rows: 3_000,
      total: 3_000,
      done: true,
      cancelled: false,
    });
  });

  it('cancels on reports.cancelExport and leaves no file', async () => {
    const { out } = await desktopCore();
    const id = await draftWithRecipients(call, 'Spring', phones(10_000));
    const seen = progressOf('ui-export-2');
    let answer: Promise<{ cancelled: boolean }> | undefined;
    core!.events.subscribe((name, payload) => {
      if (name === 'export.progress' && payload.rows > 0 && !answer) {
        answer = call('reports.cancelExport', { exportId: 'ui-export-2' });
      }
    });
    const result = await call('reports.export', { id, failedOnly: false, exportId: 'ui-export-2' });
    expect(result).toEqual({ kind: 'cancelled' });
    expect(await answer).toEqual({ cancelled: true });
    expect(seen.at(-1)).toMatchObject({ done: true, cancelled: true });
    expect(readdirSync(out)).toEqual([]);
    expect(await call('reports.cancelExport', { exportId: 'ui-export-2' })).toEqual({ cancelled: false });
  });

  it('quitting mid-export stops it before the database closes and leaves no file', async () => {
    const { out } = await desktopCore();
    const id = await draftWithRecipients(call, 'Spring', phones(10_000));
    const seen = progressOf('ui-export-3');
    const started = new Promise<void>((resolve) =>
      core!.events.subscribe((name, payload) => {
        if (name === 'export.progress' && payload.rows > 0) resolve();
      }),
    );
    const result = call('reports.export', { id, failedOnly: false, exportId: 'ui-export-3' });
    await started;
    await core!.close();
    core = undefined;
    expect(await result).toEqual({ kind: 'cancelled' });
    expect(seen.at(-1)).toMatchObject({ done: true, cancelled: true });
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an export id that is not a short plain string', async () => {
    await desktopCore();
    await expect(call('reports.cancelExport', { exportId: '../../etc' })).rejects.toThrow(
      'invalid_arguments',
    );
    await expect(call('reports.export', { id: 1, failedOnly: false, exportId: 'x' })).rejects.toThrow(
      'invalid_arguments',
    );
  });
});
