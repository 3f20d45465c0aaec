import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../cli/command';
import { openMemoryDatabase } from '../db/database';
import { runCampaignInCli } from './cli-run';
import { createTestClient, seedCampaign, startTestServer, type TestServer } from './test-support';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function io(controller = new AbortController()): { io: CliIO; err: () => string } {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (d: Buffer) => (text += d.toString()));
  return {
    io: { stdout: new PassThrough(), stderr, env: {}, cwd: '/', signal: controller.signal },
    err: () => text,
  };
}

describe('runCampaignInCli', () => {
  it('pauses on Ctrl-C, says how to resume, then resumes a crashed campaign without resending', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 30);
    server = await startTestServer(undefined, 10);
    const getClient = async () => createTestClient(server!.url);
    const controller = new AbortController();
    const first = io(controller);
    setTimeout(() => controller.abort(), 300);
    const paused = await runCampaignInCli({
      db,
      campaignId: id,
      io: first.io,
      mode: 'start',
      options: { rate: 30 },
      getClient,
    });
    expect(paused.status).toBe('paused');
    expect(first.err()).toMatch(/Pausing: nothing new is sent/);
    expect(first.err()).toContain(`Paused. Resume with: omnicast resume ${id}`);
    const sentBefore = server.received.length;
    expect(sentBefore).toBe(paused.counts.accepted);

    // Simulate a kill while one row was in flight: the campaign is left `sending`.
    db.prepare("UPDATE campaigns SET status = 'sending' WHERE id = ?").run(id);
    db.prepare(
      "UPDATE messages SET state = 'sending' WHERE row = (SELECT MIN(row) FROM messages WHERE state = 'queued')",
    ).run();
    const second = io();
    const final = await runCampaignInCli({ db, campaignId: id, io: second.io, mode: 'resume', getClient });
    expect(final.status).toBe('completed');
    expect(final.counts).toMatchObject({ accepted: 29, unknown: 1 });
    expect(second.err()).toMatch(/1 row\(s\) may or may not have been sent.*omnicast unknown \d+/);
    expect(second.err()).toContain(`decide with omnicast unknown ${id}`);
    expect(second.err()).toMatch(new RegExp(`Campaign ${id} completed: 29 accepted, 0 failed, 1 unknown`));
    expect(server.received).toHaveLength(29);
  });

  it('says at once that it is pausing, and waits for the answers in flight', async () => {
    const db = openMemoryDatabase();
    const id = seedCampaign(db, 30);
    server = await startTestServer(undefined, 1_000);
    const controller = new AbortController();
    const run = io(controller);
    let settled = false;
    const done = runCampaignInCli({
      db,
      campaignId: id,
      io: run.io,
      mode: 'start',
      options: { rate: 10 },
      getClient: async () => createTestClient(server!.url),
    }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    // Before any answer arrived: the operator already knows what is happening.
    expect(settled).toBe(false);
    expect(run.err()).toMatch(
      /Pausing: nothing new is sent; waiting for the answers to [1-9]\d* request\(s\) in flight\. Ctrl-C again quits at once/,
    );
    const final = await done;
    expect(final.status).toBe('paused');
    expect(final.counts.sending).toBe(0);
    expect(final.counts.accepted).toBe(server.received.length);
  });
});
