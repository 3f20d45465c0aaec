// Where `omnicast report --out` writes, and what it says when it cannot: plain words, never an
// error code, and never a file replaced without being asked.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { seedCampaign } from '../../sender/test-support';
import { omnicast } from '../test-run';

let root: string;
let dataDir: string;
let id: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'omnicast-report-file-'));
  dataDir = join(root, 'data');
  const db = openDatabase(dataDir);
  id = String(seedCampaign(db, 3));
  db.close();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const report = (out: string, ...extra: string[]) =>
  omnicast(['report', id, '--out', out, '--data-dir', dataDir, ...extra], root);

describe('omnicast report --out', () => {
  it('writes a new file owner-only', async () => {
    const run = await report('new.csv');
    expect(run.code).toBe(0);
    if (process.platform !== 'win32') expect(statSync(join(root, 'new.csv')).mode & 0o777).toBe(0o600);
  });

  it('refuses an existing file unless --force, which replaces it (and makes it private)', async () => {
    const path = join(root, 'old.csv');
    writeFileSync(path, 'keep me', { mode: 0o644 });
    const refused = await report('old.csv');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'omnicast report: cannot write old.csv: it already exists (add --force to replace it).\n',
    );
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    const forced = await report('old.csv', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('phone');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('says it is a folder, or that the folder does not exist', async () => {
    mkdirSync(join(root, 'folder'));
    for (const force of [[], ['--force']]) {
      const folder = await report('folder', ...force);
      expect(folder.code).toBe(1);
      expect(folder.stderr).toBe('omnicast report: cannot write folder: it is a folder.\n');
    }
    const missing = await report(join('nowhere', 'r.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `omnicast report: cannot write ${join('nowhere', 'r.csv')}: the folder does not exist.\n`,
    );
  });

  it.skipIf(!existsSync('/dev/full'))('says the disk is full, and leaves the device alone', async () => {
    const before = statSync('/dev/full');
    const full = await report('/dev/full', '--force');
    expect(full.code).toBe(1);
    expect(full.stderr).toBe('omnicast report: cannot write /dev/full: the disk is full.\n');
    const after = statSync('/dev/full');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.mode).toBe(before.mode);
  });
});
