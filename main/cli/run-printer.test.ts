import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { seedCampaign } from '../sender/test-support';
import { startSimulator, type RunningSimulator } from '../simulator';
import { openCliCore, type CliCore } from './cli-core';
import type { CliIO } from './command';
import { runCampaignInCli } from './run-printer';

const USER = 'u';
const PASSWORD = 'run-printer-pw';
let sim: RunningSimulator | undefined;
let cli: CliCore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await cli?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  cli = sim = dir = undefined;
});

function io(controller = new AbortController()): { io: CliIO; err: () => string } {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (d: Buffer) => (text += d.toString()));
  return {
    io: {
      stdout: new PassThrough(),
      stderr,
      env: { MESSENTE_USERNAME: USER, MESSENTE_PASSWORD: PASSWORD },
      cwd: '/',
      signal: controller.signal,
    },
    err: () => text,
  };
}

/** A live 30-row draft in a fresh data folder, and a simulator answering after `latencyMs`. */
async function prepare(latencyMs: number): Promise<number> {
  sim = await startSimulator({ port: 0, username: USER, password: PASSWORD, latencyMs });
  dir = mkdtempSync(join(tmpdir(), 'omnicast-run-printer-'));
  const db = openDatabase(dir);
  const id = seedCampaign(db, 30);
  db.prepare('UPDATE campaigns SET test_mode = 0 WHERE id = ?').run(id);
  db.close();
  return id;
}

async function open(run: { io: CliIO }): Promise<CliCore> {
  await cli?.close();
  cli = await openCliCore({ dataDir: dir!, io: run.io, target: { 'api-url': sim!.apiUrl } });
  return cli;
}

describe('runCampaignInCli', () => {
  it('pauses on Ctrl-C, says how to resume, then resumes a crashed campaign without resending', async () => {
    const id = await prepare(10);
    const controller = new AbortController();
    const first = io(controller);
    setTimeout(() => controller.abort(), 300);
    const paused = await runCampaignInCli({
      cli: await open(first),
      campaignId: id,
      io: first.io,
      start: { rate: 30 },
    });
    expect(paused.status).toBe('paused');
    expect(first.err()).toMatch(/Pausing: nothing new is sent/);
    expect(first.err()).toContain(`Paused. Resume with: omnicast resume ${id}`);
    expect(sim!.accepted()).toHaveLength(paused.counts.accepted);

    // Simulate a kill while one row was in flight: the campaign is left `sending`.
    const db = cli!.core.db;
    db.prepare("UPDATE campaigns SET status = 'sending' WHERE id = ?").run(id);
    db.prepare(
      "UPDATE messages SET state = 'sending' WHERE row = (SELECT MIN(row) FROM messages WHERE state = 'queued')",
    ).run();
    const second = io();
    const final = await runCampaignInCli({
      cli: await open(second),
      campaignId: id,
      io: second.io,
      resume: {},
    });
    expect(final.status).toBe('completed');
    expect(final.counts).toMatchObject({ accepted: 29, unknown: 1 });
    expect(second.err()).toMatch(/1 row\(s\) may or may not have been sent.*omnicast unknown \d+/);
    expect(second.err()).toContain(`decide with omnicast unknown ${id}`);
    expect(second.err()).toMatch(new RegExp(`Campaign ${id} completed: 29 accepted, 0 failed, 1 unknown`));
    expect(sim!.accepted()).toHaveLength(29);
  });

  it('says at once that it is pausing, and waits for the answers in flight', async () => {
    const id = await prepare(1_000);
    const controller = new AbortController();
    const run = io(controller);
    let settled = false;
    const done = runCampaignInCli({
      cli: await open(run),
      campaignId: id,
      io: run.io,
      start: { rate: 10 },
    }).finally(() => (settled = true));
    // Ctrl-C once requests are in flight (the balance check comes first, at the same latency).
    while (cli!.core.sender.progress(id).counts.sending === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    // Before any answer arrived: the operator already knows what is happening.
    expect(settled).toBe(false);
    expect(run.err()).toMatch(
      /Pausing: nothing new is sent; waiting for the answers to [1-9]\d* request\(s\) in flight\. Ctrl-C again quits at once/,
    );
    const final = await done;
    expect(final.status).toBe('paused');
    expect(final.counts.sending).toBe(0);
    expect(final.counts.accepted).toBe(sim!.accepted().length);
  });
});
