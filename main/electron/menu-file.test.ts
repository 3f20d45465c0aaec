import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMenuFile } from './menu-file';
import { tempDir } from '../testing/temp-dir';

const dir = tempDir('omnicast-menu-file');

describe('readMenuFile', () => {
  it('sends the file name and its exact bytes as base64', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x6e, 0x00, 0x0a, 0x00]);
    writeFileSync(join(dir, 'clients.csv'), bytes);
    const result = await readMenuFile(join(dir, 'clients.csv'));
    expect(result).toEqual({
      ok: true,
      command: { command: 'openRecipients', fileName: 'clients.csv', bytesBase64: bytes.toString('base64') },
    });
  });

  it('refuses a file above the menu limit and points to drag-and-drop or the CLI', async () => {
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(2000));
    const result = await readMenuFile(join(dir, 'big.csv'), { menu: 1000, max: 5000 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('big.csv');
      expect(result.message).toMatch(/Drag the file/);
      expect(result.message).toMatch(/omnicast send/);
    }
  });

  it('refuses a file above the import limit outright', async () => {
    writeFileSync(join(dir, 'huge.csv'), 'x'.repeat(6000));
    const result = await readMenuFile(join(dir, 'huge.csv'), { menu: 1000, max: 5000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/up to 1 MB.*Split it/);
  });

  it('explains a missing file or a folder', async () => {
    const missing = await readMenuFile(join(dir, 'gone.csv'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toMatch(/gone\.csv could not be opened/);
    const folder = await readMenuFile(dir);
    expect(folder.ok).toBe(false);
  });
});
