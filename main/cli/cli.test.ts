// The CLI's promise from the README, run in-process against the real simulator over loopback:
// send delivers every valid row once (visible in the simulator's log), prints the campaign id last,
// and report writes one row per recipient with its state and message id.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../simulator';
import { CLI_ENV, omnicast, sendTo, startCliSimulator } from './test-run';
import { tempDir } from '../testing/temp-dir';

describe('omnicast send + report against the simulator', () => {
  let dir: string;
  let sim: RunningSimulator;
  const env = CLI_ENV;

  beforeAll(async () => {
    dir = tempDir('omnicast-cli');
    sim = await startCliSimulator(join(dir, 'sim.jsonl'));
    writeFileSync(
      join(dir, 'recipients.csv'),
      'name;phone\nMari;+372 5123 4567\nJüri;5123 4568\nBad;12\nMari again;0037251234567\nAnne;51234569\n',
    );
  });
  afterAll(async () => {
    await sim.close();
  });

  it('sends every valid row exactly once and reports every recipient', async () => {
    const dataDir = join(dir, 'data');
    const send = await sendTo(sim, ['recipients.csv', '--template', 'Hi {{name}}', '--rate', '20'], {
      cwd: dir,
      dataDir,
    });
    expect(send.stderr).not.toContain(env.MESSENTE_PASSWORD);
    expect(send.code).toBe(0);
    const lines = send.stdout.trim().split('\n');
    const id = lines.at(-1)!;
    expect(id).toMatch(/^\d+$/);

    const log = readFileSync(join(dir, 'sim.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { omnimessage_id: string; to: string; text: string });
    expect(log.map((l) => l.to).sort()).toEqual(['+37251234567', '+37251234568', '+37251234569']);
    expect(log.find((l) => l.to === '+37251234568')?.text).toBe('Hi Jüri');

    const report = await omnicast(['report', id, '--out', 'r.csv', '--data-dir', dataDir], dir);
    expect(report.code).toBe(0);
    const csv = readFileSync(join(dir, 'r.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['Mari', 'accepted'],
      ['Jüri', 'accepted'],
      ['Bad', 'skipped'],
      ['Mari again', 'skipped'],
      ['Anne', 'accepted'],
    ]);
    for (const row of rows.filter((r) => r.status === 'accepted')) {
      expect(log.some((l) => l.omnimessage_id === row.omnimessage_id && l.to === row.to)).toBe(true);
      expect(row.message_id).toMatch(/^[0-9a-f-]{36}$/);
    }

    const listed = await omnicast(['campaigns', '--format', 'json', '--data-dir', dataDir], dir);
    expect(listed.code).toBe(0);
    const campaigns = JSON.parse(listed.stdout) as {
      id: number;
      status: string;
      counts: Record<string, number>;
    }[];
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({
      id: Number(id),
      status: 'completed',
      counts: { accepted: 3, skipped: 2 },
    });

    const semicolons = await omnicast(
      ['campaigns', '--format', 'csv', '--delimiter', ';', '--data-dir', dataDir],
      dir,
    );
    expect(semicolons.code).toBe(0);
    const listLines = semicolons.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(listLines[0]).toMatch(/^id;name;status;test_mode;/);
    expect(listLines[1]).toMatch(new RegExp(`^${id};[^;]*;completed;`));
    const tabs = await omnicast(
      ['campaigns', '--format', 'csv', '--delimiter', 'tab', '--data-dir', dataDir],
      dir,
    );
    expect(tabs.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^id\tname\tstatus\t/);
    const refused = await omnicast(['campaigns', '--delimiter', ';', '--data-dir', dataDir], dir);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      expect.stringMatching(/--delimiter goes with --format csv/),
    ]);
  });

  it('previews every data row as jsonl, text as the recipient gets it, then a summary line', async () => {
    writeFileSync(join(dir, 'prices.csv'), 'country,price\nEE,0.06\n');
    const run = async (autoconvert: string) => {
      const out = await omnicast(
        [
          'preview',
          'recipients.csv',
          '--template',
          'Hi {{name}}, we’re open',
          '--prices',
          'prices.csv',
          '--data-dir',
          join(dir, 'data-preview'),
        ].concat(['--format', 'jsonl', '--autoconvert', autoconvert]),
        dir,
      );
      expect(out.code).toBe(0);
      return out.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    const on = await run('on');
    expect(on).toHaveLength(6);
    // Rows as the spreadsheet shows them (header on row 1), the numbering the reasons use too.
    expect(on[0]).toEqual({
      row: 2,
      to: '+37251234567',
      status: 'ok',
      reason: null,
      text: "Hi Mari, we're open",
      encoding: 'GSM-7',
      characters: 19,
      units: 19,
      segments: 1,
      cost: 0.06,
    });
    expect(on[2]).toMatchObject({ row: 4, to: null, status: 'invalid', cost: null });
    expect(on[3]).toMatchObject({ row: 5, status: 'duplicate', reason: 'Same number as row 2' });
    expect(on[5]).toMatchObject({ summary: { rows: 5, ok: 3, messages: 3, segments: 3, cost_max: 0.18 } });
    const off = await run('off');
    expect(off[0]).toMatchObject({ text: 'Hi Mari, we’re open', encoding: 'UCS-2', segments: 1 });
  });

  it('exits 1 with a one-line reason when the password is wrong', async () => {
    const run = await sendTo(
      sim,
      ['recipients.csv', '--template', 'Hi'],
      { cwd: dir, dataDir: join(dir, 'data2') },
      { ...env, MESSENTE_PASSWORD: 'wrong' },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/credentials|password|401/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming the problem for bad usage and bad input', async () => {
    // Its own data folder: a test never opens the user's.
    const missing = await omnicast(
      ['send', 'nope.csv', '--template', 'Hi', '--yes', '--data-dir', join(dir, 'data-missing')],
      dir,
      env,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv');
    const badTemplate = await omnicast(
      ['preview', 'recipients.csv', '--template', 'Hi {{nmae}}', '--data-dir', join(dir, 'data-preview')],
      dir,
    );
    expect(badTemplate.code).toBe(2);
    expect(badTemplate.stderr).toMatch(/nmae/);
    const unknown = await omnicast(['sned'], dir);
    expect(unknown.code).toBe(2);
  });
});
