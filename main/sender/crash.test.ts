// Kills a sending process with SIGKILL at random moments, resumes it each time, and proves from the
// server's record and the database that nothing was sent twice and nothing was lost.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { seedCampaign, startTestServer, type TestServer } from './test-support';

const ROOT = resolve(__dirname, '../..');
const RUNNER = join(ROOT, 'dist', 'test', 'crash-runner.cjs');
let server: TestServer;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'dist', 'test'), { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'crash-runner.ts')],
    outfile: RUNNER,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  server = await startTestServer(undefined, 15);
});
afterAll(async () => server?.close());

function runOnce(dataDir: string, id: number, killAfterMs: number | null): Promise<number | 'killed'> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [RUNNER, dataDir, String(id), server.url, '100'], {
      stdio: 'ignore',
    });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      done(signal === 'SIGKILL' ? 'killed' : (code ?? 1));
    });
  });
}

describe('crash safety', () => {
  it('never sends a row twice across SIGKILLs and resumes', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'omnicast-crash-'));
    const seedDb = openDatabase(dataDir);
    const id = seedCampaign(seedDb, 200);
    seedDb.close();

    let seed = 12345;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let kills = 0;
    let exit: number | 'killed' = 'killed';
    for (let i = 0; i < 12 && exit !== 0; i++) {
      exit = await runOnce(dataDir, id, 150 + Math.floor(random() * 500));
      if (exit === 'killed') kills += 1;
    }
    while (exit !== 0) exit = await runOnce(dataDir, id, null);
    expect(kills).toBeGreaterThanOrEqual(5);

    const db = openDatabase(dataDir);
    const rows = db
      .prepare('SELECT id, row, recipient, state, omnimessage_id FROM messages ORDER BY row')
      .all() as {
      id: number;
      recipient: string;
      state: string;
      omnimessage_id: string | null;
    }[];
    const received = new Map<string, string[]>();
    for (const r of server.received) {
      if (!('to' in r.body)) continue;
      received.set(r.body.to, [...(received.get(r.body.to) ?? []), ...r.ids]);
    }
    const counts = new Map<string, number>();
    for (const r of server.received)
      if ('to' in r.body) counts.set(r.body.to, (counts.get(r.body.to) ?? 0) + 1);
    // No recipient received twice.
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    // Every row is final; every accepted row carries the id the server gave for that recipient.
    expect(rows.filter((r) => r.state !== 'accepted' && r.state !== 'unknown')).toEqual([]);
    for (const r of rows.filter((x) => x.state === 'accepted')) {
      expect(received.get(r.recipient)).toEqual([r.omnimessage_id]);
    }
    // Unknown rows are exactly those that were in flight at a kill.
    const interrupted = db
      .prepare("SELECT DISTINCT message_id FROM send_attempts WHERE outcome = 'interrupted'")
      .all() as { message_id: number }[];
    const unknown = rows.filter((r) => r.state === 'unknown');
    expect(unknown.map((r) => r.id).sort()).toEqual(interrupted.map((r) => r.message_id).sort());
    expect(unknown.length).toBeLessThanOrEqual(kills * 34);
    // Every row the server never saw and the database does not call unknown is accepted exactly once.
    expect(rows.filter((r) => r.state === 'accepted')).toHaveLength(
      counts.size - unknown.filter((r) => counts.has(r.recipient)).length,
    );
    db.close();
  });
});
