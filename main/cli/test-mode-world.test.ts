// A campaign the command line sends in test mode keeps its world: a later run (its own process,
// its own simulator) still answers for its statuses, so `report` and `status --refresh` need no
// flags.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { StoreLine } from '../simulator/store';
import { tempDir } from '../testing/temp-dir';
import { TEST_MODE_STORE_FILE } from '../test-mode';
import { omnicast } from './test-run';

const CSV = 'name;phone\nAnna;+372 5123 4561\nPeeter;+372 5123 4562\nMari;+372 5123 4563\n';

/**
 * Moves every stored message a minute into the past, as if the operator came back later: test
 * mode's statuses take a few seconds to reach their final value, and a test does not wait for that.
 */
function comeBackLater(dataDir: string): void {
  const file = join(dataDir, TEST_MODE_STORE_FILE);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const aged = lines.map((text) => {
    const line = JSON.parse(text) as StoreLine;
    if ('message' in line) line.message.startsAt -= 60_000;
    return JSON.stringify(line);
  });
  writeFileSync(file, `${aged.join('\n')}\n`);
}

describe('test mode outlives the run that sent', () => {
  it('send --test-mode, then report and status --refresh with no flags give final statuses', async () => {
    const dir = tempDir('omnicast-test-world');
    writeFileSync(join(dir, 'people.csv'), CSV);
    const dataDir = join(dir, 'data');
    // No credentials at all: test mode needs none, before or after.
    const env = {};
    const send = await omnicast(
      ['send', 'people.csv', '--template', 'Tere {{name}}', '--test-mode', '--yes', '--data-dir', dataDir],
      dir,
      env,
    );
    expect(send.code, send.stderr).toBe(0);
    const id = send.stdout.trim().split('\n').at(-1)!;
    comeBackLater(dataDir);

    const report = await omnicast(['report', id, '--out', 'r.csv', '--data-dir', dataDir], dir, env);
    expect(report.stderr).toContain('Checked 3 messages: 3 changed, 0 unknown to Messente');
    expect(report.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(join(dir, 'r.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.delivery_status).toMatch(/^(DELIVRD|UNDELIV|FAILED|EXPIRED|REJECTD)$/);

    const status = await omnicast(['status', id, '--refresh', '--data-dir', dataDir], dir, env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`Campaign ${id} "people.csv`);
    expect(status.stdout).toContain('test mode');
    expect(status.stdout).not.toContain('PENDING');
  });
});
