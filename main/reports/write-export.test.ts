import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportSource } from '../platform';
import { ExportAborted, writeExportToFile } from './write-export';
import { tempDir as newTempDir } from '../testing/temp-dir';

function lines(count: number): ExportSource {
  return {
    suggestedName: 'report.csv',
    async write(sink) {
      await sink('phone,state\n', 0);
      for (let i = 0; i < count; i++) await sink(`+3725${String(i).padStart(7, '0')},accepted\n`, i + 1);
      return count;
    },
  };
}

const tempDir = () => newTempDir('omnicast-export');

describe('writeExportToFile', () => {
  it('writes every row and returns the count', async () => {
    const path = join(tempDir(), 'r.csv');
    const seen: number[] = [];
    expect(await writeExportToFile(lines(50_000), path, { onRows: (n) => seen.push(n) })).toBe(50_000);
    const text = readFileSync(path, 'utf8').split('\n');
    expect(text[0]).toBe('phone,state');
    expect(text[50_000]).toBe('+37250049999,accepted');
    expect(text).toHaveLength(50_002);
    expect(seen.at(-1)).toBe(50_000);
  });

  it('fails when the file cannot be written', async () => {
    await expect(
      writeExportToFile(lines(10), join(tmpdir(), 'no-such-dir-omnicast', 'r.csv')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('stops at the next chunk once aborted and removes the partial file', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const write = writeExportToFile(lines(50_000), join(dir, 'r.csv'), {
      signal: controller.signal,
      onRows: (n) => n === 1_000 && controller.abort(),
    });
    await expect(write).rejects.toBeInstanceOf(ExportAborted);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never opens the file when aborted before it starts', async () => {
    const path = join(tempDir(), 'r.csv');
    const controller = new AbortController();
    controller.abort();
    await expect(writeExportToFile(lines(3), path, { signal: controller.signal })).rejects.toBeInstanceOf(
      ExportAborted,
    );
    expect(existsSync(path)).toBe(false);
  });
});
