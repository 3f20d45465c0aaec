// Whole campaigns, in test mode and against a simulator standing in for Messente with a known
// password; then every file of the data folder (database, WAL, SHM, while open and after close),
// every export and every captured log line is searched for the password in each form it travels in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from './core';
import { createMemoryStore } from './credentials/store';
import { startSimulator } from './simulator';
import { callerOf, draftWithRecipients } from './handlers/test-support';
import { closeAfterEach } from './testing/close-after-each';
import { memoryPlatform } from './testing/memory-platform';
import { tempDir } from './testing/temp-dir';

const USER = 'leak-check-user';
const PASSWORD = 'Pässw0rd+must/not=leak-4c1d';
const FORMS = [
  PASSWORD,
  encodeURIComponent(PASSWORD),
  Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
  Buffer.from(PASSWORD).toString('base64'),
];

const closeLater = closeAfterEach();
afterEach(() => {
  vi.restoreAllMocks();
});

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

function expectNoPassword(where: string, content: string | Buffer): void {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (const form of FORMS) {
    expect(bytes.includes(Buffer.from(form)), `${where} holds the password as ${form.slice(0, 4)}…`).toBe(
      false,
    );
    // SQLite may hold text as UTF-16 too.
    expect(bytes.includes(Buffer.from(form, 'utf16le')), `${where} holds the password (UTF-16)`).toBe(false);
  }
}

async function runCampaign(testMode: boolean) {
  const dataDir = tempDir('omnicast-leak');
  const exports: string[] = [];
  const logs: string[] = [];
  // Everything the app could print goes through console or the dispatch error log.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logs.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    });
  }
  const sim = closeLater(
    await startSimulator({ port: 0, username: USER, password: PASSWORD, statusDelayMs: 50 }),
  );
  const core = closeLater(
    await createCore({
      dataDir,
      platform: memoryPlatform(exports),
      version: 't',
      credentials: createMemoryStore(),
      legacyUrl: sim.legacyUrl,
    }),
  );
  const call = callerOf(() => core, {
    logError: (n, e) => logs.push(`${n}: ${e instanceof Error ? `${e.message}\n${e.stack}` : String(e)}`),
  });
  await call('credentials.save', { username: USER, password: PASSWORD });
  await call('settings.update', { testMode, apiUrl: sim.apiUrl });
  await call('credentials.test', {});
  await call('prices.fetch', {});
  await call('optOuts.add', { phones: ['+37259999999'], defaultCountry: 'EE' });
  await call('optOuts.sync', {});
  const id = await draftWithRecipients(call, 'Leak check', ['+37251234567', '+37251234568', '+37251234569']);
  await call('campaigns.start', { id, rate: 20 });
  const final = await core.sender.whenSettled(id);
  await new Promise((r) => setTimeout(r, 150));
  await call('campaigns.refreshStatuses', { id });
  await call('reports.export', { id, failedOnly: false });
  await call('optOuts.export', {});
  // While open: the WAL and SHM files hold the latest writes.
  const openFiles = allFiles(dataDir);
  for (const file of openFiles) expectNoPassword(file, readFileSync(file));
  await closeLater.now(core);
  for (const file of allFiles(dataDir)) expectNoPassword(file, readFileSync(file));
  exports.forEach((text, i) => expectNoPassword(`export ${i}`, text));
  logs.forEach((line, i) => expectNoPassword(`log line ${i}`, line));
  return { final, openFiles, exports, sentToSimulator: sim.accepted().length };
}

describe('the API password never leaks', () => {
  it('in test mode', async () => {
    const { final, openFiles, exports } = await runCampaign(true);
    expect(final.status).toBe('completed');
    expect(final.counts.accepted).toBe(3);
    expect(openFiles.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(exports).toHaveLength(2);
  });

  it('against a simulator standing in for Messente with the known password', async () => {
    const { final, sentToSimulator, exports } = await runCampaign(false);
    expect(final.status).toBe('completed');
    expect(final.counts.accepted).toBe(3);
    // Proof that the password was really used: the simulator accepted the messages.
    expect(sentToSimulator).toBe(3);
    expect(exports[0]).toContain('+37251234567');
  });
});
