// Kills the built CLI (`omnicast send`, then `omnicast resume`) with SIGKILL at random (seeded)
// moments during one campaign, resumes each time until it completes, then proves from the
// simulator's log and the database: no recipient received twice, every accepted row holds the
// simulator's omnimessage id, every row is final, and `unknown` rows were all in flight at a kill.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../simulator/prng';
import { startSimulator, type RunningSimulator } from '../simulator';
import { tempDir } from '../testing/temp-dir';

const CLI = resolve(__dirname, '../../dist/main/cli.cjs');
const ROWS = 400;
const KILLS = 12;
let sim: RunningSimulator | undefined;
afterAll(async () => sim?.close());

interface Exit {
  killed: boolean;
  code: number | null;
  stderr: string;
}

/**
 * Runs the CLI; kills it `killAfterMs` after the simulator received this run's first request, if
 * given. Counting from the first request rather than from the spawn keeps the kills in the middle
 * of sending on a busy machine, where starting Node alone may take longer than the whole delay.
 */
function runCli(args: string[], killAfterMs: number | null): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, MESSENTE_USERNAME: 'crash', MESSENTE_PASSWORD: 'test-pass' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const before = sim!.accepted().length;
    let timer: NodeJS.Timeout | null = null;
    const watch =
      killAfterMs === null
        ? null
        : setInterval(() => {
            if (sim!.accepted().length === before) return;
            clearInterval(watch!);
            timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          }, 5);
    child.on('exit', (code, signal) => {
      if (watch) clearInterval(watch);
      if (timer) clearTimeout(timer);
      done({ killed: signal === 'SIGKILL', code, stderr });
    });
  });
}

/**
 * Reads the CLI's database once the CLI has created it and its tables; null before (a kill may
 * land before either, and opening a missing file read-only fails).
 */
function readDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T | null {
  const file = join(dataDir, 'omnicast.sqlite');
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true });
  try {
    const ready = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('campaigns', 'messages')")
      .all();
    return ready.length === 2 ? read(db) : null;
  } finally {
    db.close();
  }
}

describe('crash safety of the built CLI', () => {
  it('never sends a row twice across SIGKILLs and resumes', { timeout: 180_000 }, async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    const dir = tempDir('omnicast-crash');
    const dataDir = join(dir, 'data');
    const logFile = join(dir, 'simulator.jsonl');
    sim = await startSimulator({
      port: 0,
      username: 'crash',
      password: 'test-pass',
      logFile,
      latencyMs: 20,
      seed: 3,
    });
    const csv = [
      'name,phone',
      ...Array.from({ length: ROWS }, (_, i) => `N${i},+3725${String(i).padStart(7, '0')}`),
    ];
    writeFileSync(join(dir, 'recipients.csv'), `${csv.join('\n')}\n`);
    const api = ['--api-url', sim.apiUrl, '--legacy-url', sim.legacyUrl, '--data-dir', dataDir];
    const random = seededRandom(20_251_125);

    // The rows a killed process left `sending`: the only ones that may end `unknown`.
    const inFlightAtKills = new Set<number>();
    let killsMidFlight = 0;
    const noteKill = () => {
      const rows =
        readDatabase(
          dataDir,
          (db) => db.prepare("SELECT row FROM messages WHERE state = 'sending'").all() as { row: number }[],
        ) ?? [];
      for (const r of rows) inFlightAtKills.add(r.row);
      if (rows.length > 0) killsMidFlight += 1;
    };

    let kills = 0;
    let campaignId: number | null = null;
    for (let run = 0; run < 60; run++) {
      const killAfter = kills < KILLS ? Math.floor(20 + random() * 280) : null;
      const exit =
        campaignId === null
          ? await runCli(
              [
                'send',
                join(dir, 'recipients.csv'),
                '--template',
                'Hi {{name}}',
                '--rate',
                '150',
                '--yes',
                ...api,
              ],
              killAfter,
            )
          : await runCli(['resume', String(campaignId), '--yes', ...api], killAfter);
      if (campaignId === null) {
        campaignId = readDatabase(
          dataDir,
          (db) => (db.prepare('SELECT MAX(id) AS id FROM campaigns').get() as { id: number | null }).id,
        );
      }
      if (exit.killed) {
        kills += 1;
        noteKill();
        continue;
      }
      expect(exit.stderr).not.toMatch(/Error|error:/);
      if (exit.code === 0 || /completed/.test(exit.stderr)) break;
    }
    expect(kills).toBeGreaterThanOrEqual(8);
    // Most kills landed while requests were in flight, not before sending began.
    expect(killsMidFlight).toBeGreaterThanOrEqual(4);
    expect(campaignId).not.toBeNull();

    const db = new Database(join(dataDir, 'omnicast.sqlite'), { readonly: true });
    const rows = db
      .prepare(
        'SELECT row, recipient, state, omnimessage_id FROM messages WHERE campaign_id = ? ORDER BY row',
      )
      .all(campaignId) as { row: number; recipient: string; state: string; omnimessage_id: string | null }[];
    const status = (
      db.prepare('SELECT status FROM campaigns WHERE id = ?').get(campaignId) as { status: string }
    ).status;
    db.close();
    const log = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as { omnimessage_id: string; to: string });

    expect(status).toBe('completed');
    expect(rows).toHaveLength(ROWS);
    // No recipient received twice.
    const received = new Map<string, string>();
    const twice = log.filter((e) => received.has(e.to) || !received.set(e.to, e.omnimessage_id));
    expect(twice).toEqual([]);
    // Every row is final; every accepted row holds the simulator's id for its recipient.
    expect(rows.filter((r) => r.state !== 'accepted' && r.state !== 'unknown')).toEqual([]);
    for (const r of rows.filter((x) => x.state === 'accepted'))
      expect(r.omnimessage_id, `row ${r.row}`).toBe(received.get(r.recipient));
    // `unknown` only for rows in flight at a kill; every row the simulator never saw is unknown.
    const unknown = rows.filter((r) => r.state === 'unknown');
    expect(unknown.filter((r) => !inFlightAtKills.has(r.row))).toEqual([]);
    expect(rows.filter((r) => !received.has(r.recipient) && r.state !== 'unknown')).toEqual([]);
    // Everything the simulator accepted belongs to this campaign's rows.
    expect(log.length).toBe(rows.filter((r) => received.has(r.recipient)).length);
  });
});
