// The import's rules on the command line: a file whose rows may have run together, a template or a
// message over its cap, are refused with exit 2 and one line, unless the operator accepts them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator';
import { tempDir } from '../../testing/temp-dir';
import { buildXlsx } from '../../../shared/import/xlsx-test-support';
import { omnicast, sendTo, startCliSimulator } from '../test-run';

describe('omnicast preview and send apply the import rules', () => {
  let dir: string;
  let sim: RunningSimulator;
  const stray = 'phone,name\n+37251000001,Ann\n+37251000002,"Bob\n+37251000003,Carl\n+37251000004,Dana\n';

  beforeAll(async () => {
    dir = tempDir('omnicast-rules');
    sim = await startCliSimulator(join(dir, 'sim.jsonl'));
    writeFileSync(join(dir, 'stray.csv'), stray);
    writeFileSync(join(dir, 'ragged.csv'), 'phone,name\n+37251000001,Ann\n+37251000002\n');
    writeFileSync(join(dir, 'ok.csv'), 'phone,name\n+37251000001,Ann\n');
  });
  afterAll(async () => {
    await sim.close();
  });

  const send = (...args: string[]) => sendTo(sim, args, { cwd: dir, dataDir: join(dir, 'data') });
  const sentTo = () => {
    try {
      return readFileSync(join(dir, 'sim.jsonl'), 'utf8').trim().split('\n').filter(Boolean).length;
    } catch {
      return 0;
    }
  };

  it('send refuses a stray quote that swallowed the following rows, naming the row, and sends nothing', async () => {
    const run = await send('stray.csv', '--template', 'Hi {{name}}');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"stray.csv": ');
    expect(run.stderr).toContain('row 3');
    expect(run.stderr).toContain('--accept-problems');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(sentTo()).toBe(0);
  });

  it('preview prints the problems and exits 2; --accept-problems lets it through', async () => {
    const refused = await omnicast(['preview', 'ragged.csv', '--template', 'Hi {{name}}'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Problems in "ragged.csv"');
    expect(refused.stderr).toContain('Row 3 has 1 values but there are 2 columns');
    expect(refused.stdout).toContain('+37251000002');
    const accepted = await omnicast(
      ['preview', 'ragged.csv', '--template', 'Hi {{name}}', '--accept-problems'],
      dir,
    );
    expect(accepted.code).toBe(0);
  });

  it('refuses a template over 10 000 characters', async () => {
    const run = await omnicast(['preview', 'ok.csv', '--template', 'x'.repeat(10_001)], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('10,001 characters long; the most is 10,000');
  });

  it('refuses a rendered message over the segment cap, default 10, and --max-segments moves it', async () => {
    const long = 'y'.repeat(160 * 3);
    const refused = await send('ok.csv', '--template', long, '--max-segments', '2');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'omnicast send: "ok.csv" row 2: The message is 4 segments long; the most allowed per message is 2. Shorten the message, or allow more with --max-segments.\n',
    );
    expect(sentTo()).toBe(0);
    const preview = await omnicast(['preview', 'ok.csv', '--template', 'z'.repeat(153 * 11)], dir);
    expect(preview.code).toBe(2);
    expect(preview.stdout).toContain('(error: The message is 11 segments long');
    const allowed = await omnicast(
      ['preview', 'ok.csv', '--template', 'z'.repeat(153 * 11), '--max-segments', '11'],
      dir,
    );
    expect(allowed.code).toBe(0);
  });

  it('--country-column reads each national number for its row country', async () => {
    writeFileSync(join(dir, 'where.csv'), 'phone,where\n040 123 4567,Suomi\n5123 4567,\n');
    const args = ['preview', 'where.csv', '--template', 'Hi', '--format', 'jsonl'];
    const tos = (out: string) =>
      out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { to?: string | null }).to)
        .slice(0, 2);
    expect(tos((await omnicast([...args, '--country-column', 'where'], dir)).stdout)).toEqual([
      '+358401234567',
      '+37251234567',
    ]);
    expect(tos((await omnicast(args, dir)).stdout)).toEqual([null, '+37251234567']);
    const missing = await omnicast([...args, '--country-column', 'Land'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no column named "Land"');
  });

  it('reads an Excel workbook, the sheet chosen with --sheet', async () => {
    const book = buildXlsx([
      {
        name: 'First',
        rows: new Map([
          [1, ['phone', 'name']],
          [2, [{ n: 3.7251234567e10, style: 4 }, 'Ann']],
        ]),
      },
      {
        name: 'Second',
        rows: new Map([
          [1, ['phone', 'name']],
          [2, ['+37251000007', 'Bo']],
        ]),
      },
    ]);
    writeFileSync(join(dir, 'list.xlsx'), book);
    const args = ['preview', 'list.xlsx', '--template', 'Hi {{name}}', '--format', 'csv'];
    expect((await omnicast(args, dir)).stdout).toContain('+37251234567,ok,,Hi Ann');
    expect((await omnicast([...args, '--sheet', 'Second'], dir)).stdout).toContain('+37251000007,ok,,Hi Bo');
    const missing = await omnicast([...args, '--sheet', 'Third'], dir);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      2,
      'omnicast preview: "list.xlsx" has no sheet named "Third": its sheets are "First", "Second".',
    ]);
  });

  it('sends the stray-quote file as the operator accepted it', async () => {
    const run = await send('stray.csv', '--template', 'Hi {{name}}', '--accept-problems');
    expect(run.code).toBe(0);
    expect(sentTo()).toBe(2);
  });
});
