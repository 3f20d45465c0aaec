import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderError, fileProblem, MAX_NEW_LEVELS, prepareDataFolder } from './data-folder';
import { DATABASE_FILE, openDatabase } from './db/database';
import { omnicast } from './cli/test-run';

const posix = process.platform !== 'win32';
const modeOf = (path: string): number => statSync(path).mode & 0o777;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'omnicast-folder-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function refusal(dir: string): string {
  try {
    prepareDataFolder(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataFolderError);
    return (error as Error).message;
  }
  throw new Error(`${dir} was accepted`);
}

describe.skipIf(!posix)('a private data folder', () => {
  it('creates the folder 0700 and the database with its WAL files 0600', () => {
    const dir = join(root, 'a', 'b', 'data');
    const db = openDatabase(dir);
    try {
      db.prepare('CREATE TABLE t (x INTEGER) STRICT').run();
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(root, 'a'))).toBe(0o700);
      for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
        expect(modeOf(join(dir, file)), file).toBe(0o600);
      }
    } finally {
      db.close();
    }
  });

  it('tightens an existing folder and its files, saying so in one line, once', () => {
    const dir = join(root, 'data');
    openDatabase(dir).close();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, DATABASE_FILE), 0o644);
    writeFileSync(join(dir, 'notes.csv'), 'x', { mode: 0o664 });
    const notes: string[] = [];
    openDatabase(dir, { notice: (line) => notes.push(line) }).close();
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, DATABASE_FILE))).toBe(0o600);
    expect(modeOf(join(dir, 'notes.csv'))).toBe(0o600);
    expect(notes).toEqual([`Omnicast: made the data folder ${dir} private (only you can read it now).`]);
    openDatabase(dir, { notice: (line) => notes.push(line) }).close();
    expect(notes).toHaveLength(1);
  });

  it('keeps a write-protected file write-protected while taking away the others’ access', () => {
    const dir = join(root, 'data');
    openDatabase(dir).close();
    chmodSync(join(dir, DATABASE_FILE), 0o444);
    openDatabase(dir, { readonly: true }).close();
    expect(modeOf(join(dir, DATABASE_FILE))).toBe(0o400);
  });
});

describe.skipIf(!posix)('data folder paths', () => {
  it('refuses folders under /proc, /sys and /dev at once, in one sentence', () => {
    for (const dir of ['/proc/nope', '/proc', '/sys/omnicast', '/dev/shm/../omnicast']) {
      expect(refusal(dir)).toMatch(/^The data folder .+ would be inside \/(proc|sys|dev), a system folder/);
    }
  });

  it('refuses a path that reaches a system folder through a symbolic link', () => {
    symlinkSync('/proc/self', join(root, 'link'));
    expect(refusal(join(root, 'link', 'data'))).toMatch(/would be inside \/proc/);
  });

  it('refuses a file, and a path under a file', () => {
    const file = join(root, 'file.txt');
    writeFileSync(file, 'x');
    expect(refusal(file)).toBe(`The data folder ${file} is a file, not a folder: choose another path.`);
    expect(refusal(join(file, 'data'))).toBe(
      `Cannot create the data folder ${join(file, 'data')}: ${file} is a file, not a folder.`,
    );
  });

  it('creates at most a bounded number of missing levels, and nothing when there are more', () => {
    const deep = join(root, ...Array.from({ length: MAX_NEW_LEVELS + 1 }, (_, i) => `d${i}`));
    expect(refusal(deep)).toMatch(/folders below the nearest existing one/);
    expect(existsSync(join(root, 'd0'))).toBe(false);
    prepareDataFolder(join(root, ...Array.from({ length: MAX_NEW_LEVELS }, (_, i) => `d${i}`)));
  });

  it('the CLI answers --data-dir /proc/nope with the sentence and exit 1, instead of hanging', async () => {
    const run = await omnicast(['campaigns', '--data-dir', '/proc/nope'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'omnicast campaigns: The data folder /proc/nope would be inside /proc, a system folder that cannot hold files: choose a folder in your home folder.\n',
    );
  });
});

describe('file problems in words', () => {
  it('names the common failures instead of their codes', () => {
    const err = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: x`), { code });
    expect(fileProblem('write r.csv', err('EISDIR'))).toBe('Cannot write r.csv: it is a folder.');
    expect(fileProblem('write r.csv', err('ENOENT'))).toBe('Cannot write r.csv: the folder does not exist.');
    expect(fileProblem('write r.csv', err('ENOSPC'))).toBe('Cannot write r.csv: the disk is full.');
    expect(fileProblem('write r.csv', err('EACCES'))).toBe('Cannot write r.csv: permission denied.');
  });
});
