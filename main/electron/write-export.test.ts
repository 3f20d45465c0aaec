import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportSource } from '../platform';
import { writeExportToFile } from './write-export';

function lines(count: number): ExportSource {
  return {
    suggestedName: 'report.csv',
    async write(sink) {
      await sink('phone,state\n');
      for (let i = 0; i < count; i++) await sink(`+3725${String(i).padStart(7, '0')},accepted\n`);
      return count;
    },
  };
}

describe('writeExportToFile', () => {
  it('writes every row and returns the count', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'omnicast-export-')), 'r.csv');
    expect(await writeExportToFile(lines(50_000), path)).toBe(50_000);
    const text = readFileSync(path, 'utf8').split('\n');
    expect(text[0]).toBe('phone,state');
    expect(text[50_000]).toBe('+37250049999,accepted');
    expect(text).toHaveLength(50_002);
  });

  it('fails when the file cannot be written', async () => {
    await expect(
      writeExportToFile(lines(10), join(tmpdir(), 'no-such-dir-omnicast', 'r.csv')),
    ).rejects.toThrow(/ENOENT/);
  });
});
